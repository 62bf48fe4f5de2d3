"""The project's error types, and the rule for errors versus warnings.

A *problem* in the content is something an editor fixes in `content/`: it always
names a file and, where one exists, a line. Errors stop the build before anything
is written; warnings are printed and the build goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Severity = Literal["fout", "waarschuwing"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the content, located for the editor."""

    file: str
    line: int
    message: str
    hint: str = ""
    severity: Severity = field(default="fout", compare=False)

    def location(self) -> tuple[str, int]:
        """Sort key: by file, then line; a stable sort keeps one line's problems in reading order."""
        return self.file, self.line

    def format(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.severity}: {self.message}"
        if self.hint:
            text += f"\n    {self.hint}"
        return text


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
    """Collects problems across files so one run reports all of them."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []

    def relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def error(self, path: Path, line: int, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.relative(path), line, message, hint, "fout"))

    def warning(self, path: Path, line: int, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.relative(path), line, message, hint, "waarschuwing"))

    @property
    def errors(self) -> list[Problem]:
        return sorted((p for p in self.problems if p.severity == "fout"), key=Problem.location)

    @property
    def warnings(self) -> list[Problem]:
        return sorted((p for p in self.problems if p.severity == "waarschuwing"), key=Problem.location)

    def raise_if_errors(self) -> None:
        if self.errors:
            raise ContentError(self.errors, self.warnings)
