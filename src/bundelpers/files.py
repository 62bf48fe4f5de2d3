"""Atomic writes: a reader never sees a half-written file, an interrupted build
leaves the previous file in place.

The temporary file can live in a scratch folder (build/) instead of next to the
target, so that a build killed mid-write leaves no stray file in bundel_pdf/.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def write_bytes_atomically(target: Path, data: bytes, scratch: Path | None = None) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = target.parent
    if scratch is not None:
        scratch.mkdir(parents=True, exist_ok=True)
        # os.replace is only atomic within one file system.
        if scratch.stat().st_dev == folder.stat().st_dev:
            folder = scratch
    descriptor, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=TEMP_SUFFIX)
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private; a book is meant to be shared.
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_text_atomically(target: Path, text: str) -> None:
    if target.exists() and target.read_text("utf-8") == text:
        return  # unchanged: keep the mtime so up-to-date checks stay quiet
    write_bytes_atomically(target, text.encode("utf-8"))


def remove_stale_temporaries(*folders: Path) -> None:
    """Temp files a killed build left behind (never a finished file: those were renamed),
    in `folders` and below them (the part cache sits two levels down in build/)."""
    for folder in folders:
        if folder.is_dir():
            for stale in folder.rglob(f".*{TEMP_SUFFIX}"):
                stale.unlink(missing_ok=True)


@contextmanager
def exclusive(lock_file: Path) -> Iterator[None]:
    """One build at a time per project: a second `make` waits instead of racing
    the first on build/ and on the temporary files."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with lock_file.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
