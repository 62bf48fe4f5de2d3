"""A book made ready for the printer: every page with its trim and bleed boxes, and
optionally crop marks, after it has been assembled like the reader's book.

A page typeset with bleed (the print variants of the full-colour units) already reaches
past its trim; every other page is the reader's page, whose media box grows by the bleed
(nothing on it touches the trim, so the bleed stays white). Crop marks come from a sheet
typeset by WeasyPrint (`marks: crop`) and are drawn on each page as a production
artifact, outside the bleed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import Array, Name

MM = 72 / 25.4
MARKS_OPEN = b"/Artifact <</Type /Page>> BDC\n"  # production aids such as cut marks


@dataclass(frozen=True)
class Press:
    bleed_mm: float = 3.0
    marks: Path | None = None  # a sheet of crop marks whose trim equals the pages' trim
    marks_margin_mm: float = 0.0  # how far the marks sheet reaches past its trim


Box = tuple[float, float, float, float]


def box_of(page: pikepdf.Page, name: Name) -> Box | None:
    value = page.obj.get(name)
    if not isinstance(value, Array):
        return None
    left, bottom, right, top = (float(v) for v in value)
    return min(left, right), min(bottom, top), max(left, right), max(bottom, top)


def grow(box: Box, by: float) -> Box:
    return box[0] - by, box[1] - by, box[2] + by, box[3] + by


def trim_of(page: pikepdf.Page) -> Box:
    """The trimmed page: the TrimBox when the page was typeset with bleed, else the
    MediaBox (WeasyPrint writes a TrimBox equal to it)."""
    return box_of(page, Name.TrimBox) or box_of(page, Name.MediaBox)  # type: ignore[return-value]


def prepare_for_press(pdf: pikepdf.Pdf, press: Press) -> None:
    bleed = press.bleed_mm * MM
    marks_form = None
    if press.marks is not None:
        source = pikepdf.open(io.BytesIO(press.marks.read_bytes()))
        sheet = source.pages[0]
        form = sheet.as_form_xobject()
        # qpdf bounds the form by the page's trim; the marks stand outside it.
        form.BBox = Array(box_of(sheet, Name.MediaBox))
        marks_form = pdf.copy_foreign(form)
    for page in pdf.pages:
        trim = trim_of(page)
        media = grow(trim, max(bleed, press.marks_margin_mm * MM if marks_form else 0))
        page.obj.MediaBox = Array(media)
        page.obj.BleedBox = Array(grow(trim, bleed))
        page.obj.TrimBox = Array(trim)
        for stale in (Name.CropBox, Name.ArtBox):
            if stale in page.obj:
                del page.obj[stale]
        if marks_form is not None:
            _draw_marks(pdf, page, marks_form, trim)


def _draw_marks(pdf: pikepdf.Pdf, page: pikepdf.Page, form: pikepdf.Object, trim: Box) -> None:
    name = page.add_resource(form, Name.XObject, Name.Snijtekens)  # a fixed name: same bytes
    # The sheet's trim starts at its origin, like the page's; move it to the page's trim.
    move = b"1 0 0 1 %.4f %.4f cm " % (trim[0], trim[1])
    page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
    page.contents_add(pdf.make_stream(
        b"Q\n" + MARKS_OPEN + b"q " + move + str(name).encode() + b" Do Q\nEMC\n"))
