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
from typing import Any

from .digests import digest, file_digest, tool_digest, tree_digest
from .files import write_bytes_atomically
from .project import Project

BOOKS = "boeken"  # the kind of build `make` does; the print edition is "drukwerk"


def inputs_digest(project: Project) -> str:
    """Everything a build reads."""
    return digest(tree_digest([project.content, project.layouts], project.root), tool_digest())


@dataclass
class BuildState:
    """The record of the last build of each kind: the books (`make`) and the print edition
    (`make drukwerk`) share this one file and keep their targets apart by kind."""

    path: Path
    inputs: str = ""
    targets: dict[str, dict] = field(default_factory=dict)
    hints: dict[str, Any] = field(default_factory=dict)  # a contents' page count, a chapter's arrangement
    kept: dict[str, list[str]] = field(default_factory=dict)  # kind -> store keys it used

    @classmethod
    def load(cls, project: Project) -> BuildState:
        path = project.build / "state.json"
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return cls(path)
        if not isinstance(data, dict):
            return cls(path)
        return cls(path, str(data.get("inputs", "")), dict(data.get("targets", {})),
                   dict(data.get("hints", {})), dict(data.get("kept", {})))

    def save(self) -> None:
        data = {"inputs": self.inputs, "targets": self.targets, "hints": self.hints,
                "kept": self.kept}
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

    def record(self, root: Path, target: Path, inputs: str, pages: int = 0, kind: str = BOOKS) -> None:
        self.targets[target.relative_to(root).as_posix()] = {
            "inputs": inputs, "sha256": file_digest(target), "pages": pages, "kind": kind}

    def pages(self, root: Path, target: Path) -> int:
        return int(self.targets.get(target.relative_to(root).as_posix(), {}).get("pages", 0))

    def outputs_intact(self, root: Path, kind: str = BOOKS) -> bool:
        """Every output of this kind the last build wrote is still there, byte for byte."""
        mine = {name: entry for name, entry in self.targets.items()
                if entry.get("kind", BOOKS) == kind}
        for name, entry in mine.items():
            try:
                if file_digest(root / name) != entry.get("sha256"):
                    return False
            except OSError:
                return False
        return bool(mine)

    def keep(self, kind: str, keys: set[str]) -> set[str]:
        """Record the store keys this kind of build used; returns every kind's, which the
        store keeps (a `make` does not throw away what `make drukwerk` typeset)."""
        self.kept[kind] = sorted(keys)
        return {key for used in self.kept.values() for key in used}


def up_to_date(project: Project) -> tuple[bool, str]:
    """Whether the last build made these outputs from exactly these inputs; and the digest."""
    inputs = inputs_digest(project)
    state = BuildState.load(project)
    return state.inputs == inputs and state.outputs_intact(project.root), inputs
