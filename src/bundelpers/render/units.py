"""Typesetting one unit into the store (in a worker, or in the build itself)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pikepdf

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
    pdf_bytes = result.pdf
    if job.tagged:
        pdf = pikepdf.open(io.BytesIO(pdf_bytes))
        repair_tags(pdf, job.key[:12])
        buffer = io.BytesIO()
        pdf.save(buffer, deterministic_id=True)
        pdf_bytes = buffer.getvalue()
    return Store(job.store).put(job.key, job.doc.name, pdf_bytes, result.pages, result.anchors,
                                result.warnings)
