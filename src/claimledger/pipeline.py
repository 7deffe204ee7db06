"""From documents to records, on every core: the parent plans and assembles, workers parse and extract.

``extract_documents`` cuts the stream of documents into tasks (a few documents, or the chunks of a
long one, at most ``TASK_CHARS`` characters: what one ``nlp.pipe`` batch holds, so a worker's
memory is bounded whatever the input), keeps ``IN_FLIGHT_PER_WORKER`` tasks per worker in flight
and reads the results in submission order, so records come out in input order while the workers
stay busy. Workers (``claimledger.work``) send back each piece's finished claims; here they are
only merged (the chunks of a long document) and made into ``Record`` objects.

A document that fails (its text breaks the model or an extractor, or a worker dies on it) becomes
one ``InputError`` naming it, passed to ``on_error``; the others go on.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields, replace
from typing import Any

from .errors import InputError
from .nlp import CHUNK_CHARS, DEFAULT_MODEL, text_chunks
from .pool import InProcess, ProcessPool, Runner, WorkerDied, resolve_processes
from .extract.dates import parse_iso
from .records import Document, Record, Tally
from .work import Piece, Result

TASK_CHARS = 10_000  # characters per task: ~2 news articles; small, so the last tasks of a run spread evenly
IN_FLIGHT_PER_WORKER = 3  # tasks queued per worker: it never waits for the parent, memory stays bounded
POOL_MIN_TASKS = 8  # less work than this (~8 s on one core) is done here: starting workers costs ~5 s
WORKER_DIED = "a worker process died while parsing it (out of memory, or a crash in the model)"

Slot = tuple[Document, Piece, bool]  # the whole document, the piece sent, whether it is its last piece
Task = list[Slot]


def extract_documents(
    documents: Iterable[Document],
    *,
    model: str = DEFAULT_MODEL,
    processes: int | None = None,
    batch_size: int = 16,
    on_error: Callable[[InputError], None] | None = None,
) -> Iterator[tuple[Document, Record]]:
    """Stream (document, record) pairs in input order, parsing on ``processes`` cores (None: all).

    ``batch_size`` caps the documents per task. A failing document is passed to ``on_error`` as an
    ``InputError`` and left out; without ``on_error`` that error is raised. Input smaller than
    ``POOL_MIN_TASKS`` tasks is parsed here: starting workers would cost more than it saves.
    """
    count = resolve_processes(processes)
    tasks = plan(documents, batch_size)
    head = list(itertools.islice(tasks, POOL_MIN_TASKS))
    if not head:
        return
    big_enough = len(head) >= POOL_MIN_TASKS
    runner: Runner = ProcessPool(model, count) if count > 1 and big_enough else InProcess(model)
    try:
        yield from run_tasks(itertools.chain(head, tasks), runner, on_error=on_error)
    finally:
        runner.close()


def extract(text: str, *, id: str = "text", model: str = DEFAULT_MODEL) -> Record:
    """Extract quotes, attributions, figures and entities from one string."""
    document = Document(id=id, text=text, source="<string>")
    return next(extract_documents([document], model=model, processes=1))[1]


def plan(
    documents: Iterable[Document], batch_size: int, *, task_chars: int = TASK_CHARS, chunk_chars: int = CHUNK_CHARS
) -> Iterator[Task]:
    """Tasks of at most ``batch_size`` pieces and ``task_chars`` characters (a longer piece goes
    alone); a document longer than ``chunk_chars`` is sent as several pieces (``nlp.text_chunks``)."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be positive, got {batch_size}")
    task: Task = []
    chars = 0
    for document in documents:
        chunks = text_chunks(document.text, chunk_chars)
        piece = next(chunks)
        while piece is not None:
            following = next(chunks, None)
            offset, text = piece
            if task and (len(task) >= batch_size or chars + len(text) > task_chars):
                yield task
                task, chars = [], 0
            sent = document if following is None and offset == 0 else replace(document, text=text)
            task.append((document, Piece(sent, offset), following is None))
            chars += len(text)
            piece = following
    if task:
        yield task


