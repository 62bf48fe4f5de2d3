"""The prose of the content, with the line and column of every word.

Only what a reader of the book reads: text values of the YAML (not keys, file
names, addresses or colours) and the Markdown body without link targets, code,
comments and other markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..read.content import Series
from ..read.yamlload import LocatedYaml

NOT_PROSE_KEYS = {"bestand", "website", "email", "slug", "kleur", "taal", "isbn", "inhoud", "soort",
                  "nummer", "jaar", "gestart", "druk", "verschenen", "bijgewerkt"}
WORD = re.compile(r"(?<![\w'’])['’]?[^\W\d_]+(?:['’-][^\W\d_]+)*")
MASKS = [
    re.compile(r"`[^`]*`"),                    # code
    re.compile(r"\]\([^)]*\)"),                # link and image targets
    re.compile(r"\]\[[^\]]*\]"),               # reference links
    re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$"),   # reference definitions
    re.compile(r"<[^>]*>"),                    # autolinks, one-line comments
    re.compile(r"https?://\S+|mailto:\S+|\S+@\S+\.\S+"),
    # A web address written without https:// ("example.org/wij-in-de-wijk"): lower case on
    # both sides of the dot, so "eind.Dan" and "o.a." stay words.
    re.compile(r"(?<![\w.])(?:[a-z0-9-]+\.)+[a-z]{2,6}(?:/\S*)?(?![\w])"),
    re.compile(r"\[\^[^\]]*\]:?"),             # footnote labels
    re.compile(r"^\s*:::\s*(?:kader)?"),        # the box fence and its keyword
    re.compile(r"\{[^}]*\}"),
]


@dataclass(frozen=True)
class Word:
    path: Path
    line: int
    column: int  # 1-based
    text: str


def masked(line: str) -> str:
    for mask in MASKS:
        line = mask.sub(lambda m: " " * len(m.group(0)), line)
    return line


ELISION = re.compile(r"^['’](?:[stn]|s-.+)$", re.IGNORECASE)  # 's, 't, 'n, 's-Hertogenbosch


def words_in_line(path: Path, number: int, line: str, start: int = 0) -> Iterator[Word]:
    text = masked(line)
    for match in WORD.finditer(text):
        if match.start() < start:
            continue
        word, column = match.group(0), match.start()
        if word[0] in "'’" and not ELISION.match(word):
            if column > 0 and not text[column - 1].isspace():
                continue  # a suffix after a sign or number: lhbti+'ers, 2'tje
            word, column = word[1:], column + 1  # an opening quotation mark, not part of the word
        yield Word(path, number, column + 1, word)


def yaml_words(path: Path, source: LocatedYaml) -> Iterator[Word]:
    for loc, span in source.spans.items():
        if not loc or any(str(part) in NOT_PROSE_KEYS for part in loc if isinstance(part, str)):
            continue
        value = _value_at(source.data, loc)
        if not isinstance(value, str):
            continue
        for number in range(span.line, span.end_line + 1):
            text = source.source_line(number)
            if span.end_line == span.line:
                text = text[: span.end_column]
            start = span.column if number == span.line else 0
            if span.style in {"|", ">"} and number == span.line:
                continue  # the block indicator's line holds no text
            yield from words_in_line(path, number, text, start)


def body_words(path: Path, body: str, first_line: int) -> Iterator[Word]:
    in_comment = False
    for offset, line in enumerate(body.split("\n")):
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = " " * (line.index("-->") + 3) + line[line.index("-->") + 3:], False
        if "<!--" in line and "-->" not in line[line.index("<!--"):]:
            line, in_comment = line[: line.index("<!--")], True
        yield from words_in_line(path, first_line + offset, line)


def series_files(series: Series) -> dict[Path, Callable[[], list[Word]]]:
    """Each content file with a function that lists its words (called only when needed)."""
    files: dict[Path, Callable[[], list[Word]]] = {}
    if series.source is not None:
        files[series.root / "reeks.yaml"] = lambda: list(yaml_words(series.root / "reeks.yaml", series.source))
    for bundle in series.bundles:
        files[bundle.folder / "bundel.yaml"] = lambda b=bundle: list(yaml_words(b.folder / "bundel.yaml", b.source))
        for chapter in bundle.chapters:
            files[chapter.path] = lambda c=chapter: [*yaml_words(c.path, c.meta_source),
                                                     *body_words(c.path, c.body, c.body_first_line)]
    return files


def _value_at(data: object, loc: tuple) -> object:
    for part in loc:
        try:
            data = data[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return data
