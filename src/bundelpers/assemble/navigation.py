"""Links and bookmarks across a merge: named destinations, link annotations, outlines.

WeasyPrint 70 writes an internal link `<a href="#x">` as a Link annotation with
`/Dest (x)`, a string naming an entry of the catalog's /Names /Dests tree, whose value
is an explicit `[page /XYZ left top 0]`. Bookmarks (outline items) carry explicit
destination arrays instead. External links use `/A <</S /URI>>` and need nothing here.
Every part names its destinations after HTML ids, so parts clash ("inleiding"): each
part's names get a prefix, in its destinations and in every reference to them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pikepdf
from pikepdf import Array, Dictionary, Name, Object, OutlineItem, String

ObjGen = tuple[int, int]
PageMap = dict[ObjGen, Object]  # source page objgen -> copied page dictionary

# Bookmarks nested deeper than this are neither read nor written by pikepdf.
OUTLINE_DEPTH = 32


def destination_prefix(part_index: int) -> str:
    """The prefix for the names of the part at `part_index` (0-based): "p1.", "p2.", ...

    No prefix is the start of another, so prefixed names of different parts never meet.
    """
    return f"p{part_index + 1}."


def _name_text(value: Object) -> str:
    """The text of a destination name: a string, or a PDF name (legacy /Dests)."""
    return str(value)[1:] if isinstance(value, Name) else str(value)


def _retarget(value: Object, page_map: PageMap) -> Array | None:
    """An explicit destination moved to the copied page, or None if it leads elsewhere."""
    array = value.get(Name.D) if isinstance(value, Dictionary) else value
    if not isinstance(array, Array) or len(array) == 0:
        return None
    page = array[0]
    if not isinstance(page, Dictionary) or not page.is_indirect:
        return None
    target = page_map.get(page.objgen)
    if target is None:
        return None
    return Array([target, *(array[i] for i in range(1, len(array)))])


def _source_destinations(src: pikepdf.Pdf) -> Iterator[tuple[str, Object]]:
    names = src.Root.get(Name.Names)
    if isinstance(names, Dictionary) and isinstance(names.get(Name.Dests), Dictionary):
        yield from pikepdf.NameTree(names.Dests).items()
    legacy = src.Root.get(Name.Dests)
    if isinstance(legacy, Dictionary):
        for key in legacy:
            yield key[1:], legacy[key]


def copy_destinations(
    src: pikepdf.Pdf, page_map: PageMap, prefix: str, dests: pikepdf.NameTree
) -> None:
    """Add every named destination of `src` to `dests`, prefixed and on the copied pages."""
    for name, value in _source_destinations(src):
        array = _retarget(value, page_map)
        if array is not None:
            dests[prefix + name] = array


def _prefixed_target(value: Object | None, prefix: str) -> String | None:
    if isinstance(value, String | Name):
        return String(prefix + _name_text(value))
    return None


def prefix_link_names(pages: Sequence[pikepdf.Page], prefix: str) -> None:
    """Point the copied pages' link annotations at their part's prefixed names."""
    for page in pages:
        for annotation in page.obj.get(Name.Annots, Array()):
            target = _prefixed_target(annotation.get(Name.Dest), prefix)
            if target is not None:
                annotation.Dest = target
            action = annotation.get(Name.A)
            if isinstance(action, Dictionary) and action.get(Name.S) == Name.GoTo:
                target = _prefixed_target(action.get(Name.D), prefix)
                if target is not None:
                    action.D = target


def carry_outline(src: pikepdf.Pdf, page_map: PageMap, prefix: str) -> list[OutlineItem]:
    """The outline items of `src` rebuilt for the target, with their nesting and state."""
    if not isinstance(src.Root.get(Name.Outlines), Dictionary):
        return []
    return _carry(pikepdf.Outline(src, max_depth=OUTLINE_DEPTH).root, page_map, prefix)


def _carry(items: list[OutlineItem], page_map: PageMap, prefix: str) -> list[OutlineItem]:
    carried = []
    for item in items:
        target: Object | None = item.destination
        if target is None and item.action is not None and item.action.get(Name.S) == Name.GoTo:
            target = item.action.get(Name.D)
        destination = _prefixed_target(target, prefix)
        if destination is None and target is not None:
            destination = _retarget(target, page_map)
        # Other actions (URI, JavaScript) are not carried: WeasyPrint's bookmarks are
        # internal, and the item keeps its title and children either way.
        new = OutlineItem(item.title, destination, color=item.color, flags=item.flags)
        new.is_closed = item.is_closed
        new.children = _carry(item.children, page_map, prefix)
        carried.append(new)
    return carried


def dangling_names(pdf: pikepdf.Pdf) -> list[str]:
    """Destination names that links or bookmarks use but the document does not define."""
    names = pdf.Root.get(Name.Names)
    dests = names.get(Name.Dests) if isinstance(names, Dictionary) else None
    tree = pikepdf.NameTree(dests) if isinstance(dests, Dictionary) else None
    used: list[str] = []
    for page in pdf.pages:
        for annotation in page.obj.get(Name.Annots, Array()):
            used.extend(_names_in(annotation.get(Name.Dest), annotation.get(Name.A)))
    if isinstance(pdf.Root.get(Name.Outlines), Dictionary):
        stack = list(pikepdf.Outline(pdf, max_depth=OUTLINE_DEPTH).root)
        while stack:
            item = stack.pop()
            stack.extend(item.children)
            used.extend(_names_in(item.destination, item.action))
    return sorted({name for name in used if tree is None or name not in tree})


def _names_in(destination: Object | None, action: Object | None) -> list[str]:
    """The destination names a /Dest entry and a GoTo /A action refer to."""
    found = []
    if isinstance(destination, String | Name):
        found.append(_name_text(destination))
    if (isinstance(action, Dictionary) and action.get(Name.S) == Name.GoTo
            and isinstance(action.get(Name.D), String | Name)):
            found.append(_name_text(action.D))
    return found


def placeholder_links(pages: Sequence[pikepdf.Page], prefix: str) -> Iterator[tuple[Object, str]]:
    """(annotation, rest of the URI) for each link on `pages` whose URI starts with `prefix`.

    A separately rendered contents cannot link into another document, so its entries
    are rendered as links to placeholder URIs and pointed at their pages after assembly.
    """
    for page in pages:
        for annotation in page.obj.get(Name.Annots, Array()):
            action = annotation.get(Name.A)
            uri = str(action.get(Name.URI, "")) if isinstance(action, Dictionary) else ""
            if uri.startswith(prefix):
                yield annotation, uri.removeprefix(prefix)
