"""What each book is made of: its units in order, how its pages are dressed, its
contents and what it says about itself. A bundle and the verzamelbundel share their
chapter units: the collection never typesets a chapter again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import messages as msg
from ..assemble.book import BookSpec, Group, piece_link
from ..assemble.document import DocumentInfo
from ..assemble.pagination import Furniture, Pagination, Piece
from ..layout.colours import palette
from ..layout.units import ContentsEntry, ContentsGroup, Layout, UnitDoc
from ..prepare.book import BookBundle
from ..prepare.collection import CollectionBook
from ..render.store import Rendered

CONTENTS = "inhoud"


@dataclass(frozen=True)
class Slot:
    """One unit's place in a book."""

    kind: str  # omslag, titelpagina, inhoud, hoofdstuk, deeltitel, achterkant
    doc: UnitDoc | None  # None for the contents: it is made once the folios are known
    furniture: Furniture = Furniture.NONE
    starts_recto: bool | None = True
    heads: tuple[str, str] = ("", "")
    front_matter: bool = False
    first_folio: int | None = None
    anchor: str = ""  # a chapter's element id
    title: str = ""  # what the contents and a screen reader call it
    place: str | None = None  # a case's place, shown in the contents


@dataclass
class BookPlan:
    slug: str
    target: Path
    slots: list[Slot]
    info: DocumentInfo
    # A book with a contents: its entries once paginated (whole: for the one-document
    # bundle, with #anchor links), and the contents' document.
    contents_groups: Callable[[Pagination, bool], list[ContentsGroup]] | None = None
    contents_doc: Callable[[list[ContentsGroup]], UnitDoc] | None = None
    groups: tuple[Group, ...] = ()
    prefix_names: bool = False
    order: int = 0  # reading order among the books, for error reports
    bundle: BookBundle | None = None  # the bundle, for its whole-book HTML
    link_titles: dict[str, str] = field(default_factory=dict)
    end_on_verso: bool = True  # a book ends on a verso; a case on its own just ends
    # The running heads the book's head sheet holds: its own chapters' (verso, recto) pairs,
    # or a bundle's, whose sheet a single case shares.
    shared_heads: tuple[tuple[str, str], ...] | None = None

    @property
    def head_pairs(self) -> tuple[tuple[str, str], ...]:
        if self.shared_heads is not None:
            return self.shared_heads
        return tuple(dict.fromkeys(slot.heads for slot in self.slots if slot.heads != ("", "")))

    @property
    def contents_index(self) -> int | None:
        return next((i for i, slot in enumerate(self.slots) if slot.kind == CONTENTS), None)

    def pieces(self, rendered: list[Rendered]) -> list[Piece]:
        return [Piece(unit.pdf.name if slot.doc is None else slot.doc.name, unit.pages,
                      unit.anchors, slot.furniture, slot.starts_recto, slot.heads,
                      slot.front_matter, slot.first_folio)
                for slot, unit in zip(self.slots, rendered, strict=True)]

    def spec(self, pagination: Pagination, rendered: list[Rendered]) -> BookSpec:
        return BookSpec(pagination, tuple(unit.pdf for unit in rendered), self.info,
                        self.groups, self.prefix_names, self.link_titles, self.head_pairs)


def _chapter_slots(layout: Layout, book: BookBundle) -> list[Slot]:
    return [
        Slot("hoofdstuk", layout.chapter(book, chapter), Furniture.CHAPTER,
             heads=(book.meta.titel, chapter.meta.titel), anchor=chapter.anchor,
             title=chapter.meta.titel, place=chapter.meta.plaats if chapter.is_case else None)
        for chapter in book.chapters
    ]


def bundle_info(book: BookBundle) -> DocumentInfo:
    return DocumentInfo(
        title=f"{book.meta.titel}: {book.meta.ondertitel}",
        lang=book.series.taal,
        authors=tuple(book.meta.auteurs),
        subject=book.meta.samenvatting,
        keywords=tuple(book.meta.trefwoorden or ()),
        created=book.date,
        modified=book.modified,
        edition=book.edition,
    )


