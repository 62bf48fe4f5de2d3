"""Work spread over the processor cores, with failures reported in reading order.

A build hands over a list of jobs (module-level functions with picklable arguments):
typesetting units, assembling books. One job runs in this process; more run in a pool
of forked processes, one per core, kept for the life of the runner (a build, or a warm
`make watch`/`make preview` process). Every job runs to its end; when some fail, the
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


def _init_worker() -> None:
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


class Runner:
    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or cpu_count()
        self._pool: ProcessPoolExecutor | None = None

    def run(self, jobs: Sequence[Job], done: Callable[[int], None] | None = None) -> list[Any]:
        """The jobs' results in the order given; raises the first failure in reading order.
        `done(index)` is called as each job finishes (for progress)."""
        results: list[Any] = [None] * len(jobs)
        failures: list[tuple[tuple, int, BaseException]] = []
        if len(jobs) == 1 or self.workers == 1:
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

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # Forked, so the workers start with everything this process has loaded.
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("fork"),
                initializer=_init_worker)
        return self._pool

    def close(self, cancel: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=not cancel, cancel_futures=cancel)
            self._pool = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind, value, traceback) -> None:  # type: ignore[no-untyped-def]
        self.close(cancel=kind is not None)
