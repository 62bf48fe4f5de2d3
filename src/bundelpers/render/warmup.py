"""Loading WeasyPrint while the content is checked.

Importing WeasyPrint and parsing the stylesheets (with the fonts their @font-face rules
load) takes about as long as typesetting a chapter; none of it depends on the content.
A thread does it while the build reads and checks content/, so that an edit to one
chapter waits for neither. Processes forked later for parallel typesetting inherit it.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path


class Warmup:
    def __init__(self, stylesheets: tuple[Path, ...], allowed: tuple[Path, ...]) -> None:
        self._thread = threading.Thread(target=self._run, args=(stylesheets, allowed),
                                        name="weasyprint-laden", daemon=True)
        self._thread.start()

    @staticmethod
    def _run(stylesheets: tuple[Path, ...], allowed: tuple[Path, ...]) -> None:
        # Whatever goes wrong here, the real render meets and reports it to the editor.
        with contextlib.suppress(BaseException):
            from .weasy import shared_styles

            shared_styles(stylesheets, allowed)

    def wait(self) -> None:
        self._thread.join()
