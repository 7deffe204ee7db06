"""Page-shaped answers every face shows (claimledger.pages): input hygiene, paging, merged claims."""

from __future__ import annotations


import pytest

from claimledger import Ledger
from claimledger.errors import Invalid, NotFound
from claimledger.pages import blank_to_none, claims_page, clean, document_detail, page, search_page, tallies_page

from _bundled import EXAMPLE  # noqa: E402


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    with Ledger(tmp_path_factory.mktemp("pages") / "ledger.db") as opened:
        opened.ingest([EXAMPLE])
        yield opened


def test_clean_input():
    assert clean("a\x00b") == "ab"
    assert clean("x\udc80y") == "x?y"
    assert blank_to_none("   ") is None and blank_to_none(" Kirby ") == " Kirby "


def test_a_page_says_whether_another_follows():
    assert page([{"i": 1}, {"i": 2}, {"i": 3}], 2, 4) == {
        "items": [{"i": 1}, {"i": 2}], "limit": 2, "offset": 4, "next_offset": 6, "total": None}
    assert page([{"i": 1}], 2, 0, total=1)["next_offset"] is None


def test_claims_of_every_kind_in_text_order_a_page_at_a_time(ledger):
    everything = claims_page(ledger, limit=200)["items"]
    assert {c["type"] for c in everything} == {"quote", "attribution", "figure"}
    keys = [(c["document_id"], c["start"]) for c in everything]
    assert keys == sorted(keys)
    second = claims_page(ledger, limit=5, offset=5)
    assert [c["id"] for c in second["items"]] == [c["id"] for c in everything[5:10]]
    assert second["next_offset"] == 10
    with pytest.raises(Invalid):
        claims_page(ledger, kind="rumour")


def test_document_detail_marks_each_claim_and_404s_the_unknown(ledger):
    doc = document_detail(ledger, "syrian-fighters-recruitment")
    assert all(c["type"] == "figure" and "group" in c for c in doc["figures"])
    with pytest.raises(NotFound):
        document_detail(ledger, "no-such-document")


def test_search_pages_with_a_total(ledger):
    first = search_page(ledger, "Kirby", limit=1)
    assert first["total"] >= 2 and first["next_offset"] == 1
    second = search_page(ledger, "Kirby", limit=1, offset=1)
    assert second["items"] and second["items"][0] != first["items"][0]
    with pytest.raises(Invalid, match="offset"):
        search_page(ledger, "Kirby", offset=10_000)


def test_tallies_page_lists_or_totals_and_refuses_an_unknown_key(ledger):
    listed = tallies_page(ledger, category="casualties", limit=1)
    assert set(listed) == {"items", "limit", "offset", "next_offset", "total"}
    assert [(t["low"], t["high"], t["document"]) for t in listed["items"]] == [(500, 12000, EXAMPLE.stem)]
    totals = tallies_page(ledger, by="claimant", limit=50)["items"]
    assert {"Ukrainian news sources", "The Russians", "the Pentagon"} <= {row["key"] for row in totals}
    with pytest.raises(Invalid, match="totalled by place, date, group, claimant"):
        tallies_page(ledger, by="outlet")
