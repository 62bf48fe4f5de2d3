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
    Heading,
    Section,
    figure_sections,
    headings,
    parse_body,
    render_sections,
    table_count,
)
from ..read.schema import BundleMeta, ChapterMeta, SeriesMeta
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
    headings: tuple[Heading, ...]
    figures: tuple[Figure, ...]
    source: Path
    # For rendering a chapter on its own: the images its pages show, and how many
    # footnote calls it makes (the footnote counter runs on through the book).
    images: tuple[Path, ...] = ()
    footnotes: int = 0
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
    sources: tuple[Path, ...]  # every file the PDF depends on

    @property
    def date(self) -> dt.date:
        return self.meta.verschenen or dt.date(self.meta.jaar, 1, 1)


def prepare_series(series: Series, log: ProblemLog, image_url: Callable[[Bundle], ImageUrl]) -> list[BookBundle]:
    return [
        book
        for bundle in series.bundles
        if (book := prepare_bundle(series, bundle, log, image_url(bundle))) is not None
    ]


def prepare_bundle(series: Series, bundle: Bundle, log: ProblemLog, image_url: ImageUrl) -> BookBundle | None:
    errors_before = len(log.errors)
    sources: list[Path] = [series.root / "reeks.yaml", bundle.folder / "bundel.yaml"]
    cover = None
    if (cover_meta := bundle.meta.omslagbeeld) is not None:
        line = bundle.source.line_of(("omslagbeeld", "bestand"))
        path = _image(bundle.folder, cover_meta.bestand, bundle.folder / "bundel.yaml", line, log)
        if path is not None:
            sources.append(path)
            cover_meta = typeset(cover_meta)
            cover = Figure(image_url(path), cover_meta.alt, None, cover_meta.bron, path)
    chapters = []
    for number, chapter in enumerate(bundle.chapters, start=1):
        book_chapter = _prepare_chapter(bundle, chapter, number, log, image_url, sources)
        if book_chapter is not None:
            chapters.append(book_chapter)
    if len(log.errors) > errors_before:
        return None
    # Editors type plain quotes; the book prints typographic ones (contract 1.2).
    return BookBundle(bundle.slug, typeset(series.meta), typeset(bundle.meta), tuple(chapters),
                      cover, tuple(sources))


def _prepare_chapter(
    bundle: Bundle, chapter: Chapter, number: int, log: ProblemLog, image_url: ImageUrl,
    sources: list[Path],
) -> BookChapter | None:
    sources.append(chapter.path)
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
    sections = render_sections(parsed, lambda src: urls.get(src, src), body_labels, table_labels)
    sources.extend(images)
    footnotes = sum(1 for token in parsed.tokens for child in token.children or ()
                    if child.type == "footnote_ref")
    return BookChapter(chapter.slug, meta, sections, tuple(found), tuple(figures),
                       chapter.path, tuple(images), footnotes, number)


def _image(folder: Path, reference: str, file: Path, line: int, log: ProblemLog) -> Path | None:
    path, problems = check_image(folder, reference)
    for message, hint in problems:
        log.error(file, line, message, hint)
    return path
