"""Page make-up: boxes, figures and the pull quote moved forward so that pages have no holes.

WeasyPrint has no page floats (issue #259): a box that does not fit at the foot of a page
goes to the next one and leaves white space behind. So the pipeline places floats
itself. A chapter is typeset as written; the pages are measured (render/whitespace.py);
where a page that is not the chapter's last has a hole (more than three body lines of
white space), the float that starts the next page is moved past as much of the text that
follows it as fills the hole, and the chapter is typeset again. The best arrangement found
within a few tries is kept: fewest and smallest holes first, then no section heading left
at the foot of a page with less than two lines of its section under it, then a last page
of more than three lines, then the fewest moves. The search is deterministic, and its result is
stored with the chapter (its cache entry holds the arrangement), so it runs once per text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..layout.flow import SPACING, Arrangement, SectionFlow
from .weasy import Typeset
from .whitespace import TextBlock, lines_on_last_page, page_gaps

HOLE_LINES = 3  # the design brief: more white space than this is a hole
SHORT_LAST_PAGE = 3  # a last page of this many lines or fewer is avoided where possible
HEADING_KEEPS = 2  # lines of its section a heading at a page's foot keeps under it
MAX_TRIES = 5  # typesettings beyond the first, per chapter (two more for a stranded heading)
PX = 0.75  # CSS pixels (anchor positions) to points


@dataclass(frozen=True)
class Outcome:
    typeset: Typeset
    arrangement: Arrangement
    cost: float
    holes: tuple[float, ...]  # per page but the last, its hole in lines (0: none)
    short_end: bool = False  # the last page holds three lines or fewer
    stranded: tuple[str, ...] = ()  # headings left at a page's foot with less than two lines under them
    tries: int = 1  # typesettings the search made to find this one


def place_floats(first: Typeset, flows: Callable[[Arrangement], list[SectionFlow]],
                 typeset: Callable[[Arrangement], Typeset], block: TextBlock,
                 leading: float) -> Outcome:
    """The best arrangement found for a chapter typeset as `first` (arrangement {});
    `flows(a)` lays the body out as `a` says, `typeset(a)` typesets it."""
    best = _outcome(first, {}, block, leading, flows({}))
    tried = {_frozen({})}
    waiting = list(_proposals(best, flows({}), block, leading))  # tried in this order
    for _ in range(MAX_TRIES):
        if not any(best.holes) and not best.short_end and not best.stranded:
            break
        proposal = next((p for p in waiting if _frozen(p) not in tried), None)
        if proposal is None:
            break
        tried.add(_frozen(proposal))
        laid = flows(proposal)
        outcome = _outcome(typeset(proposal), proposal, block, leading, laid)
        if outcome.cost < best.cost:
            best = outcome
        # What this outcome suggests next waits behind what the earlier ones did.
        waiting += _proposals(outcome, laid, block, leading)
    if best.stranded and not any(best.holes):
        # Holes took the tries; the best without them keeps a heading with one line at a
        # page's foot. Its own looser and tighter settings get one try each.
        for proposal in _proposals(best, flows(best.arrangement), block, leading):
            if _frozen(proposal) in tried:
                continue
            tried.add(_frozen(proposal))
            outcome = _outcome(typeset(proposal), proposal, block, leading, flows(proposal))
            if outcome.cost < best.cost:
                best = outcome
    return replace(best, tries=len(tried))  # the first typesetting is in `tried` as {}


def _frozen(arrangement: Arrangement) -> tuple:
    return tuple(sorted((key, steps) for key, steps in arrangement.items() if steps))


def _outcome(result: Typeset, arrangement: Arrangement, block: TextBlock, leading: float,
             flows: list[SectionFlow]) -> Outcome:
    gaps = page_gaps(result.pdf, block)[:-1]
    holes = tuple(round(gap / leading, 1) if gap / leading > HOLE_LINES else 0.0 for gap in gaps)
    cost = sum(100 + 10 * hole for hole in holes if hole)
    stranded = _stranded_headings(result, flows, leading)
    cost += 50 * len(stranded)
    short_end = result.pages > 1 and lines_on_last_page(result.pdf, block, leading) <= SHORT_LAST_PAGE
    cost += 5 if short_end else 0
    cost += 0.1 * sum(steps for key, steps in arrangement.items() if key != SPACING)
    cost += 3 * abs(arrangement.get(SPACING, 0))
    return Outcome(result, arrangement, cost, holes, short_end, stranded)


def _stranded_headings(result: Typeset, flows: list[SectionFlow], leading: float) -> tuple[str, ...]:
    """Section headings left at the foot of a page with less than HEADING_KEEPS lines under
    them, the chapter going on overleaf (CSS keeps a heading with the next block, but a
    block of one line, or the first item of a list, is all it keeps), by their anchors."""
    found = []
    for number, flow in enumerate(flows):
        heading = flow.section.heading
        page = result.anchors.get(heading.anchor) if heading is not None else None
        if page is None or page >= result.pages - 1:
            continue
        later = [item.id for after in flows[number + 1:] for item in (*after.before, *after.items)]
        later += [after.section.heading.anchor for after in flows[number + 1:] if after.section.heading]
        if any(result.anchors.get(anchor) == page for anchor in later):
            continue  # more follows on this page: the heading is not at its foot
        here = 0.0
        for item in flow.items:
            if result.anchors.get(item.id) == page:
                box = result.positions.get(item.id)
                here += max(0.0, (box[1] - box[0]) * PX) if box else 0.0
        if here < HEADING_KEEPS * leading - 1:
            found.append(heading.anchor)
    return tuple(found)


def _proposals(outcome: Outcome, flows: list[SectionFlow], block: TextBlock,
               leading: float) -> list[Arrangement]:
    """Arrangements worth trying against the first hole, best first.

    When the next page opens with floats that did not fit, they wait until text has filled
    the hole. When it opens with a heading that must keep its first lines (or text that
    must stay together), the chapter is set a little looser or tighter (the white space
    around headings, boxes, figures and quotes: the layouts' `.ruim` and `.krap`), so the
    section before ends lower or the heading fits; and the last floats on the hole's page
    may wait until past that heading and its first text."""
    hole_page = next((page for page, hole in enumerate(outcome.holes) if hole), None)
    if hole_page is None:
        if outcome.arrangement.get(SPACING):
            return []
        # No hole, but a heading left with one line at a page's foot: a tighter setting
        # may take a second line in, a looser one may take the heading over. A last page
        # of a few lines: a tighter setting may take them back.
        if outcome.stranded:
            return [{**outcome.arrangement, SPACING: -1}, {**outcome.arrangement, SPACING: 1}]
        return [{**outcome.arrangement, SPACING: -1}] if outcome.short_end else []
    anchors = outcome.typeset.anchors
    positions = outcome.typeset.positions
    items = [item for flow in flows for item in (*flow.before, *flow.items)]
    pages = [anchors.get(item.id) for item in items]
    gap = outcome.holes[hole_page] * leading
    spacing = [] if outcome.arrangement.get(SPACING) else \
        [{**outcome.arrangement, SPACING: 1}, {**outcome.arrangement, SPACING: -1}]
    start = next((i for i, page in enumerate(pages) if page is not None and page > hole_page), None)
    if start is None:
        return spacing
    opening = next((i for i in range(start, min(start + 3, len(items)))
                    if items[i].floats and pages[i] == hole_page + 1), None)
    on_page = [i for i in range(start) if items[i].floats and pages[i] == hole_page]
    later = []
    if on_page:
        cluster = _cluster(items, on_page[-1])
        # Past the text between the floats and the next page, and that page's first text.
        between = sum(1 for i in range(cluster[-1] + 1, start) if not items[i].floats)
        later = [_wait(outcome.arrangement, items, cluster, between + 1)]
    if opening is not None:
        # A float that did not fit: let the text after it fill the page first.
        fill = _wait(outcome.arrangement, items, _cluster(items, opening),
                     _steps_to_fill(items, opening, pages, positions, gap, leading))
        return [fill, *later, *spacing]
    # A heading (or text that must keep its lines together) that did not fit: the white
    # space of the chapter decides first, then the floats above the hole.
    return [*spacing, *later]


def _cluster(items: list, first: int) -> list[int]:
    """Floats that follow each other move together, keeping their order: a figure and the
    box after it both wait until the text has filled the page."""
    cluster = [first]
    while cluster[-1] + 1 < len(items) and items[cluster[-1] + 1].floats:
        cluster.append(cluster[-1] + 1)
    return cluster


def _steps_to_fill(items: list, first: int, pages: list, positions: dict, gap: float,
                   leading: float) -> int:
    """How many text items after the floats from `first` on fill `gap` points."""
    steps, filled = 0, 0.0
    for index in range(_cluster(items, first)[-1] + 1, len(items)):
        if items[index].floats:
            continue
        steps += 1
        filled += _height(items, index, pages, positions)
        if filled >= gap - leading:
            break
    return max(1, steps)


def _wait(arrangement: Arrangement, items: list, cluster: list[int], steps: int) -> Arrangement:
    moved = dict(arrangement)
    for index in cluster:
        moved[items[index].id] = moved.get(items[index].id, 0) + steps
    return moved


def _height(items: list, index: int, pages: list, positions: dict) -> float:
    """An item's height in points on the page where it starts (the part there, if it
    runs on to the next page)."""
    box = positions.get(items[index].id)
    return max(0.0, (box[1] - box[0]) * PX) if box else 0.0
