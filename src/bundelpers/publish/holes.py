"""Holes the page make-up could not close, told to the editor as a warning.

The make-up (render/placement.py) moves boxes, figures, tables and the pull quote, and
may set a chapter a little tighter or looser. A hole can remain where a section ends a
few lines above the foot of a page and the next heading does not fit there with its first
lines (or a footnote must come along). Then the text decides, and an editor can help:
a sentence more or less in that section closes the page. The same goes for a heading
left at the foot of a page with one line under it.
"""

from __future__ import annotations

from pathlib import Path

from .. import messages as msg
from ..errors import Problem
from ..project import Project
from .books import BookPlan


def holes_left(project: Project, plan: BookPlan, laid) -> list[Problem]:  # type: ignore[no-untyped-def]
    book = plan.bundle
    chapters = {chapter.anchor: chapter for chapter in book.chapters}
    found = []
    for index, (slot, unit) in enumerate(zip(plan.slots, laid.rendered, strict=True)):
        chapter = chapters.get(slot.anchor) if slot.kind == "hoofdstuk" else None
        holes = unit.details.get("holes") or []
        stranded = unit.details.get("stranded") or []
        if chapter is None or not (any(holes) or stranded):
            continue
        file = chapter.source.relative_to(project.root).as_posix()
        for anchor in stranded:
            section = next((s.heading.text for s in chapter.sections
                            if s.heading is not None and s.heading.anchor == anchor), "?")
            folio = laid.pagination.pages[laid.pagination.starts[index] + unit.anchors[anchor]].label
            found.append(Problem(
                file, _line_of(chapter.source, section),
                msg.HEADING_STRANDED.format(folio=folio, book=book.meta.titel, section=section),
                msg.HEADING_STRANDED_HINT.format(section=section), "waarschuwing"))
        for page, lines in enumerate(holes):
            if not lines:
                continue
            section = _section_ending_on(chapter, unit.anchors, page)
            folio = laid.pagination.pages[laid.pagination.starts[index] + page].label
            found.append(Problem(
                file, _line_of(chapter.source, section), msg.HOLE_LEFT.format(
                    folio=folio, book=book.meta.titel, lines=f"{lines:.0f}", section=section or "?"),
                msg.HOLE_LEFT_HINT.format(section=section or "?"), "waarschuwing"))
    return found


def _section_ending_on(chapter, anchors: dict[str, int], page: int) -> str:  # type: ignore[no-untyped-def]
    """The heading of the section the page ends in: the last one that starts on it or before."""
    title = ""
    for section in chapter.sections:
        if section.heading is not None and anchors.get(section.heading.anchor, page + 1) <= page:
            title = section.heading.text
    return title


def _line_of(path: Path, heading: str) -> int:
    if heading:
        for number, line in enumerate(path.read_text("utf-8").split("\n"), start=1):
            if line.startswith("## ") and line[3:].strip() == heading:
                return number
    return 1
