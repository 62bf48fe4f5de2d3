"""Typesetting one unit into the store (in a worker, or in the build itself)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from ..digests import digest
from ..errors import RenderError
from ..layout.units import UnitDoc
from .store import Rendered, Store
from .tags import repair_tags
from .weasy import Refused, typeset


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
    try:
        result = typeset(job.doc.html, job.doc.base, job.stylesheets, job.allowed, job.tagged)
    except Refused as refusal:
        raise UnitFailed(job.doc.name, refused_url=refusal.url) from None
    except RenderError as error:
        raise UnitFailed(job.doc.name, reason=str(error)) from None
    pdf = pikepdf.open(io.BytesIO(result.pdf))
    if job.tagged:
        repair_tags(pdf, job.key[:12])
    buffer = io.BytesIO()
    pdf.save(buffer, deterministic_id=True)
    # What each page draws: a page whose drawing did not change looks the same (the live
    # preview redraws only the others).
    drawings = [digest(*(stream.read_raw_bytes() for stream in _streams(page))) for page in pdf.pages]
    return Store(job.store).put(job.key, job.doc.name, buffer.getvalue(), result.pages,
                                result.anchors, result.warnings, {"drawings": drawings})


def _streams(page: pikepdf.Page) -> list[pikepdf.Stream]:
    """The page's content and the images and drawings it paints (SVGs become forms)."""
    contents = page.obj.get(pikepdf.Name.Contents)
    streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents] if contents else []
    resources = page.obj.get(pikepdf.Name.Resources)
    xobjects = resources.get(pikepdf.Name.XObject) if resources is not None else None
    if isinstance(xobjects, pikepdf.Dictionary):
        streams += [xobjects[name] for name in sorted(xobjects.keys())]
    return streams
