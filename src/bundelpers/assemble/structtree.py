"""One structure tree out of the structure trees of several tagged PDFs.

The parts' pages must already be in the target PDF: pikepdf maps the page and annotation
references of a copied tree to the copies made with those pages.
"""

from __future__ import annotations

from collections.abc import Sequence

import pikepdf
from pikepdf import Array, Dictionary, Name, Object, String

from ..render.tags import is_struct_element, kids

ObjGen = tuple[int, int]


class StructureMerger:
    """Collects the structure of each source PDF, in order, under a single Document
    element, or under a Part element of it between `begin_part()` and `end_part()`."""

    def __init__(self, pdf: pikepdf.Pdf, lang: str) -> None:
        self._pdf = pdf
        self._lang = lang
        self._root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        self._document = pdf.make_indirect(Dictionary(
            Type=Name.StructElem, S=Name.Document, P=self._root, K=Array()))
        self._root.K = Array([self._document])
        self._container = self._document
        self._parent_tree = pikepdf.NumberTree.new(pdf)
        self._next_key = 0
        self._role_map: dict[str, Object] = {}
        self._class_map: dict[str, Object] = {}
        self._ids: dict[str, Object] = {}

    def add(self, src: pikepdf.Pdf, pages: Sequence[pikepdf.Page]) -> None:
        """Add the structure of `src`, whose pages were copied to `pages` of the target.

        Raises ValueError when `src` is not tagged or its role map contradicts another's.
        """
        src_root = src.Root.get(Name.StructTreeRoot)
        if not isinstance(src_root, Dictionary) or not isinstance(
                src_root.get(Name.ParentTree), Dictionary):
            raise ValueError("the PDF has no structure tree (render it with pdf/ua-1)")  # noqa: TRY004 - untagged is a bad value
        root = self._pdf.copy_foreign(src_root)
        offset = self._next_key
        highest = -1
        for key, value in pikepdf.NumberTree(root.ParentTree).items():
            self._parent_tree[key + offset] = value
            highest = max(highest, key)
        self._next_key = offset + max(highest + 1, int(root.get(Name.ParentTreeNextKey, 0)))
        if offset:
            _shift_struct_parents(pages, offset)
        _merge_map(root.get(Name.RoleMap), self._role_map, "RoleMap")
        _merge_map(root.get(Name.ClassMap), self._class_map, "ClassMap")

        src_lang = str(src.Root.get(Name.Lang, "")) or None
        tops = _top_elements(root)
        for element in tops:
            element.P = self._container
            # The catalog's /Lang now speaks for the whole document; keep a part's own.
            if src_lang and src_lang != self._lang and Name.Lang not in element:
                element.Lang = String(src_lang)
            self._container.K.append(element)
        # Element IDs (table headers) were made unique per unit when it was typeset
        # (render/tags.py), so the parts' IDTrees simply add up.
        if isinstance(root.get(Name.IDTree), Dictionary):
            for key, element in pikepdf.NameTree(root.IDTree).items():
                self._ids[key] = element

    def begin_part(self, title: str) -> None:
        """Hang what is added next under a Part element titled `title` (a bundle in the
        verzamelbundel), until `end_part()`."""
        part = self._pdf.make_indirect(Dictionary(
            Type=Name.StructElem, S=Name.Part, P=self._document, K=Array(), T=String(title)))
        self._document.K.append(part)
        self._container = part

    def end_part(self) -> None:
        self._container = self._document

    def finish(self) -> None:
        """Put the merged tree into the catalog."""
        root = self._root
        root.ParentTree = self._parent_tree.obj
        root.ParentTreeNextKey = self._next_key
        if self._role_map:
            root.RoleMap = Dictionary({key: self._role_map[key] for key in sorted(self._role_map)})
        if self._class_map:
            root.ClassMap = Dictionary(
                {key: self._class_map[key] for key in sorted(self._class_map)})
        if self._ids:
            id_tree = pikepdf.NameTree.new(self._pdf)
            for key in sorted(self._ids):
                id_tree[key] = self._ids[key]
            root.IDTree = id_tree.obj
        self._pdf.Root.StructTreeRoot = root


def _top_elements(root: Object) -> list[Object]:
    """The elements to hang under the merged Document.

    A part's Document element is dissolved into its children, unless it holds content
    itself (MCIDs or annotations point at it); then it is kept, as a Part.
    """
    tops: list[Object] = []
    for top in kids(root):
        if not is_struct_element(top):
            continue
        children = kids(top)
        if top.S == Name.Document and all(is_struct_element(kid) for kid in children):
            tops.extend(children)
        else:
            if top.S == Name.Document:
                top.S = Name.Part
            tops.append(top)
    return tops


def _merge_map(value: Object | None, merged: dict[str, Object], what: str) -> None:
    if not isinstance(value, Dictionary):
        return
    for key in value:
        entry = value[key]
        if key in merged and repr(merged[key]) != repr(entry):
            raise ValueError(f"{what} entry {key} differs from an earlier part's")
        merged.setdefault(key, entry)


def _shift_struct_parents(pages: Sequence[pikepdf.Page], offset: int) -> None:
    """Move the ParentTree keys of pages, annotations and forms by `offset`."""
    seen: set[ObjGen] = set()
    for page in pages:
        _shift(page.obj, Name.StructParents, offset, seen)
        for annotation in page.obj.get(Name.Annots, Array()):
            _shift(annotation, Name.StructParent, offset, seen)
        stack = [page.obj.get(Name.Resources)]
        while stack:
            resources = stack.pop()
            xobjects = resources.get(Name.XObject) if isinstance(resources, Dictionary) else None
            if not isinstance(xobjects, Dictionary):
                continue
            for name in xobjects:
                form = xobjects[name]
                if form.get(Name.Subtype) != Name.Form or form.objgen in seen:
                    continue
                _shift(form, Name.StructParents, offset, seen)
                stack.append(form.get(Name.Resources))


def _shift(obj: Object, key: Name, offset: int, seen: set[ObjGen]) -> None:
    if obj.is_indirect:
        if obj.objgen in seen:
            return
        seen.add(obj.objgen)
    if key in obj:
        obj[key] = int(obj[key]) + offset
