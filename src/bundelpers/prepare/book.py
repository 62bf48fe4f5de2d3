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
from ..read.body import check_body
from ..read.content import Bundle, Chapter, Series
from ..read.images import image_findings
from ..read.markdown import Section, figure_sections, headings, render_sections, table_count
from ..read.schema import BundleMeta, ChapterMeta, SeriesMeta
from ..read.yamlload import LocatedYaml
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
        """'Tweede druk' when `druk` says so; '' when the edition was never numbered."""
        return edition_words(self.meta.druk) if self.meta.druk else ""

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
        path = _image(bundle.folder, cover_meta.bestand, bundle.folder / "bundel.yaml", bundle.source,
                      ("omslagbeeld", "bestand"), log)
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
    checked = check_body(bundle.folder, chapter.path, chapter.body, chapter.body_first_line,
                         chapter.slug, log)
    parsed = checked.parsed
    images: list[Path] = list(dict.fromkeys(checked.images.values()))
    urls = {src: image_url(path) for src, path in checked.images.items()}
    # Figures are numbered in reading order: the body's figures of the first section,
    # then the figures of the front matter (the templates place them after that section),
    # then the body's other figures.
    in_body = figure_sections(parsed)
    before = sum(1 for section in in_body if section == 0)
    listed = meta.beeld or ()
    figures = []
    for index, figure in enumerate(listed):
        path = _image(bundle.folder, figure.bestand, chapter.path, chapter.meta_source,
                      ("beeld", index, "bestand"), log)
        if path is not None:
            images.append(path)
            figures.append(Figure(image_url(path), figure.alt, figure.bijschrift, figure.bron,
                                  label=f"Figuur {number}.{before + index + 1}"))
    body_labels = [f"Figuur {number}.{n if n <= before else n + len(listed)}"
                   for n in range(1, len(in_body) + 1)]
    table_labels = [f"Tabel {number}.{n}" for n in range(1, table_count(parsed) + 1)]
    if not checked.ok:
        return None
    found = headings(parsed)
    if meta.is_case:
        present = {h.text.casefold() for h in found if h.level == 2}
        missing = [name for name in CASE_SECTIONS if name.casefold() not in present]
        if missing:  # one warning for the case, naming every missing section
            names = " en ".join(", ".join(f"'## {n}'" for n in missing).rsplit(", ", 1))
            message = msg.SECTION_MISSING if len(missing) == 1 else msg.SECTIONS_MISSING
            log.warning(chapter.path, chapter.body_first_line, message.format(name=names),
                        msg.SECTION_MISSING_HINT)
    sections = render_sections(parsed, lambda src: urls.get(src, src), body_labels, table_labels,
                               chapter.slug)
    return BookChapter(chapter.slug, meta, sections, tuple(figures), chapter.path,
                       tuple(images), number)



def _image(folder: Path, reference: str, file: Path, source: LocatedYaml, where: tuple, log: ProblemLog) -> Path | None:
    line = source.line_of(where)
    path, findings = image_findings(folder, reference, line, source.source_line(line), str(where[-1]))
    for finding in findings:
        log.add(file, finding)
    return path
