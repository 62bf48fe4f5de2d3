"""Where things live: one object for the folders of a bundelpers project."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def layouts(self) -> Path:
        return self.root / "layouts"

    @property
    def build(self) -> Path:
        return self.root / "build"

    @property
    def output(self) -> Path:
        return self.root / "bundel_pdf"

    def bundle_build(self, slug: str) -> Path:
        return self.build / slug

    def bundle_pdf(self, slug: str) -> Path:
        return self.output / f"{slug}.pdf"
