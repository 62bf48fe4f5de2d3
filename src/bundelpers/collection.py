"""The verzamelbundel: the rendered bundles joined behind a front matter of its own.

Only the front matter (cover, title page, colophon, merged contents) is typeset;
the bundles are copied page for page. The merged contents learns where each
chapter landed from the page map each bundle render wrote (build/<slug>/pages.json),
and its entries are links that are pointed at those pages after assembly.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name

from .assemble import DocumentInfo, PageLabelRange, Part, assemble, padded, write_pdf_atomically
from .layout.colours import palette
from .prepare.book import BookBundle
from .errors import MergeError
from .files import write_text_atomically
from .fonts import font_faces, font_folders
from .layout.html import STYLESHEETS, environment, relative_url
from .navigation import placeholder_links
from .project import Project
from .render import render_pdf
from .read.schema import SeriesMeta

# Links in the front matter name a bundle page; WeasyPrint keeps them as URIs
# and assembly turns them into jumps inside the collection.
PAGE_LINK = "https://verzamelbundel.invalid/"
SERIES_COLOUR = "#33475B"


@dataclass(frozen=True)
class CollectionResult:
    path: Path
    pages: int
    front_pages: int
    assembly_seconds: float


def collection_slug(series: SeriesMeta) -> str:
    return f"{series.slug}-verzamelbundel"


def page_map(project: Project, slug: str) -> dict:
    path = project.bundle_build(slug) / "pages.json"
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise MergeError(f"de paginagegevens van {slug} ontbreken ({path}); draai 'make' opnieuw") from error


def toc_entries(books: list[BookBundle], maps: dict[str, dict]) -> list[dict]:
    entries = []
    for book in books:
        anchors = maps[book.slug]["anchors"]
        chapters = [
            {
                "title": chapter.meta.titel,
                "place": chapter.meta.plaats if chapter.is_case else None,
                # The cover is page 1 of every bundle, so the printed folio is index + 1.
                "folio": anchors[chapter.anchor] + 1,
                "link": f"{PAGE_LINK}{book.slug}/{anchors[chapter.anchor]}",
            }
            for chapter in book.chapters
        ]
        entries.append({"title": book.meta.titel, "subtitle": book.meta.ondertitel,
                        "link": f"{PAGE_LINK}{book.slug}/0", "chapters": chapters})
    return entries


def write_front_matter_html(project: Project, series: SeriesMeta, books: list[BookBundle],
                            toc: list[dict], authors: tuple[str, ...]) -> Path:
    folder = project.build / collection_slug(series)
    folder.mkdir(parents=True, exist_ok=True)
    env = environment(project)
    write_text_atomically(folder / "fonts.css", env.get_template("css/fonts.css.j2").render(faces=font_faces()))
    years = sorted({book.meta.jaar for book in books})
    html = env.get_template("collection.html.j2").render(
        series=series,
        collection=series.verzamelbundel,
        bundles=books,
        authors=authors,
        years=f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0]),
        date=max(book.date for book in books),
        toc=toc,
        palette=palette(SERIES_COLOUR),
        fonts_css="fonts.css",
        stylesheets=[relative_url(project.layouts / "css" / name, folder)
                     for name in (*STYLESHEETS, "collection.css")],
    )
    target = folder / "index.html"
    write_text_atomically(target, html)
    return target


def build_collection(project: Project, series: SeriesMeta, books: list[BookBundle]) -> CollectionResult:
    books = sorted(books, key=lambda book: book.meta.nummer)
    maps = {book.slug: page_map(project, book.slug) for book in books}
    toc = toc_entries(books, maps)
    authors = tuple(dict.fromkeys(a for book in books for a in book.meta.auteurs))
    html = write_front_matter_html(project, series, books, toc, authors)
    folder = html.parent
    front_pdf = folder / "voorwerk.pdf"
    front = render_pdf(html, front_pdf, (folder, project.layouts, *font_folders()), collection_slug(series))

    started = time.perf_counter()
    parts = [Part(front_pdf, None, (PageLabelRange(0, "r"),), pad_to_even=True, tags_repaired=True)]
    parts += [
        Part(project.bundle_pdf(book.slug), book.meta.titel,
             (PageLabelRange(0, "D", prefix=f"{book.meta.nummer}-"),), pad_to_even=True,
             tags_repaired=True)
        for book in books
    ]
    newest = max(book.date for book in books)
    info = DocumentInfo(
        title=f"{series.verzamelbundel.titel}: {series.verzamelbundel.ondertitel}",
        lang=series.taal,
        authors=authors,
        subject=series.verzamelbundel.samenvatting,
        keywords=tuple(dict.fromkeys(k for book in books for k in (book.meta.trefwoorden or ()))),
        creation_date=dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.timezone.utc),
    )
    pdf = assemble(parts, info, font_cache=project.build / "fonts")
    front_pages = padded(front.pages)
    starts, offset = {}, front_pages
    for book in books:
        starts[book.slug] = offset
        offset += padded(maps[book.slug]["pages"])
    _point_links_at_pages(pdf, front_pages, starts, _link_descriptions(toc))
    target = project.output / f"{collection_slug(series)}.pdf"
    write_pdf_atomically(pdf, target, scratch=folder)
    elapsed = time.perf_counter() - started
    return CollectionResult(target, len(pdf.pages), front_pages, elapsed)


def _link_descriptions(entries: list[dict]) -> dict[str, str]:
    """What a screen reader says for each contents link (PDF/UA: the annotation's /Contents)."""
    descriptions = {}
    for entry in entries:
        descriptions[entry["link"]] = entry["title"]
        for chapter in entry["chapters"]:
            descriptions[chapter["link"]] = f"{chapter['title']}, {entry['title']}, pagina {chapter['folio']}"
    return descriptions


def _point_links_at_pages(pdf: pikepdf.Pdf, front_pages: int, starts: dict[str, int],
                          descriptions: dict[str, str]) -> None:
    for annotation, rest in placeholder_links(list(pdf.pages)[:front_pages], PAGE_LINK):
        slug, _, index = rest.partition("/")
        if slug not in starts:
            raise MergeError(f"link naar onbekende bundel {slug}")
        target = pdf.pages[starts[slug] + int(index)]
        annotation.A = Dictionary(S=Name.GoTo, D=Array([target.obj, Name.Fit]))
        annotation.Contents = pikepdf.String(descriptions.get(PAGE_LINK + rest, ""))
