"""The bundle PDF joined from its separately rendered parts, as a reader would have got
it from rendering the whole book at once: same pages, folios, contents, bookmarks, link
targets and tags.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pikepdf
from pikepdf import Array, Name, String

from .assemble import DocumentInfo, PageLabelRange, Part, assemble, padded
from .prepare.book import BookBundle
from .cache import CachedPart
from .errors import MergeError
from .navigation import destination_prefix, placeholder_links
from .parts import TOC_LINK
from .render import RenderResult

_PREFIX = re.compile(r"^p\d+\.")


def join_bundle(book: BookBundle, front: CachedPart, chapters: list[CachedPart],
                font_cache: Path | None = None) -> tuple[pikepdf.Pdf, RenderResult]:
    """Join the front matter and the chapters (the last with the back cover); `font_cache`
    keeps the font subsets shared by the parts (see fontshare.py)."""
    last = len(chapters) - 1
    parts = [Part(front.pdf, None, (PageLabelRange(0, "D"),), pad_to_even=True, tags_repaired=True)]
    parts += [Part(chapter.pdf, None, (), pad_to_even=index < last, tags_repaired=True)
              for index, chapter in enumerate(chapters)]
    date = book.date
    info = DocumentInfo(
        title=f"{book.meta.titel}: {book.meta.ondertitel}",
        lang=book.series.taal,
        authors=tuple(book.meta.auteurs),
        subject=book.meta.samenvatting,
        keywords=tuple(book.meta.trefwoorden or ()),
        creation_date=dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC),
    )
    pdf = assemble(parts, info, font_cache=font_cache)
    anchors: dict[str, int] = dict(front.anchors)
    start = padded(front.pages)
    for index, chapter in enumerate(chapters):
        if start + 1 != chapter.first_page:
            raise MergeError(f"{chapter.pdf.name} begint op pagina {start + 1}, "
                             f"maar is gezet vanaf pagina {chapter.first_page}")
        for anchor, page in chapter.anchors.items():
            anchors.setdefault(anchor, start + page)
        start += padded(chapter.pages) if index < last else chapter.pages
    if start != len(pdf.pages):
        raise MergeError(f"{book.slug}: {len(pdf.pages)} pagina's samengevoegd, {start} verwacht")
    _drop_part_prefixes(pdf, len(parts))
    titles = {chapter.anchor: chapter.meta.titel for chapter in book.chapters}
    _point_contents_at_chapters(pdf, padded(front.pages), titles)
    warnings = tuple(w for part in (front, *chapters) for w in part.warnings)
    return pdf, RenderResult(len(pdf.pages), anchors, warnings)


def _drop_part_prefixes(pdf: pikepdf.Pdf, parts: int) -> None:
    """Give the destinations back the names of their HTML ids.

    assemble() prefixes every part's names ("p3.inleiding") because separate documents
    may share ids; the parts of one book do not, and a reader or a link from outside
    then finds "inleiding" as in a book rendered whole.
    """
    tree = pikepdf.NameTree(pdf.Root.Names.Dests)
    entries = list(tree.items())
    names = [_PREFIX.sub("", name) for name, _ in entries]
    if len(set(names)) != len(names):
        return  # two parts share an id: keep the prefixes, which keep them apart
    fresh = pikepdf.NameTree.new(pdf)
    for name, (_, value) in zip(names, entries, strict=True):
        fresh[name] = value
    pdf.Root.Names.Dests = fresh.obj
    prefixes = tuple(destination_prefix(index) for index in range(parts))
    for page in pdf.pages:
        for annotation in page.obj.get(Name.Annots, Array()):
            dest = annotation.get(Name.Dest)
            if isinstance(dest, String) and str(dest).startswith(prefixes):
                annotation.Dest = String(_PREFIX.sub("", str(dest)))


def _point_contents_at_chapters(pdf: pikepdf.Pdf, front_pages: int, titles: dict[str, str]) -> None:
    """The contents' placeholder links become links to the chapters' destinations,
    described by the chapter title (PDF/UA: /Contents is what a screen reader says)."""
    tree = pikepdf.NameTree(pdf.Root.Names.Dests)
    for annotation, anchor in placeholder_links(list(pdf.pages)[:front_pages], TOC_LINK):
        name = anchor if anchor in tree else next(
            (key for key, _ in tree.items() if _PREFIX.sub("", key) == anchor), None)
        if name is None:
            raise MergeError(f"de inhoudsopgave verwijst naar een onbekend hoofdstuk: {anchor}")
        del annotation[Name.A]
        annotation.Dest = String(name)
        annotation.Contents = String(titles.get(anchor, anchor))
