"""Derived colours for one bundle's accent, so any `kleur` an editor picks stays legible.

The brief asks for a 4.5:1 contrast for coloured text; editors may pick a light
accent, so text in the accent colour is darkened until it passes.
"""

from __future__ import annotations

from dataclasses import dataclass

WHITE = (255, 255, 255)
INK = (26, 26, 26)
MIN_CONTRAST = 4.5
TINT_SHARE = 0.12


@dataclass(frozen=True)
class Palette:
    accent: str        # cover field, rules
    accent_text: str   # accent used for text on white (≥ 4.5:1)
    tint: str          # box background, ~12 % of the accent
    on_accent: str     # text colour on the accent field


def palette(hex_colour: str) -> Palette:
    accent = _rgb(hex_colour)
    text = accent
    while contrast(text, WHITE) < MIN_CONTRAST:
        text = tuple(max(0, round(c * 0.9)) for c in text)
    tint = tuple(round(255 - (255 - c) * TINT_SHARE) for c in accent)
    on_accent = WHITE if contrast(accent, WHITE) >= contrast(accent, INK) else INK
    return Palette(_hex(accent), _hex(text), _hex(tint), _hex(on_accent))


def contrast(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _luminance(rgb: tuple[int, ...]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _hex(rgb: tuple[int, ...]) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb)


def mix(colour: str, other: str, share: float) -> str:
    """`colour` with `share` (0-1) of `other` mixed in: a tint towards white, a shade
    towards black, or the accent towards the text colour set on it."""
    a, b = _rgb(colour), _rgb(other)
    return _hex(tuple(round(x + (y - x) * share) for x, y in zip(a, b, strict=True)))
