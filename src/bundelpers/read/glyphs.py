"""Characters the packaged fonts cannot set, found before anything is typeset."""

from __future__ import annotations

import unicodedata

from ..fonts import covered_characters

# Characters that never need a glyph: line ends, tabs and invisible format marks.
INVISIBLE = frozenset("\n\r\t\u00ad\u200b\u200c\u200d\u2060\ufeff" + "".join(map(chr, range(0xFE00, 0xFE10))))


def missing_characters(text: str) -> list[tuple[int, int, str]]:
    """(line, 1-based column, character) for every character the fonts cannot set."""
    covered = covered_characters()
    # Control characters are the YAML and Markdown readers' to report.
    missing = {c for c in set(text) if c not in INVISIBLE and ord(c) not in covered
               and unicodedata.category(c) != "Cc"}
    if not missing:
        return []  # the usual case, found without walking the text
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        for column, character in enumerate(line, start=1):
            if character in missing:
                found.append((number, column, character))
    return found
