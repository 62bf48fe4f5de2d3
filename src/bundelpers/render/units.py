"""Typesetting one unit into the store (in a worker, or in the build itself)."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from ..digests import digest
from ..errors import RenderError
from ..layout.flow import Arrangement
from ..layout.units import UnitDoc
from .ahead import Ahead
from .fontuse import glyphs_used
from .placement import Outcome, place_floats
from .store import Rendered, Store
from .tags import repair_tags
from .weasy import Refused, Typeset, typeset
from .whitespace import text_block


@dataclass(frozen=True)
class UnitJob:
    doc: UnitDoc
    key: str
    stylesheets: tuple[Path, ...]
    allowed: tuple[Path, ...]  # folders the document may read from
    store: Path
    tagged: bool = True  # False for sheets of page furniture
    # A chapter's arrangement in the last build, typeset ahead on an idle core (ahead.py);
    # it never changes the result, so it is no part of the key.
    hint: Arrangement | None = None


class UnitFailed(RenderError):
    """A unit could not be typeset: `reason` in Dutch, or the URL it was refused."""

    def __init__(self, unit: str, reason: str = "", refused_url: str = "") -> None:
        super().__init__(unit, reason, refused_url)
        self.unit = unit
        self.reason = reason
        self.refused_url = refused_url


def typeset_unit(job: UnitJob) -> Rendered:
    started = time.perf_counter()
    details: dict = {}
    again = _chapter_typesetter(job) if job.doc.reflow is not None else None
    ahead = Ahead(lambda: again(job.hint)) if again is not None and job.hint else None
    try:
        result = typeset(job.doc.html, job.doc.base, job.stylesheets, job.allowed, job.tagged)
        if again is not None:
            outcome = _make_up(job, result, _reusing(again, job.hint, ahead))
            result = outcome.typeset
            details = {"arrangement": outcome.arrangement, "holes": list(outcome.holes), "stranded": list(outcome.stranded),
                       "tries": outcome.tries, "ahead": ahead is not None and ahead.used}
    except Refused as refusal:
        raise UnitFailed(job.doc.name, refused_url=refusal.url) from None
    except RenderError as error:
        raise UnitFailed(job.doc.name, reason=str(error)) from None
    finally:
        if ahead is not None:
            ahead.drop()
    pdf = pikepdf.open(io.BytesIO(result.pdf))
    if job.tagged:
        repair_tags(pdf, job.key[:12])
    if job.doc.reflow is not None:
        _drop_block_destinations(pdf)
    buffer = io.BytesIO()
    pdf.save(buffer, deterministic_id=True)
    # What each page draws: a page whose drawing did not change looks the same (the live
    # preview redraws only the others).
    drawings = [digest(*(stream.read_raw_bytes() for stream in _streams(page))) for page in pdf.pages]
    details["glyphs"] = glyphs_used(pdf)
    details["seconds"] = round(time.perf_counter() - started, 3)  # for make bench's breakdown
    return Store(job.store).put(job.key, job.doc.name, buffer.getvalue(), result.pages,
                                result.anchors, result.warnings, {**details, "drawings": drawings})


def _chapter_typesetter(job: UnitJob) -> Callable[[Arrangement], Typeset]:
    """Typesets the job's chapter with its floats arranged as asked."""
    from ..layout.units import Layout

    reflow = job.doc.reflow
    layout = Layout(reflow.layouts, reflow.build)
    chapter = next(c for c in reflow.book.chapters if c.anchor == reflow.anchor)

    def again(arrangement: Arrangement) -> Typeset:
        html = layout.chapter(reflow.book, chapter, arrangement).html
        return typeset(html, job.doc.base, job.stylesheets, job.allowed, job.tagged)

    return again


def _reusing(again: Callable[[Arrangement], Typeset], hint: Arrangement | None,
             ahead: Ahead | None) -> Callable[[Arrangement], Typeset]:
    """`again`, but the arrangement typeset ahead is taken from there (once)."""
    def typeset_arrangement(arrangement: Arrangement) -> Typeset:
        if ahead is not None and not ahead.taken and arrangement == hint:
            made = ahead.result()
            if made is not None:
                return made
        return again(arrangement)

    return typeset_arrangement


def _make_up(job: UnitJob, first: Typeset, again: Callable[[Arrangement], Typeset]) -> Outcome:
    """Floats moved where a chapter would otherwise leave holes (render/placement.py)."""
    from ..layout.flow import chapter_flow
    from ..layout.units import quote_position

    reflow = job.doc.reflow
    chapter = next(c for c in reflow.book.chapters if c.anchor == reflow.anchor)
    quote_at = quote_position(chapter) if chapter.is_case and chapter.meta.citaat else 0
    block = text_block(job.stylesheets, job.allowed)
    return place_floats(first, lambda arrangement: chapter_flow(chapter, quote_at, arrangement),
                        again, block, block.leading)


def _streams(page: pikepdf.Page) -> list[pikepdf.Stream]:
    """The page's content and the images and drawings it paints (SVGs become forms)."""
    contents = page.obj.get(pikepdf.Name.Contents)
    streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents] if contents else []
    resources = page.obj.get(pikepdf.Name.Resources)
    xobjects = resources.get(pikepdf.Name.XObject) if resources is not None else None
    if isinstance(xobjects, pikepdf.Dictionary):
        streams += [xobjects[name] for name in sorted(xobjects.keys())]
    return streams


BLOCK_ID = re.compile(r"-(?:b\d+-\d+|citaat|beeld-\d+)$")  # layout/flow.py, read/markdown.py


def _drop_block_destinations(pdf: pikepdf.Pdf) -> None:
    """The ids the page make-up locates blocks by are no link targets: WeasyPrint makes a
    named destination of every id, which would weigh on every book the chapter is in."""
    names = pdf.Root.get(pikepdf.Name.Names)
    dests = names.get(pikepdf.Name.Dests) if isinstance(names, pikepdf.Dictionary) else None
    if not isinstance(dests, pikepdf.Dictionary):
        return
    tree = pikepdf.NameTree(dests)
    linked = {str(annotation.Dest) for page in pdf.pages
              for annotation in page.obj.get(pikepdf.Name.Annots, pikepdf.Array())
              if isinstance(annotation.get(pikepdf.Name.Dest), pikepdf.String)}
    for name in [name for name, _ in tree.items() if BLOCK_ID.search(name) and name not in linked]:
        del tree[name]