def bundle_plan(layout: Layout, book: BookBundle, target: Path, order: int) -> BookPlan:
    slots = [
        Slot("omslag", layout.bundle_cover(book)),
        Slot("titelpagina", layout.bundle_titlepage(book)),
        Slot(CONTENTS, None, Furniture.FOLIOS),
        *_chapter_slots(layout, book),
        Slot("achterkant", layout.bundle_backcover(book), starts_recto=False),
    ]
    plan = BookPlan(book.slug, target, slots, bundle_info(book), order=order, bundle=book)

    def contents_groups(pagination: Pagination, whole: bool) -> list[ContentsGroup]:
        """Whole: the links of the bundle in one document (#anchor)."""
        entries = []
        for index, slot in enumerate(plan.slots):
            if slot.kind == "hoofdstuk":
                link = f"#{slot.anchor}" if whole else piece_link(index, slot.anchor)
                entries.append(ContentsEntry(slot.title, pagination.folio_of(index, slot.anchor),
                                             link, slot.place))
                plan.link_titles[piece_link(index, slot.anchor)] = slot.title
        return [ContentsGroup(tuple(entries))]

    plan.contents_groups = contents_groups
    plan.contents_doc = lambda groups: layout.bundle_contents(book, groups)
    return plan


def collection_info(book: CollectionBook) -> DocumentInfo:
    front = book.front
    return DocumentInfo(
        title=f"{front.titel}: {front.ondertitel}",
        lang=book.series.taal,
        authors=front.auteurs,
        subject=front.samenvatting,
        keywords=front.trefwoorden,
        created=book.date,
        modified=book.modified,
    )


def collection_plan(layout: Layout, book: CollectionBook, target: Path, order: int) -> BookPlan:
    slots = [
        Slot("omslag", layout.collection_unit(book, "omslag"), front_matter=True),
        Slot("titelpagina", layout.collection_unit(book, "titelpagina"), front_matter=True),
        Slot(CONTENTS, None, Furniture.FOLIOS, front_matter=True),
    ]
    groups = []
    for bundle, part in zip(book.bundles, book.front.delen, strict=True):
        first = len(slots)
        places = [c.meta.plaats for c in bundle.chapters if c.is_case and c.meta.plaats]
        slots.append(Slot("deeltitel", layout.part_title(book, part, places), anchor=part.anchor,
                          title=msg.PART_TITLE.format(number=part.nummer, title=part.titel)))
        slots += _chapter_slots(layout, bundle)
        groups.append(Group(f"{part.titel}: {part.ondertitel}", first, len(slots) - 1))
    slots.append(Slot("achterkant", layout.collection_unit(book, "achterkant"), starts_recto=False))
    plan = BookPlan(book.slug, target, slots, collection_info(book), groups=tuple(groups),
                    prefix_names=True, order=order)

    def contents_groups(pagination: Pagination, whole: bool) -> list[ContentsGroup]:
        result = []
        for group, bundle in zip(plan.groups, book.bundles, strict=True):
            entries = []
            for index in range(group.first + 1, group.last + 1):
                slot = plan.slots[index]
                link = piece_link(index, slot.anchor)
                folio = pagination.folio_of(index, slot.anchor)
                entries.append(ContentsEntry(slot.title, folio, link, slot.place))
                plan.link_titles[link] = f"{slot.title}, {bundle.meta.titel}, pagina {folio}"
            link = piece_link(group.first, "")
            plan.link_titles[link] = group.title
            result.append(ContentsGroup(tuple(entries), bundle.meta.titel, bundle.meta.ondertitel,
                                        link, palette(bundle.meta.kleur)))
        return result

    plan.contents_groups = contents_groups
    plan.contents_doc = lambda groups: layout.collection_unit(book, CONTENTS, contents=groups)
    return plan
