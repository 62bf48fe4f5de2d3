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
from ..read.markdown import Heading, Section, headings, render_sections
from ..read.yamlload import LocatedYaml
from ..read.schema import BundleMeta, ChapterMeta, SeriesMeta

CASE_SECTIONS = ("Aanleiding", "Aanpak", "Successen", "Tegenvallers", "Lessen")

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
    headings: tuple[Heading, ...]
    figures: tuple[Figure, ...]
    source: Path
    # For rendering a chapter on its own: the images its pages show, and how many
    # footnote calls it makes (the footnote counter runs on through the book).
    images: tuple[Path, ...] = ()
    footnotes: int = 0

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
        path = _image(bundle.folder, cover_meta.bestand, bundle.folder / "bundel.yaml", bundle.source,
                      ("omslagbeeld", "bestand"), log)
        if path is not None:
            sources.append(path)
            cover = Figure(image_url(path), cover_meta.alt, None, cover_meta.bron, path)
    chapters = []
    for chapter in bundle.chapters:
        book_chapter = _prepare_chapter(bundle, chapter, log, image_url, sources)
        if book_chapter is not None:
            chapters.append(book_chapter)
    if len(log.errors) > errors_before:
        return None
    return BookBundle(bundle.slug, series.meta, bundle.meta, tuple(chapters), cover, tuple(sources))


def _prepare_chapter(
    bundle: Bundle, chapter: Chapter, log: ProblemLog, image_url: ImageUrl, sources: list[Path]
) -> BookChapter | None:
    sources.append(chapter.path)
    checked = check_body(bundle.folder, chapter.path, chapter.body, chapter.body_first_line, chapter.slug, log)
    parsed = checked.parsed
    images: list[Path] = list(dict.fromkeys(checked.images.values()))
    urls = {src: image_url(path) for src, path in checked.images.items()}
    figures = []
    for index, figure in enumerate(chapter.meta.beeld or ()):
        path = _image(bundle.folder, figure.bestand, chapter.path, chapter.meta_source, ("beeld", index, "bestand"), log)
        if path is not None:
            images.append(path)
            figures.append(Figure(image_url(path), figure.alt, figure.bijschrift, figure.bron))
    if not checked.ok:
        return None
    found = headings(parsed)
    if chapter.meta.is_case:
        present = {h.text.casefold() for h in found if h.level == 2}
        missing = [name for name in CASE_SECTIONS if name.casefold() not in present]
        if missing:  # one warning for the case, naming every missing section
            names = " en ".join(", ".join(f"'## {n}'" for n in missing).rsplit(", ", 1))
            message = msg.SECTION_MISSING if len(missing) == 1 else msg.SECTIONS_MISSING
            log.warning(chapter.path, chapter.body_first_line, message.format(name=names),
                        msg.SECTION_MISSING_HINT)
    sections = render_sections(parsed, lambda src: urls.get(src, src))
    sources.extend(images)
    footnotes = sum(1 for token in parsed.tokens for child in token.children or ()
                    if child.type == "footnote_ref")
    return BookChapter(chapter.slug, chapter.meta, sections, tuple(found), tuple(figures),
                       chapter.path, tuple(images), footnotes)


def _image(folder: Path, reference: str, file: Path, source: LocatedYaml, where: tuple, log: ProblemLog) -> Path | None:
    line = source.line_of(where)
    path, findings = image_findings(folder, reference, line, source.source_line(line), str(where[-1]))
    for finding in findings:
        log.add(file, finding)
    return path
