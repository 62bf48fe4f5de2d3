"""Each case of a bundle as a PDF of its own: bundel_pdf/<bundle>/<nn>-<place>-<title>.pdf.

A case's PDF is made of pages that already exist: a first page that says where the case
comes from (typeset once per case, one page), then the case's chapter unit, the very
document the bundle and the verzamelbundel hold, never typeset again. Its pages keep the
sides and folios they have in the bundle, so its text equals those pages of the bundle.
"""

from __future__ import annotations

from pathlib import Path

from slugify import slugify

from .. import messages as msg
from ..assemble.document import DocumentInfo
from ..assemble.filelinks import file_link
from ..assemble.pagination import Furniture, Pagination
from ..layout.units import CaseSource, Layout
from ..prepare.book import BookBundle, BookChapter
from .books import BookPlan, Slot, bundle_info

SOURCE = "overdruk"
MAX_NAME = 80  # characters of a file name, so paths stay short enough for every system


def case_file_name(number: int, chapter: BookChapter) -> str:
    """'03-utrecht-buren-met-een-rugzak.pdf': the case number, place and title in ASCII."""
    words = slugify(f"{chapter.meta.plaats} {chapter.meta.titel}", max_length=MAX_NAME,
                    word_boundary=True)
    return f"{number:02d}-{words}.pdf"


def case_folder(bundle_target: Path) -> Path:
    """bundel_pdf/<slug>/ beside bundel_pdf/<slug>.pdf."""
    return bundle_target.with_suffix("")


def derived_plans(layout: Layout, plan: BookPlan, laid) -> list[BookPlan]:  # type: ignore[no-untyped-def]
    """Books made from the pages of `plan` once it is paginated (`laid`): each case of a
    bundle on its own."""
    return case_plans(layout, plan, laid.pagination)


def case_plans(layout: Layout, plan: BookPlan, pagination: Pagination) -> list[BookPlan]:
    """One book per case of a bundle plan (none for other books)."""
    book = plan.bundle
    if book is None:
        return []
    chapters = {chapter.anchor: chapter for chapter in book.chapters}
    plans = []
    for index, slot in enumerate(plan.slots):
        chapter = chapters.get(slot.anchor) if slot.kind == "hoofdstuk" else None
        if chapter is None or not chapter.is_case:
            continue
        number = book.case_numbers[chapter.anchor]
        target = case_folder(plan.target) / case_file_name(number, chapter)
        plans.append(_case_plan(layout, book, chapter, slot, _folios(pagination, index),
                                target, plan))
    return plans


def _folios(pagination: Pagination, piece: int) -> tuple[int, int]:
    """The first and last folio of a piece in its book."""
    first = pagination.starts[piece]
    last = first + pagination.pieces[piece].pages - 1
    return pagination.pages[first].folio, pagination.pages[last].folio


def _case_plan(layout: Layout, book: BookBundle, chapter: BookChapter, slot: Slot,
               folios: tuple[int, int], target: Path, bundle_plan: BookPlan) -> BookPlan:
    bundle_file = bundle_plan.target.name
    link = file_link(f"../{bundle_file}", msg.CASE_BUNDLE_LINK.format(title=book.meta.titel))
    source = CaseSource(str(folios[0]), str(folios[1]), bundle_file, link)
    slots = [
        # Numbered in roman, so the viewer's page labels show the case's own folios
        # from its first page on (i, 11, 12, ...).
        Slot(SOURCE, layout.case_source(book, chapter, source), starts_recto=None,
             front_matter=True, title=msg.CASE_SOURCE_TITLE),
        Slot("hoofdstuk", layout.chapter(book, chapter), Furniture.CHAPTER, starts_recto=None,
             heads=slot.heads, first_folio=folios[0], anchor=chapter.anchor,
             title=chapter.meta.titel, place=chapter.meta.plaats),
    ]
    slug = f"{book.slug}/{target.stem}"
    return BookPlan(slug, target, slots, case_info(book, chapter), order=bundle_plan.order,
                    end_on_verso=False, shared_heads=bundle_plan.head_pairs)


def case_info(book: BookBundle, chapter: BookChapter) -> DocumentInfo:
    """The case's own metadata: its title and the bundle's, the bundle's edition."""
    meta = chapter.meta
    bundle = bundle_info(book)
    keywords = (*bundle.keywords, meta.plaats, meta.initiatief)
    return DocumentInfo(
        title=msg.CASE_DOCUMENT_TITLE.format(title=meta.titel, place=meta.plaats,
                                             bundle=book.meta.titel, subtitle=book.meta.ondertitel),
        lang=bundle.lang,
        authors=bundle.authors,
        subject=meta.samenvatting or "",
        keywords=tuple(dict.fromkeys(word for word in keywords if word)),
        created=bundle.created,
        modified=bundle.modified,
        edition=bundle.edition,
    )
