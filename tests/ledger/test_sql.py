"""Plain SQL on DB-API connections (claimledger.ledger.sql): paths, LIKE escaping, rows as plain dicts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimledger.errors import LedgerError
from claimledger.ledger import sql
from claimledger.ledger.schema import metadata
from sqlalchemy import Boolean, DateTime


def test_which_targets_are_sqlite_files(tmp_path):
    assert sql.sqlite_path(str(tmp_path / "a.db")) == tmp_path / "a.db"
    assert sql.sqlite_path(f"sqlite:///{tmp_path}/b.db") == tmp_path / "b.db"
    assert sql.sqlite_path("sqlite:///rel/c.db") == Path("rel/c.db")
    assert sql.sqlite_path("sqlite:///:memory:") is None and sql.sqlite_path("sqlite://") is None
    assert sql.sqlite_path("postgresql://me@host/news") is None
    (tmp_path / "a.db").touch()
    assert sql.plain_file(tmp_path / "a.db") == tmp_path / "a.db"
    assert sql.plain_file(f"sqlite:///{tmp_path}/a.db?timeout=5") is None  # options: SQLAlchemy's part
    assert sql.plain_file(tmp_path / "missing.db") is None and sql.plain_file(str(tmp_path)) is None


def test_contains_takes_wildcards_literally():
    with sqlite3.connect(":memory:") as db:
        db.execute("CREATE TABLE t (name TEXT)")
        db.executemany("INSERT INTO t VALUES (?)", [("100% sure",), ("1000 sure",), ("a_b",), ("axb",), ("A/B",)])
        reader = sql.Reader(db)
        for needle, expected in (("0%", ["100% sure"]), ("a_", ["a_b"]), ("a/b", ["A/B"])):
            condition, params = sql.contains("name", needle)
            assert reader.column(f"SELECT name FROM t WHERE {condition}", params) == expected, needle


def test_the_converted_columns_are_the_schemas_booleans_and_times():
    columns = [c for table in metadata.tables.values() for c in table.columns]
    assert sql.BOOLEAN_COLUMNS == {c.name for c in columns if isinstance(c.type, Boolean)}
    assert sql.TIME_COLUMNS - {"applied_at"} == {c.name for c in columns if isinstance(c.type, DateTime)}


def test_rows_are_plain_dicts_with_bools_and_utc_times():
    row = sql.plain({"is_current": 1, "vague": 0, "ingested_at": "2026-01-02 03:04:05.000006", "n": 1})
    assert row == {"is_current": True, "vague": False, "ingested_at": "2026-01-02T03:04:05.000006+00:00", "n": 1}


def test_placeholders_for_drivers_that_want_percent_s():
    class Cursor:
        description = [("x",)]

        def execute(self, sql_text, params):
            self.seen = (sql_text, params)

        def fetchall(self):
            return [(1,)]

    class Connection:
        cursor_made = Cursor()

        def cursor(self):
            return self.cursor_made

    connection = Connection()
    sql.Reader(connection, qmark=False).rows("SELECT x FROM t WHERE a = ? AND b LIKE '%'", [1])
    assert connection.cursor_made.seen == ("SELECT x FROM t WHERE a = %s AND b LIKE '%%'", (1,))


def test_database_errors_are_ledger_errors(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    with pytest.raises(LedgerError, match="no such table"):
        with sql.sqlite_reader(path) as reader:
            reader.rows("SELECT * FROM documents")
