"""Read problems back from what `bundelpers check` prints, and follow their fixes literally.

The tests use the printed text, not the Problem objects: what an editor reads is
what must work when followed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from bundelpers.errors import Fix

HEADER = re.compile(r"^(?P<file>\S+?):(?P<line>\d+)(?::(?P<column>\d+))?: (?P<severity>fout|waarschuwing): (?P<message>.*)$")
FILE_HEADER = re.compile(r"^(?P<file>\S+?): (?P<severity>fout|waarschuwing): (?P<message>.*)$")
QUOTED = re.compile(r"^ *\d+ \| (?P<text>.*)$")
CARET = re.compile(r"^ +\| (?P<caret> *\^+)$")
REPLACE_ONE = re.compile(r"^    Schrijf: `(?P<text>.*)`$")
REPLACE_BLOCK = re.compile(r"^    Schrijf in plaats van regel (?P<line>\d+)(?: tot en met (?P<last>\d+))?:$")
INSERT_ONE = re.compile(r"^    Voeg na regel (?P<line>\d+) deze regel toe: `(?P<text>.*)`$")
INSERT_BLOCK = re.compile(r"^    (?:Voeg na regel (?P<line>\d+) deze regels toe|Zet bovenaan deze regels):$")
INSERT_TOP = re.compile(r"^    Zet bovenaan deze regel: `(?P<text>.*)`$")
SUBSTITUTE = re.compile(r"^    Vervang op deze regel `(?P<old>.*)` door `(?P<new>.*)`\.$")
DELETE = re.compile(r"^    Haal regel (?P<line>\d+)(?: tot en met (?P<last>\d+))? weg\.$")


@dataclass
class Printed:
    file: str
    line: int
    column: int
    severity: str
    message: str
    source: str = ""
    caret: str = ""
    hints: list[str] = field(default_factory=list)
    fix: Fix | None = None
    substitute: tuple[str, str] | None = None  # "Vervang op deze regel `old` door `new`."

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


def parse(output: str) -> list[Printed]:
    problems: list[Printed] = []
    lines = output.split("\n")
    index = 0
    while index < len(lines):
        text = lines[index]
        index += 1
        if match := HEADER.match(text):
            problems.append(Printed(match["file"], int(match["line"]), int(match["column"] or 0),
                                    match["severity"], match["message"]))
        elif (match := FILE_HEADER.match(text)) and not text.startswith(" "):
            problems.append(Printed(match["file"], 0, 0, match["severity"], match["message"]))
        elif problems and text.startswith(" "):
            current = problems[-1]
            if (match := QUOTED.match(text)) and not current.source and not current.hints:
                current.source = match["text"]
            elif (match := CARET.match(text)) and not current.caret:
                current.caret = match["caret"]
            elif match := REPLACE_ONE.match(text):
                current.fix = Fix("replace", current.line, (match["text"],))
            elif match := INSERT_ONE.match(text):
                current.fix = Fix("insert", int(match["line"]), (match["text"],))
            elif match := INSERT_TOP.match(text):
                current.fix = Fix("insert", 0, (match["text"],))
            elif match := SUBSTITUTE.match(text):
                current.substitute = (match["old"], match["new"])
            elif match := DELETE.match(text):
                current.fix = Fix("delete", int(match["line"]), last=int(match["last"] or 0))
            elif (block := REPLACE_BLOCK.match(text)) or (block := INSERT_BLOCK.match(text)):
                body = []
                while index < len(lines) and lines[index].startswith("        "):
                    body.append(lines[index][8:])
                    index += 1
                kind = "replace" if text.lstrip().startswith("Schrijf") else "insert"
                last = int(block.groupdict().get("last") or 0)
                current.fix = Fix(kind, int(block["line"] or 0), tuple(body), last=last)
            else:
                current.hints.append(text.strip())
    return problems


def follow(root: Path, problems: list[Printed]) -> int:
    """Make every printed fix in its file, bottom to top (one fix per line); return how many."""
    by_file: dict[str, dict[int, Fix | tuple[str, str]]] = {}
    for problem in problems:
        if problem.fix is not None:
            by_file.setdefault(problem.file, {}).setdefault(problem.fix.line, problem.fix)
        elif problem.substitute is not None:
            by_file.setdefault(problem.file, {}).setdefault(problem.line, problem.substitute)
    made = 0
    for relative, fixes in by_file.items():
        path = root / relative
        raw = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
        for line in sorted(fixes, reverse=True):
            fix = fixes[line]
            if isinstance(fix, tuple):  # the words to change on that line
                lines = raw.split("\n")
                assert lines[line - 1].count(fix[0]) == 1, (lines[line - 1], fix)
                lines[line - 1] = lines[line - 1].replace(*fix)
                raw = "\n".join(lines)
            else:
                raw = fix.apply(raw)
            made += 1
        path.write_text(raw, "utf-8")
    return made
