"""Cover, colophon and back cover beyond the bundle's own fields: which line is the cover's
main line, and two drawings, the series street (layout/motif.py) and the ISBN's EAN-13
symbol (layout/barcode.py).

The drawings are written as SVG files beside the HTML and shown as CSS backgrounds: to a
screen reader the street is decoration and the barcode a code for scanners (the ISBN is
printed as text beside it), so both are artifacts, not figures without a text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..files import write_text_atomically
from ..prepare.frontmatter import CoverLines, cover_lines
from .barcode import Ean13, ean13
from .colours import Palette, palette
from .environment import environment
from .motif import Motif, street

STREET_SVG = "straat.svg"
BARCODE_SVG = "isbn.svg"


@dataclass(frozen=True)
class FrontMatterArt:
    cover_lines: CoverLines
    motif: Motif
    barcode: Ean13 | None


def front_matter_art(series, bundle, colours: Palette, places: list[str]) -> FrontMatterArt:  # type: ignore[no-untyped-def]
    """For a BundleMeta, or for the collection an object with the same fields whose
    `nummer` is None; `places` are the places of its cases in reading order (the houses of
    the cover's street)."""
    isbn = getattr(bundle, "isbn", None)
    return FrontMatterArt(cover_lines(series.titel, bundle.titel, bundle.ondertitel, bundle.nummer),
                          street(places, colours), ean13(isbn) if isbn else None)


def front_matter_context(art: FrontMatterArt) -> dict:
    """The variables partials/cover, colophon and backcover need besides `series`, `bundle`."""
    return {"cover_lines": art.cover_lines, "street_svg": STREET_SVG, "barcode": art.barcode,
            "barcode_svg": BARCODE_SVG if art.barcode else None}


def write_front_matter_art(layouts: Path, folder: Path, art: FrontMatterArt) -> None:
    """The drawings front_matter_context() names, in `folder` (where the HTML is)."""
    env = environment(layouts)
    write_text_atomically(folder / STREET_SVG, env.get_template("partials/motif.svg.j2").render(motif=art.motif))
    if art.barcode is not None:
        write_text_atomically(folder / BARCODE_SVG,
                              env.get_template("partials/barcode.svg.j2").render(barcode=art.barcode))


def part_title_context(layouts: Path, folder: Path, part, places: list[str]) -> dict:  # type: ignore[no-untyped-def]
    """The variables of partials/part-title.html.j2 for one part of the collection, and its
    street drawn into `folder`: `part` has nummer, titel, ondertitel, focus, jaar and kleur;
    `places` are the places of its cases."""
    colours = palette(part.kleur)
    name = f"deel-{part.nummer}-{STREET_SVG}"
    write_text_atomically(folder / name, environment(layouts).get_template("partials/motif.svg.j2")
                          .render(motif=street(places, colours)))
    return {"part": part, "palette": colours, "part_street_svg": name}
