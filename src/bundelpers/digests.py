"""Digests of texts, files and folders: what the build state and the unit store key on.

Only the standard library, so that `bundelpers build` with nothing changed can answer
before WeasyPrint or pydantic is loaded.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from pathlib import Path

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

    from .fonts import font_folders

    versions = []
    for name in RENDER_LIBRARIES:
        try:
            versions.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            versions.append(f"{name}=?")
    code = Path(__file__).resolve().parent
    return digest(*versions, tree_digest([code], code), tree_digest(font_folders()))
