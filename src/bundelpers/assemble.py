"""PDF surgery: join tagged WeasyPrint PDFs into one accessible PDF.

Used for the verzamelbundel (front matter + bundles) and for a bundle made of separately
rendered chapters. Everything a reader and a screen reader rely on survives the join:
one structure tree, working links and bookmarks, page labels, PDF/UA metadata.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, String

from .errors import MergeError
from .files import write_bytes_atomically
from .fontshare import share_font_programs
from .navigation import (
    OUTLINE_DEPTH,
    carry_outline,
    copy_destinations,
    dangling_names,
    destination_prefix,
    prefix_link_names,
)
from .structtree import StructureMerger
from .tabletags import scope_table_headers
from .tagging import mark_margin_content_as_artifacts, nest_link_annotations

# PDF/UA-1 (ISO 14289-1) is built on PDF 1.7; pikepdf would otherwise write %PDF-1.3.
PDF_VERSION = "1.7"
LABEL_STYLES = frozenset({"D", "r", "R", "a", "A"})

__all__ = ["DocumentInfo", "MergeError", "PageLabelRange", "Part", "assemble",
           "write_pdf_atomically"]


@dataclass(frozen=True)
class PageLabelRange:
    """Where a page-number style starts, as /PageLabels records it."""

    start: int  # 0-based page index within the part
    style: str | None  # "D" decimal, "r"/"R" roman, "a"/"A" letters, None: prefix only
    prefix: str = ""
    first_number: int = 1

    def __post_init__(self) -> None:
        if self.style is not None and self.style not in LABEL_STYLES:
            raise ValueError(f"unknown page label style {self.style!r}")
        if self.start < 0 or self.first_number < 1:
            raise ValueError("page label start must be >= 0 and first_number >= 1")


@dataclass(frozen=True)
class Part:
    """One PDF to join, and how it appears in the whole."""

    path: Path
    # None: the part's bookmarks go to the top level as they are; a title: one top-level
    # bookmark (to the part's first page) holding the part's bookmarks.
    outline_title: str | None = None
    # None: keep the part's own /PageLabels (decimal from 1 if it has none);
    # (): no new range starts here, the previous part's numbering runs on.
    page_labels: tuple[PageLabelRange, ...] | None = None
    # Append one blank page after an odd page count, so the next part starts on a recto.
    pad_to_even: bool = False
    # True when the render stage already ran the tagging repairs on this file
    # (they parse every content stream, the bulk of assembly time).
    tags_repaired: bool = False


@dataclass(frozen=True)
class DocumentInfo:
    """What the joined document says about itself (XMP and the Info dictionary)."""

    title: str
    lang: str
    authors: tuple[str, ...]
    subject: str = ""
    keywords: tuple[str, ...] = ()
    # From the content, never the clock, so that builds are reproducible.
    creation_date: datetime | None = None


def padded(pages: int) -> int:
    """A part's page count once `pad_to_even` has added its blank page."""
    return pages + pages % 2


def assemble(parts: Sequence[Part], info: DocumentInfo, font_cache: Path | None = None) -> pikepdf.Pdf:
    """Join `parts` in order into one tagged PDF; raises MergeError if that fails.

    Each typeface ends up stored once (fontshare.py); `font_cache` keeps the subsets.
    """
    if not parts:
        raise MergeError("nothing to assemble: no parts")
    pdf = pikepdf.new()
    structure = StructureMerger(pdf, info.lang)
    dests = pikepdf.NameTree.new(pdf)
    labels = pikepdf.NumberTree.new(pdf)
    outline: list[OutlineItem] = []
    for index, part in enumerate(parts):
        src = _open_part(part.path, repair=not part.tags_repaired)
        if not src.pages:
            raise MergeError(f"{part.path}: the PDF has no pages")
        start = len(pdf.pages)
        for page in src.pages:
            pdf.pages.append(page)
        copied = list(pdf.pages)[start:]
        page_map = {
            page.obj.objgen: copy.obj for page, copy in zip(src.pages, copied, strict=True)}
        prefix = destination_prefix(index)
        try:
            structure.add(src, copied, prefix)
        except ValueError as error:
            raise MergeError(f"{part.path}: {error}") from error
        copy_destinations(src, page_map, prefix, dests)
        prefix_link_names(copied, prefix)
        items = carry_outline(src, page_map, prefix)
        if part.outline_title is None:
            outline.extend(items)
        else:
            heading = OutlineItem(part.outline_title, Array([copied[0].obj, Name.Fit]))
            heading.children = items
            outline.append(heading)
        for label in _label_ranges(part, src):
            labels[start + label.start] = _label_dictionary(label)
        if part.pad_to_even and len(copied) % 2:
            _append_blank_page(pdf, copied[-1])

    if 0 not in labels:
        labels[0] = Dictionary(S=Name.D)  # the tree must say how page 1 is numbered
    structure.finish()
    pdf.Root.Names = Dictionary(Dests=dests.obj)
    pdf.Root.PageLabels = labels.obj
    with pdf.open_outline(max_depth=OUTLINE_DEPTH) as pdf_outline:
        pdf_outline.root.extend(outline)
    if outline:
        pdf.Root.PageMode = Name.UseOutlines
    _set_catalog_and_metadata(pdf, info)

    share_font_programs(pdf, font_cache)
    dangling = dangling_names(pdf)
    if dangling:
        raise MergeError("links lead to missing destinations: " + ", ".join(dangling))
    return pdf


