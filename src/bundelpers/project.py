"""Where things live: one object for the folders of a bundelpers project."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

FONT_PACKAGES = ("font_source_serif_pro", "font_source_sans_pro")


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


def font_file(package: str, name: str) -> Path:
    return Path(str(resources.files(package) / "files" / name))


def font_folders() -> tuple[Path, ...]:
    return tuple(Path(str(resources.files(package) / "files")).resolve() for package in FONT_PACKAGES)
