"""The build, top to bottom: read -> prepare -> layout -> render -> assemble.

`check()` reads and validates all content and prepares what the templates show; it
writes nothing. `build()` then lays out every unit of every book, typesets the units the
store lacks (side by side, one process per core), paginates each book, typesets its
contents with the folios now known, and assembles each book whose inputs changed. Page
maps travel in memory from one step to the next; build/state.json records what was made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from .assemble.fontshare import shared_programs
from .assemble.furniture import FOLIO_SHEET_SIZE, ROMAN_SHEET_SIZE, SheetRef, needed_sheets
from .assemble.pagination import Pagination, paginate
from .digests import digest, tool_digest, tree_digest
from .errors import Problem, ProblemLog
from .files import exclusive, remove_stale_temporaries, write_text_atomically
from .layout.stylesheets import stamp_stylesheets, unit_stylesheets
from .layout.units import FolioSheet, HeadSheet, Layout, UnitDoc, relative_url
from .prepare.book import BookBundle, prepare_series
from .prepare.collection import CollectionBook, collection_slug, prepare_collection
from .prepare.typography import typeset
from .project import Project
from .publish.books import BookPlan, bundle_plan, collection_plan
from .publish.cases import derived_plans
from .publish.downloads import publish_downloads
from .publish.holes import holes_left
from .publish.write import AssemblyJob, Written, write_book
from .read.content import Series, load_series
from .render.jobs import Job, Runner
from .render.store import Rendered, Store, unit_key
from .render.units import UnitJob, typeset_unit
from .render.warmup import allowed_files, prepare_renderer
from .state import BOOKS, BuildState, inputs_digest
from .stopwatch import Stopwatch

# A contents whose length is not known yet is assumed to fill this many pages per entry.
ENTRIES_PER_CONTENTS_PAGE = 14
MAX_CONTENTS_ROUNDS = 4



@dataclass(frozen=True)
class Event:
    """Progress, for the command line: `done` of `total` units of a book typeset ("zetten"),
    or a book written ("klaar")."""

    step: str
    book: str
    done: int = 0
    total: int = 0


Report = Callable[[Event], None]


@dataclass
class Checked:
    series: Series | None
    books: list[BookBundle]
    collection: CollectionBook | None
    warnings: list[Problem]


@dataclass(frozen=True)
class Laid:
    """A book paginated: where every page lands, and the typeset unit of each slot."""

    pagination: Pagination
    rendered: list[Rendered]


@dataclass
class BuildResult:
    warnings: list[Problem] = field(default_factory=list)  # what the editor may want to fix
    written: list[Written] = field(default_factory=list)
    unchanged: list[Written] = field(default_factory=list)
    typeset: int = 0  # units typeset in this build (the rest came from the store)


def check(project: Project, only: set[str] | None = None) -> Checked:
    """Read and validate all content; raise ContentError listing every problem.

    With `only` (bundle folder names), problems elsewhere than in those bundles and in
    reeks.yaml are left out: one bundle can be built while another is being edited.
    """
    log = ProblemLog(project.root)
    series = load_series(project.content, log)
    books: list[BookBundle] = []
    if series is not None:
        books = prepare_series(series, log, lambda bundle: _image_url(project, bundle.slug))
    if only is not None:
        log.problems = [problem for problem in log.problems if _concerns(problem.file, only)]
        books = [book for book in books if book.slug in only]
    log.raise_if_errors()
    collection = None
    if series is not None and series.meta is not None and books:
        # Editors type plain quotes; the collection's texts print typographic ones too.
        collection = prepare_collection(typeset(series.meta), books)
    return Checked(series, books, collection, log.warnings)


def _concerns(file: str, slugs: set[str]) -> bool:
    return not file.startswith("content/") or file == "content/reeks.yaml" or any(
        file == f"content/{slug}" or file.startswith(f"content/{slug}/") for slug in slugs)


def _image_url(project: Project, slug: str) -> Callable[[Path], str]:
    folder = project.bundle_build(slug)
    return lambda path: relative_url(path, folder)


def build(project: Project, checked: Checked | None = None, *, only: set[str] | None = None,
          runner: Runner | None = None, report: Report | None = None,
          clock: Stopwatch | None = None) -> BuildResult:
    """Make the PDFs: every bundle and the verzamelbundel, or only the bundles in `only`.
    A caller that brings its `runner` has called `prepare_renderer()` with it."""
    inputs = inputs_digest(project)
    clock = clock or Stopwatch()
    with build_session(project, runner) as session:
        checked = checked or check(project)
        result = Pipeline(project, checked, session, report, clock).run(only, inputs)
        clock.save(project.build / "tijden.json")  # in the lock: another build clears temporaries
        return result


@contextmanager
def build_session(project: Project, runner: Runner | None) -> Iterator[Runner]:
    """A runner with warm workers (closed afterwards unless the caller brought and keeps
    its own); one build at a time in build/, with last run's leftovers cleared."""
    own = runner is None
    runner = runner or Runner()
    try:
        if own:
            prepare_renderer(project, runner)
        with exclusive(project.build / ".lock"):
            remove_stale_temporaries(project.output, project.build)
            yield runner
    finally:
        if own:
            runner.close()


