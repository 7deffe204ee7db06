"""Resolving names to canonical entities inside an analysis run: the entities' document counts."""

from __future__ import annotations

from sqlalchemy import select

from claimledger import Ledger
from claimledger.analyze import run
from claimledger.analyze.resolve import EntityStep
from claimledger.ledger import dialect
from claimledger.ledger.schema import canonical_entities

from .conftest import CORPUS_KEYS
from .test_run import stored_pairs


def counts(ledger: Ledger) -> dict[int, int]:
    with ledger.engine.connect() as connection:
        return dict(connection.execute(select(canonical_entities.c.id, canonical_entities.c.documents)).all())


def test_document_counts_added_chunk_by_chunk_are_those_of_a_recount(corpus, tmp_path):
    with Ledger(tmp_path / "counts.db") as ledger:
        ledger.add(stored_pairs(corpus, ["syrian-fighters-recruitment", *CORPUS_KEYS]))
        run.analyze(ledger.engine, chunk=4)  # each chunk adds its documents to the counts
        added = counts(ledger)
        with dialect.writing(ledger.engine) as connection:
            EntityStep(connection, set(added)).refresh_counts()  # every entity counted again from its documents
        assert counts(ledger) == added
        assert max(added.values()) >= 5 and sum(1 for n in added.values() if n) > len(added) / 2
