"""The Ledger facade: ingest, then analyse what is new; the analysis's reads; one entity by id."""

from __future__ import annotations


import pytest

from claimledger import Ledger
from claimledger.errors import Rejected

from _bundled import EXAMPLE  # noqa: E402


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    with Ledger(tmp_path_factory.mktemp("facade") / "ledger.db") as opened:
        report = opened.ingest([EXAMPLE])
        assert report.added == 1 and report.analysis is not None and report.analysis.documents == 1
        yield opened


def test_ingest_analyses_only_what_is_new(ledger):
    again = ledger.ingest([EXAMPLE])
    assert (again.added, again.unchanged, again.analysis) == (0, 1, None)  # nothing new: no analysis
    assert not ledger.analysis_pending()


def test_ingest_without_analysis_leaves_it_pending(tmp_path):
    with Ledger(tmp_path / "later.db") as fresh:
        report = fresh.ingest([EXAMPLE], analyze=False)
        assert report.added == 1 and report.analysis is None and fresh.analysis_pending()
        assert all(f["group"] is None for f in fresh.figures())
        assert fresh.ingest([], analyze=True).analysis.documents == 1  # the next ingest finishes the job
        assert all(f["group"] is not None for f in fresh.figures())


def test_figures_carry_their_group_and_the_group_its_timeline(ledger):
    figures = ledger.figures(document="syrian-fighters-recruitment")
    contested = [g for g in ledger.contested() if any(f["document"] == "syrian-fighters-recruitment"
                                                      for f in g["figures"])]
    assert contested
    group = ledger.group(contested[0]["id"])
    members = {f["id"] for f in group["figures"]}
    assert {f["id"] for f in figures if f["group"] == group["id"]} == members
    assert [e["figure"] for e in group["timeline"]] and {e["figure"] for e in group["timeline"]} == members
    assert ledger.timeline(group["id"]) == group["timeline"]
    assert ledger.group(987654321) is None and ledger.timeline(987654321) is None


def test_entity_by_id_with_what_it_said_and_claims(ledger):
    [kirby] = ledger.merged_entities(name="Kirby")
    entity = ledger.entity(kirby["id"])
    assert entity["name"] == kirby["name"] and entity["quotes"]
    assert all("Kirby" in q["speaker"] for q in entity["quotes"])  # resolved to him by the analysis
    assert {"quotes", "attributions", "figures"} <= set(entity)
    [pentagon] = [e for e in ledger.merged_entities(name="Defense") if e["name"] == "US Department of Defense"]
    claims = ledger.entity(pentagon["id"])["figures"]
    assert claims and all(f["group"] is not None for f in claims)
    assert ledger.entity(987654321) is None


def test_edits_that_cannot_apply_are_rejected_as_the_callers_mistake(ledger):
    with pytest.raises(Rejected, match="at least two"):
        ledger.merge(1)
    with pytest.raises(Rejected, match="no figure group"):
        ledger.merge(987654321, 987654322)
    with pytest.raises(Rejected, match="A-F|one of"):
        ledger.grade("the Pentagon", "Q")
