"""Where tasks run on this machine: in this process, or in a pool of worker processes.

A runner takes a task (a list of ``work.Piece``) with ``submit`` and hands back its results with
``result``; ``pipeline.run_documents`` keeps a few tasks in flight per worker and reads results in
submission order. ``engines.RayRunner`` is the same interface on Ray actors.

The process pool uses the ``forkserver`` start method where there is one (Linux, macOS): workers
are forked from a small server that has none of the caller's state (threads, open databases), and the caller's ``__main__`` is not re-imported. Each worker
loads the model once, at start.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from collections.abc import Callable
from typing import Any, Protocol

from . import work
from .work import Piece, Result

# Nothing is imported into the fork server: each worker imports spaCy itself (a second or two, in
# parallel), and the server stays a small process rather than a third copy of spaCy in memory.
PRELOAD: list[str] = []


class Runner(Protocol):
    """Runs tasks somewhere; ``workers`` is how many run at once."""

    workers: int

    def submit(self, pieces: list[Piece]) -> Any: ...

    def result(self, handle: Any) -> list[Result]: ...

    def restart(self) -> None: ...

    def close(self) -> None: ...


class WorkerDied(RuntimeError):
    """A worker stopped without answering (killed, out of memory, crashed): its tasks have no results."""


def available_cores() -> int:
    """The CPUs this process may run on (its affinity mask, which containers and taskset narrow)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


def resolve_processes(processes: int | None) -> int:
    """``processes`` checked, None meaning every available core."""
    if processes is None:
        return available_cores()
    if isinstance(processes, bool) or not isinstance(processes, int) or processes < 1:
        raise ValueError(f"processes must be a positive integer, got {processes!r}")
    return processes


class InProcess:
    """Runs each task here, when its result is asked for (one worker: this process)."""

    workers = 1

    def __init__(self, model: str):
        self.model = model

    def submit(self, pieces: list[Piece]) -> list[Piece]:
        return pieces

    def result(self, handle: list[Piece]) -> list[Result]:
        return work.run_pieces(self.model, handle)

    def restart(self) -> None:
        pass

    def close(self) -> None:
        pass


class ProcessPool:
    """``workers`` processes, each with the model loaded once; tasks go to whichever is free."""

    def __init__(self, model: str, workers: int, *, start: Callable[[str], None] = work.start_worker,
                 task: Callable[[str, list[Piece]], list[Result]] = work.run_task):
        self.model = model
        self.workers = workers
        self._start_worker, self._task = start, task  # (module-level functions: they are pickled by name)
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if context.get_start_method() == "forkserver":
            context.set_forkserver_preload(PRELOAD)
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=work.init_worker,
                                   initargs=(self._start_worker, self.model, os.getpid()))

    def submit(self, pieces: list[Piece]) -> Future:
        try:
            return self._executor.submit(self._task, self.model, pieces)
        except BrokenProcessPool as exc:
            raise WorkerDied(str(exc)) from exc

    def result(self, handle: Future) -> list[Result]:
        try:
            return handle.result()
        except BrokenProcessPool as exc:
            raise WorkerDied(str(exc)) from exc

    def restart(self) -> None:
        """A fresh set of workers after one died (the executor cannot be used after that)."""
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._start()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
