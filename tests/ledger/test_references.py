"""Stored back-references ("the eight"): the document read shows each with the figure it points back
to and that figure's group, so a reader of the ledger sees the same quantity named twice."""

from __future__ import annotations

import pytest

from claimledger import Ledger
from claimledger.errors import LedgerError
from claimledger.records import Document, Record, Reference

from _bundled import corpus_documents

TORONTO = "wikinews-toronto-serial-killer-bruce-mcarthur-pleads-guilty-to-eight-"


def test_a_stored_reference_carries_its_figures_group(tmp_path):
    with Ledger(tmp_path / "ledger.db") as ledger:
        ledger.ingest(corpus_documents([TORONTO]))
        doc = ledger.document(TORONTO)
    reference = next(r for r in doc["references"] if r["text"] == "the eight")
    figure = next(f for f in doc["figures"] if f["id"] == reference["figure"]["id"])
    assert figure["text"] == reference["figure"]["text"] == "eight murders"
    assert reference["group"] is not None and reference["group"] == figure["group"]
    assert doc["text"][reference["start"]:reference["end"]] == "the eight"


def test_a_record_whose_reference_points_outside_its_text_is_refused(tmp_path):
    text = "Police arrested twelve people. The twelve were released."
    record = Record(id="r", source="test", text=text, references=[
        Reference(start=31, end=41, text="The twelve", low=12, high=12, figure={"start": 500, "end": 520, "text": "x"})])
    with Ledger(tmp_path / "ledger.db") as ledger:
        with pytest.raises(LedgerError, match="outside its text"):
            ledger.add([(Document(id="r", text=text), record)])
        assert ledger.document("r") is None


def test_the_group_of_a_figure_lists_the_phrases_that_name_it_again(tmp_path):
    with Ledger(tmp_path / "ledger.db") as ledger:
        ledger.ingest(corpus_documents([TORONTO]))
        reference = next(r for r in ledger.document(TORONTO)["references"] if r["text"] == "the eight")
        group = ledger.group(reference["group"])
    assert [(r["text"], r["document"]) for r in group["references"]] == [("the eight", TORONTO)]
    assert reference["figure"]["id"] in [f["id"] for f in group["figures"]]

