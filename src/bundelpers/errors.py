"""The project's error types, and the rule for errors versus warnings.

A *problem* in the content is something an editor fixes in `content/`: it always
names a file and, where one exists, a line and a column, the key or Markdown
construct by name, the value as written, the source line with a caret under the
spot, and one fix. A fix that is a `Fix` (replace, insert or delete lines) works
when followed literally: the tests apply it mechanically and check again.
Errors stop the build before anything is written; warnings are printed and the
build goes on.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

Severity = Literal["fout", "waarschuwing"]
LONG_LINE = 100  # longer source lines are shown around the spot, and fixed by naming the changed words
CONTEXT_BEFORE, CONTEXT_AFTER = 30, 40
FixKind = Literal["replace", "insert", "delete"]

# How characters a reader cannot see are drawn in the quoted source line.
VISIBLE = {"\t": "→", "\u00a0": "␣", "\u202f": "␣", "\u200b": "¦", "\u200c": "¦", "\u200d": "¦",
           "\u2060": "¦", "\ufeff": "¦", "\u00ad": "¦"}


@dataclass(frozen=True)
class Fix:
    """A change to the file that makes the problem go away, followed literally.

    replace: lines `line` to `last` (or just `line`) become `lines`; insert: `lines`
    go after line `line`; delete: lines `line` to `last` go.
    """

    kind: FixKind
    line: int
    lines: tuple[str, ...] = ()
    last: int = 0

    def apply(self, text: str) -> str:
        """The file's text with this fix made (used by tests and by nobody else)."""
        lines = text.split("\n")
        index = self.line - 1
        if self.kind == "replace":
            lines[index : max(self.last, self.line)] = list(self.lines)
        elif self.kind == "insert":
            lines[index + 1 : index + 1] = list(self.lines)
        else:
            lines[index : max(self.last, self.line)] = []
        return "\n".join(lines)


@dataclass(frozen=True)
class Finding:
    """A problem inside one file, before the file is known (readers return these)."""

    line: int
    message: str
    hint: str = ""
    column: int = 0
    width: int = 1
    key: str = ""
    value: str = ""
    fix: Fix | None = None


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the content, located for the editor."""

    file: str
    line: int
    message: str
    hint: str = ""
    severity: Severity = field(default="fout", compare=False)
    column: int = field(default=0, compare=False)
    width: int = field(default=1, compare=False)
    key: str = field(default="", compare=False)  # the key or Markdown construct, by name
    value: str = field(default="", compare=False)  # as written in the file
    source: str = field(default="", compare=False)  # the whole source line
    fix: Fix | None = field(default=None, compare=False)

    def location(self) -> tuple[str, int]:
        """Sort key: by file, then line; a stable sort keeps one line's problems in reading order."""
        return self.file, self.line

    def format(self) -> str:
        from . import messages as msg

        where = self.file
        if self.line:
            where += f":{self.line}" + (f":{self.column}" if self.column else "")
        text = f"{where}: {self.severity}: {self.message}"
        if self.line and self.column and self.source.strip():
            text += "\n" + _quoted_line(self.line, self.source, self.column, self.width)
        if self.hint:
            text += f"\n    {self.hint}"
        if self.fix is not None:
            change = _changed_words(self.fix, self.line, self.source)
            if change is not None:  # a long line: name the words that change, not the whole line
                text += "\n    " + msg.FIX_SUBSTITUTE.format(old=change[0], new=change[1])
            else:
                text += "\n    " + _fix_text(self.fix, self.line, msg)
        return text


def _shown(character: str) -> str:
    if character in VISIBLE:
        return VISIBLE[character]
    if unicodedata.category(character) in {"Cc", "Cf", "Zs"} and character != " ":
        return "¦"
    return character


def _changed_words(fix: Fix, line: int, source: str) -> tuple[str, str] | None:
    """For a fix that rewrites one long line: the shortest run of whole words that changes,
    unique in the line, as (old, new). None when the whole line reads better."""
    if fix.kind != "replace" or len(fix.lines) != 1 or fix.line != line or fix.last > line \
            or len(source) <= LONG_LINE or not source:
        return None
    new_line = fix.lines[0]
    start = 0
    while start < min(len(source), len(new_line)) and source[start] == new_line[start]:
        start += 1
    end_old, end_new = len(source), len(new_line)
    while end_old > start and end_new > start and source[end_old - 1] == new_line[end_new - 1]:
        end_old, end_new = end_old - 1, end_new - 1
    # Widen to whole words, then until the old text occurs once in the line.
    while start > 0 and not source[start - 1].isspace():
        start -= 1
    while end_old < len(source) and not source[end_old].isspace():
        end_old, end_new = end_old + 1, end_new + 1
    while source.count(source[start:end_old]) > 1 or not source[start:end_old].strip():
        if start == 0 and end_old == len(source):
            return None
        start = source.rfind(" ", 0, max(start - 1, 0)) + 1 if start > 0 else 0
        if end_old < len(source):
            step = source.find(" ", end_old + 1)
            step = len(source) if step < 0 else step
            end_new += step - end_old
            end_old = step
    old, new = source[start:end_old], new_line[start:end_new]
    if len(old) > LONG_LINE // 2 or source[:start] + new + source[end_old:] != new_line:
        return None
    return old, new


