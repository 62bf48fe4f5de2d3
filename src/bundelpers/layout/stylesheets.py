"""Which stylesheets a unit is typeset with: light enough to name before anything heavy
loads, so typesetting workers can start parsing them while the content is checked."""

from __future__ import annotations

from pathlib import Path

STYLESHEETS = ("page.css", "typography.css", "frontmatter.css", "chapter.css", "offprint.css")
FURNITURE = ("furniture.css",)
STAMPS = ("stamps.css",)
FONTS_CSS = "fonts.css"  # generated into build/


def unit_stylesheets(layouts: Path, build: Path) -> tuple[Path, ...]:
    """What a unit is typeset with, in the order the whole bundle links them."""
    return (build / FONTS_CSS, *(layouts / "css" / name for name in STYLESHEETS))


def stamp_stylesheets(layouts: Path, build: Path) -> tuple[Path, ...]:
    css = layouts / "css"
    return (*unit_stylesheets(layouts, build), *(css / name for name in (*FURNITURE, *STAMPS)))
