"""Where parsing and extraction run: here (spaCy, optionally multiprocess) or on a Ray cluster.

``ingest(ledger, sources, engine=...)`` is what the CLI calls. Both engines go through
``Ledger.ingest``, so reading, skipping stored texts, batching and the one transaction per batch
are the same code; only the step from documents to records differs:

- ``local``: ``pipeline.extract_documents`` (``processes`` worker processes, all cores by default);
- ``ray``: ``RayExtractor``, which starts ``workers`` Ray actors that each load the spaCy model
  once and run the very code the local worker processes run (``work.run_pieces``): the same
  tasks (``pipeline.plan``) go to the actors in turn with a bounded number in flight (so memory
  stays bounded however long the input), and the records come back in input order, so the
  ledger ends up exactly as the local engine leaves it.

Ray is optional (``pip install 'claimledger[ray]'``). With no address a local Ray instance is
started for the run and stopped after it; ``address`` connects to an existing cluster ("auto" on
a cluster node, ``ray://head:10001`` through Ray Client), whose nodes need claimledger and the
spaCy model installed, as on the driver.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from . import pipeline
from .config import DEFAULT_MODEL
from .errors import ClaimLedgerError, EngineError, InputError
from .nlp import load_nlp
from .pool import WorkerDied
from .records import Document, Record
from .work import Piece, Result, run_pieces

ENGINES = ("local", "ray")
READY_TIMEOUT = 600  # seconds for the actors to start and load the model


def ingest(
    ledger,
    sources,
    *,
    engine: str = "local",
    address: str | None = None,
    workers: int | None = None,
    processes: int | None = None,
    batch_size: int = 32,
    max_bytes: int | None = None,
    field_map: dict[str, str] | None = None,
    stdin=None,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
):
    """``ledger.ingest(sources, ...)`` with parsing and extraction on ``engine`` ("local" or "ray").

    ``processes`` is for the local engine (None: every core); ``address`` and ``workers`` for Ray. Returns the
    ``IngestReport``.
    """
    options: dict[str, Any] = dict(batch_size=batch_size, max_bytes=max_bytes, field_map=field_map, stdin=stdin,
                                   on_error=on_error, on_progress=on_progress)
    if engine == "local":
        if address is not None or workers is not None:
            raise EngineError("--address and --workers are for --engine ray")
        return ledger.ingest(sources, processes=processes, **options)
    if engine == "ray":
        if processes is not None:
            raise EngineError("--processes is for the local engine; with --engine ray use --workers")
        with RayExtractor(address=address, workers=workers) as extractor:
            return ledger.ingest(sources, extractor=extractor, **options)
    raise EngineError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")


class RayExtractor:
    """Extraction on Ray actors; call it like ``pipeline.extract_documents`` (pairs in input order).

    Actors are started on first use (one per worker, 1 CPU each) and reused for later calls with
    the same model; ``close()`` (or leaving the ``with`` block) stops them, and stops Ray too
    when this object started it.
    """

    def __init__(self, *, address: str | None = None, workers: int | None = None,
                 init_options: dict[str, Any] | None = None):
        if workers is not None and workers < 1:
            raise ValueError(f"workers must be positive, got {workers}")
        self.address = address
        self.workers = workers
        self.init_options = dict(init_options or {})
        self._ray = None
        self._started_ray = False
        self._actors: list[Any] = []
        self._model: str | None = None

    # -- lifecycle -------------------------------------------------------------------------------

    def __enter__(self) -> "RayExtractor":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        """Stop the actors (and Ray, if this extractor started it)."""
        ray = self._ray
        if ray is None:
            return
        self._stop_actors()
        if self._started_ray:
            ray.shutdown()
            self._started_ray = False
        self._ray = None

    def _connect(self):
        if self._ray is not None:
            return self._ray
        try:
            import ray
        except ImportError as exc:
            raise EngineError("the Ray engine needs Ray: pip install 'claimledger[ray]'") from exc
        if not ray.is_initialized():
            options: dict[str, Any] = dict(include_dashboard=False, log_to_driver=False, logging_level="ERROR")
            if self.address is not None:
                options["address"] = self.address
            elif not os.environ.get("RAY_ADDRESS"):  # (with it set, ray.init joins that cluster)
                options["num_cpus"] = max(self.workers or 0, os.cpu_count() or 1)
            options.update(self.init_options)
            try:
                ray.init(**options)
            except Exception as exc:  # noqa: BLE001 - ConnectionError, ValueError, RuntimeError ...
                where = f"the Ray cluster at {self.address}" if self.address else "a local Ray instance"
                raise EngineError(f"cannot start or reach {where}: {_one_line(exc)}") from exc
            self._started_ray = True
        self._ray = ray
        return ray

    def _stop_actors(self) -> None:
        for actor in self._actors:
            try:
                self._ray.kill(actor)
            except Exception:  # noqa: BLE001 - already gone
                pass
        self._actors = []
        self._model = None

    def _start_actors(self, model: str) -> list[Any]:
        if self._actors and self._model == model:
            return self._actors
        ray = self._connect()
        self._stop_actors()
        count = self.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        worker = ray.remote(num_cpus=1, max_restarts=0)(ExtractionWorker)
        self._actors = [worker.remote(model) for _ in range(count)]
        self._model = model
        try:
            ray.get([actor.ready.remote() for actor in self._actors], timeout=READY_TIMEOUT)
        except Exception as exc:  # noqa: BLE001 - actor died (model missing) or no room on the cluster
            raise self._failure(exc, f"{count} Ray workers could not start") from exc
        return self._actors

    # -- extraction ------------------------------------------------------------------------------

    def __call__(
        self, documents: Iterable[Document], *, model: str = DEFAULT_MODEL, processes: int | None = None,
        batch_size: int = 32, on_error: Callable[[InputError], None] | None = None,
    ) -> Iterator[tuple[Document, Record]]:
        """(document, record) pairs in input order, as ``pipeline.extract_documents`` gives them;
        ``pipeline.IN_FLIGHT_PER_WORKER`` tasks per actor are in flight."""
        runner = RayRunner(self, model)
        yield from pipeline.run_tasks(pipeline.plan(documents, batch_size), runner, on_error=on_error)

    @staticmethod
    def _failure(exc: Exception, what: str) -> ClaimLedgerError:
        """The library's own error when the worker raised one (a missing model), else an EngineError."""
        cause = getattr(exc, "cause", None)
        if isinstance(cause, ClaimLedgerError):
            return cause
        return EngineError(f"{what}: {_one_line(exc)}")