def _quoted_line(number: int, source: str, column: int, width: int) -> str:
    gutter = f"{number:>5} | "
    shown = [_shown(c) for c in source.rstrip("\n")]
    if len(shown) > LONG_LINE and column:
        # A long paragraph: show the part around the spot, marked as cut with '…'.
        first = max(0, column - 1 - CONTEXT_BEFORE)
        last = min(len(shown), column - 1 + max(width, 1) + CONTEXT_AFTER)
        column -= first - (1 if first else 0)
        shown = (["…"] if first else []) + shown[first:last] + (["…"] if last < len(shown) else [])
    text = gutter + "".join(shown)
    if column:
        start = min(column - 1, len(shown))
        end = min(max(start + width, start + 1), max(len(shown), start + 1))
        text += "\n" + " " * (len(gutter) - 2) + "| " + " " * start + "^" * (end - start)
    return text


def _fix_text(fix: Fix, line: int, msg) -> str:  # type: ignore[no-untyped-def]
    if fix.kind == "delete":
        if fix.last > fix.line:
            return msg.FIX_DELETE_LINES.format(line=fix.line, last=fix.last)
        return msg.FIX_DELETE_LINE.format(line=fix.line)
    if fix.kind == "insert" and fix.line == 0:
        if len(fix.lines) == 1:
            return msg.FIX_INSERT_TOP.format(text=fix.lines[0])
        return msg.FIX_INSERT_TOP_BLOCK + "".join(f"\n        {line}" for line in fix.lines)
    # "Schrijf: `...`" always means the line named above; any other line is named.
    if len(fix.lines) == 1 and fix.last <= fix.line and (fix.kind == "insert" or fix.line == line):
        template = msg.FIX_REPLACE if fix.kind == "replace" else msg.FIX_INSERT
        return template.format(text=fix.lines[0], line=fix.line)
    if fix.kind == "insert":
        template = msg.FIX_INSERT_BLOCK
    else:
        template = msg.FIX_REPLACE_LINES if fix.last > fix.line else msg.FIX_REPLACE_BLOCK
    return template.format(line=fix.line, last=fix.last) + "".join(f"\n        {line}" for line in fix.lines)


class ContentError(Exception):
    """Raised by the reading stages when the editor must fix the content.

    Carries every problem found in the run, so the editor sees them all at once.
    """

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None):
        self.problems = sorted(problems, key=Problem.location)
        # Warnings of the same run, so they are not lost when errors stop it.
        self.warnings = sorted(warnings or [], key=Problem.location)
        super().__init__("\n".join(problem.format() for problem in self.problems))


class RenderError(Exception):
    """Raised by the render stage when WeasyPrint cannot make a correct PDF."""


class MergeError(Exception):
    """Raised by the assembly stage when bundle PDFs cannot be joined."""


class ProblemLog:
    """Collects problems across files so one run reports all of them.

    The readers hand it each file's text (`remember`), so every problem can quote
    its source line without reading the file again.
    """

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.texts: dict[Path, list[str]] = {}

    def relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def remember(self, path: Path, text: str) -> None:
        self.texts[path] = text.split("\n")

    def source_line(self, path: Path, line: int) -> str:
        lines = self.texts.get(path, [])
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def add(self, path: Path, finding: Finding, severity: Severity = "fout") -> None:
        problem = Problem(self.relative(path), finding.line, finding.message, finding.hint, severity,
                          finding.column, finding.width, finding.key, finding.value,
                          self.source_line(path, finding.line), finding.fix)
        # The same problem found twice (e.g. one image used twice on a line) is said once.
        if not any(p == problem and p.column == problem.column for p in self.problems):
            self.problems.append(problem)

    def error(self, path: Path, line: int, message: str, hint: str = "", **where) -> None:  # type: ignore[no-untyped-def]
        self.add(path, Finding(line, message, hint, **where), "fout")

    def warning(self, path: Path, line: int, message: str, hint: str = "", **where) -> None:  # type: ignore[no-untyped-def]
        self.add(path, Finding(line, message, hint, **where), "waarschuwing")

    @property
    def errors(self) -> list[Problem]:
        return sorted((p for p in self.problems if p.severity == "fout"), key=Problem.location)

    @property
    def warnings(self) -> list[Problem]:
        return sorted((p for p in self.problems if p.severity == "waarschuwing"), key=Problem.location)

    def raise_if_errors(self) -> None:
        if self.errors:
            raise ContentError(self.errors, self.warnings)


def shifted(finding: Finding, lines: int) -> Finding:
    """The same finding `lines` further down (front matter starts below its '---')."""
    fix = finding.fix
    if fix is not None:
        fix = replace(fix, line=fix.line + lines, last=fix.last + lines if fix.last else 0)
    return replace(finding, line=finding.line + lines if finding.line else 0, fix=fix)
