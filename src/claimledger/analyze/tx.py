"""The analysis's view of its open write transaction: short IN lists, plain helpers.

Why a module of its own: every analysis step (``run``, ``resolve``, ``grouping``) reads and writes
through one connection, and IN lists must stay short on every database, so the steps share this;
a query over the whole ledger is streamed a page at a time (``stream``) so memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timezone

from sqlalchemy import Column, Connection, Row, Select

CHUNK = 500
PAGE = 5_000  # rows per page when a query is streamed


def chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    """Consecutive slices of ``items`` of at most ``size``."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of at most ``size`` items of any iterable (a stream, too)."""
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class Tx:
    """An open write transaction and the time the analysis run started."""

    def __init__(self, connection: Connection):
        self.c = connection
        self.now = datetime.now(timezone.utc)

    def scalars(self, stmt) -> list:
        return list(self.c.execute(stmt).scalars())

    def rows_in(self, make, ids: Iterable) -> list:
        """Rows of ``make(chunk)`` for the ids, a chunk at a time (keeps IN lists short)."""
        found = []
        for part in chunks(sorted(set(ids))):
            found.extend(self.c.execute(make(part)).all())
        return found

    def scalars_in(self, make, ids: Iterable) -> list:
        """The first column of ``rows_in``."""
        return [row[0] for row in self.rows_in(make, ids)]

    def stream(self, stmt: Select, key: Column, page: int = PAGE) -> Iterator[Row]:
        """Rows of ``stmt`` in ``key`` order (a unique column), a page at a time, so a query over the
        whole ledger never holds it all. Keyset pages rather than a server-side cursor: the same on
        every database, and the transaction may write between pages."""
        last = None
        while True:
            paged = stmt if last is None else stmt.where(key > last)
            rows = self.c.execute(paged.order_by(key).limit(page)).all()
            if not rows:
                return
            yield from rows
            last = rows[-1]._mapping[key]
