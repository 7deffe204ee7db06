"""Plain SQL over a DB-API connection: how the ledger's read queries run, on SQLite without SQLAlchemy.

Why: a command that only reads (``stats``, ``contested``, ``figures``, an API page) must answer in a
blink, and importing SQLAlchemy alone takes longer than the whole answer. So the read queries are
written once, as parametrised SQL with ``?`` placeholders that SQLite and PostgreSQL both run, and
execute through ``Reader``: on a SQLite file through the ``sqlite3`` module, elsewhere through
the DB-API connection under SQLAlchemy's engine (psycopg's ``%s`` placeholders are swapped in).
Rows come back as the plain dicts every face shows: booleans as bool, times as ISO 8601 text.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import LedgerError

BUSY_TIMEOUT_S = 30  # as dialect.BUSY_TIMEOUT_MS: a reader waits for a checkpoint rather than fail
NO_LIMIT = 2**62  # LIMIT for "all rows" (SQLite needs a LIMIT before an OFFSET)
# Columns whose values need a type SQLite does not have (schema.py: Boolean, DateTime columns).
BOOLEAN_COLUMNS = frozenset({"is_current", "vague", "contested", "edited"})
TIME_COLUMNS = frozenset({"ingested_at", "created_at", "analyzed_at", "updated_at", "applied_at"})
_SQLITE_URL = re.compile(r"sqlite(?:\+\w+)?://(?:/(?P<path>[^?]*))?(?P<query>\?.*)?")


def sqlite_path(target: str | os.PathLike) -> Path | None:
    """The SQLite file a path or sqlite:/// URL names; None for other databases, ``:memory:`` and
    malformed URLs (those are reported when the ledger opens them)."""
    if not (isinstance(target, str) and "://" in target):
        return Path(target).expanduser()
    found = _SQLITE_URL.fullmatch(target)
    if found is None or not found["path"] or found["path"] == ":memory:":
        return None
    return Path(found["path"]).expanduser()


def plain_file(target: str | os.PathLike) -> Path | None:
    """The existing SQLite file ``target`` names when the ``sqlite3`` module can open it as it is: a
    path or a sqlite:/// URL without options (options, other databases: None, SQLAlchemy's part)."""
    if isinstance(target, str) and "?" in target and "://" in target:
        return None
    path = sqlite_path(target)
    return path if path is not None and str(path) != ":memory:" and path.is_file() else None


def contains(column: str, needle: str, *, any_case: bool = True) -> tuple[str, list[str]]:
    """Substring match (case-insensitive unless ``any_case`` is off), with LIKE wildcards in the needle
    taken literally: the condition and its parameter."""
    if any_case:
        column, needle = f"lower({column})", needle.lower()
    escaped = needle.replace("/", "//").replace("%", "/%").replace("_", "/_")
    return f"{column} LIKE ? ESCAPE '/'", [f"%{escaped}%"]


def marks(values: Sequence[Any]) -> str:
    """``?, ?, ?``: one placeholder per value, for ``IN (...)``."""
    return ", ".join("?" * len(values))


class Reader:
    """Read queries on one open DB-API connection (``?`` placeholders, rows as plain dicts)."""

    def __init__(self, connection: Any, *, qmark: bool = True):
        self.connection = connection
        self.qmark = qmark

    def _execute(self, sql: str, params: Sequence[Any]) -> Any:
        if not self.qmark:
            sql = sql.replace("%", "%%").replace("?", "%s")
        cursor = self.connection.cursor()
        cursor.execute(sql, tuple(params))
        return cursor

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict]:
        """Every row, as dicts of column name to value."""
        cursor = self._execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [plain(dict(zip(names, values))) for values in cursor.fetchall()]

    def row(self, sql: str, params: Sequence[Any] = ()) -> dict | None:
        """The first row, or None."""
        found = self.rows(sql, params)
        return found[0] if found else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None."""
        found = self._execute(sql, params).fetchone()
        return None if found is None else found[0]

    def column(self, sql: str, params: Sequence[Any] = ()) -> list:
        """The first column of every row."""
        return [values[0] for values in self._execute(sql, params).fetchall()]


def plain(row: dict) -> dict:
    """A row with booleans as bool and times as ISO 8601 text (naive times are UTC: that is how the
    ledger writes them, and SQLite keeps them as text without their zone)."""
    for name, value in row.items():
        if value is None:
            continue
        if name in BOOLEAN_COLUMNS:
            row[name] = bool(value)
        elif name in TIME_COLUMNS:
            moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=timezone.utc)
            row[name] = moment.isoformat()
    return row


@contextmanager
def sqlite_reader(path: Path) -> Iterator[Reader]:
    """A read transaction on a SQLite file (one snapshot for every query in the block)."""
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise LedgerError(f"cannot read the ledger: {exc}") from exc
    try:
        with reading_errors(sqlite3.Error):
            connection.execute("BEGIN")
            yield Reader(connection)
    finally:
        connection.close()


@contextmanager
def dbapi_reader(connection: Any, error: type[BaseException], *, qmark: bool) -> Iterator[Reader]:
    """A reader on a DB-API connection SQLAlchemy's pool lent (closing it gives it back)."""
    try:
        with reading_errors(error):
            yield Reader(connection, qmark=qmark)
    finally:
        connection.close()


@contextmanager
def reading_errors(error: type[BaseException]) -> Iterator[None]:
    """The driver's errors as LedgerError, in its own words."""
    try:
        yield
    except error as exc:
        raise LedgerError(f"cannot read the ledger: {exc}") from exc
