"""Where a build's time goes, stage by stage: written to build/tijden.json for `make bench`.

Stages may nest (typesetting happens inside pagination); the time of a nested stage counts
for that stage only, so the stages add up to the whole.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .files import write_text_atomically


class Stopwatch:
    def __init__(self) -> None:
        self.stages: dict[str, float] = {}  # stage -> seconds, in the order first timed
        self._running: list[list] = []  # [stage, started] of the stages now open, innermost last

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        now = time.perf_counter()
        if self._running:
            self._stop(self._running[-1], now)
        self._running.append([stage, now])
        try:
            yield
        finally:
            now = time.perf_counter()
            self._stop(self._running.pop(), now)
            if self._running:
                self._running[-1][1] = now

    def _stop(self, running: list, now: float) -> None:
        stage, started = running
        self.stages[stage] = self.stages.get(stage, 0.0) + now - started

    def save(self, path: Path) -> None:
        write_text_atomically(path, json.dumps({k: round(v, 4) for k, v in self.stages.items()},
                                               indent=1) + "\n")
