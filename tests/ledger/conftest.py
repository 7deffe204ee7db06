"""Ledger fixtures: fresh ledgers, the example article with hand-built claims, and one
uninterrupted ingest of the test corpus shared by the whole session (parsing is the slow part)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from claimledger.ledger import IngestReport, Ledger
from claimledger.records import Document

from ._corpus import example_document, example_record, ingest_corpus


@pytest.fixture
def ledger(tmp_path):
    with Ledger(tmp_path / "ledger.db") as opened:
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


def table_counts(path: Path) -> dict[str, int]:
    """Rows per table, straight from SQLite (the FTS tables, not their shadow tables, included)."""
    with sqlite3.connect(path) as db:
        names = [row[0] for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND instr(name, '_fts_') = 0 "
            "AND instr(name, 'sqlite_') != 1 AND name != '_migrations'")]
        return {name: db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}