def run_tasks(
    tasks: Iterable[Task], runner: Runner, *, on_error: Callable[[InputError], None] | None = None
) -> Iterator[tuple[Document, Record]]:
    """Submit tasks to ``runner`` with a bounded number in flight; yield records in input order.

    When a worker dies, every task then in flight is redone one piece at a time on fresh workers,
    so the one piece that kills a worker fails alone.
    """
    assembler = Assembler(on_error)
    in_flight: deque[tuple[Task, Any]] = deque()
    limit = IN_FLIGHT_PER_WORKER * max(1, runner.workers)
    for task in tasks:
        if len(in_flight) >= limit:
            yield from _collect(in_flight, runner, assembler)
        in_flight.append((task, _submit(runner, task)))
    while in_flight:
        yield from _collect(in_flight, runner, assembler)


def _submit(runner: Runner, task: Task) -> Any:
    try:
        return runner.submit([piece for _, piece, _ in task])
    except WorkerDied:
        return None  # found dead when its result is read


def _collect(in_flight: deque, runner: Runner, assembler: "Assembler") -> Iterator[tuple[Document, Record]]:
    """Results of the oldest task in flight (or, after a worker died, of all of them, one piece at a time)."""
    task, handle = in_flight.popleft()
    try:
        if handle is None:
            raise WorkerDied("the worker pool was broken")
        results = runner.result(handle)
    except WorkerDied:
        suspects = [task, *(t for t, _ in in_flight)]
        in_flight.clear()
        runner.restart()
        for slot in itertools.chain.from_iterable(suspects):
            yield from assembler.add(slot, _alone(runner, slot[1]))
        return
    for slot, result in zip(task, results, strict=True):
        yield from assembler.add(slot, result)


def _alone(runner: Runner, piece: Piece) -> Result:
    """One piece on its own: its result, or why it failed if its worker died (then workers restart)."""
    try:
        return runner.result(runner.submit([piece]))[0]
    except WorkerDied:
        runner.restart()
        return WORKER_DIED


class Assembler:
    """Collects the pieces of each document and turns the last one into a record (or a failure)."""

    def __init__(self, on_error: Callable[[InputError], None] | None):
        self.on_error = on_error
        self.parts: list[Result] = []

    def add(self, slot: Slot, result: Result) -> Iterator[tuple[Document, Record]]:
        document, _piece, last = slot
        self.parts.append(result)
        if not last:
            return
        parts, self.parts = self.parts, []
        failure = next((part for part in parts if isinstance(part, str)), None)
        if failure is None:
            try:
                record = Record.from_dict({**metadata(document), **merge(parts), "text": document.text})
                publish_tallies(record.tallies, document.outlet, document.published)
                yield document, record
                return
            except (KeyError, TypeError, ValueError) as exc:  # a record dict this version cannot read
                failure = f"{type(exc).__name__}: {exc}"
        self.fail(document, failure)

    def fail(self, document: Document, reason: str) -> None:
        error = InputError(document.source or "<input>", f"document {document.id!r} not extracted: {reason}")
        if self.on_error is None:
            raise error
        self.on_error(error)


RECORD_FIELDS = frozenset(field.name for field in fields(Record))


def metadata(document: Document) -> dict[str, Any]:
    """The document's fields a record carries too (id, source, title, url, ...)."""
    return {field.name: getattr(document, field.name) for field in fields(Document) if field.name in RECORD_FIELDS}


def merge(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """One record dict from the dicts of a document's pieces (offsets already on the whole text).

    Lists (claims of every kind) are concatenated in text order; an entity named in several pieces
    becomes one, with the aliases and titles of all.
    """
    merged = dict(parts[0])
    for part in parts[1:]:
        for key, value in part.items():
            if isinstance(value, list):
                merged[key] = [*merged.get(key, []), *value]
    if len(parts) > 1 and "entities" in merged:
        merged["entities"] = merge_entities(merged["entities"])
    return merged


def merge_entities(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entities with the same name and label as one, keeping first-seen order of everything."""
    by_key: dict[tuple[str, str], dict[str, Any]] = {}
    for entity in entities:
        key = (entity["name"], entity["label"])
        found = by_key.setdefault(key, {**entity, "aliases": [], "titles": []})
        for field in ("aliases", "titles"):
            found[field].extend(item for item in entity.get(field, []) if item not in found[field])
    return list(by_key.values())


def publish_tallies(tallies: list[Tally], outlet: str | None, published: str | None) -> None:
    """Credit the publisher for accounts nobody else is named for; date undated incidents.

    The parse knows only the text; the reader knows who published it and when.
    """
    for tally in tallies:
        for claim in tally.claims:
            if claim.claimant is None:
                claim.claimant = outlet
        if tally.date is None and published:
            found = parse_iso(published)
            tally.date = found.isoformat() if found else None
