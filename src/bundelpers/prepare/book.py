"""From validated content to what the templates show: one BookBundle per bundle.

This stage parses chapter bodies, checks every image, and decides ids, so the
layout stage only arranges data. It writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import messages as msg
from ..errors import ProblemLog
from ..read.content import Bundle, Chapter, Series
from ..read.images import check_image
from ..read.markdown import Section, headings, parse_body, render_sections
from ..read.schema import BundleMeta, ChapterMeta, SeriesMeta

CASE_SECTIONS = ("Aanleiding", "Aanpak", "Successen", "Tegenvallers", "Lessen")
ORDINALS = ("Eerste", "Tweede", "Derde", "Vierde", "Vijfde", "Zesde", "Zevende", "Achtste",
            "Negende", "Tiende")


def edition_name(druk: int | None) -> str:
    """'Tweede druk' for `druk: 2`; '' for a first edition nobody numbered."""
    if druk is None:
        return ""
    return f"{ORDINALS[druk - 1]} druk" if druk <= len(ORDINALS) else f"{druk}e druk"

ImageUrl = Callable[[Path], str]


@dataclass(frozen=True)
class Figure:
    url: str
    alt: str
    caption: str | None = None
    credit: str | None = None
    source: Path | None = None  # the image file


@dataclass(frozen=True)
class BookChapter:
    anchor: str
    meta: ChapterMeta
    sections: tuple[Section, ...]
    figures: tuple[Figure, ...]
    source: Path
    images: tuple[Path, ...] = ()  # every image its pages show (they are part of its cache key)

    @property
    def is_case(self) -> bool:
        return self.meta.is_case


@dataclass(frozen=True)
class BookBundle:
    slug: str
    series: SeriesMeta
    meta: BundleMeta
    chapters: tuple[BookChapter, ...]
    cover: Figure | None

    @property
    def date(self) -> dt.date:
        """When the bundle first appeared."""
        return self.meta.verschenen or dt.date(self.meta.jaar, 1, 1)

    @property
    def modified(self) -> dt.date:
        """When this edition was last changed (`bijgewerkt`), else when it appeared."""
        return self.meta.bijgewerkt or self.date

    @property
    def edition(self) -> str:
        return edition_name(self.meta.druk)

    @property
    def case_numbers(self) -> dict[str, int]:
        """Cases are numbered in reading order: anchor -> 1, 2, ..."""
        cases = [chapter.anchor for chapter in self.chapters if chapter.is_case]
        return {anchor: number for number, anchor in enumerate(cases, start=1)}


def prepare_series(series: Series, log: ProblemLog, image_url: Callable[[Bundle], ImageUrl]) -> list[BookBundle]:
    return [
        book
        for bundle in series.bundles
        if (book := prepare_bundle(series, bundle, log, image_url(bundle))) is not None
    ]


def prepare_bundle(series: Series, bundle: Bundle, log: ProblemLog, image_url: ImageUrl) -> BookBundle | None:
    errors_before = len(log.errors)
    cover = None
    if (cover_meta := bundle.meta.omslagbeeld) is not None:
        line = bundle.source.line_of(("omslagbeeld", "bestand"))
        path = _image(bundle.folder, cover_meta.bestand, bundle.folder / "bundel.yaml", line, log)
        if path is not None:
            cover = Figure(image_url(path), cover_meta.alt, None, cover_meta.bron, path)
    chapters = []
    for chapter in bundle.chapters:
        book_chapter = _prepare_chapter(bundle, chapter, log, image_url)
        if book_chapter is not None:
            chapters.append(book_chapter)
    if len(log.errors) > errors_before:
        return None
    return BookBundle(bundle.slug, series.meta, bundle.meta, tuple(chapters), cover)


def _prepare_chapter(
    bundle: Bundle, chapter: Chapter, log: ProblemLog, image_url: ImageUrl
) -> BookChapter | None:
    images: list[Path] = []
    parsed = parse_body(chapter.body, chapter.body_first_line, chapter.slug)
    for line, message, hint in parsed.problems:
        log.error(chapter.path, line, message, hint)
    urls: dict[str, str] = {}
    for image in parsed.images:
        path = _image(bundle.folder, image.src, chapter.path, image.line, log)
        if path is not None:
            images.append(path)
            urls[image.src] = image_url(path)
    figures = []
    for index, figure in enumerate(chapter.meta.beeld or ()):
        line = chapter.meta_source.line_of(("beeld", index, "bestand"))
        path = _image(bundle.folder, figure.bestand, chapter.path, line, log)
        if path is not None:
            images.append(path)
            figures.append(Figure(image_url(path), figure.alt, figure.bijschrift, figure.bron))
    if parsed.problems or len(urls) < len({i.src for i in parsed.images}):
        return None
    found = headings(parsed)
    if chapter.meta.is_case:
        present = {h.text.casefold() for h in found if h.level == 2}
        for name in CASE_SECTIONS:
            if name.casefold() not in present:
                log.warning(chapter.path, chapter.body_first_line, msg.SECTION_MISSING.format(name=name),
                            msg.SECTION_MISSING_HINT)
    sections = render_sections(parsed, lambda src: urls.get(src, src))
    return BookChapter(chapter.slug, chapter.meta, sections, tuple(figures), chapter.path,
                       tuple(images))


def _image(folder: Path, reference: str, file: Path, line: int, log: ProblemLog) -> Path | None:
    path, problems = check_image(folder, reference)
    for message, hint in problems:
        log.error(file, line, message, hint)
    return path
