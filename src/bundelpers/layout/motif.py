"""The series motif: a street of Dutch gabled houses, one for each case of the bundle.

Every cover of the series carries the street; what stands in it comes from the bundle's
own data (the places of its cases, in order), so each bundle has its own street and the
same one on every build. The houses are drawn in tints of the accent towards the colour
of the cover's text. This module only computes shapes; partials/motif.svg.j2 draws them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from .colours import Palette, mix

WIDTH, HEIGHT = 170.0, 78.0  # mm: the cover's width, bled on both sides
STREET = 58.0  # the pavement line the houses stand on; the publisher stands below it
FLOOR = 8.6
GABLES = ("trap", "hals", "punt", "klok", "lijst")
TINTS = (0.16, 0.27, 0.38)  # shares of the text colour mixed into the accent


@dataclass(frozen=True)
class Shape:
    points: tuple[tuple[float, float], ...]  # a closed polygon in mm
    fill: str


@dataclass(frozen=True)
class Motif:
    width: float
    height: float
    shapes: tuple[Shape, ...]
    street: str  # colour of the pavement
    ground: float = STREET  # where the pavement starts


def street(names: Sequence[str], palette: Palette) -> Motif:
    """The street for a bundle whose cases are in `names` (at least one name is needed;
    the row repeats until it fills the cover's width)."""
    names = list(names) or ["wijk"]
    tints = [mix(palette.accent, palette.on_accent, share) for share in TINTS]
    window = mix(palette.accent, palette.on_accent, 0.06)
    shapes: list[Shape] = []
    x, index = -4.0, 0  # starts off the left edge: the street runs on beyond the cover
    while x < WIDTH:
        name = names[index % len(names)]
        seed = hashlib.sha256(f"{index}:{name}".encode()).digest()
        width = 13.0 + seed[0] % 10
        floors = 3 + seed[1] % 3
        gable = GABLES[(len(name) + seed[2]) % len(GABLES)]
        fill = tints[(index + seed[3]) % len(tints)]
        shapes += _house(x, width, floors, gable, fill, window, seed)
        x += width + 0.8
        index += 1
    pavement = mix(palette.accent, palette.on_accent, 0.10)
    return Motif(WIDTH, HEIGHT, tuple(shapes), pavement)


def _house(x: float, width: float, floors: int, gable: str, fill: str, window: str,
           seed: bytes) -> list[Shape]:
    eaves = STREET - floors * FLOOR
    outline = _gable(x, width, eaves, gable)
    shapes = [Shape(tuple(outline), fill)]
    bays = 2 if width < 17 else 3
    pane_w, pane_h = 2.6, 4.4
    gap = (width - bays * pane_w) / (bays + 1)
    for floor in range(floors):
        top = eaves + floor * FLOOR + 2.2
        for bay in range(bays):
            left = x + gap + bay * (pane_w + gap)
            if floor == floors - 1 and bay == seed[4] % bays:
                # The door: on the ground floor, down to the pavement.
                shapes.append(Shape(_rect(left - 0.3, top - 0.6, pane_w + 0.6, STREET - top + 0.6), window))
            else:
                shapes.append(Shape(_rect(left, top, pane_w, pane_h), window))
    return shapes


def _gable(x: float, width: float, eaves: float, gable: str) -> list[tuple[float, float]]:
    """The house's outline, from the bottom left, clockwise."""
    right, mid = x + width, x + width / 2
    bottom = [(right, STREET), (x, STREET)]
    if gable == "punt":  # a plain pitched gable
        top = [(x, eaves), (mid, eaves - width * 0.55)]
        return [*top, (right, eaves), *bottom]
    if gable == "trap":  # a stepped gable: three steps up on each side, a top step
        step_w, step_h = width / 7, 3.2
        left_side = []
        for step in range(4):
            left_side += [(x + step * step_w, eaves - step * step_h),
                          (x + step * step_w, eaves - (step + 1) * step_h)]
        right_side = [(right - px + x, py) for px, py in reversed(left_side)]
        return [*left_side, *right_side, *bottom]
    if gable == "hals":  # a neck gable: shoulders, then a narrow raised neck
        neck = width * 0.22
        return [(x, eaves), (x, eaves - 2.0), (mid - neck, eaves - 4.5), (mid - neck, eaves - 10.5),
                (mid, eaves - 12.5), (mid + neck, eaves - 10.5), (mid + neck, eaves - 4.5),
                (right, eaves - 2.0), (right, eaves), *bottom]
    if gable == "klok":  # a bell gable, drawn as a polygon
        return [(x, eaves), (x + width * 0.12, eaves - 3.0), (x + width * 0.2, eaves - 6.5),
                (x + width * 0.28, eaves - 9.0), (mid, eaves - 11.0), (right - width * 0.28, eaves - 9.0),
                (right - width * 0.2, eaves - 6.5), (right - width * 0.12, eaves - 3.0),
                (right, eaves), *bottom]
    # "lijst": a flat cornice, the eighteenth-century front
    return [(x, eaves), (x - 0.6, eaves - 1.2), (x - 0.6, eaves - 2.4), (right + 0.6, eaves - 2.4),
            (right + 0.6, eaves - 1.2), (right, eaves), *bottom]


def _rect(x: float, y: float, width: float, height: float) -> tuple[tuple[float, float], ...]:
    return ((x, y), (x + width, y), (x + width, y + height), (x, y + height))
