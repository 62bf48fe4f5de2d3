"""The one record of the last build: build/state.json.

It holds a digest of everything a build reads (content/, layouts/, the code, the
libraries and fonts), and per output the digest of what it was made from and the
SHA-256 of the file written. A build skips an output whose inputs did not change and
whose file is intact; `bundelpers build` with nothing changed answers from this file
alone, before anything heavy is imported. Typeset units live beside it in
build/cache/ (render/store.py), keyed by their own inputs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .digests import digest, file_digest, tool_digest, tree_digest
from .files import write_bytes_atomically
from .project import Project

UP_TO_DATE = "Alles is bij: er is niets veranderd sinds de vorige keer."


def inputs_digest(project: Project) -> str:
    """Everything a build reads."""
    return digest(tree_digest([project.content, project.layouts], project.root), tool_digest())


@dataclass
class BuildState:
    path: Path
    inputs: str = ""
    targets: dict[str, dict[str, str]] = field(default_factory=dict)
    hints: dict[str, int] = field(default_factory=dict)  # e.g. a contents' page count

    @classmethod
    def load(cls, project: Project, name: str = "state.json") -> BuildState:
        """The record of the normal build, or of another (the print edition keeps its own,
        so that `make` never waits for files only `make drukwerk` makes)."""
        path = project.build / name
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return cls(path)
        if not isinstance(data, dict):
            return cls(path)
        return cls(path, str(data.get("inputs", "")), dict(data.get("targets", {})),
                   dict(data.get("hints", {})))

    def save(self) -> None:
        data = {"inputs": self.inputs, "targets": self.targets, "hints": self.hints}
        text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False)
        write_bytes_atomically(self.path, text.encode("utf-8"))

    def fresh(self, root: Path, target: Path, inputs: str) -> bool:
        """True when `target` was made from `inputs` and is still exactly that file."""
        entry = self.targets.get(target.relative_to(root).as_posix())
        if entry is None or entry.get("inputs") != inputs:
            return False
        try:
            return file_digest(target) == entry.get("sha256")
        except OSError:
            return False

    def record(self, root: Path, target: Path, inputs: str) -> None:
        self.targets[target.relative_to(root).as_posix()] = {
            "inputs": inputs, "sha256": file_digest(target)}

    def outputs_intact(self, root: Path) -> bool:
        for name, entry in self.targets.items():
            try:
                if file_digest(root / name) != entry.get("sha256"):
                    return False
            except OSError:
                return False
        return bool(self.targets)


def up_to_date(project: Project) -> tuple[bool, str]:
    """Whether the last build made these outputs from exactly these inputs; and the digest."""
    inputs = inputs_digest(project)
    state = BuildState.load(project)
    return state.inputs == inputs and state.outputs_intact(project.root), inputs
