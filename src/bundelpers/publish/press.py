"""The print edition's books: the reader's books made ready for a printer, and a cover
spread (back cover, spine, front cover) for each, its spine as thick as the paper."""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass
from pathlib import Path

from ..assemble.book import assemble_book, save
from ..assemble.press import Press, prepare_for_press
from ..files import write_bytes_atomically
from ..layout.units import CoverSpread, Layout
from ..prepare.book import BookBundle
from ..prepare.collection import CollectionBook
from ..render.store import Store
from .books import BookPlan, Slot
from .write import AssemblyJob, Written

SPREAD = "omslagvel"
SPINE_TEXT_MM = 6.0  # narrower spines carry no text: it would not be legible


def spine_mm(pages: int, paper_mm: float) -> float:
    """Each leaf is two pages and one sheet of paper thick."""
    return pages / 2 * paper_mm


def spread_target(plan: BookPlan) -> Path:
    return plan.target.with_name(f"{plan.target.stem}-omslag.pdf")


def spread_plan(layout: Layout, book: BookBundle | CollectionBook, plan: BookPlan, pages: int,
                trim_mm: tuple[float, float], paper_mm: float) -> BookPlan:
    """The cover spread of `plan` (a book of `pages` pages) as a book of one page."""
    spine = spine_mm(pages, paper_mm)
    spread = CoverSpread(trim_mm[0], trim_mm[1], spine, spine >= SPINE_TEXT_MM)
    slot = Slot(SPREAD, layout.cover_spread(book, spread), starts_recto=None)
    info = dataclasses.replace(plan.info, title=f"{plan.info.title} (omslag: achterkant, rug en voorkant)")
    return BookPlan(f"{plan.slug}-omslagvel", spread_target(plan), [slot], info,
                    lambda pagination, whole: [], lambda groups: None,  # type: ignore[arg-type,return-value]
                    order=plan.order, end_on_verso=False)


@dataclass(frozen=True)
class PressJob:
    assembly: AssemblyJob
    press: Press


def write_press_book(job: PressJob) -> Written:
    """Assemble a book like the reader's, then give every page its boxes (and marks)."""
    started = time.perf_counter()
    assembly = job.assembly
    pdf = assemble_book(assembly.spec, assembly.sheets, Store(assembly.store))
    prepare_for_press(pdf, job.press)
    data = save(pdf)
    write_bytes_atomically(assembly.target, data, scratch=assembly.scratch)
    return Written(assembly.target, len(pdf.pages), len(data), time.perf_counter() - started)
