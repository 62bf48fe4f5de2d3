"""Running heads and folios stamped onto a book's pages, as pagination artifacts.

The units' pages carry no furniture. Each book draws its own from *sheets*: documents
typeset with the very margin boxes the whole bundle uses (layouts/css/furniture.css),
one stamp per page: a sheet of folios (pages numbered from 1, 101, ...; or roman) and a
sheet of running heads per bundle (a verso and a recto per chapter). A stamp is that
sheet page as a form XObject, painted over the book page inside
`/Artifact <</Type /Pagination>> BDC ... EMC`: readers skip it, PDF/UA is satisfied,
and no tag needs repair.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import Dictionary, Name

from .pagination import PagePlan, Pagination

# Folios per decimal sheet; a sheet starts at an odd number, on a recto. Small sheets, so a
# cold build typesets only about the folios it needs, several sheets side by side.
FOLIO_SHEET_SIZE = 20
ROMAN_SHEET_SIZE = 12  # a front matter of more than twelve pages takes a second sheet
ARTIFACT_OPEN = b"/Artifact <</Type /Pagination>> BDC\n"


@dataclass(frozen=True)
class SheetRef:
    """Which sheet a stamp comes from: ("folio", first folio), ("romeins", 1) or ("kop", 0)."""

    kind: str
    first: int = 1


def folio_sheet_for(folio: int, is_roman: bool) -> tuple[SheetRef, int]:
    """The sheet holding a folio's stamp, and the stamp's page index in it."""
    size = ROMAN_SHEET_SIZE if is_roman else FOLIO_SHEET_SIZE
    first = (folio - 1) // size * size + 1
    return SheetRef("romeins" if is_roman else "folio", first), folio - first


def head_page(pair_index: int, recto: bool) -> int:
    """The page of a head sheet that shows pair `pair_index`'s verso or recto head: the
    sheet opens with an empty recto, then a verso and a recto per pair."""
    return 1 + 2 * pair_index + (1 if recto else 0)


def head_pairs(pagination: Pagination) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for piece in pagination.pieces:
        if piece.heads != ("", "") and piece.heads not in pairs:
            pairs.append(piece.heads)
    return pairs


def needed_sheets(pagination: Pagination) -> set[SheetRef]:
    sheets = {folio_sheet_for(p.folio, p.roman)[0] for p in pagination.pages if p.shows_folio}
    if head_pairs(pagination):
        sheets.add(SheetRef("kop"))
    return sheets


class Stamper:
    """Stamps one book; each stamp becomes one form XObject, shared by every page using it."""

    def __init__(self, pdf: pikepdf.Pdf, sheets: dict[SheetRef, Path],
                 pairs: list[tuple[str, str]]) -> None:
        self.pdf = pdf
        self.sheet_paths = sheets
        self.pairs = {pair: index for index, pair in enumerate(pairs)}
        self._open: dict[SheetRef, pikepdf.Pdf] = {}
        self._forms: dict[tuple[SheetRef, int], pikepdf.Object] = {}

    def _form(self, sheet: SheetRef, index: int) -> pikepdf.Object:
        if (sheet, index) not in self._forms:
            if sheet not in self._open:
                self._open[sheet] = pikepdf.open(io.BytesIO(self.sheet_paths[sheet].read_bytes()))
            source = self._open[sheet].pages[index]
            self._forms[(sheet, index)] = self.pdf.copy_foreign(source.as_form_xobject())
        return self._forms[(sheet, index)]

    def stamp(self, page: pikepdf.Page, plan: PagePlan, heads: tuple[str, str]) -> None:
        stamps = []
        if plan.shows_folio:
            stamps.append(folio_sheet_for(plan.folio, plan.roman))
        if plan.head:
            stamps.append((SheetRef("kop"), head_page(self.pairs[heads], plan.recto)))
        if not stamps:
            return
        names = _add_forms(page, [self._form(sheet, index) for sheet, index in stamps])
        # The page's own content may leave the graphics state changed: keep it to itself.
        page.contents_add(self.pdf.make_stream(b"q\n"), prepend=True)
        drawing = b"".join(b"q %s Do Q\n" % str(name).encode() for name in names)
        page.contents_add(self.pdf.make_stream(b"Q\n" + ARTIFACT_OPEN + drawing + b"EMC\n"))


def _add_forms(page: pikepdf.Page, forms: list[pikepdf.Object]) -> list[Name]:
    """Put the forms in the page's resources under names chosen in order (so the file is
    the same every build). The page gets resources of its own: WeasyPrint's pages may
    share one dictionary, and a stamp belongs to one page."""
    resources = page.obj.get(Name.Resources)
    own = Dictionary(dict(resources.items())) if isinstance(resources, Dictionary) else Dictionary()
    existing = own.get(Name.XObject)
    xobjects = Dictionary(dict(existing.items())) if isinstance(existing, Dictionary) else Dictionary()
    names = []
    for form in forms:
        number = 0
        while Name(f"/Meubel{number}") in xobjects:
            number += 1
        name = Name(f"/Meubel{number}")
        xobjects[name] = form
        names.append(name)
    own.XObject = xobjects
    page.obj.Resources = own
    return names
