"""Words the front and back matter print that follow from the data: which line is the
cover's main line, the edition in words, the authors as a Dutch list, and a citation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

ORDINALS = ("Eerste", "Tweede", "Derde", "Vierde", "Vijfde", "Zesde", "Zevende", "Achtste",
            "Negende", "Tiende")
CITED_AUTHORS = 3  # more than this: the first one and "e.a."


@dataclass(frozen=True)
class CoverLines:
    main: str  # the cover's main line
    sub: str | None  # the line under it


def cover_lines(series_title: str, titel: str, ondertitel: str, nummer: int | None) -> CoverLines:
    """A title that is only the series name and number ("Wij in de Wijk 3") is already on
    the cover as the wordmark and the large number: the subtitle becomes the main line."""
    own = " ".join(titel.split())
    if own == series_title or (nummer is not None and own == f"{series_title} {nummer}"):
        return CoverLines(ondertitel, None)
    return CoverLines(titel, ondertitel)


def edition(number: int | None) -> str:
    """`druk` in words: "Eerste druk", "Tweede druk", …, "11e druk"."""
    number = number or 1
    word = ORDINALS[number - 1] if number <= len(ORDINALS) else f"{number}e"
    return f"{word} druk"


def dutch_list(names: Sequence[str]) -> str:
    """"A", "A en B", "A, B en C"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} en {names[-1]}"


def unbroken_names(names: Sequence[str]) -> str:
    """A title page's names: a list as dutch_list makes it, but a name never breaks over
    two lines ("Marloes" at the end of one line, "Verhagen" on the next)."""
    return dutch_list([" ".join(name.split()).replace(" ", "\u00a0") for name in names])


def cited_authors(names: Sequence[str]) -> str:
    """The authors of a "Citeren als" line: all of them up to three, else the first "e.a."."""
    names = list(names)
    return dutch_list(names) if len(names) <= CITED_AUTHORS else f"{names[0]} e.a."


def emphasised(text: str, phrase: str) -> list[tuple[str, bool]]:
    """`text` in runs, `phrase` (the series name) marked for italics wherever it occurs."""
    runs: list[tuple[str, bool]] = []
    while phrase and phrase in text:
        before, _, text = text.partition(phrase)
        runs += [(before, False), (phrase, True)]
    runs.append((text, False))
    # A space before an inline element trips WeasyPrint 70's line breaking (see
    # read/mdrules.py keep_lines_whole): it moves into the italics.
    for index in range(len(runs) - 1):
        (run, marked), (following, next_marked) = runs[index], runs[index + 1]
        if not marked and next_marked and run.endswith(" "):
            runs[index], runs[index + 1] = (run[:-1], False), (" " + following, True)
    return [(run, marked) for run, marked in runs if run]
