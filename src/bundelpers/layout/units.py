"""Layout stage: prepared books -> HTML documents.

A book is typeset as *units*, each its own document whose pages do not depend on where
they land: cover, title page with colophon, contents, each chapter, a part title, the
back cover. The same templates make the whole bundle in one document
(build/<slug>/index.html, for a browser and the plain WeasyPrint command) and the
sheets of running heads and folios that are stamped onto assembled books.
Templates and CSS live in layouts/; this module only chooses the template and hands
it data.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..prepare.book import BookBundle, BookChapter
from ..prepare.collection import CollectionBook, Part
from .colours import Palette, palette
from .environment import environment
from .flow import Arrangement, chapter_flow, spacing_class
from .frontmatter import (
    BARCODE_SVG,
    STREET_SVG,
    FrontMatterArt,
    front_matter_art,
    front_matter_context,
    part_title_context,
    write_front_matter_art,
)
from .stylesheets import FONTS_CSS, FURNITURE, STYLESHEETS

# Order matters: later sheets refine earlier ones.
BLOCKS = ("kader", "figuur", "tabel")  # what a pull quote must not stack on
# Full-colour fields that run off the trimmed page: in the print edition they bleed.
BLEED_UNITS = frozenset({"omslag", "achterkant", "deeltitel", "omslagvel"})


@dataclass(frozen=True)
class Reflow:
    """What typesetting needs to lay a chapter out again with its floats moved (picklable,
    for a worker process): the layouts, the build folder, the bundle, the chapter."""

    layouts: Path
    build: Path
    book: BookBundle
    anchor: str


@dataclass(frozen=True)
class UnitDoc:
    """One document to typeset: its HTML, the folder its URLs are relative to, and the
    files besides the HTML that decide its pages (images); a chapter's also how to lay
    it out again (the page make-up moves its floats)."""

    name: str
    html: str
    base: Path
    images: tuple[Path, ...] = ()
    reflow: Reflow | None = field(default=None, compare=False)


@dataclass(frozen=True)
class ContentsEntry:
    title: str
    folio: str
    link: str
    place: str | None = None


@dataclass(frozen=True)
class ContentsGroup:
    entries: tuple[ContentsEntry, ...]
    title: str = ""  # a part of the verzamelbundel; "" in a bundle
    subtitle: str = ""
    link: str = ""
    palette: Palette | None = None


@dataclass(frozen=True)
class CaseSource:
    """Where a case printed on its own comes from, for its first page."""

    first_folio: str
    last_folio: str
    bundle_file: str  # the whole bundle's file name, as the reader sees it
    bundle_link: str  # its address relative to the case's PDF


@dataclass(frozen=True)
class CoverSpread:
    """The print edition's cover sheet: back cover, spine, front cover."""

    trim_width_mm: float  # one cover
    height_mm: float
    spine_mm: float
    spine_text: bool  # wide enough to carry the title

    @property
    def width_mm(self) -> float:
        return 2 * self.trim_width_mm + self.spine_mm


@dataclass(frozen=True)
class MarksSheet:
    """A page of crop marks around a trim of this size."""

    width_mm: float
    height_mm: float
    margin_mm: float


@dataclass(frozen=True)
class FolioSheet:
    first: int
    count: int
    style: str = "decimaal"  # or "romeins"
    kind: str = field(default="folio", init=False)


@dataclass(frozen=True)
class HeadSheet:
    pairs: tuple[tuple[str, str], ...]  # (verso text, recto text)
    kind: str = field(default="kop", init=False)


def relative_url(target: Path, from_folder: Path) -> str:
    return Path(os.path.relpath(target, from_folder)).as_posix()


