"""Marked content and the structure tree, checked the way a screen reader walks them:
find tagged content it cannot reach. A test's tool, not part of the pipeline.

A content item is reachable when the structure tree leads to it from StructTreeRoot and
the ParentTree leads back from it to the same element; readers and validators walk both
directions, so a merge that keeps only one of them silently loses tags.
"""

from __future__ import annotations

from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, Object

# The walk over the tree is the pipeline's own; what this module adds is the check.
from bundelpers.render.tags import is_struct_element, kids, parent_tree, struct_elements

__all__ = ["is_struct_element", "kids", "struct_elements", "unreachable_mcids"]

ObjGen = tuple[int, int]
# (page, form XObject with its own /StructParents or None for the page's content, MCID)
ContentKey = tuple[ObjGen, ObjGen | None, int]

# Nested form XObjects deeper than this are not followed (a guard against loops).
_MAX_FORM_DEPTH = 16


@dataclass(frozen=True)
class _Stream:
    """A content stream of a page: the page itself or a form XObject it paints."""

    obj: Object  # page dictionary or form XObject stream
    resources: Object | None
    parent_key: int | None  # ParentTree key for the MCIDs in this stream
    stream_key: ObjGen | None  # None: the MCIDs belong to the page's own content
    is_page: bool
    depth: int = 0


def _content_owners(pdf: pikepdf.Pdf) -> tuple[dict[ContentKey, ObjGen], set[ObjGen]]:
    """Which element lists each content item, walking down from StructTreeRoot."""
    owners: dict[ContentKey, ObjGen] = {}
    reachable: set[ObjGen] = set()
    root = pdf.Root.get(Name.StructTreeRoot)
    if not isinstance(root, Dictionary):
        return owners, reachable
    # A kid's page is given by /Pg on its element or, by common reader practice, an ancestor.
    pages: dict[ObjGen, Object | None] = {}
    for element in struct_elements(kids(root)):
        reachable.add(element.objgen)
        parent_page = pages.get(element.objgen)
        page = element.get(Name.Pg, parent_page)
        for kid in kids(element):
            if is_struct_element(kid):
                pages.setdefault(kid.objgen, page)
            elif isinstance(kid, int) and page is not None:
                owners[(page.objgen, None, int(kid))] = element.objgen
            elif isinstance(kid, Dictionary) and kid.get(Name.Type) == Name.MCR:
                kid_page = kid.get(Name.Pg, page)
                stream = kid.get(Name.Stm)
                if kid_page is not None and Name.MCID in kid:
                    key = (kid_page.objgen, stream.objgen if stream is not None else None,
                           int(kid.MCID))
                    owners[key] = element.objgen
    return owners, reachable


def _page_streams(page: pikepdf.Page) -> list[_Stream]:
    """The page's content and every form XObject it paints, recursively."""
    key = page.obj.get(Name.StructParents)
    first = _Stream(page.obj, page.obj.get(Name.Resources),
                    int(key) if key is not None else None, None, True)
    found = [first]
    seen: set[ObjGen] = set()
    stack = [first]
    while stack:
        stream = stack.pop()
        xobjects = stream.resources.get(Name.XObject) if stream.resources else None
        if not isinstance(xobjects, Dictionary) or stream.depth >= _MAX_FORM_DEPTH:
            continue
        for operands, _operator in pikepdf.parse_content_stream(stream.obj, "Do"):
            form = xobjects.get(operands[0])
            if form is None or form.get(Name.Subtype) != Name.Form or form.objgen in seen:
                continue
            seen.add(form.objgen)
            own_key = form.get(Name.StructParents)
            resources = form.get(Name.Resources, stream.resources)
            if own_key is not None:
                child = _Stream(form, resources, int(own_key), form.objgen, False,
                                stream.depth + 1)
            else:
                # WeasyPrint paints opacity groups as forms without /StructParents whose
                # MCIDs belong to the page's sequence.
                child = _Stream(form, resources, stream.parent_key, stream.stream_key, False,
                                stream.depth + 1)
            found.append(child)
            stack.append(child)
    return found


def _mcid(operands: list[Object], resources: Object | None) -> int | None:
    """The MCID of a BDC instruction, from an inline or a named property list."""
    if len(operands) < 2:
        return None
    properties = operands[1]
    if isinstance(properties, Name) and isinstance(resources, Dictionary):
        named = resources.get(Name.Properties)
        properties = named.get(properties) if isinstance(named, Dictionary) else None
    if isinstance(properties, Dictionary) and Name.MCID in properties:
        return int(properties.MCID)
    return None


def unreachable_mcids(pdf: pikepdf.Pdf) -> list[tuple[int, int]]:
    """(page index, MCID) of every marked-content item that the structure tree does not
    reach from StructTreeRoot, or that the ParentTree does not map back to its element."""
    owners, _ = _content_owners(pdf)
    tree = parent_tree(pdf)
    lookups: dict[int, list[Object]] = {}
    found: list[tuple[int, int]] = []
    for index, page in enumerate(pdf.pages):
        for stream in _page_streams(page):
            key = stream.parent_key
            if tree is not None and key is not None and key not in lookups:
                value = tree.get(key)
                lookups[key] = list(value) if isinstance(value, Array) else []
            mapped = lookups.get(key, []) if key is not None else []
            for operands, _operator in pikepdf.parse_content_stream(stream.obj, "BDC"):
                mcid = _mcid(operands, stream.resources)
                if mcid is None:
                    continue
                owner = owners.get((page.objgen, stream.stream_key, mcid))
                back = mapped[mcid] if mcid < len(mapped) else None
                if owner is None or not isinstance(back, Dictionary) or back.objgen != owner:
                    found.append((index, mcid))
    return sorted(set(found))
