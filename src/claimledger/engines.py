"""Where parsing and extraction run: here (spaCy, optionally multiprocess) or on a Ray cluster.

``ingest(ledger, sources, engine=...)`` is what the CLI calls. Both engines go through
``Ledger.ingest``, so reading, skipping stored texts, batching and the one transaction per batch
are the same code; only the step from documents to records differs:

- ``local``: ``pipeline.extract_documents`` (spaCy's ``nlp.pipe``, ``processes`` worker processes);
- ``ray``: ``RayExtractor``, which starts ``workers`` Ray actors that each load the spaCy model
  once, sends them batches of documents round-robin with a bounded number in flight (so memory
  stays bounded however long the input), and hands the records back in input order, so the
  ledger ends up exactly as the local engine leaves it.

Ray is optional (``pip install 'claimledger[ray]'``). With no address a local Ray instance is
started for the run and stopped after it; ``address`` connects to an existing cluster ("auto" on
a cluster node, ``ray://head:10001`` through Ray Client), whose nodes need claimledger and the
spaCy model installed, as on the driver.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .config import DEFAULT_MODEL
from .errors import ClaimLedgerError, EngineError, InputError
from .records import Document, Record

ENGINES = ("local", "ray")
READY_TIMEOUT = 600  # seconds for the actors to start and load the model
IN_FLIGHT_PER_WORKER = 2  # batches queued per actor: keeps every worker busy, bounds memory


def ingest(
    ledger,
    sources,
    *,
    engine: str = "local",
    address: str | None = None,
    workers: int | None = None,
    processes: int = 1,
    batch_size: int = 32,
    max_bytes: int | None = None,
    field_map: dict[str, str] | None = None,
    stdin=None,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
):
    """``ledger.ingest(sources, ...)`` with parsing and extraction on ``engine`` ("local" or "ray").

    ``processes`` is for the local engine; ``address`` and ``workers`` for Ray. Returns the
    ``IngestReport``.
    """
    options: dict[str, Any] = dict(batch_size=batch_size, max_bytes=max_bytes, field_map=field_map, stdin=stdin,
                                   on_error=on_error, on_progress=on_progress)
    if engine == "local":
        if address is not None or workers is not None:
            raise EngineError("--address and --workers are for --engine ray")
        return ledger.ingest(sources, processes=processes, **options)
    if engine == "ray":
        if processes != 1:
            raise EngineError("--processes is for the local engine; with --engine ray use --workers")
        with RayExtractor(address=address, workers=workers) as extractor:
            return ledger.ingest(sources, extractor=extractor, **options)
    raise EngineError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")


def batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of ``size`` items (the last may be shorter), read lazily."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


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
        for actor in self._actors:
            try:
                ray.kill(actor)
            except Exception:  # noqa: BLE001 - already gone
                pass
        self._actors = []
        self._model = None
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

    def _start_actors(self, model: str) -> list[Any]:
        if self._actors and self._model == model:
            return self._actors
        ray = self._connect()
        for actor in self._actors:
            ray.kill(actor)
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
        self, documents: Iterable[Document], *, model: str = DEFAULT_MODEL, processes: int = 1, batch_size: int = 32
    ) -> Iterator[tuple[Document, Record]]:
        """(document, record) pairs in input order; at most ``2 x workers`` batches are in flight."""
        actors = self._start_actors(model)
        ray = self._ray
        turn = itertools.cycle(actors)
        in_flight: deque[tuple[list[Document], Any]] = deque()
        limit = IN_FLIGHT_PER_WORKER * len(actors)
        for batch in batches(documents, batch_size):
            if len(in_flight) >= limit:
                yield from self._collect(ray, *in_flight.popleft())
            in_flight.append((batch, next(turn).extract.remote(batch)))
        while in_flight:
            yield from self._collect(ray, *in_flight.popleft())

    def _collect(self, ray, batch: list[Document], ref) -> Iterator[tuple[Document, Record]]:
        try:
            records = ray.get(ref)
        except Exception as exc:  # noqa: BLE001 - RayTaskError, RayActorError, ...
            raise self._failure(exc, "a Ray worker failed") from exc
        for document, record in zip(batch, records, strict=True):
            record.text = document.text  # the worker does not send the text back
            yield document, record

    @staticmethod
    def _failure(exc: Exception, what: str) -> ClaimLedgerError:
        """The library's own error when the worker raised one (a missing model), else an EngineError."""
        cause = getattr(exc, "cause", None)
        if isinstance(cause, ClaimLedgerError):
            return cause
        return EngineError(f"{what}: {_one_line(exc)}")


class ExtractionWorker:
    """The body of a Ray actor: loads the spaCy model once, then extracts batch after batch."""

    def __init__(self, model: str):
        from .nlp import load_nlp

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

    def extract(self, documents: list[Document]) -> list[Record]:
        from .pipeline import extract_documents

        records = []
        for _document, record in extract_documents(documents, model=self.model, batch_size=max(1, len(documents))):
            record.text = ""  # the driver has it
            records.append(record)
        return records


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:500] if text else type(exc).__name__