class RayRunner:
    """``pool.Runner`` on a ``RayExtractor``'s actors: tasks go to the actors in turn."""

    def __init__(self, extractor: RayExtractor, model: str):
        self.extractor = extractor
        self.model = model
        self._start()

    def _start(self) -> None:
        self.actors = self.extractor._start_actors(self.model)
        self.workers = len(self.actors)
        self._turn = itertools.cycle(self.actors)

    def submit(self, pieces: list[Piece]) -> Any:
        return next(self._turn).run.remote(pieces)

    def result(self, handle: Any) -> list[Result]:
        ray = self.extractor._ray
        try:
            return ray.get(handle)
        except ray.exceptions.RayActorError as exc:  # the actor's process died (killed, out of memory)
            raise WorkerDied(_one_line(exc)) from exc
        except Exception as exc:  # noqa: BLE001 - RayTaskError (a missing model), ...
            raise self.extractor._failure(exc, "a Ray worker failed") from exc

    def restart(self) -> None:
        """New actors in place of the old (a dead actor is not restarted by Ray here)."""
        self.extractor._stop_actors()
        self._start()

    def close(self) -> None:
        pass  # the actors are the extractor's, reused by its next call


class ExtractionWorker:
    """The body of a Ray actor: loads the spaCy model once, then runs task after task (``work.run_pieces``)."""

    def __init__(self, model: str):
        self.model = model
        self.error: ClaimLedgerError | None = None
        try:
            load_nlp(model)
        except ClaimLedgerError as error:  # kept for ready(): a task error carries it back whole
            self.error = error

    def ready(self) -> bool:
        if self.error is not None:
            raise self.error
        return True

    def run(self, pieces: list[Piece]) -> list[Result]:
        return run_pieces(self.model, pieces)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:500] if text else type(exc).__name__
