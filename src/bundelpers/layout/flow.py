"""A chapter's body as a flow of items, and floats moved forward in it.

The body is its sections' blocks (paragraphs, lists, tables, boxes, figures), the
chapter's own figures after the first section, and the pull quote before the section the
layout chose. Boxes, figures and the pull quote are *floats*: when one does not fit at
the foot of a page, the page make-up (render/placement.py) moves it past the text that
follows it, so that text fills the page. An *arrangement* says, per float id, past how
many text items it moved; the empty arrangement is the order the editor wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..prepare.book import BookChapter, Figure
from ..read.markdown import Section

# float id -> text items it moved past; SPACING: -1 the chapter is set a little tighter,
# +1 a little looser (the layouts' classes "krap" and "ruim")
Arrangement = dict[str, int]
SPACING = "ruimte"


def spacing_class(arrangement: Arrangement | None) -> str:
    return {-1: "krap", 1: "ruim"}.get((arrangement or {}).get(SPACING, 0), "")


@dataclass(frozen=True)
class Item:
    id: str
    kind: str  # tekst, tabel, kader, figuur (body); beeld (front matter); citaat
    html: str = ""  # a body block's HTML
    figure: Figure | None = None  # a front-matter figure

    @property
    def floats(self) -> bool:
        return self.kind in ("kader", "figuur", "tabel", "beeld", "citaat")


@dataclass
class SectionFlow:
    section: Section
    before: list[Item] = field(default_factory=list)  # stands before the section (the quote)
    items: list[Item] = field(default_factory=list)


def quote_id(chapter: BookChapter) -> str:
    return f"{chapter.anchor}-citaat"


def figure_id(chapter: BookChapter, index: int) -> str:
    return f"{chapter.anchor}-beeld-{index + 1}"


def chapter_flow(chapter: BookChapter, quote_at: int, arrangement: Arrangement | None = None
                 ) -> list[SectionFlow]:
    """The sections with their items, floats moved as `arrangement` says. `quote_at`:
    1-based section the pull quote stands before; 0: after the last section."""
    flows = [SectionFlow(section, items=[Item(block.id, block.kind, block.html)
                                         for block in section.blocks])
             for section in chapter.sections]
    figures = [Item(figure_id(chapter, index), "beeld", figure=figure)
               for index, figure in enumerate(chapter.figures)]
    if flows:
        flows[0].items += figures
    quote = [Item(quote_id(chapter), "citaat")] if chapter.meta.citaat else []
    if quote and flows:
        if quote_at:
            flows[quote_at - 1].before += quote
        else:
            flows[-1].items += quote
    # The last float first: a float moved before it would otherwise change its place.
    order = floats_in(flows)
    moves = sorted(((float_id, steps) for float_id, steps in (arrangement or {}).items()
                    if steps > 0 and float_id in order),
                   key=lambda move: -order.index(move[0]) if move[0] in order else 0)
    for float_id, steps in moves:
        _move(flows, float_id, steps)
    return flows


def floats_in(flows: list[SectionFlow]) -> list[str]:
    return [item.id for flow in flows for item in (*flow.before, *flow.items) if item.floats]


def _move(flows: list[SectionFlow], float_id: str, steps: int) -> None:
    """Move the float past `steps` text items (other floats do not count); it never lands
    straight after a section's heading, nor before its first place."""
    places = [(number, "before" if item in flow.before else "items", item)
              for number, flow in enumerate(flows) for item in (*flow.before, *flow.items)]
    at = next((index for index, (_, _, item) in enumerate(places) if item.id == float_id), None)
    if at is None:
        return
    moving = places[at][2]
    section, where, _ = places[at]
    getattr(flows[section], where).remove(moving)
    passed = 0
    target_section, target_index = section, None
    for number, flow in enumerate(flows):
        if number < section:
            continue
        items = flow.items
        start = 0
        if number == section and where == "items":
            start = next((i for i, item in enumerate(items) if _index(places, item) > at), len(items))
        for index in range(start, len(items)):
            if not items[index].floats:
                passed += 1
                if passed >= steps:
                    target_section, target_index = number, index + 1
                    break
        if target_index is not None:
            break
    if target_index is None:  # past the end: the float closes the chapter's body
        target_section, target_index = len(flows) - 1, len(flows[-1].items)
    flows[target_section].items.insert(target_index, moving)


def _index(places: list, item: Item) -> int:
    return next(index for index, (_, _, other) in enumerate(places) if other is item)
