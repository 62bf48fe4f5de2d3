"""Work spread over the processor cores, with failures reported in reading order.

A build hands over a list of jobs (module-level functions with picklable arguments):
typesetting units, assembling books. They run in a pool of forked processes, one per
core, kept for the life of the runner (a build, or a warm `make watch`/`make preview`
process) and started early, warming up while the content is checked (render/warmup.py).
A runner that was never warmed runs a single job in this process. Every job runs to its end; when some fail, the
failure of the job that comes first in reading order is raised, whichever finished
first, so an editor sees the same cause every time.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any, Self


@dataclass(frozen=True)
class Job:
    order: tuple  # reading order: where the job's output comes in the books
    function: Callable[..., Any]
    arguments: tuple
    weight: float = 1.0  # a rough cost, so the longest jobs start first


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _exit_with_parent(parent: int) -> None:
    """A worker whose build was killed stops too, instead of waiting for work forever
    (forked workers hold the task pipe open themselves, so they never see it close)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _init_worker(warm_up: Callable[..., None] | None, arguments: tuple) -> None:
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    if warm_up is not None:
        warm_up(*arguments)


def _ready() -> int:
    return os.getpid()


class Runner:
    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or cpu_count()
        self._pool: ProcessPoolExecutor | None = None
        self._workers: set[multiprocessing.process.BaseProcess] = set()  # once warmed

    def run(self, jobs: Sequence[Job], done: Callable[[int], None] | None = None) -> list[Any]:
        """The jobs' results in the order given; raises the first failure in reading order.
        `done(index)` is called as each job finishes (for progress)."""
        results: list[Any] = [None] * len(jobs)
        failures: list[tuple[tuple, int, BaseException]] = []
        if self._pool is None and (len(jobs) == 1 or self.workers == 1):
            for index, job in enumerate(jobs):
                try:
                    results[index] = job.function(*job.arguments)
                except Exception as error:  # noqa: BLE001 - reported below, in reading order
                    failures.append((job.order, index, error))
                if done is not None:
                    done(index)
        elif jobs:
            pool = self._start()
            futures: dict[Future, int] = {}
            for index in sorted(range(len(jobs)), key=lambda i: -jobs[i].weight):
                futures[pool.submit(jobs[index].function, *jobs[index].arguments)] = index
            for future in as_completed(futures):
                index = futures[future]
                try:
                    results[index] = future.result()
                except Exception as error:  # noqa: BLE001 - reported below, in reading order
                    failures.append((jobs[index].order, index, error))
                if done is not None:
                    done(index)
        if failures:
            raise min(failures, key=lambda failure: (failure[0], failure[1]))[2]
        return results

    def warm(self, warm_up: Callable[..., None], arguments: tuple) -> None:
        """Start the workers now, each running `warm_up(*arguments)` before any job."""
        if self._pool is None:
            self._start(warm_up, arguments)
            for _ in range(self.workers):  # a pool forks its processes at the first job
                self._pool.submit(_ready)  # type: ignore[union-attr]
            self._workers = set(multiprocessing.active_children())

    def _start(self, warm_up: Callable[..., None] | None = None,
               arguments: tuple = ()) -> ProcessPoolExecutor:
        if self._pool is None:
            # Forked, so the workers start with everything this process has loaded.
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("fork"),
                initializer=_init_worker, initargs=(warm_up, arguments))
        return self._pool

    def close(self, cancel: bool = False) -> None:
        if self._pool is not None:
            if cancel:
                # Stopped early (a content error, Ctrl-C): workers may still be loading
                # WeasyPrint, and this process would wait for them on its way out.
                for worker in self._workers:
                    worker.terminate()
            # Always waited for (quick once the workers are gone): without waiting, the
            # pool's exit handler can write to a pipe it already closed and print a
            # traceback as Python stops.
            self._pool.shutdown(wait=True, cancel_futures=cancel)
            self._pool = None
            self._workers = set()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind, value, traceback) -> None:  # type: ignore[no-untyped-def]
        self.close(cancel=kind is not None)
