"""Typeset units, kept by what they are made of: build/cache/<key>.pdf with <key>.json.

The key is a digest of everything that decides a unit's pages: its HTML, the images it
shows, the layouts, the fonts, this code and the libraries' versions (`tools`); never
where the unit lands in a book. A chapter that gains a page therefore leaves every
other entry valid. Entries a complete build did not use are removed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..digests import digest, file_digest
from ..files import write_bytes_atomically


@dataclass(frozen=True)
class Rendered:
    """A typeset unit in the store."""

    key: str
    pdf: Path
    pages: int
    anchors: dict[str, int]  # element id -> 0-based page index in the unit
    warnings: tuple[str, ...] = ()
    details: dict = field(default_factory=dict)  # e.g. where the floats were placed


def unit_key(tools: str, html: str, images: tuple[Path, ...]) -> str:
    return digest(tools, html, *(file_digest(path) for path in images))


class Store:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def pdf_path(self, key: str) -> Path:
        return self.folder / f"{key[:40]}.pdf"

    def get(self, key: str) -> Rendered | None:
        pdf = self.pdf_path(key)
        try:
            meta = json.loads(pdf.with_suffix(".json").read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or not isinstance(meta.get("pages"), int) or not pdf.is_file():
            return None
        self.used.add(key)
        return Rendered(key, pdf, meta["pages"], meta.get("anchors", {}),
                        tuple(meta.get("warnings", ())), meta.get("details", {}))

    def put(self, key: str, name: str, pdf_bytes: bytes, pages: int, anchors: dict[str, int],
            warnings: tuple[str, ...] = (), details: dict | None = None) -> Rendered:
        """Keep a typeset unit; `name` says which (wij-in-de-wijk-1/inleiding), for people."""
        pdf = self.pdf_path(key)
        write_bytes_atomically(pdf, pdf_bytes)
        meta = {"name": name, "pages": pages, "anchors": anchors, "warnings": list(warnings),
                "details": details or {}}
        # The PDF first, its description last: an entry without its .json does not exist.
        write_bytes_atomically(pdf.with_suffix(".json"), json.dumps(meta, sort_keys=True).encode())
        self.used.add(key)
        return Rendered(key, pdf, pages, anchors, warnings, details or {})

    def blob(self, key: str, suffix: str) -> Path:
        """A file of another kind kept under a key (font subsets)."""
        self.used.add(key)
        return self.folder / f"{key[:40]}{suffix}"

    def prune(self, also: set[str] = frozenset()) -> None:
        """Remove what this build did not use, nor `also` (only after a build of everything)."""
        if not self.folder.is_dir():
            return
        keep = {key[:40] for key in (*self.used, *also)}
        for path in self.folder.iterdir():
            if path.is_file() and path.name.split(".", 1)[0] not in keep:
                path.unlink(missing_ok=True)
