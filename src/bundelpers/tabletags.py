"""Table header cells get an explicit /Scope.

WeasyPrint 70 tags `<th scope="col">` as TH without the scope attribute, so a
screen reader cannot tell which data cells a header belongs to. Markdown tables
only have a header row, so a TH inside a THead (or in a table's first row) heads
its column; any other TH heads its row.
"""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name

from .tagging import kids, struct_elements


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
