"""The packaged fonts: which files they are and which characters they can set.

The fonts come from the OFL font packages on PyPI, never from the machine. This
module only knows about the files; the layout stage writes the @font-face rules and
the renderer's own fontconfig from it, the read stage refuses characters outside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

FONT_PACKAGES = ("font_source_serif_pro", "font_source_sans_pro")
FAMILIES = (
    ("Source Serif Pro", "font_source_serif_pro", "SourceSerifPro"),
    ("Source Sans Pro", "font_source_sans_pro", "SourceSansPro"),
)
WEIGHTS = ((400, "Regular"), (600, "Semibold"), (700, "Bold"))


@dataclass(frozen=True)
class FontFace:
    family: str
    weight: int
    style: str
    path: Path

    @property
    def url(self) -> str:
        return self.path.as_uri()


def font_file(package: str, name: str) -> Path:
    return Path(str(resources.files(package) / "files" / name))


def font_folders() -> tuple[Path, ...]:
    return tuple(Path(str(resources.files(package) / "files")).resolve() for package in FONT_PACKAGES)


def font_faces() -> list[FontFace]:
    """Every face the layouts may use: two families, three weights, upright and italic."""
    faces = []
    for family, package, stem in FAMILIES:
        for weight, name in WEIGHTS:
            italic = "It" if name == "Regular" else f"{name}It"
            faces.append(FontFace(family, weight, "normal", font_file(package, f"{stem}-{name}.ttf")))
            faces.append(FontFace(family, weight, "italic", font_file(package, f"{stem}-{italic}.ttf")))
    return faces


@lru_cache(maxsize=1)
def covered_characters() -> frozenset[int]:
    """Code points both the serif and the sans can set (text may land in either)."""
    from fontTools.ttLib import TTFont

    maps = [
        set(TTFont(font_file(package, f"{stem}-Regular.ttf"), lazy=True)["cmap"].getBestCmap())
        for _family, package, stem in FAMILIES
    ]
    return frozenset(set.intersection(*maps))
