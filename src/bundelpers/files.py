"""Atomic writes: a reader never sees a half-written file, an interrupted build
leaves the previous file in place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_bytes_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp",
                                     delete=False) as handle:
        handle.write(data)
        temporary = Path(handle.name)
    try:
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_text_atomically(target: Path, text: str) -> None:
    if target.exists() and target.read_text("utf-8") == text:
        return  # unchanged: keep the mtime so make-style checks stay quiet
    write_bytes_atomically(target, text.encode("utf-8"))


def temporary_sibling(target: Path) -> Path:
    """A hidden temp path next to `target`, for writers that want a filename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    return Path(name)
