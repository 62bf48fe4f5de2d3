"""What a build shows while it works, and the table it closes with.

On a terminal one status line is redrawn in place: per bundle the units typeset of the
units it needs, and the time so far. When the output is not a terminal (a log, CI) each
book gets plain lines instead. Every sentence comes from messages.py.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from typing import TextIO

from . import messages as msg
from .build import Event
from .publish.write import Written


class ProgressView:
    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout
        self.live = self.stream.isatty()
        self.started = time.perf_counter()
        self.counts: dict[str, tuple[int, int]] = {}
        self.finished: set[str] = set()
        self.started_books: set[str] = set()
        self._width = 0

    def __call__(self, event: Event) -> None:
        if event.step == "zetten" and event.book:
            before = self.counts.get(event.book)
            self.counts[event.book] = (event.done, event.total)
            if self.live:
                self._redraw()
            elif event.done < event.total and event.book not in self.started_books:
                self.started_books.add(event.book)
                parts = msg.count(event.total - event.done, "deel", "delen")
                self._line(msg.PROGRESS_START.format(book=event.book, parts=parts))
            elif event.done == event.total and event.total and before != (event.done, event.total) \
                    and event.book not in self.finished:
                self.finished.add(event.book)
                self._line(msg.PROGRESS_TYPESET.format(book=event.book, done=event.done,
                                                       total=event.total, seconds=self.seconds))

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def _redraw(self) -> None:
        parts = [msg.PROGRESS_BOOK.format(book=book, done=done, total=total)
                 for book, (done, total) in self.counts.items()]
        text = msg.PROGRESS_LIVE.format(books="  ".join(parts), seconds=self.seconds)
        padding = max(0, self._width - len(text))
        self.stream.write("\r" + text + " " * padding)
        self.stream.flush()
        self._width = len(text)

    def _line(self, text: str) -> None:
        print(text, file=self.stream, flush=True)

    def close(self) -> None:
        """End the live line, so what follows starts on a line of its own."""
        if self.live and self._width:
            self.stream.write("\n")
            self.stream.flush()
            self._width = 0


def summary_table(written: Sequence[Written], unchanged: Sequence[Written]) -> str:
    """PDF, pages, KB, time, and whether it was made again or left as it was. The PDFs of
    single cases take one line per bundle folder, also when only some of them were made
    again: the line then says how many."""
    groups: dict[str, list[tuple[Written, bool]]] = {}
    for books, rebuilt in ((written, True), (unchanged, False)):
        for book in books:
            name = book.path.name if book.path.parent.name == "bundel_pdf" else \
                msg.SUMMARY_CASES.format(folder=book.path.parent.name)
            groups.setdefault(name, []).append((book, rebuilt))
    rows = []
    for name, group in groups.items():
        remade = [book for book, rebuilt in group if rebuilt]
        pages = sum(book.pages for book, _ in group)
        if len(remade) == len(group):
            status = msg.SUMMARY_REBUILT
        elif remade:
            status = msg.SUMMARY_REBUILT_SOME.format(count=len(remade), total=len(group))
        else:
            status = msg.SUMMARY_UNCHANGED
        seconds = f"{max(book.seconds for book in remade):.1f} s" if remade else ""
        rows.append((name, str(pages) if pages else "",
                     f"{sum(book.size for book, _ in group) / 1024:.0f}", seconds, status))
    rows.sort(key=lambda row: row[0])
    header = (msg.SUMMARY_PDF, msg.SUMMARY_PAGES, msg.SUMMARY_KB, msg.SUMMARY_TIME, msg.SUMMARY_STATUS)
    widths = [max(len(row[column]) for row in (header, *rows)) for column in range(len(header))]
    right = {1, 2, 3}
    lines = []
    for row in (header, *rows):
        cells = [cell.rjust(width) if column in right else cell.ljust(width)
                 for column, (cell, width) in enumerate(zip(row, widths, strict=True))]
        lines.append("  " + "  ".join(cells).rstrip())
    return "\n".join(lines)
