"""Ledger fixtures: fresh ledgers, the example article with hand-built claims, and one
uninterrupted ingest of the test corpus shared by the whole session (parsing is the slow part)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from claimledger import Ledger
from claimledger.ledger import IngestReport
from claimledger.records import Document

from _bundled import example_document

from ._corpus import example_record, ingest_corpus


BACKENDS = ["sqlite", "postgresql"]


def backend_url(request, backend: str, tmp_path: Path) -> str:
    """A fresh ledger location: a SQLite file, or a new database in the throwaway PostgreSQL cluster."""
    if backend == "postgresql":
        return request.getfixturevalue("postgres_url")
    return str(tmp_path / "ledger.db")


@pytest.fixture(params=BACKENDS)
def ledger_url(request, tmp_path) -> str:
    """Where a fresh ledger goes, once per backend (PostgreSQL tests skip if it is not installed)."""
    return backend_url(request, request.param, tmp_path)


@pytest.fixture
def ledger(ledger_url):
    with Ledger(ledger_url) as opened:
        yield opened


@pytest.fixture
def example(ledger):
    """The ledger holding the example article with its hand-built record."""
    document = example_document()
    ledger.add([(document, example_record(document))])
    return ledger


@dataclass
class Reference:
    path: Path
    documents: list[Document]
    report: IngestReport


@pytest.fixture(scope="session")
def reference(tmp_path_factory) -> Reference:
    """The test corpus ingested in one uninterrupted run (read-only for tests)."""
    documents = ingest_corpus()
    path = tmp_path_factory.mktemp("reference") / "reference.db"
    with Ledger(path) as ledger:
        report = ledger.ingest(documents, batch_size=16)
    return Reference(path, documents, report)


def table_counts(target: Path | Ledger) -> dict[str, int]:
    """Rows per table, straight from the database (the FTS tables, not SQLite's shadow tables, included)."""
    if isinstance(target, Ledger):
        if target.url.get_backend_name() != "sqlite":
            return _table_counts_sqlalchemy(target)
        target = Path(target.url.database)
    with sqlite3.connect(target) as db:
        names = [row[0] for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND instr(name, '_fts_') = 0 "
            "AND instr(name, 'sqlite_') != 1 AND name != '_migrations'")]
        return {name: db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _table_counts_sqlalchemy(ledger: Ledger) -> dict[str, int]:
    from sqlalchemy import inspect

    with ledger.engine.connect() as connection:
        names = [name for name in inspect(connection).get_table_names() if name != "_migrations"]
        return {name: connection.exec_driver_sql(f'SELECT count(*) FROM "{name}"').scalar() for name in names}
