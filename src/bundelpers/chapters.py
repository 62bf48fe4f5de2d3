"""Rendering the parts of bundles side by side: one WeasyPrint document per part, in a
pool of processes, one per core.

Every chapter opens on a recto, so a chapter's page count does not depend on where it
starts; only its folios do. A part whose first page is known gets it through CSS
(`@page :first { counter-reset: page N }`, layouts/css/part-start.css.j2). A part whose
predecessors are still being typeset (a cold build) is laid out at once all the same,
and takes its first folio from them just before WeasyPrint makes the margin boxes: each
part publishes its page count in a shared table as soon as its pages are laid out, and
waits there for the counts of the parts before it. See `_late_folios`.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .assemble import padded
from .cache import write_part_meta
from .errors import RenderError
from .render import import_weasyprint, render_html

UNKNOWN = -1
FAILED = -2
# How long a part waits for the page count of a part before it (a stuck worker).
WAIT_SECONDS = 600.0


@dataclass(frozen=True)
class PartJob:
    """One part to render, as a worker needs it (picklable)."""

    slug: str
    name: str
    html: str
    base_url: Path
    stylesheets: tuple[Path, ...]
    allowed: tuple[Path, ...]
    cache_folder: Path
    key: str
    slot: int  # where the part publishes its page count
    # Known: the folio of the first page, and the CSS that sets it.
    first_page: int | None
    start_css: str
    # Unknown first page: 1 + the pages (padded to even) of the parts in these slots.
    after: tuple[int, ...] = ()


@dataclass(frozen=True)
class PartDone:
    slug: str
    name: str
    key: str
    pdf: Path
    pages: int
    first_page: int
    anchors: dict[str, int]
    warnings: tuple[str, ...]


class Slots:
    """Page counts shared between the build and its workers; -1 while unknown."""

    def __init__(self, size: int) -> None:
        context = multiprocessing.get_context("fork")
        self.counts = context.Array("i", [UNKNOWN] * size, lock=False)
        self.changed = context.Condition()

    def publish(self, slot: int, pages: int) -> None:
        with self.changed:
            self.counts[slot] = pages
            self.changed.notify_all()

    def first_page(self, after: tuple[int, ...]) -> int:
        """1 + the padded page counts in `after`, waiting until all are known."""
        with self.changed:
            while True:
                counts = [self.counts[slot] for slot in after]
                if FAILED in counts:
                    raise RenderError("een eerder deel van de bundel is mislukt")
                if UNKNOWN not in counts:
                    return 1 + sum(padded(count) for count in counts)
                if not self.changed.wait(WAIT_SECONDS):
                    raise RenderError("een eerder deel van de bundel bleef uit")


_slots: Slots | None = None


def _init_worker(slots: Slots) -> None:
    global _slots
    _slots = slots
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A worker whose build was killed stops too, instead of waiting for work forever
    (forked workers hold the task pipe open themselves, so they never see it close)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


@functools.cache
def late_folios_supported() -> bool:
    """The margin-box hook below reaches into WeasyPrint's layout; it is known for 70.

    Without it, a part is only rendered once its first page is known: bundles still
    render side by side, the chapters of one bundle one after the other.
    """
    from importlib.metadata import version

    return version("weasyprint").split(".")[0] == "70"


@contextmanager
def _late_folios(publish: Callable[[int], int]) -> Iterator[None]:
    """Shift the page counter of a laid-out document just before its margin boxes.

    WeasyPrint 70 paginates the whole document first and makes the margin boxes (running
    heads, folios) afterwards, from the counter values it kept per page
    (`context.page_maker[i][3]`). The first call of `make_margin_boxes` is therefore the
    moment the page count is final and no folio is drawn yet: `publish(pages)` returns
    how far the folios must move, and every page's `page` counter moves that far.
    """
    from weasyprint import layout

    original = layout.make_margin_boxes
    done = False

    def make_margin_boxes(context, page, state):  # type: ignore[no-untyped-def]
        nonlocal done
        if not done:
            done = True
            shift = publish(len(context.page_maker) - 1)
            seen: set[int] = set()
            for entry in context.page_maker if shift else ():
                counters = entry[3][1]
                if id(counters) not in seen and "page" in counters:
                    seen.add(id(counters))
                    counters["page"] = [value + shift for value in counters["page"]]
        return original(context, page, state)

    layout.make_margin_boxes = make_margin_boxes
    try:
        yield
    finally:
        layout.make_margin_boxes = original


def render_part(job: PartJob) -> PartDone:
    """Render one part into the cache folder (in a worker, or in the build itself)."""
    from .assemble import write_pdf_atomically

    slots = _slots
    first_page = job.first_page

    def publish(pages: int) -> int:
        nonlocal first_page
        if slots is not None:
            slots.publish(job.slot, pages)
        if first_page is not None:
            return 0  # the part's CSS already starts the counter there
        if slots is None:
            raise RenderError(f"{job.name}: het eerste paginanummer is onbekend")
        first_page = slots.first_page(job.after)
        return first_page - 1

    started = time.perf_counter()
    late = first_page is None or late_folios_supported()
    extra = (job.start_css,) if first_page is not None else ()

    def render():  # type: ignore[no-untyped-def]
        return render_html(job.html, job.allowed, job.slug, job.base_url, job.stylesheets, extra)

    try:
        if late:
            with _late_folios(publish):
                pdf, result = render()
        else:
            pdf, result = render()
            publish(result.pages)
    except BaseException:
        if slots is not None:
            slots.publish(job.slot, FAILED)
        raise
    assert first_page is not None
    job.cache_folder.mkdir(parents=True, exist_ok=True)
    target = job.cache_folder / f"{job.name}.{job.key[:32]}.{first_page}.pdf"
    write_pdf_atomically(pdf, target)
    write_part_meta(target, result.pages, result.anchors, result.warnings)
    trace(f"{job.slug}/{target.name}: {result.pages} p. in {time.perf_counter() - started:.2f} s")
    return PartDone(job.slug, job.name, job.key, target, result.pages, first_page,
                    result.anchors, result.warnings)


def trace(text: str) -> None:
    """With BUNDELPERS_TRACE set: what happens when, on stderr (for docs/performance.md)."""
    if os.environ.get("BUNDELPERS_TRACE"):
        print(f"[{os.getpid()} {time.time() % 1000:.2f}] {text}", file=sys.stderr)


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class PartPool:
    """Processes that render parts, one per core, with the page-count table they share.

    Forked once WeasyPrint is loaded, so the workers do not each load it again.
    """

    def __init__(self, slots: Slots, workers: int | None = None) -> None:
        import_weasyprint()
        self.slots = slots
        workers = workers or cpu_count()
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_init_worker,
            initargs=(self.slots,),
        )

    def submit(self, job: PartJob) -> Future[PartDone]:
        return self._executor.submit(render_part, job)

    def close(self, cancel: bool = False) -> None:
        """Wait for the workers to finish; with `cancel`, stop them now (a build that failed,
        or whose content did not pass the check, has nothing left to wait for)."""
        if cancel:
            # ProcessPoolExecutor only lets running tasks finish (terminate_workers() is 3.14).
            for process in list((getattr(self._executor, "_processes", None) or {}).values()):
                process.terminate()
        self._executor.shutdown(wait=True, cancel_futures=cancel)
