"""Timeline: a group's figures in the order they were published, with how each claimant's number moved."""

from __future__ import annotations

from claimledger.analyze.timeline import build

from .conftest import figure_in

SAMOA_1 = "wikinews-samoan-government-temporarily-shuts-down-for-nationwide-meas"


def test_a_revised_toll_in_time_order(corpus):
    first = figure_in(corpus, SAMOA_1, "at least 62")
    entries = corpus.timeline(first["id"])
    assert [(e["time"], e["low"], e["change"]) for e in entries] == [("2019-12-07", 62, None), ("2020-01-01", 81, 19)]
    assert {e["time_source"] for e in entries} == {"published"}
    assert corpus.timeline(10**9) is None


def test_a_raised_toll_is_marked_as_the_revision_of_the_earlier_report(corpus):
    first = figure_in(corpus, SAMOA_1, "at least 62")
    entries = corpus.timeline(first["id"])
    assert [(e["revision"], e["revises"]) for e in entries] == [(False, None), (True, first["id"])]


def test_a_revision_needs_another_report_of_the_same_claimant_or_outlet():
    row = {"start": 0, "text": "n", "published": "2024-01-01", "measure": "deaths"}
    rows = [{**row, "id": 1, "document_id": 1, "document": "a", "low": 7, "source": "Police", "outlet": "A"},
            {**row, "id": 2, "document_id": 1, "document": "a", "low": 9, "source": "Police", "outlet": "A"},
            {**row, "id": 3, "document_id": 2, "document": "b", "low": 12, "source": "Mayor", "outlet": "B",
             "published": "2024-01-02"},
            {**row, "id": 4, "document_id": 3, "document": "c", "low": 11, "source": "Police", "outlet": "C",
             "published": "2024-01-03"}]
    assert [e.revises for e in build(rows)] == [None, None, None, 2]  # one report's two values revise nothing


def test_undated_documents_fall_back_to_ingest_time():
    rows = [
        {"id": 2, "document_id": 2, "start": 0, "document": "b", "text": "9", "low": 9, "published": None,
         "ingested_at": "2024-01-02T00:00:00+00:00", "claimant": "x"},
        {"id": 1, "document_id": 1, "start": 5, "document": "a", "text": "7", "low": 7, "published": "2024-01-01",
         "ingested_at": "2024-03-01T00:00:00+00:00", "claimant": "x"},
    ]
    entries = build(rows)
    assert [(e.figure, e.time_source, e.change) for e in entries] == [(1, "published", None), (2, "ingested", 2)]


def test_a_document_without_published_date_uses_its_own_dated_year_else_ingest_time():
    rows = [
        {"id": 1, "document_id": 1, "start": 0, "document": "a", "text": "7", "low": 7, "published": None,
         "dated": "2019-01-12", "ingested_at": "2024-03-01T00:00:00+00:00", "claimant": "x"},
        {"id": 2, "document_id": 2, "start": 0, "document": "b", "text": "9", "low": 9, "published": None,
         "dated": "--01-13", "ingested_at": "2024-03-02T00:00:00+00:00", "claimant": "x"},
    ]
    entries = build(rows)
    assert [(e.figure, e.time, e.time_source) for e in entries] == [
        (1, "2019-01-12", "dateline"), (2, "2024-03-02T00:00:00+00:00", "ingested")]
