"""The verzamelbundel as the templates show it: one book whose parts are the bundles.

Its cover, title page, colophon and back cover use the bundle's partials, so the
collection is handed to them in the shape of a bundle (`CollectionFront`), with its
parts listed for the colophon.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import messages as msg
from ..read.schema import SeriesMeta
from .book import BookBundle

# The series' own colour, for the collection's cover and front matter.
SERIES_COLOUR = "#33475B"


@dataclass(frozen=True)
class Part:
    """One bundle as a part of the verzamelbundel (its part-title page, its colophon line)."""

    nummer: int
    titel: str
    ondertitel: str
    focus: str
    jaar: int
    auteurs: tuple[str, ...]
    redactie: tuple[str, ...]
    isbn: str | None
    kleur: str
    anchor: str  # the part title's id


@dataclass(frozen=True)
class CollectionFront:
    """The collection in the shape of a bundle's metadata, for the shared partials."""

    titel: str
    ondertitel: str
    samenvatting: str
    focus: str
    jaar: str  # "2020–2021": the years its parts appeared
    verschenen: dt.date
    auteurs: tuple[str, ...]
    redactie: tuple[str, ...]
    isbn: str | None
    kleur: str
    trefwoorden: tuple[str, ...]
    delen: tuple[Part, ...]
    nummer: None = None
    druk: None = None
    bijgewerkt: None = None


@dataclass(frozen=True)
class CollectionBook:
    slug: str
    series: SeriesMeta
    front: CollectionFront
    bundles: tuple[BookBundle, ...]  # in `nummer` order

    @property
    def date(self) -> dt.date:
        return self.front.verschenen

    @property
    def modified(self) -> dt.date:
        return max(bundle.modified for bundle in self.bundles)


def collection_slug(series: SeriesMeta) -> str:
    return f"{series.slug}-verzamelbundel"


def part_anchor(bundle: BookBundle) -> str:
    return f"deel-{bundle.meta.nummer}"


def prepare_collection(series: SeriesMeta, books: list[BookBundle]) -> CollectionBook:
    bundles = tuple(sorted(books, key=lambda book: book.meta.nummer))
    years = sorted({book.meta.jaar for book in bundles})
    meta = series.verzamelbundel
    parts = tuple(
        Part(book.meta.nummer, book.meta.titel, book.meta.ondertitel, book.meta.focus,
             book.meta.jaar, tuple(book.meta.auteurs), tuple(book.meta.redactie or ()),
             book.meta.isbn, book.meta.kleur, part_anchor(book))
        for book in bundles
    )
    front = CollectionFront(
        titel=meta.titel,
        ondertitel=meta.ondertitel,
        samenvatting=meta.samenvatting,
        focus=msg.COLLECTION_FOCUS,
        jaar=f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0]),
        verschenen=max(book.date for book in bundles),
        auteurs=tuple(dict.fromkeys(a for book in bundles for a in book.meta.auteurs)),
        redactie=tuple(dict.fromkeys(e for book in bundles for e in book.meta.redactie or ())),
        isbn=meta.isbn,
        kleur=SERIES_COLOUR,
        trefwoorden=tuple(dict.fromkeys(k for book in bundles for k in book.meta.trefwoorden or ())),
        delen=parts,
    )
    return CollectionBook(collection_slug(series), series, front, bundles)
