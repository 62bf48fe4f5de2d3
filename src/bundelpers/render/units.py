"""Typesetting one unit into the store (in a worker, or in the build itself)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from ..digests import digest
from ..errors import RenderError
from ..layout.flow import Arrangement
from ..layout.units import UnitDoc
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


class UnitFailed(RenderError):
    """A unit could not be typeset: `reason` in Dutch, or the URL it was refused."""

    def __init__(self, unit: str, reason: str = "", refused_url: str = "") -> None:
        super().__init__(unit, reason, refused_url)
        self.unit = unit
        self.reason = reason
        self.refused_url = refused_url


def typeset_unit(job: UnitJob) -> Rendered:
    details: dict = {}
    try:
        result = typeset(job.doc.html, job.doc.base, job.stylesheets, job.allowed, job.tagged)
        if job.doc.reflow is not None:
            outcome = _make_up(job, result)
            result = outcome.typeset
            details = {"arrangement": outcome.arrangement, "holes": list(outcome.holes)}
    except Refused as refusal:
        raise UnitFailed(job.doc.name, refused_url=refusal.url) from None
    except RenderError as error:
        raise UnitFailed(job.doc.name, reason=str(error)) from None
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
    return Store(job.store).put(job.key, job.doc.name, buffer.getvalue(), result.pages,
                                result.anchors, result.warnings, {**details, "drawings": drawings})


def _make_up(job: UnitJob, first: Typeset) -> Outcome:
    """Floats moved where a chapter would otherwise leave holes (render/placement.py)."""
    from ..layout.flow import chapter_flow
    from ..layout.units import Layout, quote_position

    reflow = job.doc.reflow
    layout = Layout(reflow.layouts, reflow.build)
    book = reflow.book
    chapter = next(c for c in book.chapters if c.anchor == reflow.anchor)
    quote_at = quote_position(chapter) if chapter.is_case and chapter.meta.citaat else 0

    def again(arrangement: Arrangement) -> Typeset:
        html = layout.chapter(book, chapter, arrangement).html
        return typeset(html, job.doc.base, job.stylesheets, job.allowed, job.tagged)

    block = text_block(job.stylesheets, job.allowed, job.doc.base)
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
