"""Typography for what the editors typed in YAML (contract 1.2), and line-break hints
for display text.

Bodies get their quotes from the Markdown parser (read/markdown.py); YAML values get
the same rules here, through markdown-it's typographer on a parser that knows nothing
but plain text, so a `*` or a `[` in a title stays what it is.
"""

from __future__ import annotations

import functools
import re
from typing import TypeVar

from markdown_it import MarkdownIt
from pydantic import BaseModel

from ..read.mdrules import dutch_typography

# Values that are addresses, names of files or codes, not text a reader reads.
NOT_TEXT = frozenset({"website", "email", "bestand", "kleur", "slug", "isbn", "inhoud", "taal"})
# A fragment of one or two letters before a hyphen never ends a line: "G-voetbal".
SHORT_FRAGMENT = re.compile(r"(?<![\w\u2060])(\w{1,2})-(?=\w)")
WORD_JOINER = "\u2060"  # invisible, and no break on either side; the fonts need no glyph
NO_BREAK_SPACE = "\u00a0"
# The last two words are kept together unless that makes a chunk too long to break well.
MAX_JOINED = 30

PLAIN = MarkdownIt("zero").use(dutch_typography)

Model = TypeVar("Model", bound=BaseModel)


def typographic(text: str) -> str:
    """Typographic quotes, apostrophes and dashes: ’s-Hertogenbosch, ‘meedoen’, 1990–2000."""
    if not any(mark in text for mark in "'\"-.(+"):
        return text
    inline = PLAIN.parseInline(text, {})[0]
    return "".join(child.content for child in inline.children or ())


def typeset(model: Model) -> Model:
    """A copy of `model` with every text value typographic (nested models and lists too);
    None (a reeks.yaml that did not load) stays None."""
    if model is None:
        return model
    changes = {}
    for name, value in model:
        if name in NOT_TEXT:
            continue
        new = _typeset_value(value)
        if new is not value:
            changes[name] = new
    return model.model_copy(update=changes) if changes else model


def _typeset_value(value):  # type: ignore[no-untyped-def]
    if isinstance(value, str):
        new = typographic(value)
        return value if new == value else new
    if isinstance(value, BaseModel):
        return typeset(value)
    if isinstance(value, list):
        items = [_typeset_value(item) for item in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    return value


def unbroken_fragments(text: str) -> str:
    """No line break after a short first fragment: "G-voetbal" never ends a line on "G-"."""
    return SHORT_FRAGMENT.sub(lambda m: f"{m[1]}-{WORD_JOINER}", text)


def display(text: str) -> str:
    """Display text (titles, leads, quotes, covers): its last line never holds one short
    word, and no short fragment ends a line. WeasyPrint 70 has no `text-wrap: balance`;
    a no-break space between the last two words is the deterministic part of it."""
    text = unbroken_fragments(" ".join(text.split()))
    head, _, last = text.rpartition(" ")
    if not head:
        return text
    before, _, second = head.rpartition(" ")
    if not before or len(second) + 1 + len(last) > MAX_JOINED:
        return text
    return f"{before} {second}{NO_BREAK_SPACE}{last}"


def balanced(text: str, size_pt: float, width_mm: float, weight: int = 700) -> list[str]:
    """A title in lines of even length: what CSS `text-wrap: balance` does, which
    WeasyPrint 70 lacks. The template sets a line break after each line but the last (a
    line that still proves too long wraps as usual). The widths come from the packaged
    Source Sans Pro at `size_pt` and `weight` and a column of `width_mm` (the template
    passes what its CSS sets); a line keeps 4 % to spare for kerning."""
    words = unbroken_fragments(" ".join(text.split())).split(" ")
    if len(words) < 3:
        return [" ".join(words)]
    advance = _advances(weight)
    scale = size_pt / 72 * 25.4  # em -> mm
    widths = [sum(advance(c) for c in word) * scale for word in words]
    space = advance(" ") * scale
    limit = width_mm * 0.96

    def line(i: int, j: int) -> float:  # words i..j-1 on one line
        return sum(widths[i:j]) + space * (j - i - 1)

    # Fewest lines first (greedy), then the split of that many lines whose longest line
    # is shortest, ties broken towards a longer first line (a title reads down to its end).
    count, start = 0, 0
    while start < len(words):
        end = start + 1
        while end < len(words) and line(start, end + 1) <= limit:
            end += 1
        start, count = end, count + 1
    best: dict[tuple[int, int], tuple[float, list[int]]] = {}

    def split(i: int, lines: int) -> tuple[float, list[int]]:
        if lines == 1:
            return line(i, len(words)), [len(words)]
        if (i, lines) not in best:
            options = []
            for j in range(i + 1, len(words) - lines + 2):
                longest, rest = split(j, lines - 1)
                options.append((max(line(i, j), longest), -line(i, j), [j, *rest]))
            worst, _, ends = min(options)
            best[(i, lines)] = (worst, ends)
        return best[(i, lines)]

    _, ends = split(0, count)
    starts = [0, *ends[:-1]]
    return [" ".join(words[a:b]) for a, b in zip(starts, ends, strict=True)]


@functools.lru_cache(maxsize=4)
def _advances(weight: int):  # type: ignore[no-untyped-def]
    from fontTools.ttLib import TTFont

    from ..fonts import font_faces

    face = next(f for f in font_faces()
                if f.family == "Source Sans Pro" and f.weight == weight and f.style == "normal")
    font = TTFont(face.path, lazy=True)
    cmap, metrics, units = font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm

    def advance(char: str) -> float:
        glyph = cmap.get(ord(char))
        return metrics[glyph][0] / units if glyph else 0.5
    return advance
