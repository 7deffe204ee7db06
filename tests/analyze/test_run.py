"""Running the analysis: incremental after ingest, revisions, and user edits that survive re-analysis."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from claimledger.analyze import run
from claimledger.errors import LedgerError
from claimledger.ledger import dialect
from claimledger.ledger.schema import document_analysis, documents
from claimledger import Ledger
from claimledger.records import Attribution, Document, Entity, Figure, Quote, Record, Tally, TallyClaim

from _bundled import corpus_documents

from .conftest import CORPUS_KEYS, figure_in, group_of, members

SAMOA_1 = "wikinews-samoan-government-temporarily-shuts-down-for-nationwide-meas"
SAMOA_2 = "wikinews-samoan-government-ends-state-of-emergency-over-measles-outbr"


def stored_pairs(ledger: Ledger, keys: list[str]) -> list[tuple[Document, Record]]:
    """Documents with the records extraction stored for them (so tests can re-add them without parsing)."""
    pairs = []
    for key in keys:
        d = ledger.document(key)
        document = Document(id=key, text=d["text"], source=d["source"], title=d["title"], url=d["url"],
                            outlet=d["outlet"], published=d["published"])
        pick = lambda cls, row: cls(**{f.name: row[f.name] for f in dataclasses.fields(cls)})  # noqa: E731
        record = Record(
            id=key, source=d["source"], text=d["text"], title=d["title"], url=d["url"], outlet=d["outlet"],
            published=d["published"], quotes=[pick(Quote, q) for q in d["quotes"]],
            attributions=[pick(Attribution, a) for a in d["attributions"]],
            figures=[pick(Figure, f) for f in d["figures"]], entities=[pick(Entity, e) for e in d["entities"]],
            tallies=[dataclasses.replace(pick(Tally, t), claims=[pick(TallyClaim, c) for c in t["claims"]])
                     for t in d.get("tallies", [])],
        )
        pairs.append((document, record))
    return pairs


def multi_groups(ledger: Ledger) -> set[frozenset]:
    return {frozenset((f["document"], f["start"]) for f in g["figures"])
            for g in ledger.contested(include_all=True, limit=None)}


def test_incremental_analysis_matches_a_full_one(corpus, tmp_path):
    keys = ["syrian-fighters-recruitment", *CORPUS_KEYS]
    pairs = stored_pairs(corpus, keys)
    with Ledger(tmp_path / "steps.db") as ledger:
        for start in range(0, len(pairs), 6):
            ledger.add(pairs[start : start + 6])
            report = ledger.analyze()
            assert report.documents == len(pairs[start : start + 6]) and not report.full
        stepwise, stepwise_incidents = multi_groups(ledger), incident_sets(ledger)
        assert ledger.analyze().documents == 0  # nothing new: nothing done
        full = ledger.analyze(full=True)
        assert full.full and full.documents == len(pairs)
        assert multi_groups(ledger) == stepwise == multi_groups(corpus)
        assert incident_sets(ledger) == stepwise_incidents == incident_sets(corpus)
        assert any(len(reports) > 1 for reports, _ in stepwise_incidents)  # incidents across reports, built stepwise


def incident_sets(ledger: Ledger) -> set[tuple]:
    """Each incident as (its reports, its tallies' spans), comparable across ledgers."""
    return {(frozenset(r["document"] for r in i["reports"]),
             frozenset((t["document"], t["category"], t["low"]) for t in i["tallies"]))
            for i in ledger.incidents(limit=1000)}


def merged(ledger: Ledger) -> set[tuple]:
    """Every merged entity: name, type and the number of documents naming it."""
    return {(e["name"], e["type"], e["documents"]) for e in ledger.merged_entities(limit=10_000)}


def test_chunks_give_the_analysis_of_one_run(corpus, tmp_path):
    pairs = stored_pairs(corpus, ["syrian-fighters-recruitment", *CORPUS_KEYS])
    with Ledger(tmp_path / "chunks.db") as ledger:
        ledger.add(pairs)
        done = []
        report = run.analyze(ledger.engine, chunk=5, on_progress=done.append)
        assert done == [5, 10, 15, 18] and report.documents == 18 and report.figures == len(ledger.figures(limit=100_000))
        assert multi_groups(ledger) == multi_groups(corpus)


def test_chunks_are_taken_in_publication_order_whatever_the_ingest_order(corpus, tmp_path):
    pairs = stored_pairs(corpus, CORPUS_KEYS)
    with Ledger(tmp_path / "order.db") as ledger:
        ledger.add(list(reversed(pairs)))  # the latest first, the undated releases before the dated articles
        with dialect.writing(ledger.engine) as connection:
            assert run.Analysis(connection).run_chunk(5, run.AnalysisReport(), {}) == 5
        with ledger.engine.connect() as connection:
            first = set(connection.scalars(select(documents.c.key).join(
                document_analysis, document_analysis.c.document_id == documents.c.id)))
    dated = sorted((document.published, document.id) for document, _ in pairs if document.published)
    assert first == {key for _, key in dated[:5]}  # Magnitogorsk (2019-01-04) ... El Paso (2019-08-08)


def test_an_interrupted_analysis_keeps_whole_chunks_and_the_next_run_finishes_it(corpus, tmp_path, monkeypatch):
    pairs = stored_pairs(corpus, ["syrian-fighters-recruitment", *CORPUS_KEYS])
    with Ledger(tmp_path / "uninterrupted.db") as uninterrupted:
        uninterrupted.add(pairs)
        run.analyze(uninterrupted.engine, chunk=6)
        expected = multi_groups(uninterrupted), merged(uninterrupted), uninterrupted.stats()
    with Ledger(tmp_path / "stopped.db") as ledger:
        ledger.add(pairs)
        real = run.Analysis.run_chunk
        calls = []

        def stopping(self, size, report, written):
            calls.append(size)
            if len(calls) == 3:  # mid-chunk: its documents are read and half analysed, then it fails
                real(self, size, report, written)
                raise OSError("disk full")
            return real(self, size, report, written)

        monkeypatch.setattr(run.Analysis, "run_chunk", stopping)
        with pytest.raises(OSError):
            run.analyze(ledger.engine, chunk=6)
        monkeypatch.setattr(run.Analysis, "run_chunk", real)
        with ledger.engine.connect() as connection:  # two chunks kept, the third rolled back whole
            assert connection.scalar(select(func.count()).select_from(document_analysis)) == 12
        assert ledger.analysis_pending()
        assert all(ledger.group(f["group"]) for f in ledger.figures(limit=100_000) if f["group"] is not None)
        assert run.analyze(ledger.engine, chunk=6).documents == 6  # the rest, once
        assert not ledger.analysis_pending()
        assert (multi_groups(ledger), merged(ledger), ledger.stats()) == expected


def test_ingest_analyses_only_what_is_new(corpus_copy):
    samoa = group_of(corpus_copy, SAMOA_1, "at least 62")
    [typhoon] = corpus_documents(["wikinews-typhoon-phanfone-strikes-philippines"])
    report = corpus_copy.ingest([typhoon])
    assert report.added == 1 and report.analysis.documents == 1
    assert report.analysis.groups <= len(corpus_copy.figures(document=typhoon.id))
    assert group_of(corpus_copy, SAMOA_1, "at least 62") == samoa
    assert corpus_copy.ingest([typhoon]).analysis is None  # unchanged: nothing to analyse


def test_a_revised_document_replaces_its_figures_in_their_groups(corpus_copy):
    [second] = corpus_documents([SAMOA_2])
    revised = dataclasses.replace(second, text=second.text.replace("while 81 had lost", "while 83 had lost"))
    report = corpus_copy.ingest([revised])
    assert report.revised == 1 and report.analysis.removed == 1
    group = group_of(corpus_copy, SAMOA_1, "at least 62")
    assert {(f["document"], f["low"]) for f in group["figures"]} == {(SAMOA_1, 62), (SAMOA_2, 83)}


def test_split_and_merge_survive_reanalysis(corpus_copy):
    russians = figure_in(corpus_copy, "syrian-fighters-recruitment", "just about 500 casualties")
    kept, apart = corpus_copy.split(1, [russians["id"]])
    assert {f["low"] for f in kept["figures"]} == {12000} and kept["edited"]
    assert [f["id"] for f in apart["figures"]] == [russians["id"]]
    corpus_copy.analyze(full=True)
    assert {f["low"] for f in corpus_copy.group(1)["figures"]} == {12000}
    samoa = group_of(corpus_copy, SAMOA_1, "at least 62")
    merged = corpus_copy.merge(1, samoa["id"])
    assert {f["low"] for f in merged["figures"]} == {12000, 62, 81}
    corpus_copy.analyze(full=True)
    assert members(corpus_copy.group(1)) == members(merged)
    assert [f["id"] for f in corpus_copy.group(russians["id"])["figures"]] == [russians["id"]]


def test_bad_edits_are_clear_errors(corpus_copy):
    with pytest.raises(LedgerError, match="no figure group 999999"):
        corpus_copy.merge(1, 999999)
    with pytest.raises(LedgerError, match="not in group 1"):
        corpus_copy.split(1, [figure_in(corpus_copy, SAMOA_1, "at least 62")["id"]])
    with pytest.raises(LedgerError, match="some, but not all"):
        corpus_copy.split(1, [f["id"] for f in corpus_copy.group(1)["figures"]])
