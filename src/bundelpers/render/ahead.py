"""A typesetting tried ahead, on a core that would otherwise wait.

When an editor changes one chapter, its make-up search (render/placement.py) typesets
the chapter as written and then, usually, the arrangement the last build settled on. The
second typesetting can start at once beside the first, in a process forked from the
worker. The search itself is unchanged: it takes the result made ahead only when it asks
for exactly that arrangement, so the book is the same as without it.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable
from typing import Any


class Ahead:
    def __init__(self, work: Callable[[], Any]) -> None:
        read, write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the forked copy: do the work, hand it over, and vanish
            os.close(read)
            try:
                data = pickle.dumps(work())
            except BaseException:  # noqa: BLE001 - the search then typesets it itself
                data = b""
            try:
                with os.fdopen(write, "wb") as pipe:
                    pipe.write(data)
            finally:
                os._exit(0)  # never back into the worker's own code
        os.close(write)
        self.read = read
        self.taken = False
        self.used = False  # its result was handed over

    def result(self) -> Any | None:
        """What the work returned, or None when it failed."""
        self.taken = True
        with os.fdopen(self.read, "rb") as pipe:
            data = pipe.read()  # before waiting: a large result fills the pipe first
        os.waitpid(self.pid, 0)
        self.used = bool(data)
        return pickle.loads(data) if data else None

    def drop(self) -> None:
        if not self.taken:
            self.taken = True
            os.kill(self.pid, signal.SIGKILL)
            os.close(self.read)
            os.waitpid(self.pid, 0)
