"""Where every page of a book lands and what its furniture shows, before any PDF is
touched: the book's page map, passed on in memory.

A book is a sequence of typeset units ("pieces"). A piece starts on a recto or a verso;
a blank page is put in front of it when the page before it ended on the wrong side.
Pages are numbered through the whole book; the front matter of the verzamelbundel in
roman numerals, the rest from 1. Which pages show a folio and which a running head
follows from each piece's kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum


class Furniture(Enum):
    NONE = "none"  # covers, title page and colophon, part titles
    FOLIOS = "folios"  # the contents: folios, no running heads
    CHAPTER = "chapter"  # folios; running heads except on the opening page


@dataclass(frozen=True)
class Piece:
    name: str
    pages: int
    anchors: dict[str, int]  # element id -> page index in the piece
    furniture: Furniture
    starts_recto: bool | None = True  # False: on a verso (the back cover); None: anywhere
    heads: tuple[str, str] = ("", "")  # (verso, recto) running heads of a chapter
    front_matter: bool = False  # numbered in roman numerals (the verzamelbundel's front)
    # The folio of the piece's first page when it is not simply the next number: a case
    # printed on its own keeps the folios it has in its bundle.
    first_folio: int | None = None


@dataclass(frozen=True)
class PagePlan:
    piece: int | None  # index into the pieces; None for a blank page put in between
    page: int  # page index in the piece
    recto: bool  # the side the page was typeset for, which decides where furniture goes
    folio: int  # the page's number (1-based; roman pages count from 1 too)
    roman: bool
    shows_folio: bool
    head: str  # the running head to print, "" for none

    @property
    def label(self) -> str:
        return roman(self.folio) if self.roman else str(self.folio)


@dataclass(frozen=True)
class Pagination:
    pieces: tuple[Piece, ...]
    pages: tuple[PagePlan, ...]
    starts: tuple[int, ...]  # book page index of each piece's first page

    def page_of(self, piece: int, anchor: str) -> int:
        """The book page index of an element of a piece."""
        return self.starts[piece] + self.pieces[piece].anchors[anchor]

    def folio_of(self, piece: int, anchor: str = "") -> str:
        """The printed number of the page holding `anchor` (or the piece's first page)."""
        index = self.page_of(piece, anchor) if anchor else self.starts[piece]
        return self.pages[index].label

    @property
    def page_count(self) -> int:
        return len(self.pages)


def paginate(pieces: Sequence[Piece], end_on_verso: bool = True) -> Pagination:
    """Lay the pieces out as a book; `end_on_verso`: a blank page keeps the last page a verso."""
    pages: list[PagePlan] = []
    starts: list[int] = []
    body_start: int | None = None  # book page index that has folio 1
    for index, piece in enumerate(pieces):
        if piece.pages < 1:
            raise ValueError(f"{piece.name}: no pages")
        if pages and piece.starts_recto is not None and (len(pages) % 2 == 0) != piece.starts_recto:
            pages.append(_blank(len(pages), body_start))
        if piece.first_folio is not None:
            body_start = len(pages) - piece.first_folio + 1
        elif not piece.front_matter and body_start is None:
            body_start = len(pages)
        starts.append(len(pages))
        for page in range(piece.pages):
            pages.append(_page(index, piece, page, len(pages), body_start))
    if end_on_verso and len(pages) % 2:
        pages.append(_blank(len(pages), body_start))
    return Pagination(tuple(pieces), tuple(pages), tuple(starts))


def _number(index: int, body_start: int | None) -> tuple[int, bool]:
    if body_start is None:
        return index + 1, True
    return index - body_start + 1, False


def _blank(index: int, body_start: int | None) -> PagePlan:
    folio, is_roman = _number(index, body_start)
    return PagePlan(None, 0, index % 2 == 0, folio, is_roman, False, "")


def _page(piece_index: int, piece: Piece, page: int, index: int, body_start: int | None) -> PagePlan:
    # Units are typeset starting on a recto (the back cover: a verso); a piece placed
    # anywhere keeps the sides it was typeset with.
    recto = index % 2 == 0 if piece.starts_recto is not None else page % 2 == 0
    folio, is_roman = _number(index, body_start) if not piece.front_matter else (index + 1, True)
    head = ""
    if piece.furniture is Furniture.CHAPTER and page > 0:
        head = piece.heads[1] if recto else piece.heads[0]
    return PagePlan(piece_index, page, recto, folio, is_roman,
                    piece.furniture is not Furniture.NONE, head)


def roman(number: int) -> str:
    """Lower-case roman numerals, as CSS counter(page, lower-roman) prints them."""
    numerals = (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    )
    text = ""
    for value, numeral in numerals:
        while number >= value:
            text += numeral
            number -= value
    return text
