"""Tables without a title, as warnings.

The contract has no table caption; bundelpers reads a paragraph "Tabel: …" directly
above a table as its title, and the design brief wants every table titled. A table
written to the contract is never refused, so a missing title is a warning whose fix
is a title made of the table's own column heads.
"""

from __future__ import annotations

import re

from .. import messages as msg
from ..errors import Fix, ProblemLog
from ..read.content import Series
from ..read.mdrules import TABLE_TITLE

ROW = re.compile(r"^\s{0,3}\|")
DELIMITER = re.compile(r"^\s{0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def check_table_titles(series: Series, log: ProblemLog) -> None:
    for bundle in series.bundles:
        for chapter in bundle.chapters:
            lines = chapter.body.split("\n")
            for index in untitled_tables(lines):
                line = chapter.body_first_line + index
                title = suggested_title(lines[index])
                log.warning(chapter.path, line, msg.TABLE_NO_TITLE, msg.TABLE_NO_TITLE_HINT,
                            column=1, width=len(lines[index].rstrip()), key="tabel",
                            value=lines[index].strip(), fix=Fix("insert", line - 1, (f"Tabel: {title}", "")))


def untitled_tables(lines: list[str]) -> list[int]:
    """Indexes of the header rows of tables with no "Tabel: …" paragraph above them."""
    found, fenced = [], False
    for index, text in enumerate(lines):
        if FENCE.match(text):
            fenced = not fenced
        if fenced or index + 1 >= len(lines) or not ROW.match(text) or not DELIMITER.match(lines[index + 1]):
            continue
        if index > 0 and ROW.match(lines[index - 1]):
            continue  # not the first row
        above = index - 1
        while above >= 0 and not lines[above].strip():
            above -= 1
        # The title paragraph: its first line starts with "Tabel:" (it may wrap).
        start = above
        while start > 0 and lines[start - 1].strip():
            start -= 1
        if above < 0 or not TABLE_TITLE.match(lines[start]):
            found.append(index)
    return found


def suggested_title(header: str) -> str:
    """'| Jaar | Bezoekers |' -> 'Jaar en bezoekers': a title the editor can keep or improve."""
    heads = [cell.strip() for cell in header.strip().strip("|").split("|") if cell.strip()]
    if not heads:
        return "Titel van de tabel"
    words = [heads[0], *(head[:1].lower() + head[1:] if not head[1:2].isupper() else head for head in heads[1:])]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]
