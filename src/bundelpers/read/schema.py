"""The content contract (content-format.md, version 1.2) as typed models.

Every rule about a single value lives here; rules that span files (unique bundle
numbers, chapters on disk) live in content.py. Validators raise
`PydanticCustomError`s whose type names select the Dutch text in `translate.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
EMAIL_RE = re.compile(r"^[^@\s<>()\[\],;:\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
URL_RE = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$")


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("nl_text_blank", "blank text")
    return value.strip()


def _url(value: str) -> str:
    if not URL_RE.match(value.strip()):
        raise PydanticCustomError("nl_url", "bad url", {"value": value})
    return value.strip()


def _email(value: str) -> str:
    if not EMAIL_RE.match(value.strip()):
        raise PydanticCustomError("nl_email", "bad email", {"value": value})
    return value.strip()


def _colour(value: str | None) -> str:
    if value is None:
        raise PydanticCustomError("nl_colour_empty", "empty colour")
    if not isinstance(value, str) or not COLOUR_RE.match(value):
        raise PydanticCustomError("nl_colour", "bad colour", {"value": value})
    return value.upper()


def _isbn(value: str | int) -> str:
    digits = re.sub(r"[\s-]", "", str(value))
    if not re.fullmatch(r"97[89][0-9]{10}", digits):
        raise PydanticCustomError("nl_isbn", "bad isbn", {"value": value})
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits[:12]))
    if (10 - total % 10) % 10 != int(digits[12]):
        raise PydanticCustomError("nl_isbn", "bad isbn", {"value": value})
    return digits


def _slug(value: str) -> str:
    if not SLUG_RE.match(value):
        raise PydanticCustomError("nl_slug", "bad slug", {"value": value})
    return value


def _lang(value: str) -> str:
    if not LANG_RE.match(value):
        raise PydanticCustomError("nl_lang", "bad language", {"value": value})
    return value


def _date(value: object) -> object:
    # A quoted ISO date is what an editor means too; accept it rather than nag.
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError("nl_date", "bad date") from None
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("nl_date", "bad date")
    return value


def _empty_list_is_absent(value: object) -> object:
    return None if value == [] else value


Text = Annotated[str, Field(strict=True), AfterValidator(_not_blank)]
Url = Annotated[str, Field(strict=True), AfterValidator(_url)]
Email = Annotated[str, Field(strict=True), AfterValidator(_email)]
Colour = Annotated[str, BeforeValidator(_colour)]
Isbn = Annotated[str, BeforeValidator(_isbn)]
Slug = Annotated[str, Field(strict=True), AfterValidator(_slug)]
Lang = Annotated[str, Field(strict=True), AfterValidator(_lang)]
Date = Annotated[dt.date, BeforeValidator(_date), Field(strict=True)]
Year = Annotated[int, Field(strict=True, ge=1900, le=2200)]
TextList = Annotated[list[Text], Field(min_length=1)]
OptionalTextList = Annotated[list[Text] | None, BeforeValidator(_empty_list_is_absent)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class CollectionMeta(Strict):
    titel: Text
    ondertitel: Text
    samenvatting: Text
    isbn: Isbn | None = None


class ColophonTexts(Strict):
    """Sentences every colophon prints; templates hold none of this kind."""

    rechten: Text | None = None
    licentie: Text | None = None
    toelichting: Text | None = None


def _paper_thickness(value: object) -> object:
    # A number in millimetres, as the guide shows it (0.1); a bool is no number here.
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or not PAPER_MM[0] <= value <= PAPER_MM[1]:
        raise PydanticCustomError("nl_paper_thickness", "bad paper thickness",
                                  {"value": value, "low": PAPER_MM[0], "high": PAPER_MM[1]})
    return float(value)


PAPER_MM = (0.03, 1.0)  # thinner than bible paper or thicker than board is a typo


class PrintSettings(Strict):
    """For the print edition (`make drukwerk`)."""

    papierdikte_mm: Annotated[float, BeforeValidator(_paper_thickness)] = 0.1


class SeriesMeta(Strict):
    titel: Text
    uitgever: Text
    slug: Slug
    verzamelbundel: CollectionMeta
    taal: Lang = "nl"
    website: Url | None = None
    colofon: ColophonTexts = ColophonTexts()
    drukwerk: PrintSettings = PrintSettings()


class CoverImage(Strict):
    bestand: Text
    alt: Text
    bron: Text | None = None


class BundleMeta(Strict):
    nummer: Annotated[int, Field(strict=True, ge=1)]
    titel: Text
    ondertitel: Text
    focus: Text
    jaar: Year
    verschenen: Date | None = None
    auteurs: TextList
    redactie: OptionalTextList = None
    isbn: Isbn | None = None
    druk: Annotated[int, Field(strict=True, ge=1)] | None = None
    bijgewerkt: Date | None = None
    kleur: Colour = "#2E6F8E"
    omslagbeeld: CoverImage | None = None
    samenvatting: Text
    trefwoorden: OptionalTextList = None
    inhoud: TextList

    @model_validator(mode="after")
    def _year_matches_date(self) -> BundleMeta:
        if self.verschenen is not None and self.verschenen.year != self.jaar:
            raise PydanticCustomError(
                "nl_year_mismatch", "year mismatch",
                {"year": self.verschenen.year, "jaar": self.jaar, "field": "verschenen"},
            )
        return self

    @model_validator(mode="after")
    def _updated_after_publication(self) -> BundleMeta:
        if self.bijgewerkt is not None and self.verschenen is not None \
                and self.bijgewerkt < self.verschenen:
            raise PydanticCustomError(
                "nl_updated_before_published", "updated before published",
                {"bijgewerkt": self.bijgewerkt.isoformat(),
                 "verschenen": self.verschenen.isoformat(), "field": "bijgewerkt"},
            )
        return self


class Contact(Strict):
    naam: Text
    rol: Text | None = None
    email: Email | None = None


class Quote(Strict):
    tekst: Text
    wie: Text | None = None


class ChapterImage(Strict):
    bestand: Text
    alt: Text
    bijschrift: Text | None = None
    bron: Text | None = None


class ChapterMeta(Strict):
    """A plain chapter (introduction, lessons). Case fields are allowed but optional."""

    soort: Literal["hoofdstuk"] = "hoofdstuk"
    titel: Text
    samenvatting: Text | None = None
    plaats: Text | None = None
    initiatief: Text | None = None
    provincie: Text | None = None
    wijk: Text | None = None
    doelgroep: Text | None = None
    gestart: Year | None = None
    betrokkenen: OptionalTextList = None
    in_het_kort: OptionalTextList = None
    website: Url | None = None
    contact: Contact | None = None
    citaat: Quote | None = None
    beeld: Annotated[list[ChapterImage] | None, BeforeValidator(_empty_list_is_absent)] = None

    @property
    def is_case(self) -> bool:
        return self.soort == "casus"


class CaseMeta(ChapterMeta):
    soort: Literal["casus"]  # type: ignore[assignment]
    samenvatting: Text
    plaats: Text
    initiatief: Text
