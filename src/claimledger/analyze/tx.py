"""The analysis's view of its open write transaction: short IN lists, plain helpers.

Why a module of its own: every analysis step (``run``, ``resolve``, ``grouping``) reads and writes
through one connection, and IN lists must stay short on every database, so the steps share this.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timezone

from sqlalchemy import Connection

CHUNK = 500


def chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    """Consecutive slices of ``items`` of at most ``size``."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


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
