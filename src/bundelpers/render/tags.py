"""Repairs of WeasyPrint 70's tagging, made once when a unit is typeset.

- Link annotations: WeasyPrint gives each inline box inside a block-level `<a>` its own
  annotation and tags the one of a `<span>` child under that Span (a contents entry
  `<a><span>plaats</span> <span>titel</span></a>` does this). PDF/UA wants every link
  annotation inside a Link element.
- Table headers: `<th scope="col">` is tagged TH without the scope attribute, so a
  screen reader cannot tell which data cells a header belongs to. Markdown tables only
  have a header row, so a TH in a THead (or in a row of THs) heads its column; any
  other TH heads its row.

Units carry no page-margin content (running heads and folios are stamped later as
pagination artifacts), so nothing of WeasyPrint's margin-box tagging needs repair.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pikepdf
from pikepdf import Array, Dictionary, Name, Object, String

ObjGen = tuple[int, int]


def repair_tags(pdf: pikepdf.Pdf, id_prefix: str) -> None:
    nest_link_annotations(pdf)
    scope_table_headers(pdf)
    register_element_ids(pdf, id_prefix)


def register_element_ids(pdf: pikepdf.Pdf, prefix: str) -> int:
    """Give every element /ID a prefix unique to this unit, and list them in an IDTree.

    WeasyPrint derives TH IDs from PDF object numbers ("47-0-0"), so two units holding a
    table almost certainly share IDs, and it writes no IDTree, which the PDF
    specification requires as soon as any element has an /ID. Returns the IDs found.
    """
    root = pdf.Root.get(Name.StructTreeRoot)
    if not isinstance(root, Dictionary):
        return 0
    elements = list(struct_elements(kids(root)))
    renamed: dict[str, str] = {}
    id_tree = pikepdf.NameTree.new(pdf)
    for element in elements:
        if Name.ID in element:
            old = str(element.ID)
            renamed[old] = f"{prefix}-{old}"
            element.ID = String(renamed[old])
            id_tree[renamed[old]] = element
    if not renamed:
        return 0
    root.IDTree = id_tree.obj
    done: set[ObjGen] = set()
    for element in elements:
        for attribute in _attribute_dicts(element.get(Name.A)):
            if attribute.is_indirect:
                if attribute.objgen in done:
                    continue
                done.add(attribute.objgen)
            headers = attribute.get(Name.Headers)
            if isinstance(headers, Array):
                attribute.Headers = Array([
                    String(renamed.get(str(header), str(header))) for header in headers])
    return len(renamed)


def _attribute_dicts(attributes: Object | None) -> list[Dictionary]:
    """The attribute dictionaries of an /A entry (a dictionary, or an array of them with
    optional revision numbers)."""
    if isinstance(attributes, Dictionary):
        return [attributes]
    if isinstance(attributes, Array):
        return [item for item in attributes if isinstance(item, Dictionary)]
    return []




def kids(node: Object) -> list[Object]:
    """The /K entry of a structure node as a list (it may be a single object or absent)."""
    value = node.get(Name.K)
    if value is None:
        return []
    return list(value) if isinstance(value, Array) else [value]


def is_struct_element(node: object) -> bool:
    """True for a structure element (not a marked-content or object reference)."""
    return isinstance(node, Dictionary) and Name.S in node


def struct_elements(tops: Iterable[Object]) -> Iterator[Dictionary]:
    """Every structure element in the subtrees of `tops`, depth first, each once."""
    seen: set[ObjGen] = set()
    stack = list(reversed(list(tops)))
    while stack:
        node = stack.pop()
        if not is_struct_element(node):
            continue
        if node.is_indirect:
            if node.objgen in seen:
                continue
            seen.add(node.objgen)
        yield node
        stack.extend(reversed(kids(node)))


def parent_tree(pdf: pikepdf.Pdf) -> pikepdf.NumberTree | None:
    root = pdf.Root.get(Name.StructTreeRoot)
    if isinstance(root, Dictionary) and isinstance(root.get(Name.ParentTree), Dictionary):
        return pikepdf.NumberTree(root.ParentTree)
    return None


def nest_link_annotations(pdf: pikepdf.Pdf) -> int:
    """Hand every link annotation to the Link element it belongs to.

    WeasyPrint 70 gives each inline box inside a block-level `<a>` its own annotation,
    and tags the one of a `<span>` child under that Span (a table-of-contents entry
    `<a><span>plaats</span> <span>titel</span></a>` does this). PDF/UA wants every link
    annotation inside a Link element: the annotation's object reference moves up to
    the nearest Link ancestor (one link, several clickable areas), or, with none, the
    element holding it becomes the Link. Returns the number of annotations moved.
    """
    tree = parent_tree(pdf)
    if tree is None:
        return 0
    moved = 0
    for page in pdf.pages:
        for annotation in page.obj.get(Name.Annots, Array()):
            key = annotation.get(Name.StructParent)
            if annotation.get(Name.Subtype) != Name.Link or key is None:
                continue
            element = tree.get(int(key))
            if not is_struct_element(element) or element.S == Name.Link:
                continue
            link = _link_ancestor(element)
            if link is None:
                element.S = Name.Link
            else:
                references = [kid for kid in kids(element) if _refers_to(kid, annotation)]
                element.K = Array([kid for kid in kids(element)
                                   if not _refers_to(kid, annotation)])
                link.K = Array([*kids(link), *references])
                tree[int(key)] = link
            moved += 1
    return moved


def _link_ancestor(element: Object) -> Object | None:
    node = element.get(Name.P)
    for _ in range(64):  # deeper than any real tree; guards against /P loops
        if not is_struct_element(node):
            return None
        if node.S == Name.Link:
            return node
        node = node.get(Name.P)
    return None


def _refers_to(kid: Object, annotation: Object) -> bool:
    return (isinstance(kid, Dictionary) and kid.get(Name.Type) == Name.OBJR
            and kid.get(Name.Obj) is not None and kid.Obj.objgen == annotation.objgen)


def scope_table_headers(pdf: pikepdf.Pdf) -> int:
    """Add /A << /O /Table /Scope ... >> to every TH that lacks one; returns the count."""
    root = pdf.Root.get(Name.StructTreeRoot)
    if root is None:
        return 0
    scoped = 0
    for element in struct_elements(kids(root)):
        if element.S != Name.TH or _has_scope(element):
            continue
        scope = Name.Column if _in_header_row(element) else Name.Row
        attribute = Dictionary(O=Name.Table, Scope=scope)
        existing = element.get(Name.A)
        if existing is None:
            element.A = attribute
        elif isinstance(existing, Array):
            element.A = Array([*existing, attribute])
        else:
            element.A = Array([existing, attribute])
        scoped += 1
    return scoped


def _has_scope(element: Dictionary) -> bool:
    attributes = element.get(Name.A)
    if attributes is None:
        return False
    items = list(attributes) if isinstance(attributes, Array) else [attributes]
    return any(isinstance(a, Dictionary) and Name.Scope in a for a in items)


def _in_header_row(element: Dictionary) -> bool:
    row = element.get(Name.P)
    if not isinstance(row, Dictionary):
        return True
    section = row.get(Name.P)
    if isinstance(section, Dictionary) and section.get(Name.S) == Name.THead:
        return True
    cells = kids(row)
    return all(isinstance(c, Dictionary) and c.get(Name.S) == Name.TH for c in cells)
