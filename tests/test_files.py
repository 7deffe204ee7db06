"""Ledger files on disk: the same one-line refusals for every face (claimledger.files)."""

from __future__ import annotations

import sqlite3

import pytest

from claimledger.errors import UsageError
from claimledger.files import fresh_sqlite_file, open_ledger, sqlite_file


def test_sqlite_file_of_paths_and_urls(tmp_path):
    assert sqlite_file(str(tmp_path / "a.db")) == tmp_path / "a.db"
    assert sqlite_file(f"sqlite:///{tmp_path}/b.db") == tmp_path / "b.db"
    assert sqlite_file("postgresql://me@host/news") is None
    assert sqlite_file("sqlite:///:memory:") is None


def test_open_ledger_refuses_a_missing_file_when_it_must_exist(tmp_path):
    missing = tmp_path / "missing.db"
    with pytest.raises(UsageError, match="no ledger at"):
        open_ledger(str(missing), must_exist=True)
    assert not missing.exists()  # nothing was created by the refusal
    with pytest.raises(UsageError, match="is a directory"):
        open_ledger(str(tmp_path))
    with pytest.raises(UsageError, match="--db is empty"):
        open_ledger("  ")
    with open_ledger(str(missing)) as ledger:  # without must_exist: a new, empty ledger
        assert ledger.stats()["documents"] == 0


def test_fresh_sqlite_file_deletes_a_ledger_and_its_journals(tmp_path):
    db = tmp_path / "demo.db"
    with sqlite3.connect(db) as old:
        old.execute("CREATE TABLE leftover (x)")
    (tmp_path / "demo.db-wal").write_bytes(b"")
    assert fresh_sqlite_file(str(db)) == db
    assert not db.exists() and not (tmp_path / "demo.db-wal").exists()


def test_fresh_sqlite_file_never_deletes_what_is_not_a_ledger(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("precious", encoding="utf-8")
    with pytest.raises(UsageError, match="not an SQLite database"):
        fresh_sqlite_file(str(notes))
    assert notes.read_text(encoding="utf-8") == "precious"
    with pytest.raises(UsageError, match="takes a file path"):
        fresh_sqlite_file("postgresql://me@host/news")
    with pytest.raises(UsageError, match="does not exist"):
        fresh_sqlite_file(str(tmp_path / "no" / "such" / "dir.db"))
