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
from ..read.markdown import (
    Section,
    figure_sections,
    headings,
    parse_body,
    render_sections,
    table_count,
)
from ..read.schema import BundleMeta, ChapterMeta, SeriesMeta
from .frontmatter import edition as edition_words
from .typography import typeset

CASE_SECTIONS = ("Aanleiding", "Aanpak", "Successen", "Tegenvallers", "Lessen")
ImageUrl = Callable[[Path], str]


@dataclass(frozen=True)
class Figure:
    url: str
    alt: str
    caption: str | None = None
    credit: str | None = None
    source: Path | None = None  # the image file
    label: str = ""  # "Figuur 3.1": chapter number in the book's order, figure in the chapter


@dataclass(frozen=True)
class BookChapter:
    anchor: str
    meta: ChapterMeta
    sections: tuple[Section, ...]
    figures: tuple[Figure, ...]
    source: Path
    images: tuple[Path, ...] = ()  # every image its pages show (they are part of its cache key)
    number: int = 0  # the chapter's place in the book, 1-based

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
        return edition_words(self.meta.druk)

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
            cover_meta = typeset(cover_meta)
            cover = Figure(image_url(path), cover_meta.alt, None, cover_meta.bron, path)
    chapters = []
    for number, chapter in enumerate(bundle.chapters, start=1):
        book_chapter = _prepare_chapter(bundle, chapter, number, log, image_url)
        if book_chapter is not None:
            chapters.append(book_chapter)
    if len(log.errors) > errors_before:
        return None
    # Editors type plain quotes; the book prints typographic ones (contract 1.2).
    return BookBundle(bundle.slug, typeset(series.meta), typeset(bundle.meta), tuple(chapters),
                      cover)


def _prepare_chapter(
    bundle: Bundle, chapter: Chapter, number: int, log: ProblemLog, image_url: ImageUrl
) -> BookChapter | None:
    meta = typeset(chapter.meta)
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
    # Figures are numbered in reading order: the body's figures of the first section,
    # then the figures of the front matter (the templates place them after that section),
    # then the body's other figures.
    in_body = figure_sections(parsed)
    before = sum(1 for section in in_body if section == 0)
    listed = meta.beeld or ()
    figures = []
    for index, figure in enumerate(listed):
        line = chapter.meta_source.line_of(("beeld", index, "bestand"))
        path = _image(bundle.folder, figure.bestand, chapter.path, line, log)
        if path is not None:
            images.append(path)
            figures.append(Figure(image_url(path), figure.alt, figure.bijschrift, figure.bron,
                                  label=f"Figuur {number}.{before + index + 1}"))
    body_labels = [f"Figuur {number}.{n if n <= before else n + len(listed)}"
                   for n in range(1, len(in_body) + 1)]
    table_labels = [f"Tabel {number}.{n}" for n in range(1, table_count(parsed) + 1)]
    if parsed.problems or len(urls) < len({i.src for i in parsed.images}):
        return None
    found = headings(parsed)
    if meta.is_case:
        present = {h.text.casefold() for h in found if h.level == 2}
        for name in CASE_SECTIONS:
            if name.casefold() not in present:
                log.warning(chapter.path, chapter.body_first_line, msg.SECTION_MISSING.format(name=name),
                            msg.SECTION_MISSING_HINT)
    sections = render_sections(parsed, lambda src: urls.get(src, src), body_labels, table_labels,
                               chapter.slug)
    return BookChapter(chapter.slug, meta, sections, tuple(figures), chapter.path,
                       tuple(images), number)


def _image(folder: Path, reference: str, file: Path, line: int, log: ProblemLog) -> Path | None:
    path, problems = check_image(folder, reference)
    for message, hint in problems:
        log.error(file, line, message, hint)
    return path
