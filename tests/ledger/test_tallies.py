"""Tallies in the ledger: stored with their document, read back as lists and totals, on both backends."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claimledger import Ledger
from claimledger.errors import LedgerError, Rejected
from claimledger.records import Document, Tally, TallyClaim

from _bundled import EXAMPLE, example_document

from ._corpus import example_record, span


def example_tallies(text: str) -> list[Tally]:
    """The example article's two tallies for the Russian forces, at real offsets (as issue 11 states them)."""
    return [
        Tally("casualties", "security forces", 500, 12000, side="Russian", place="Ukraine", claims=[
            TallyClaim("Ukrainian news sources", 12000, 12000, spans=[list(span(text, "almost 12,000 casualties"))]),
            TallyClaim("The Russians", 500, 500, spans=[list(span(text, "about 500 casualties"))]),
        ]),
        Tally("deaths", "security forces", 4000, 4000, side="Russian", place="Ukraine", claims=[
            TallyClaim("the Pentagon", 4000, 4000, spans=[list(span(text, "4,000 Russian troops"))]),
        ]),
    ]


def tallied(document: Document):
    record = example_record(document)
    record.tallies = example_tallies(document.text)
    return record


@pytest.fixture
def stored(ledger) -> Ledger:
    document = example_document()
    ledger.add([(document, tallied(document))])
    return ledger


def test_a_documents_record_includes_its_tallies(stored):  # SQLite and PostgreSQL
    found = stored.document(EXAMPLE.stem)["tallies"]
    casualties, deaths = found
    assert (casualties["category"], casualties["group"], casualties["side"], casualties["low"], casualties["high"],
            casualties["place"]) == ("casualties", "security forces", "Russian", 500, 12000, "Ukraine")
    assert [(c["claimant"], c["low"], c["stance"]) for c in casualties["claims"]] == [
        ("Ukrainian news sources", 12000, "asserts"), ("The Russians", 500, "asserts")]
    text = stored.document(EXAMPLE.stem)["text"]
    assert [text[a:b] for a, b in casualties["claims"][0]["spans"]] == ["almost 12,000 casualties"]
    assert [c["claimant"] for c in deaths["claims"]] == ["the Pentagon"] and deaths["low"] == 4000


def test_tallies_list_with_their_document_and_filters(stored):
    rows = stored.tallies()
    assert [(r["category"], r["document"], r["title"]) for r in rows] == [
        ("casualties", EXAMPLE.stem, "Russia recruiting Syrian fighters"),
        ("deaths", EXAMPLE.stem, "Russia recruiting Syrian fighters")]
    assert [r["low"] for r in stored.tallies(category="deaths")] == [4000]
    assert stored.tallies(group="civilians") == []
    assert [r["category"] for r in stored.tallies(limit=1, offset=1)] == ["deaths"]
    assert stored.stats()["tallies"] == 2


def test_totals_per_place_group_and_claimant(stored):
    (place,) = stored.tallies(by="place")
    assert (place["key"], place["low"], place["high"], place["tallies"], place["documents"],
            place["document_keys"]) == ("Ukraine", 4500, 16000, 2, 1, [EXAMPLE.stem])
    (undated,) = stored.tallies(by="date")
    assert undated["key"] is None and undated["document_keys"] == [EXAMPLE.stem]
    claimants = {row["key"]: (row["low"], row["high"]) for row in stored.tallies(by="claimant")}
    assert claimants == {"Ukrainian news sources": (12000, 12000), "The Russians": (500, 500),
                         "the Pentagon": (4000, 4000)}
    assert [r["key"] for r in stored.tallies(by="group", category="deaths")] == ["security forces"]
    with pytest.raises(Rejected, match="place, date, group, claimant"):
        stored.tallies(by="outlet")


def test_a_revision_replaces_the_tallies_of_the_current_text(stored):
    document = example_document()
    revised = replace(document, text=document.text + "\nThis article was updated to correct a quote.")
    record = tallied(revised)
    record.tallies = record.tallies[:1]  # the revised text no longer counts the deaths
    assert stored.add([(revised, record)]).revised == 1
    assert [(r["category"], r["high"]) for r in stored.tallies()] == [("casualties", 12000)]
    history = stored.document(EXAMPLE.stem)["revisions"]
    assert len(stored.document(history[0]["id"])["tallies"]) == 2  # the old revision keeps its own


def test_a_tally_span_outside_the_text_stores_nothing(ledger):
    document = example_document()
    record = tallied(document)
    record.tallies[1].claims[0].spans = [[len(document.text) - 2, len(document.text) + 5]]
    with pytest.raises(LedgerError, match="deaths tally counts span"):
        ledger.add([(document, record)])
    assert ledger.stats()["documents"] == 0 and ledger.tallies() == []


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Ledger:
    """The example article through the real extractors (spaCy), as ``claimledger ingest`` stores it."""
    with Ledger(tmp_path_factory.mktemp("tallies") / "ledger.db") as ledger:
        ledger.ingest([str(EXAMPLE)], analyze=False)
        yield ledger


def test_ingest_stores_the_tallies_extraction_finds(extracted):
    rows = {r["category"]: r for r in extracted.tallies(category="casualties") + extracted.tallies(category="deaths")
            if r["side"] == "Russian"}
    casualties, deaths = rows["casualties"], rows["deaths"]
    assert (casualties["low"], casualties["high"]) == (500, 12000)
    assert {c["claimant"]: c["low"] for c in casualties["claims"]} == {"Ukrainian news sources": 12000,
                                                                        "The Russians": 500}
    assert [(c["claimant"], c["low"]) for c in deaths["claims"]] == [("the Pentagon", 4000)]
    text = extracted.document(EXAMPLE.stem)["text"]
    assert [text[a:b] for c in deaths["claims"] for a, b in c["spans"]] == ["4,000 Russian troops"]