def quote_position(chapter: BookChapter) -> int:
    """1-based index of the section the pull quote precedes: Successen, else the middle.

    Never where it would stack on a box, figure or table: not after a section that ends
    with one, not before one that starts with one, and not after the first section when
    the chapter's own figures follow it. The nearest such boundary wins; 0 if none is.
    """
    sections = chapter.sections
    kinds = [section.kind for section in sections]
    wanted = kinds.index("successen") + 1 if "successen" in kinds else max(1, (len(kinds) + 1) // 2)

    def clear(index: int) -> bool:  # the boundary before section `index` (1-based)
        after, before = sections[index - 1], sections[index - 2] if index > 1 else None
        if index == 1 or after.opens_with in BLOCKS:
            return False
        return before is not None and before.closes_with not in BLOCKS \
            and not (index == 2 and chapter.figures)

    candidates = sorted(range(1, len(sections) + 1), key=lambda index: (abs(index - wanted), -index))
    return next((index for index in candidates if clear(index)), 0)


class Layout:
    """The layouts/ folder of one project, turning prepared books into documents."""

    def __init__(self, layouts: Path, build: Path, bleed: bool = False) -> None:
        self.layouts = layouts
        self.build = build
        self.env = environment(layouts)
        # The print edition: units whose colour touches the trim are typeset with bleed
        # (css/bleed.css); every other unit stays the very same document, and so is
        # taken from the store instead of being typeset again.
        self.bleed = bleed
        self._chapters: dict[tuple[str, str], UnitDoc] = {}
        self._art: dict[str, FrontMatterArt] = {}

    def folder(self, slug: str) -> Path:
        return self.build / slug

    # --- a bundle ---------------------------------------------------------------

    def art(self, slug: str, series, meta, places: list[str]) -> FrontMatterArt:  # type: ignore[no-untyped-def]
        """The cover's main line, its street and the ISBN's barcode, drawn once into the
        book's build folder (the cover and back cover show them as pictures)."""
        if slug not in self._art:
            art = front_matter_art(series, meta, palette(meta.kleur), places)
            write_front_matter_art(self.layouts, self.folder(slug), art)
            self._art[slug] = art
        return self._art[slug]

    def art_files(self, slug: str) -> tuple[Path, ...]:
        """The drawings a cover or back cover shows: part of what decides their pages."""
        folder = self.folder(slug)
        return tuple(folder / name for name in (STREET_SVG, BARCODE_SVG) if (folder / name).is_file())

    def _bundle_art(self, book: BookBundle) -> FrontMatterArt:
        places = [c.meta.plaats for c in book.chapters if c.is_case and c.meta.plaats] \
            or [c.meta.titel for c in book.chapters]
        return self.art(book.slug, book.series, book.meta, places)

    def _bundle_context(self, book: BookBundle) -> dict:
        return {
            **front_matter_context(self._bundle_art(book)),
            "series": book.series,
            "bundle": book.meta,
            "cover": book.cover,
            "date": book.date,
            "modified": book.modified,
            "palette": palette(book.meta.kleur),
            "case_numbers": book.case_numbers,
            "quote_after": quote_position,
            "chapter_flow": chapter_flow,
            "spacing_class": spacing_class,
            "arrangements": {},
            "linked_styles": (),
        }

    def _unit(self, name: str, base: Path, context: dict, images: Sequence[Path] = (),
              reflow: Reflow | None = None) -> UnitDoc:
        if self.bleed and context["unit"] in BLEED_UNITS:
            context = {**context, "bleed": True}
            name = f"{name}-afloop"
        html = self.env.get_template("unit.html.j2").render(**context)
        return UnitDoc(name, html, base, tuple(images), reflow)

    def bundle_cover(self, book: BookBundle) -> UnitDoc:
        context = {**self._bundle_context(book), "unit": "omslag"}
        images = (book.cover.source,) if book.cover and book.cover.source else ()
        return self._unit(f"{book.slug}/omslag", self.folder(book.slug), context,
                          (*images, *self.art_files(book.slug)))

    def bundle_titlepage(self, book: BookBundle) -> UnitDoc:
        return self._unit(f"{book.slug}/titelpagina", self.folder(book.slug),
                          {**self._bundle_context(book), "unit": "titelpagina"})

    def bundle_contents(self, book: BookBundle, contents: Sequence[ContentsGroup]) -> UnitDoc:
        return self._unit(f"{book.slug}/inhoud", self.folder(book.slug),
                          {**self._bundle_context(book), "unit": "inhoud", "contents": contents})

    def chapter(self, book: BookBundle, chapter: BookChapter,
                arrangement: Arrangement | None = None) -> UnitDoc:
        """A chapter's document, floats as `arrangement` moved them (none: as written);
        the bundle and the verzamelbundel share it."""
        key = (book.slug, chapter.anchor, repr(sorted((arrangement or {}).items())))
        if key not in self._chapters:
            context = {**self._bundle_context(book), "unit": "hoofdstuk", "chapter": chapter,
                       "arrangements": {chapter.anchor: arrangement or {}}}
            self._chapters[key] = self._unit(
                f"{book.slug}/{chapter.anchor}", self.folder(book.slug), context, chapter.images,
                Reflow(self.layouts, self.build, book, chapter.anchor))
        return self._chapters[key]

    def case_source(self, book: BookBundle, chapter: BookChapter, source: CaseSource) -> UnitDoc:
        """The first page of a case published on its own: where it comes from, the
        colophon's essentials and a link to the whole bundle."""
        return self._unit(f"{book.slug}/{chapter.anchor}-bron", self.folder(book.slug),
                          {**self._bundle_context(book), "unit": "overdruk", "chapter": chapter,
                           "source": source, "edition": book.edition})

    def bundle_backcover(self, book: BookBundle) -> UnitDoc:
        context = {**self._bundle_context(book), "unit": "achterkant"}
        return self._unit(f"{book.slug}/achterkant", self.folder(book.slug), context,
                          self.art_files(book.slug))

    def whole_bundle(self, book: BookBundle, contents: Sequence[ContentsGroup],
                     arrangements: dict[str, Arrangement]) -> str:
        """The whole bundle in one document, linking its stylesheets; each chapter's floats
        where its own typesetting placed them."""
        folder = self.folder(book.slug)
        sheets = [relative_url(self.build / FONTS_CSS, folder)]
        sheets += [relative_url(self.layouts / "css" / name, folder)
                   for name in (*STYLESHEETS, *FURNITURE)]
        context = {**self._bundle_context(book), "linked_styles": sheets, "contents": contents,
                   "chapters": book.chapters, "running_title": book.meta.titel,
                   "arrangements": arrangements}
        return self.env.get_template("book.html.j2").render(**context)

    # --- the verzamelbundel -------------------------------------------------------

    def _collection_context(self, book: CollectionBook) -> dict:
        places = [c.meta.plaats for bundle in book.bundles for c in bundle.chapters
                  if c.is_case and c.meta.plaats]
        art = self.art(book.slug, book.series, book.front, places)
        return {
            **front_matter_context(art),
            "series": book.series,
            "bundle": book.front,
            "cover": None,
            "date": book.date,
            "modified": book.modified,
            "palette": palette(book.front.kleur),
            "linked_styles": (),
        }

    def collection_unit(self, book: CollectionBook, unit: str, **extra: object) -> UnitDoc:
        """The collection's own cover, title page, contents or back cover."""
        context = {**self._collection_context(book), "unit": unit, **extra}
        images = self.art_files(book.slug) if unit in ("omslag", "achterkant") else ()
        return self._unit(f"{book.slug}/{unit}", self.folder(book.slug), context, images)

    def part_title(self, book: CollectionBook, part: Part, places: list[str]) -> UnitDoc:
        folder = self.folder(book.slug)
        own = part_title_context(self.layouts, folder, part, places)
        context = {**self._collection_context(book), "unit": "deeltitel", **own}
        return self._unit(f"{book.slug}/deel-{part.nummer}", folder, context,
                          (folder / own["part_street_svg"],))

    # --- the print edition ----------------------------------------------------------

    def cover_spread(self, book: BookBundle | CollectionBook, spread: CoverSpread) -> UnitDoc:
        """Back cover, spine and front cover on one sheet, with bleed."""
        if isinstance(book, CollectionBook):
            context = self._collection_context(book)
        else:
            context = self._bundle_context(book)
        images = (book.cover.source,) if getattr(book, "cover", None) and book.cover.source else ()
        return self._unit(f"{book.slug}/omslagvel", self.folder(book.slug),
                          {**context, "unit": "omslagvel", "spread": spread}, images)

    def crop_marks(self, sheet: MarksSheet, series) -> UnitDoc:  # type: ignore[no-untyped-def]
        html = self.env.get_template("marks.html.j2").render(
            series=series, sheet=sheet, palette=palette("#000000"), linked_styles=())
        return UnitDoc(f"snijtekens-{sheet.width_mm:g}x{sheet.height_mm:g}", html, self.build)

    # --- page furniture -------------------------------------------------------------

    def stamps(self, sheet: FolioSheet | HeadSheet, series, name: str) -> UnitDoc:  # type: ignore[no-untyped-def]
        html = self.env.get_template("stamps.html.j2").render(
            series=series, sheet=sheet, palette=palette("#000000"), linked_styles=())
        return UnitDoc(name, html, self.build)
