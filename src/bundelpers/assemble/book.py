"""A book assembled from typeset units: pages, blanks, one structure tree, links and
bookmarks, page labels equal to the printed folios, stamped furniture, metadata.

Used for every book: a bundle, the verzamelbundel, a single case. The pages are copied
as they are; nothing is typeset here.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, String

from .. import messages as msg
from ..errors import MergeError
from ..render.store import Store
from .document import DocumentInfo, set_catalog_and_metadata
from .filelinks import point_file_links
from .fontshare import share_font_programs
from .furniture import SheetRef, Stamper, head_pairs
from .navigation import (
    OUTLINE_DEPTH,
    carry_outline,
    copy_destinations,
    dangling_names,
    destination_prefix,
    placeholder_links,
    prefix_link_names,
)
from .pagination import Pagination
from .structtree import StructureMerger

# Links that a unit typeset on its own cannot resolve (the contents, a per-case title
# page) name their target as <LINK_BASE><piece index>/<element id>; they are pointed at
# the page once the book is assembled.
LINK_BASE = "https://bundelpers.invalid/"


@dataclass(frozen=True)
class Group:
    """Pieces `first`..`last` form a part of the book: one bookmark holding theirs, one
    Part element holding their structure (a bundle in the verzamelbundel)."""

    title: str
    first: int
    last: int


@dataclass(frozen=True)
class BookSpec:
    pagination: Pagination
    pdfs: tuple[Path, ...]  # one per piece
    info: DocumentInfo
    groups: tuple[Group, ...] = ()
    # Destination names are the HTML ids; when pieces may share ids (the parts of the
    # verzamelbundel), each piece's names get a prefix.
    prefix_names: bool = False
    link_titles: dict[str, str] | None = None  # placeholder link -> what a screen reader says
    head_pairs: tuple[tuple[str, str], ...] = ()  # the running heads on the head sheet, in order
    fonts: dict[str, bytes] | None = None  # one subset per typeface for every book of a build


def piece_link(piece: int, anchor: str) -> str:
    return f"{LINK_BASE}{piece}/{anchor}"


def assemble_book(spec: BookSpec, sheets: dict[SheetRef, Path], store: Store | None) -> pikepdf.Pdf:
    pagination = spec.pagination
    pdf = pikepdf.new()
    structure = StructureMerger(pdf, spec.info.lang)
    dests = pikepdf.NameTree.new(pdf)
    outline: list[OutlineItem] = []
    sources = [_open(path) for path in spec.pdfs]
    group_of = {index: group for group in spec.groups
                for index in range(group.first, group.last + 1)}
    group_items: dict[Group, OutlineItem] = {}
    stamper = Stamper(pdf, sheets, list(spec.head_pairs or head_pairs(pagination)))
    copied: dict[int, list[pikepdf.Page]] = {}
    blank_like = None
    for plan in pagination.pages:
        if plan.piece is None:
            _append_blank(pdf, blank_like or sources[0].pages[0])
            continue
        source = sources[plan.piece]
        pdf.pages.append(source.pages[plan.page])
        page = pdf.pages[-1]
        blank_like = page
        copied.setdefault(plan.piece, []).append(page)
        stamper.stamp(page, plan, pagination.pieces[plan.piece].heads)
    for index, source in enumerate(sources):
        pages = copied[index]
        group = group_of.get(index)
        if group is not None and group.first == index:
            structure.begin_part(group.title)
        prefix = destination_prefix(index) if spec.prefix_names else ""
        page_map = {page.obj.objgen: copy.obj for page, copy in zip(source.pages, pages, strict=True)}
        try:
            structure.add(source, pages)
        except ValueError as error:
            raise MergeError(msg.MERGE_FAILED.format(
                name=pagination.pieces[index].name, reason=error)) from error
        copy_destinations(source, page_map, prefix, dests)
        if prefix:
            prefix_link_names(pages, prefix)
        items = carry_outline(source, page_map, prefix)
        if group is None:
            outline.extend(items)
        else:
            if group not in group_items:
                group_items[group] = OutlineItem(group.title, Array([pages[0].obj, Name.Fit]))
                outline.append(group_items[group])
            group_items[group].children.extend(items)
        if group is not None and group.last == index:
            structure.end_part()
    structure.finish()
    pdf.Root.Names = Dictionary(Dests=dests.obj)
    pdf.Root.PageLabels = _page_labels(pdf, pagination)
    with pdf.open_outline(max_depth=OUTLINE_DEPTH) as pdf_outline:
        pdf_outline.root.extend(outline)
    if outline:
        pdf.Root.PageMode = Name.UseOutlines
    _resolve_links(pdf, pagination, spec)
    point_file_links(pdf)
    set_catalog_and_metadata(pdf, spec.info)
    share_font_programs(pdf, store, spec.fonts)
    dangling = dangling_names(pdf)
    if dangling:
        raise MergeError(msg.MERGE_DANGLING.format(names=", ".join(dangling)))
    return pdf


def _open(path: Path) -> pikepdf.Pdf:
    """A unit's PDF, read into memory: pages copied from it read their streams only when
    the book is saved, and the file may be replaced by then."""
    try:
        return pikepdf.open(io.BytesIO(Path(path).read_bytes()))
    except (OSError, pikepdf.PdfError) as error:
        raise MergeError(msg.MERGE_UNREADABLE.format(name=path.name, reason=error)) from error


def _append_blank(pdf: pikepdf.Pdf, like: pikepdf.Page) -> None:
    """A truly blank page: nothing on it to tag or to mark as an artifact. Its content
    stream is not empty, so that no reader meets a zero-length compressed stream."""
    page = Dictionary(Type=Name.Page, MediaBox=Array(list(like.mediabox)),
                      Resources=Dictionary(), Contents=pdf.make_stream(b"q Q\n"))
    for box in (Name.CropBox, Name.BleedBox, Name.TrimBox, Name.ArtBox):
        if box in like.obj:
            page[box] = Array(list(like.obj[box]))
    pdf.pages.append(pikepdf.Page(pdf.make_indirect(page)))


def _page_labels(pdf: pikepdf.Pdf, pagination: Pagination) -> Dictionary:
    """Labels equal to the printed folios: a new range wherever the numbering restarts."""
    labels = pikepdf.NumberTree.new(pdf)
    previous = None
    for index, plan in enumerate(pagination.pages):
        if previous is None or plan.roman != previous.roman or plan.folio != previous.folio + 1:
            entry = Dictionary(Type=Name.PageLabel, S=Name.r if plan.roman else Name.D)
            if plan.folio != 1:
                entry.St = plan.folio
            labels[index] = entry
        previous = plan
    return labels.obj


def _resolve_links(pdf: pikepdf.Pdf, pagination: Pagination, spec: BookSpec) -> None:
    """Point the placeholder links of the pieces typeset on their own at their pages."""
    titles = spec.link_titles or {}
    names = pikepdf.NameTree(pdf.Root.Names.Dests)
    for annotation, rest in placeholder_links(pdf.pages, LINK_BASE):
        piece_text, _, anchor = rest.partition("/")
        try:
            piece = int(piece_text)
            target = pagination.page_of(piece, anchor) if anchor else pagination.starts[piece]
        except (ValueError, IndexError, KeyError) as error:
            raise MergeError(msg.MERGE_LINK.format(link=rest)) from error
        name = (destination_prefix(piece) if spec.prefix_names else "") + anchor
        del annotation[Name.A]
        if anchor and name in names:
            annotation.Dest = String(name)
        else:
            annotation.A = Dictionary(S=Name.GoTo, D=Array([pdf.pages[target].obj, Name.Fit]))
        annotation.Contents = String(titles.get(LINK_BASE + rest, anchor))


def save(pdf: pikepdf.Pdf) -> bytes:
    """The saved file. Its bytes depend only on the document: the trailer /ID is
    derived from the content and nothing records the time of writing."""
    buffer = io.BytesIO()
    pdf.save(buffer, min_version="1.7", deterministic_id=True, compress_streams=True,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue()


def sheets_of(refs: Sequence[SheetRef], paths: dict[SheetRef, Path]) -> dict[SheetRef, Path]:
    return {ref: paths[ref] for ref in refs}
