"""What a build can skip: digests of its inputs, the state of the last build, and the
rendered parts of each bundle kept in build/<slug>/chapters/.

Only the standard library is imported here, so that `bundelpers build` with nothing
changed can answer from build/state.json without loading WeasyPrint (half a second).
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .files import write_bytes_atomically
from .fonts import font_folders
from .project import Project

UP_TO_DATE = "Alles is bij: er is niets veranderd sinds de vorige keer."
# The libraries whose output ends up in the PDFs: a new version may set a page differently.
RENDER_LIBRARIES = ("weasyprint", "pydyf", "pikepdf", "pyphen", "fonttools", "bundelpers")


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def digest(*parts: str | bytes) -> str:
    """One sha256 over several texts; each is length-prefixed, so no two lists collide."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def tree_digest(paths: Iterable[Path], root: Path | None = None) -> str:
    """A digest of files (or every file below folders), their names and their bytes."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        elif path.is_file():
            files.append(path)
    parts: list[str] = []
    for file in sorted(set(files)):
        inside = root is not None and file.is_relative_to(root)
        name = file.relative_to(root).as_posix() if inside else str(file)
        parts += [name, file_digest(file)]
    return digest(*parts)


@functools.cache
def tool_digest() -> str:
    """The code that turns content into PDFs: this package, its libraries, the fonts."""
    from importlib.metadata import PackageNotFoundError, version

    versions = []
    for name in RENDER_LIBRARIES:
        try:
            versions.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            versions.append(f"{name}=?")
    code = Path(__file__).resolve().parent
    return digest(*versions, tree_digest([code], code), tree_digest(font_folders()))


def build_mode(whole: bool) -> str:
    """Bundles rendered in parts (the default) or each in one go (--hele-bundel)."""
    return "hele-bundel" if whole else "delen"


def inputs_digest(project: Project, mode: str) -> str:
    """Everything a build reads: content/, layouts/, the tools, and how it was asked to run."""
    files = tree_digest([project.content, project.layouts], project.root)
    return digest(mode, files, tool_digest())


# --- the state of the last build --------------------------------------------------


def state_path(project: Project) -> Path:
    return project.build / "state.json"


def load_state(project: Project) -> dict:
    try:
        state = json.loads(state_path(project).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def save_state(project: Project, state: dict) -> None:
    text = json.dumps(state, indent=1, sort_keys=True, ensure_ascii=False)
    write_bytes_atomically(state_path(project), text.encode("utf-8"))


def outputs_intact(project: Project, outputs: dict[str, str]) -> bool:
    """True when every output recorded in the state is still there, byte for byte."""
    for name, expected in outputs.items():
        path = project.root / name
        try:
            if file_digest(path) != expected:
                return False
        except OSError:
            return False
    return bool(outputs)


def up_to_date(project: Project, mode: str) -> tuple[bool, str]:
    """Whether the last build made exactly these outputs from exactly these inputs.

    Also returns the inputs digest, to be saved with the next state.
    """
    inputs = inputs_digest(project, mode)
    state = load_state(project)
    fresh = state.get("inputs") == inputs and outputs_intact(project, state.get("outputs", {}))
    return fresh, inputs


# --- rendered parts of a bundle ----------------------------------------------------


@dataclass(frozen=True)
class CachedPart:
    pdf: Path
    pages: int
    first_page: int
    anchors: dict[str, int]
    warnings: tuple[str, ...]


class PartCache:
    """Rendered parts of one bundle: `<name>.<key>.<first page>.pdf` with a .json beside it.

    The key covers everything the part's pages show except their folios; the first page
    number completes it. A part's page count does not depend on its first page, so any
    entry with the same key tells how many pages the part will have.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[Path] = set()

    def pdf_path(self, name: str, key: str, first_page: int) -> Path:
        return self.folder / f"{name}.{key[:32]}.{first_page}.pdf"

    def get(self, name: str, key: str, first_page: int) -> CachedPart | None:
        path = self.pdf_path(name, key, first_page)
        meta = _read_meta(path.with_suffix(".json"))
        if meta is None or not path.is_file():
            return None
        return CachedPart(path, meta["pages"], first_page, meta["anchors"], tuple(meta["warnings"]))

    def pages(self, name: str, key: str) -> int | None:
        """The page count of the part with this key, from any entry, else None."""
        for meta_path in sorted(self.folder.glob(f"{name}.{key[:32]}.*.json")):
            meta = _read_meta(meta_path)
            if meta is not None:
                return int(meta["pages"])
        return None

    def any_pages(self, name: str) -> int | None:
        """The page count of the newest entry for `name`, whatever its key."""
        entries = sorted(self.folder.glob(f"{name}.*.json"), key=lambda p: p.stat().st_mtime_ns)
        for meta_path in reversed(entries):
            meta = _read_meta(meta_path)
            if meta is not None:
                return int(meta["pages"])
        return None

    def keep(self, part: CachedPart) -> None:
        self.used.add(part.pdf)

    def prune(self) -> None:
        """Remove the entries this build did not use."""
        if not self.folder.is_dir():
            return
        keep = self.used | {path.with_suffix(".json") for path in self.used}
        for path in self.folder.iterdir():
            if path.suffix in (".pdf", ".json") and path not in keep:
                path.unlink(missing_ok=True)


def write_part_meta(pdf_path: Path, pages: int, anchors: dict[str, int],
                    warnings: tuple[str, ...]) -> None:
    data = {"pages": pages, "anchors": anchors, "warnings": list(warnings)}
    write_bytes_atomically(pdf_path.with_suffix(".json"), json.dumps(data, sort_keys=True).encode())


def _read_meta(path: Path) -> dict | None:
    try:
        meta = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or not isinstance(meta.get("pages"), int):
        return None
    return meta

