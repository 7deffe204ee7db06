"""The incident step: later reports join the incidents built before; a large one is kept whole."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from claimledger import Ledger
from claimledger.analyze import incident_step
from claimledger.ledger.schema import incident_items

from .conftest import CORPUS_KEYS
from .test_run import incident_sets, stored_pairs


def memberships(ledger: Ledger) -> dict[int, int]:
    """Item id -> incident id."""
    with ledger.engine.connect() as connection:
        return dict(connection.execute(select(incident_items.c.id, incident_items.c.incident_id)).all())


def test_incidents_kept_whole_and_joined_by_later_reports_are_those_of_one_pass(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(incident_step, "WHOLE_ITEMS", 0)  # every incident built before is read as its profiles
    pairs = stored_pairs(corpus, ["syrian-fighters-recruitment", *CORPUS_KEYS])
    reports, _ = next(found for found in sorted(incident_sets(corpus), key=str) if len(found[0]) > 1)
    late = set(sorted(reports)[1:])  # the incident's later reports come in a batch of their own
    with Ledger(tmp_path / "whole.db") as ledger:
        ledger.add([pair for pair in pairs if pair[0].id not in late])
        ledger.analyze()
        first = memberships(ledger)
        ledger.add([pair for pair in pairs if pair[0].id in late])
        report = ledger.analyze()
        after = memberships(ledger)
        assert report.documents == len(late)
        for item, incident in first.items():  # kept whole: items together before are together after
            assert all(after[other] == after[item] for other, was in first.items() if was == incident)
        assert incident_sets(ledger) == incident_sets(corpus)


def revised(pair: tuple, line: str) -> tuple:
    """The same document and record with a line added at the end of the text (a revision)."""
    document, record = pair
    return dataclasses.replace(document, text=document.text + line), dataclasses.replace(record, text=record.text + line)


def test_a_revised_report_leaves_the_incidents_of_a_ledger_that_only_saw_the_revision(corpus, tmp_path):
    pairs = stored_pairs(corpus, ["syrian-fighters-recruitment", *CORPUS_KEYS])
    with Ledger(tmp_path / "stale.db") as ledger:
        ledger.add(pairs)
        ledger.analyze()
        reports, _ = next(found for found in sorted(incident_sets(ledger), key=str) if len(found[0]) > 1)
        key = sorted(reports)[0]
        at = next(i for i, pair in enumerate(pairs) if pair[0].id == key)
        ledger.add([revised(pairs[at], "\n\nThis article was updated.")])
        ledger.analyze()  # the old text's items leave their incidents, which are rebuilt; the new text's join
        with Ledger(tmp_path / "fresh.db") as fresh:
            fresh.add([*pairs[:at], revised(pairs[at], "\n\nThis article was updated."), *pairs[at + 1:]])
            fresh.analyze()
            assert incident_sets(ledger) == incident_sets(fresh)
