"""Writing a book: assembled from its units and stamped, saved atomically (in a worker,
or in the build itself)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from ..assemble.book import BookSpec, assemble_book, save
from ..assemble.furniture import SheetRef
from ..files import write_bytes_atomically
from ..render.store import Store


@dataclass(frozen=True)
class AssemblyJob:
    spec: BookSpec
    sheets: dict[SheetRef, Path]
    store: Path
    target: Path
    scratch: Path  # temporary files live here, so a killed build leaves none beside the PDFs


@dataclass(frozen=True)
class Written:
    path: Path
    pages: int
    size: int
    seconds: float


def write_book(job: AssemblyJob) -> Written:
    started = time.perf_counter()
    pdf = assemble_book(job.spec, job.sheets, Store(job.store))
    data = save(pdf)
    write_bytes_atomically(job.target, data, scratch=job.scratch)
    return Written(job.target, len(pdf.pages), len(data), time.perf_counter() - started)
