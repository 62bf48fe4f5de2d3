"""The print edition: `bundelpers drukwerk` (make drukwerk) -> bundel_pdf/drukwerk/.

Each bundle and the verzamelbundel as a printer wants them: the reader's book, page for
page, with 3 mm bleed where colour touches the trim (the covers, back covers and part
titles typeset again as print variants; every other unit is taken from the store as it
is), trim and bleed boxes on every page, crop marks when asked for, and a cover spread
whose spine is as thick as the book's paper (`drukwerk: papierdikte_mm` in reeks.yaml).
Images printed below 300 ppi are named, with the content file and line that use them.

It is the normal build's pipeline with another layout and another last step; it keeps
its own targets (kind "drukwerk") in build/state.json, so `make` neither makes nor waits
for any of this, and keeps what it typeset.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from .assemble.press import MM, Press
from .build import Checked, Laid, Pipeline, Report, build_session, check
from .digests import digest
from .errors import Problem
from .layout.units import Layout, MarksSheet, UnitDoc
from .project import Project
from .publish.books import BookPlan
from .publish.press import PressJob, spine_mm, spread_plan, write_press_book
from .publish.resolution import resolution_warnings
from .publish.write import AssemblyJob, Written
from .render.jobs import Job, Runner

FOLDER = "drukwerk"
PRINT = "drukwerk"  # this kind of build's targets in build/state.json
BLEED_MM = 3.0
MARKS_MARGIN_MM = 10.0  # room for the crop marks: they stand 5 to 10 mm off the trim


@dataclass(frozen=True)
class Spine:
    name: str
    pages: int
    spine_mm: float
    paper_mm: float


@dataclass
class PrintResult:
    written: list[Written] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    spines: list[Spine] = field(default_factory=list)
    folder: Path = Path(FOLDER)


def build_print_edition(project: Project, checked: Checked | None = None, *, marks: bool = False,
                        runner: Runner | None = None, report: Report | None = None,
                        ) -> PrintResult:
    with build_session(project, runner) as session:
        checked = checked or check(project)
        return PrintPipeline(project, checked, session, report, marks).run()


class PrintPipeline(Pipeline):
    def __init__(self, project: Project, checked: Checked, runner: Runner,
                 report: Report | None, marks: bool) -> None:
        super().__init__(project, checked, runner, report)
        self.layout = Layout(project.layouts, project.build, bleed=True)
        self.marks = marks
        self.folder = project.output / FOLDER

    def run(self, only: set[str] | None = None) -> PrintResult:  # type: ignore[override]
        project = self.project
        plans = self.plans(None)
        for plan in plans:
            plan.target = self.folder / plan.target.name
        units = self.typeset(self.unit_docs(plans))
        laid = self.paginate(plans, units)
        trim = self.trim_mm(laid[plans[0].slug])
        paper = self.checked.series.meta.drukwerk.papierdikte_mm  # type: ignore[union-attr]
        spreads, spines = [], []
        for plan in plans:
            book = plan.bundle or self.checked.collection
            pages = laid[plan.slug].pagination.page_count
            spreads.append(spread_plan(self.layout, book, plan, pages, trim, paper))
            spines.append(Spine(plan.target.name, pages, spine_mm(pages, paper), paper))
        units.update(self.typeset(self.unit_docs(spreads)))
        laid.update(self.paginate(spreads, units))
        result = self.assemble_for_press([*plans, *spreads], laid, trim)
        result.spines = spines
        result.warnings = resolution_warnings(
            project.root, self.units_with_images([*plans, *spreads], laid), self.checked.books)
        self.state.keep(PRINT, self.store.used)
        self.state.save()
        return result

    def trim_mm(self, book: Laid) -> tuple[float, float]:
        """The trimmed page size, as the layouts typeset it (css/page.css)."""
        with pikepdf.open(book.rendered[0].pdf) as pdf:
            page = pdf.pages[0]
            left, bottom, right, top = (float(v) for v in page.obj.get("/TrimBox", page.mediabox))
        return round((right - left) / MM, 2), round((top - bottom) / MM, 2)

    def units_with_images(self, plans: list[BookPlan], laid: dict[str, Laid]) -> list[tuple[UnitDoc, Path]]:
        found: dict[str, tuple[UnitDoc, Path]] = {}
        for plan in plans:
            for slot, unit in zip(plan.slots, laid[plan.slug].rendered, strict=True):
                if slot.doc is not None and slot.doc.images:
                    found.setdefault(unit.key, (slot.doc, unit.pdf))
        return list(found.values())

    def marks_sheet(self, width_mm: float, height_mm: float) -> Path:
        doc = self.layout.crop_marks(MarksSheet(width_mm, height_mm, MARKS_MARGIN_MM),
                                     self.checked.series.meta)
        key = self.key(doc)
        return self.typeset({key: ((10_000,), doc, False)})[key].pdf

    def assemble_for_press(self, plans: list[BookPlan], laid: dict[str, Laid],
                           trim: tuple[float, float]) -> PrintResult:
        result = PrintResult(folder=self.folder)
        jobs, recorded = [], []
        for plan in plans:
            book = laid[plan.slug]
            sheets = self.sheets(plan, book.pagination)
            press = Press(BLEED_MM)
            if self.marks:
                size = self.trim_mm(book) if len(plan.slots) == 1 else trim  # a spread: its own
                press = Press(BLEED_MM, self.marks_sheet(*size), MARKS_MARGIN_MM)
            inputs = digest(self.book_inputs(plan, book, sheets), repr(press.bleed_mm),
                            press.marks.name if press.marks else "", repr(press.marks_margin_mm))
            if self.state.fresh(self.project.root, plan.target, inputs):
                result.unchanged.append(plan.target)
                continue
            job = AssemblyJob(plan.spec(book.pagination, book.rendered), sheets, self.store.folder,
                              plan.target, self.project.build / FOLDER / plan.slug)
            jobs.append(Job((plan.order,), write_press_book, (PressJob(job, press),),
                            weight=book.pagination.page_count))
            recorded.append((plan.target, inputs))
        result.written = self.runner.run(jobs)
        for (target, inputs), written in zip(recorded, result.written, strict=True):
            self.state.record(self.project.root, target, inputs, written.pages, PRINT)
        return result
