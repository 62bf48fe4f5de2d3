"""Links from one published file to another beside it: a case's PDF to its bundle.

A unit typeset on its own cannot write a relative link: WeasyPrint resolves every
relative URL against the unit's folder in build/, and the link would name that folder.
Such a link is therefore written as <FILE_LINK_BASE><the relative address, quoted> and
becomes a relative URI here, once the book is assembled. A browser's PDF viewer resolves
it against the PDF's own address, on a web server as on disk.
"""

from __future__ import annotations

from urllib.parse import quote, unquote

import pikepdf
from pikepdf import String

from .navigation import placeholder_links

FILE_LINK_BASE = "https://bestand.bundelpers.invalid/"


def file_link(relative: str, description: str) -> str:
    """The placeholder a template links to for the file at `relative` (e.g. ../a.pdf);
    `description` is what a screen reader says for the link."""
    return f"{FILE_LINK_BASE}{quote(relative, safe='')}#{quote(description, safe='')}"


def point_file_links(pdf: pikepdf.Pdf) -> int:
    """Turn every placeholder file link into its relative URI; returns how many."""
    count = 0
    for annotation, rest in placeholder_links(pdf.pages, FILE_LINK_BASE):
        relative, _, description = rest.partition("#")
        annotation.A.URI = String(unquote(relative))
        annotation.Contents = String(unquote(description) or unquote(relative))
        count += 1
    return count