def _open_part(path: Path, repair: bool = True) -> pikepdf.Pdf:
    """Open a part from memory, with WeasyPrint's tagging slips repaired.

    Copied pages read their streams from the source only when the result is saved, so
    the source must not depend on a file that a later build step may replace.
    """
    try:
        src = pikepdf.open(io.BytesIO(Path(path).read_bytes()))
    except (OSError, pikepdf.PdfError) as error:
        raise MergeError(f"{path}: cannot read the PDF ({error})") from error
    if repair:
        repair_tags(src)
    return src


def repair_tags(pdf: pikepdf.Pdf) -> None:
    """WeasyPrint 70's tagging slips, fixed in place (see tagging.py, tabletags.py)."""
    mark_margin_content_as_artifacts(pdf)
    nest_link_annotations(pdf)
    scope_table_headers(pdf)


def _label_ranges(part: Part, src: pikepdf.Pdf) -> tuple[PageLabelRange, ...]:
    if part.page_labels is not None:
        ranges = part.page_labels
    elif isinstance(src.Root.get(Name.PageLabels), Dictionary):
        ranges = tuple(
            PageLabelRange(
                start=int(key),
                style=str(value.S)[1:] if Name.S in value else None,
                prefix=str(value.get(Name.P, "")),
                first_number=int(value.get(Name.St, 1)),
            )
            for key, value in pikepdf.NumberTree(src.Root.PageLabels).items()
        )
    else:
        ranges = (PageLabelRange(0, "D"),)
    for label in ranges:
        if label.start >= len(src.pages):
            raise MergeError(
                f"{part.path}: page label starts at page {label.start + 1}, "
                f"but the part has {len(src.pages)} pages")
    return ranges


def _label_dictionary(label: PageLabelRange) -> Dictionary:
    entry = Dictionary(Type=Name.PageLabel)
    if label.style is not None:
        entry.S = Name("/" + label.style)
    if label.prefix:
        entry.P = String(label.prefix)
    if label.first_number != 1:
        entry.St = label.first_number
    return entry


def _append_blank_page(pdf: pikepdf.Pdf, like: pikepdf.Page) -> None:
    """A page with nothing on it: nothing to tag or to mark as artifact.

    It gets an empty content stream all the same: strict readers (pypdf) warn about a
    page without /Contents, and a book rendered whole has WeasyPrint's blank pages there.
    """
    page = Dictionary(Type=Name.Page, MediaBox=Array(list(like.mediabox)),
                      Resources=Dictionary(), Contents=pdf.make_stream(b""))
    for box in (Name.CropBox, Name.BleedBox, Name.TrimBox, Name.ArtBox):
        if box in like.obj:
            page[box] = Array(list(like.obj[box]))
    pdf.pages.append(pikepdf.Page(pdf.make_indirect(page)))


def _set_catalog_and_metadata(pdf: pikepdf.Pdf, info: DocumentInfo) -> None:
    pdf.Root.Lang = String(info.lang)
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    # PDF/UA: viewers show the title, not the file name.
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    # No editor stamp: pikepdf would write the clock time into xmp:MetadataDate.
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
        meta["dc:title"] = info.title
        meta["dc:language"] = [info.lang]
        meta["pdfuaid:part"] = "1"
        if info.authors:
            meta["dc:creator"] = list(info.authors)
        if info.subject:
            meta["dc:description"] = info.subject
        if info.keywords:
            meta["pdf:Keywords"] = ", ".join(info.keywords)
        if info.creation_date is not None:
            meta["xmp:CreateDate"] = info.creation_date
            meta["xmp:ModifyDate"] = info.creation_date


def pdf_bytes(pdf: pikepdf.Pdf) -> bytes:
    """The saved file. Its bytes depend only on the document: the trailer /ID is
    derived from the content and nothing records the time of writing."""
    buffer = io.BytesIO()
    pdf.save(
        buffer,
        min_version=PDF_VERSION,
        deterministic_id=True,
        compress_streams=True,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
    )
    return buffer.getvalue()


def write_pdf_atomically(pdf: pikepdf.Pdf, target: Path, scratch: Path | None = None) -> None:
    """Save `pdf` to `target` so that a reader never sees a partial file (see files.py)."""
    write_bytes_atomically(Path(target), pdf_bytes(pdf), scratch)