class Pipeline:
    def __init__(self, project: Project, checked: Checked, runner: Runner,
                 report: Report | None, clock: Stopwatch | None = None) -> None:
        self.project = project
        self.clock = clock or Stopwatch()
        self.checked = checked
        self.runner = runner
        self.report = report or (lambda event: None)
        self.books: dict[int, str] = {}  # plan order -> slug, to tell whose unit is done
        self.layout = Layout(project.layouts, project.build)
        self.store = Store(project.build / "cache")
        self.state = BuildState.load(project)
        self.tools = digest(tool_digest(), tree_digest([project.layouts], project.root))
        self.typeset_count = 0

    # --- the steps ------------------------------------------------------------------

    def run(self, only: set[str] | None, inputs: str) -> BuildResult:
        plans, laid = self.lay_out(only)
        result = self.assemble(plans, laid)
        with self.clock("gaten zoeken"):
            result.warnings = [warning for plan in plans if plan.bundle is not None
                               for warning in holes_left(self.project, plan, laid[plan.slug])]
        result.typeset = self.typeset_count
        with self.clock("downloadpagina en opslag"):
            if only is None:
                publish_downloads(self.project, self.checked.books, self.checked.collection, self.state)
                # Everything was built from these inputs: a next build without changes can
                # stop at once, and what no book used is gone from the store.
                self.state.inputs = inputs
                self.store.prune(self.state.keep(BOOKS, self.store.used))
            self.state.save()
        return result

    def lay_out(self, only: set[str] | None, derived: bool = True) -> tuple[list[BookPlan], dict[str, Laid]]:
        """Every book planned, its units typeset (or found in the store) and paginated;
        with `derived`, also the books made of other books' pages."""
        with self.clock("eenheden in HTML"):
            plans = self.plans(only)
            self.books = {plan.order: plan.slug for plan in plans}
            docs = self.unit_docs(plans)
        units = self.typeset(docs)
        with self.clock("pagineren en inhoud"):
            laid = self.paginate(plans, units)
        # Books made of other books' pages (a case on its own keeps its bundle's folios).
        extra = [book for plan in plans for book in derived_plans(self.layout, plan, laid[plan.slug])] \
            if derived else []
        with self.clock("losse casussen plannen"):
            self.derive(extra, units, laid)
        return [*plans, *extra], laid

    def derive(self, extra: list[BookPlan], units: dict[str, Rendered], laid: dict[str, Laid]) -> None:
        if extra:
            first = len(self.books)
            for number, plan in enumerate(extra):
                plan.order = first + number
                self.books[plan.order] = plan.slug.split("/")[0]  # a single case: its bundle
            units.update(self.typeset(self.unit_docs(extra)))
            laid.update(self.paginate(extra, units))

    def assemble(self, plans: list[BookPlan], laid: dict[str, Laid]) -> BuildResult:
        """Write every book whose inputs changed; the rest are left as they are."""
        result = BuildResult()
        jobs, recorded = [], []
        all_sheets = self.all_sheets(plans, laid)
        with self.clock("fonts delen"):
            fonts = self.shared_fonts([unit for book in laid.values() for unit in book.rendered],
                                      [unit for sheets in all_sheets.values() for unit in sheets.values()])
        fonts_digest = digest(*(f"{name}:{digest(program)}" for name, program in sorted(fonts.items())))
        for plan in plans:
            book = laid[plan.slug]
            sheets = {ref: unit.pdf for ref, unit in all_sheets[plan.slug].items()}
            inputs = digest(self.book_inputs(plan, book, sheets), fonts_digest)
            if plan.bundle is not None:
                with self.clock("hele bundel in HTML"):
                    self.write_whole_bundle(plan, book.pagination, book.rendered)
            if self.state.fresh(self.project.root, plan.target, inputs):
                result.unchanged.append(Written(plan.target, self.state.pages(
                    self.project.root, plan.target), plan.target.stat().st_size, 0.0))
                continue
            spec = replace(plan.spec(book.pagination, book.rendered), fonts=fonts)
            job = AssemblyJob(spec, sheets, self.store.folder, plan.target, self.project.build / plan.slug)
            jobs.append(Job((plan.order,), write_book, (job,), weight=book.pagination.page_count))
            recorded.append((plan.target, inputs))

        def written(index: int) -> None:
            self.report(Event("klaar", self.books[jobs[index].order[0]]))

        with self.clock("samenvoegen"):
            result.written = self.runner.run(jobs, written)
        for (target, inputs), book in zip(recorded, result.written, strict=True):
            self.state.record(self.project.root, target, inputs, book.pages)
        return result

    def book_inputs(self, plan: BookPlan, book: Laid, sheets: dict[SheetRef, Path]) -> str:
        """Everything an assembled book is made from."""
        return digest(self.tools, *(unit.key for unit in book.rendered),
                      *(f"{ref}:{sheets[ref].name}" for ref in sorted(sheets, key=str)),
                      repr(plan.info), repr(plan.groups), repr(sorted(plan.link_titles.items())))

    def plans(self, only: set[str] | None) -> list[BookPlan]:
        books = [book for book in self.checked.books if only is None or book.slug in only]
        plans = [bundle_plan(self.layout, book, self.project.bundle_pdf(book.slug), index)
                 for index, book in enumerate(books)]
        collection = self.checked.collection
        if collection is not None and only is None:
            target = self.project.output / f"{collection_slug(collection.series)}.pdf"
            plans.append(collection_plan(self.layout, collection, target, len(plans)))
        return plans

    def unit_docs(self, plans: list[BookPlan]) -> dict[str, tuple[tuple, UnitDoc, bool]]:
        """Every unit the books need except their contents, and their running-head sheets."""
        wanted: dict[str, tuple[tuple, UnitDoc, bool]] = {}
        for plan in plans:
            for index, slot in enumerate(plan.slots):
                if slot.doc is not None:
                    wanted.setdefault(self.key(slot.doc), ((plan.order, index), slot.doc, True))
            if plan.head_pairs:
                doc = self.head_sheet(plan.head_pairs)
                wanted.setdefault(self.key(doc), ((plan.order, len(plan.slots)), doc, False))
        return wanted

    def paginate(self, plans: list[BookPlan], units: dict[str, Rendered]) -> dict[str, Laid]:
        """Lay out each book with its contents; the contents shows the folios, and its own
        length moves them, so this repeats until each contents is as long as assumed."""
        done: dict[str, Laid] = {}
        for plan in plans:
            if plan.contents_index is None:
                rendered = self._rendered(plan, units, None)
                done[plan.slug] = Laid(paginate(plan.pieces(rendered), plan.end_on_verso), rendered)
        guesses = {plan.slug: self.state.hints.get(f"inhoud:{plan.slug}") or _estimate(plan)
                   for plan in plans}
        for _ in range(MAX_CONTENTS_ROUNDS):
            pending = [plan for plan in plans if plan.slug not in done]
            if not pending:
                break
            wanted, layouts = {}, {}
            for plan in pending:
                placeholder = Rendered("", Path("inhoud.pdf"), guesses[plan.slug], {})
                pagination = paginate(plan.pieces(self._rendered(plan, units, placeholder)), plan.end_on_verso)
                doc = plan.contents_doc(plan.contents_groups(pagination, False))
                layouts[plan.slug] = doc
                wanted[self.key(doc)] = ((plan.order, plan.contents_index), doc, True)
            typeset = self.typeset(wanted)
            for plan in pending:
                contents = typeset[self.key(layouts[plan.slug])]
                if _padded(contents.pages) == _padded(guesses[plan.slug]):
                    rendered = self._rendered(plan, units, contents)
                    done[plan.slug] = Laid(paginate(plan.pieces(rendered), plan.end_on_verso), rendered)
                    self.state.hints[f"inhoud:{plan.slug}"] = contents.pages
                else:
                    guesses[plan.slug] = contents.pages
        missing = [plan.slug for plan in plans if plan.slug not in done]
        if missing:
            raise RuntimeError("contents did not settle: " + ", ".join(missing))
        return done

    def _rendered(self, plan: BookPlan, units: dict[str, Rendered],
                  contents: Rendered | None) -> list[Rendered]:
        return [units[self.key(slot.doc)] if slot.doc is not None else contents
                for slot in plan.slots]  # type: ignore[misc]

    def shared_fonts(self, units: list[Rendered], sheets: list[Rendered]) -> dict[str, bytes]:
        """One subset per typeface with every glyph the build's units and sheets draw."""
        glyphs: dict[str, set[int]] = {}
        for unit in (*units, *sheets):
            for name, used in unit.details.get("glyphs", {}).items():
                glyphs.setdefault(name, set()).update(used)
        return shared_programs(glyphs, self.store)

    def all_sheets(self, plans: list[BookPlan], laid: dict[str, Laid]) -> dict[str, dict[SheetRef, Rendered]]:
        """Every book's sheets of folios and running heads, typeset side by side."""
        wanted, refs = {}, {}
        for plan in plans:
            refs[plan.slug] = self.sheet_docs(plan, laid[plan.slug].pagination)
            for key, doc in refs[plan.slug].values():
                wanted.setdefault(key, ((plan.order, 10_000), doc, False))
        rendered = self.typeset(wanted)
        return {slug: {ref: rendered[key] for ref, (key, _) in docs.items()} for slug, docs in refs.items()}

    def sheets(self, plan: BookPlan, pagination: Pagination) -> dict[SheetRef, Path]:
        """The sheets of folios and running heads this book is stamped from (typeset when
        the store lacks them: folio sheets hardly ever change)."""
        docs = self.sheet_docs(plan, pagination)
        rendered = self.typeset({key: ((plan.order, 10_000), doc, False) for key, doc in docs.values()})
        return {ref: rendered[key].pdf for ref, (key, _) in docs.items()}

    def sheet_docs(self, plan: BookPlan, pagination: Pagination) -> dict[SheetRef, tuple[str, UnitDoc]]:
        found = {}
        for ref in needed_sheets(pagination):
            if ref.kind == "kop":
                doc = self.head_sheet(plan.head_pairs)
            elif ref.kind == "romeins":
                doc = self.layout.stamps(FolioSheet(ref.first, ROMAN_SHEET_SIZE, "romeins"),
                                         self.checked.series.meta, f"paginanummers-romeins-{ref.first}")
            else:
                doc = self.layout.stamps(FolioSheet(ref.first, FOLIO_SHEET_SIZE),
                                         self.checked.series.meta, f"paginanummers-{ref.first}")
            found[ref] = (self.key(doc), doc)
        return found

    def head_sheet(self, pairs: tuple[tuple[str, str], ...]) -> UnitDoc:
        unique = tuple(dict.fromkeys(pairs))
        return self.layout.stamps(HeadSheet(unique), self.checked.series.meta, "koppen")

    def write_whole_bundle(self, plan: BookPlan, pagination: Pagination, rendered: list[Rendered]) -> None:
        """build/<slug>/index.html: the bundle in one document, with the same folios."""
        assert plan.bundle is not None
        arrangements = {slot.anchor: unit.details.get("arrangement", {})
                        for slot, unit in zip(plan.slots, rendered, strict=True) if slot.kind == "hoofdstuk"}
        html = self.layout.whole_bundle(plan.bundle, plan.contents_groups(pagination, True), arrangements)
        write_text_atomically(self.project.bundle_build(plan.slug) / "index.html", html)

    # --- typesetting ----------------------------------------------------------------

    def key(self, doc: UnitDoc) -> str:
        return unit_key(self.tools, doc.html, doc.images)

    def typeset(self, wanted: dict[str, tuple[tuple, UnitDoc, bool]]) -> dict[str, Rendered]:
        """The units in `wanted` (key -> (reading order, document, tagged)), from the
        store or typeset now."""
        found: dict[str, Rendered] = {}
        missing = []
        for key, (order, doc, tagged) in wanted.items():
            hit = self.store.get(key)
            if hit is not None:
                found[key] = hit
            else:
                missing.append((key, order, doc, tagged))
        # With a core to spare, a chapter's last arrangement is typeset ahead beside it.
        spare = len(missing) < self.runner.workers
        jobs = []
        for key, order, doc, tagged in missing:
            hint = self.state.hints.get(_placement(doc)) if spare and doc.reflow else None
            job = UnitJob(doc, key, self.stylesheets(tagged), self.allowed(doc),
                          self.store.folder, tagged, hint)
            jobs.append(Job(order, typeset_unit, (job,), weight=len(doc.html)))
        totals: dict[str, int] = {}
        done: dict[str, int] = {}
        for key, (order, _doc, _tagged) in wanted.items():
            book = self.books.get(order[0], "")
            totals[book] = totals.get(book, 0) + 1
            done[book] = done.get(book, 0) + (key in found)
        for book, total in totals.items():
            self.report(Event("zetten", book, done[book], total))
        if jobs:

            def finished(index: int) -> None:
                book = self.books.get(jobs[index].order[0], "")
                done[book] += 1
                self.report(Event("zetten", book, done[book], totals[book]))

            with self.clock("zetten"):
                for job, rendered in zip(jobs, self.runner.run(jobs, finished), strict=True):
                    found[rendered.key] = rendered
                    self.store.used.add(rendered.key)
                    if "arrangement" in rendered.details:
                        self.state.hints[_placement(job.arguments[0].doc)] = rendered.details["arrangement"]
            self.typeset_count += len(jobs)
        return found

    def stylesheets(self, tagged: bool) -> tuple[Path, ...]:
        build, layouts = self.project.build, self.project.layouts
        return unit_stylesheets(layouts, build) if tagged else stamp_stylesheets(layouts, build)

    def allowed(self, doc: UnitDoc) -> tuple[Path, ...]:
        return allowed_files(self.project)


def _placement(doc: UnitDoc) -> str:
    return f"plaatsing:{doc.name}"


def _estimate(plan: BookPlan) -> int:
    entries = sum(1 for slot in plan.slots if slot.kind in ("hoofdstuk", "deeltitel"))
    return max(1, -(-entries // ENTRIES_PER_CONTENTS_PAGE))


def _padded(pages: int) -> int:
    return pages + pages % 2
