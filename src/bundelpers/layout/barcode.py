"""The EAN-13 barcode of an ISBN for the back cover.

python-barcode encodes the number (the bar pattern with its guards); the template
partials/barcode.svg.j2 draws it. Sizes follow GS1's nominal EAN-13 symbol at 80 %
magnification: modules of 0.264 mm, bars 18.28 mm high, quiet zones of 11 and 7 modules.
"""

from __future__ import annotations

from dataclasses import dataclass

import barcode

MODULE = 0.264  # mm, 80 % of the nominal 0.33 mm
BAR_HEIGHT = 18.28
GUARD_EXTRA = 1.65  # the guard bars run on below the others, between the digit groups
LEFT_QUIET, RIGHT_QUIET = 11, 7  # modules
GUARDS = frozenset({0, 1, 2, 45, 46, 47, 48, 49, 92, 93, 94})  # module positions


@dataclass(frozen=True)
class Bar:
    x: float  # mm from the symbol's left edge (quiet zone included)
    width: float
    height: float


@dataclass(frozen=True)
class Ean13:
    digits: str  # the 13 digits, check digit included
    bars: tuple[Bar, ...]
    width: float  # mm, quiet zones included
    height: float  # mm, the human-readable digits included

    @property
    def digit_positions(self) -> tuple[tuple[float, str], ...]:
        """Each digit under the bars with the centre of its place, in mm: the first one in
        the left quiet zone, then six under each half between the guards."""
        places = [(LEFT_QUIET - 4) * MODULE]
        places += [(LEFT_QUIET + 3 + 7 * i + 3.5) * MODULE for i in range(6)]
        places += [(LEFT_QUIET + 50 + 7 * i + 3.5) * MODULE for i in range(6)]
        return tuple(zip(places, self.digits, strict=True))


def ean13(isbn: str) -> Ean13:
    """The symbol of a 13-digit ISBN (validated by the content schema)."""
    code = barcode.get_barcode_class("isbn13")(isbn)
    modules = code.build()[0]
    bars: list[Bar] = []
    start = None
    for position, module in enumerate(modules + "0"):
        if module == "1" and start is None:
            start = position
        elif module == "0" and start is not None:
            long = start in GUARDS
            bars.append(Bar((LEFT_QUIET + start) * MODULE, (position - start) * MODULE,
                            BAR_HEIGHT + (GUARD_EXTRA if long else 0.0)))
            start = None
    width = (LEFT_QUIET + len(modules) + RIGHT_QUIET) * MODULE
    return Ean13(code.get_fullcode(), tuple(bars), width, BAR_HEIGHT + 4.0)
