"""Ledger: storing records, revisions, transactions, queries and ingest bookkeeping."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading

import pytest

from claimledger import pipeline
from claimledger.errors import ClaimLedgerError, InputError, LedgerError
from claimledger import Ledger
from claimledger.ledger import IngestReport, content_hash, dialect
from claimledger.records import Document, Figure, Quote, Record
from sqlalchemy.exc import OperationalError

from _bundled import CORPUS, DFAT, EXAMPLE, example_document, example_text

from ._corpus import example_record, span
from .conftest import table_counts


def paragraphs(count: int) -> list[Document]:
    """Small real documents: the example article's paragraphs, one document each."""
    parts = [p for p in example_text().split("\n\n") if len(p) > 120]
    assert len(parts) >= count
    return [Document(id=f"paragraph-{i}", text=text, source="test") for i, text in enumerate(parts[:count])]


# -- add(): claim rows at their offsets ------------------------------------------------------------------


def test_figure_is_stored_at_its_offsets_with_its_document(example):
    text = example_text()
    (figure,) = example.figures(claimant="ukrainian")
    assert (figure["start"], figure["end"]) == span(text, "almost 12,000 casualties")
    assert text[figure["start"]:figure["end"]] == figure["text"] == "almost 12,000 casualties"
    assert figure["low"] == figure["high"] == 12000
    assert figure["qualifier"] == "almost" and figure["category"] == "casualties" and figure["vague"] is False
    assert figure["document"] == EXAMPLE.stem
    assert figure["title"] == "Russia recruiting Syrian fighters"


def test_every_claim_row_points_into_its_document_text(example):
    text = example.document(EXAMPLE.stem)["text"]
    rows = example.quotes() + example.attributions() + example.figures()
    assert len(rows) == 7
    for row in rows:
        assert text[row["start"]:row["end"]] == row["text"]


def test_quote_filters(example):
    assert {q["speaker"] for q in example.quotes(speaker="KIRBY")} == {"John Kirby"}
    assert len(example.quotes(speaker="kirb")) == 2
    assert [q["speaker"] for q in example.quotes(kind="direct", speaker="kadyrov")] == ["Ramzan Kadyrov"]
    assert [q["kind"] for q in example.quotes(kind="indirect")] == ["indirect"]
    assert example.quotes(speaker="%") == []  # LIKE wildcards are literal
    assert example.quotes(speaker="nobody") == []
    by_key = example.quotes(document=EXAMPLE.stem)
    assert len(by_key) == 3 and by_key == example.quotes(document=by_key[0]["document_id"])
    assert [q["start"] for q in by_key] == sorted(q["start"] for q in by_key)
    assert example.quotes(document="no-such-document") == []
    assert example.quotes(limit=2) + example.quotes(limit=2, offset=2) == by_key


def test_attribution_and_figure_filters(example):
    (attribution,) = example.attributions(source="intelligence")
    assert attribution["source"] == "US intelligence reports" and attribution["cue"] == "according to"
    assert attribution["document"] == EXAMPLE.stem
    assert example.attributions(source="pentagon") == []
    assert [f["text"] for f in example.figures(category="casualties")] == [
        "almost 12,000 casualties", "about 500 casualties"]
    (disputed,) = example.figures(claimant="the russians")
    assert disputed["stance"] == "disputes" and disputed["period"] == "last week"
    assert [f["low"] for f in example.figures(category="deaths", claimant="PENTAGON")] == [4000]


def test_document_detail(example):
    detail = example.document(EXAMPLE.stem)
    assert detail["text"] == example_text()
    assert detail["content_hash"] == content_hash(example_text())
    assert detail["outlet"] == "Example News" and detail["revision"] == 1 and detail["is_current"] is True
    assert len(detail["quotes"]) == 3 and len(detail["attributions"]) == 1 and len(detail["figures"]) == 3
    kirby = next(e for e in detail["entities"] if e["name"] == "John Kirby")
    assert kirby["aliases"] == ["Kirby"] and kirby["titles"] == ["Pentagon spokesperson"]
    assert [r["revision"] for r in detail["revisions"]] == [1]
    assert example.document(detail["id"])["key"] == EXAMPLE.stem
    assert example.document(str(detail["id"]))["key"] == EXAMPLE.stem
    assert example.document("no-such-document") is None and example.document(999) is None
    (listed,) = example.documents()
    assert "text" not in listed
    assert (listed["quotes"], listed["attributions"], listed["figures"]) == (3, 1, 3)
    assert listed["chars"] == len(example_text())


def test_entities_merge_across_documents(example):
    other = Document(id="kirby-briefing", text="Pentagon press secretary John Kirby said on Monday that talks continued.",
                     source="test", outlet="Example News")
    record = Record(id=other.id, source="test", text=other.text, entities=[
        dataclasses.replace(example_record(example_document()).entities[0], aliases=["Kirby", "J. Kirby"],
                            titles=["Pentagon press secretary"])])
    assert example.add([(other, record)]).added == 1
    kirby, *rest = example.entities()
    assert (kirby["name"], kirby["documents"]) == ("John Kirby", 2)
    assert kirby["aliases"] == ["Kirby", "J. Kirby"]
    assert kirby["titles"] == ["Pentagon spokesperson", "Pentagon press secretary"]
    assert {e["name"] for e in rest} == {"Ramzan Kadyrov", "Pentagon"}
    assert [e["name"] for e in example.entities(name="j. kirby")] == ["John Kirby"]  # by alias
    assert {e["name"] for e in example.entities(label="PERSON")} == {"John Kirby", "Ramzan Kadyrov"}
    assert example.stats()["outlets"] == 1


def test_stats(example):
    stats = example.stats()
    assert stats == {
        "documents": 1, "revisions": 1, "outlets": 1, "quotes": 3, "direct_quotes": 2, "indirect_quotes": 1,
        "attributions": 1, "figures": 3, "references": 0, "tallies": 0, "entities": 3,
        "top_speakers": [{"speaker": "John Kirby", "quotes": 2}, {"speaker": "Ramzan Kadyrov", "quotes": 1}],
    }


def test_a_bare_pronoun_is_no_top_speaker(example):
    """An unresolved "They" holds quotes in the ledger but is nobody to rank among the most quoted."""
    text = "They told reporters the convoy had been turned back at the border."
    record = Record(id="pronoun-speaker", source="test", text=text,
                    quotes=[Quote("indirect", 18, len(text) - 1, text[18:-1], "They")])
    example.add([(Document(id="pronoun-speaker", text=text, source="test"), record)])
    assert example.quotes(document="pronoun-speaker")[0]["speaker"] == "They"
    assert [row["speaker"] for row in example.stats()["top_speakers"]] == ["John Kirby", "Ramzan Kadyrov"]


def test_same_text_is_stored_once(ledger):
    document = example_document()
    copy = example_document(id="syndicated-copy", url="https://other.example/copy")
    report = ledger.add([(document, example_record(document)), (copy, example_record(copy))])
    assert (report.added, report.unchanged) == (1, 1)
    assert ledger.add([(document, example_record(document))]).unchanged == 1
    assert table_counts(ledger)["documents"] == 1
    assert ledger.stats()["quotes"] == 3


# -- revisions -----------------------------------------------------------------------------------------


UPDATE = "\n\nUpdate: officials later put the toll at more than 13,000 casualties."


def revise(document: Document) -> Document:
    return dataclasses.replace(document, text=document.text + UPDATE)


def test_new_text_under_the_same_url_is_a_revision(example):
    first = example.document(EXAMPLE.stem)
    edited = revise(example_document())
    record = example_record(edited)
    record.figures.append(Figure(*span(edited.text, "more than 13,000 casualties"), "more than 13,000 casualties",
                                 13000, None, "more than", "casualties", "casualties", claimant="officials"))
    report = example.add([(edited, record)])
    assert (report.added, report.revised, report.unchanged) == (0, 1, 0)

    current = example.document(EXAMPLE.stem)
    assert current["revision"] == 2 and current["text"] == edited.text
    assert [(r["revision"], r["is_current"]) for r in current["revisions"]] == [(1, False), (2, True)]
    old = example.document(first["id"])  # the old row is kept, with its claims
    assert old["text"] == example_text() and old["is_current"] is False and len(old["figures"]) == 3

    stats = example.stats()  # the current revision counts, once
    assert (stats["documents"], stats["revisions"], stats["quotes"], stats["figures"]) == (1, 2, 3, 4)
    assert stats["top_speakers"][0] == {"speaker": "John Kirby", "quotes": 2}  # not 4: the old revision's left out
    assert [d["revision"] for d in example.documents()] == [2]
    assert {f["low"] for f in example.figures(category="casualties")} == {12000, 500, 13000}
    assert {q["document_id"] for q in example.quotes()} == {current["id"]}
    assert len(example.figures(document=first["id"])) == 3
    assert example.entities()[0]["documents"] == 1
    assert {h["document_id"] for h in example.search("Kirby")} == {current["id"]}
    assert [h["kind"] for h in example.search("13,000")] == ["document"]

    again = example.add([(edited, record)])  # same text again: nothing new
    assert (again.unchanged, again.revised) == (1, 0)


def test_revision_by_key_when_there_is_no_url(ledger):
    first = example_document(url=None)
    assert ledger.add([(first, example_record(first))]).added == 1
    second = revise(first)
    assert ledger.add([(second, Record(id=second.id, source="", text=second.text))]).revised == 1
    assert ledger.document(EXAMPLE.stem)["identity"] == EXAMPLE.stem
    assert [d["revision"] for d in ledger.documents()] == [2]


# -- transactions --------------------------------------------------------------------------------------


def test_a_bad_record_rolls_back_the_whole_batch(ledger):
    good = example_document()
    other = Document(id="second", text="Officials said 40 people were detained.", source="test")
    bad = Record(id="second", source="test", text=other.text,
                 figures=[Figure(15, 17, "40", 40, 40, category=None)])  # NOT NULL column
    with pytest.raises(LedgerError, match="nothing of it was kept"):
        ledger.add([(good, example_record(good)), (other, bad)])
    assert set(table_counts(ledger).values()) == {0}
    assert ledger.stats()["documents"] == 0 and ledger.search("Kirby") == []


def test_claim_offsets_outside_the_text_are_refused(ledger):
    document = Document(id="short", text="He said so.", source="test")
    record = Record(id="short", source="test", text=document.text,
                    quotes=[Quote("indirect", 3, 99, "said so, and more", "He")])
    with pytest.raises(LedgerError, match="outside its text"):
        ledger.add([(example_document(), example_record(example_document())), (document, record)])
    assert set(table_counts(ledger).values()) == {0}


def test_a_failure_mid_ingest_keeps_committed_batches_only(ledger, monkeypatch):
    """The database failing on the second batch ends the run with the first batch stored, whole.
    (A document the extractors fail on is not such a failure: it is reported and the run goes on,
    see tests/test_pipeline.py.)"""
    documents = paragraphs(6)
    real = Ledger.add
    calls = []

    def failing(self, pairs):
        calls.append(1)
        if len(calls) == 2:
            raise LedgerError("could not store the batch: disk full")
        return real(self, pairs)

    monkeypatch.setattr(Ledger, "add", failing)
    progress = []
    with pytest.raises(LedgerError, match="disk full"):
        ledger.ingest(documents, batch_size=2, processes=1, on_progress=progress.append)
    assert progress == [1, 2]
    assert [d["key"] for d in ledger.documents()] == ["paragraph-0", "paragraph-1"]
    stored = {row["document_id"] for row in ledger.quotes() + ledger.attributions() + ledger.figures()}
    assert stored <= {d["id"] for d in ledger.documents()}

    monkeypatch.setattr(Ledger, "add", real)
    report = ledger.ingest(documents, batch_size=2)
    assert (report.added, report.unchanged) == (4, 2)
    assert [d["key"] for d in ledger.documents()] == [d.id for d in documents]


def test_two_writers_on_one_file(ledger_url):
    path = ledger_url  # a SQLite file, or a PostgreSQL database
    documents = paragraphs(6)
    records = [Record(id=d.id, source="test", text=d.text) for d in documents]
    errors = []

    def write(order):
        try:
            with Ledger(path) as ledger:
                for i in order:
                    ledger.add([(documents[i], records[i])])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(order,)) for order in (range(6), reversed(range(6)))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Ledger(path) as ledger:
        assert ledger.stats()["documents"] == 6


def test_a_new_file_locked_by_another_writer_is_waited_for(tmp_path):
    path = tmp_path / "new.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")  # another process creating the file holds it
    release = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    release.start()
    with Ledger(path) as ledger:
        assert ledger.stats()["documents"] == 0
    release.join()
    holder.close()


def test_only_sqlites_locked_error_is_retried(tmp_path):
    locked = OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked"))
    corrupt = OperationalError("SELECT 1", {}, sqlite3.DatabaseError("file is not a database"))
    assert dialect.is_locked(locked)
    assert not dialect.is_locked(corrupt)


# -- ingest ----------------------------------------------------------------------------------------------


def test_reference_run_stored_every_document(reference):
    n = len(reference.documents)
    assert (reference.report.added, reference.report.unchanged, reference.report.failed) == (n, 0, [])
    with Ledger(reference.path) as ledger:
        stats = ledger.stats()
        assert stats["documents"] == stats["revisions"] == n
        listed = ledger.documents(limit=n + 10)
        assert [d["key"] for d in listed] == [d.id for d in reference.documents]
        assert ledger.documents(limit=10, offset=5) == listed[5:15]
        first = ledger.document(reference.documents[0].id)
        assert (first["outlet"], first["url"]) == (reference.documents[0].outlet, reference.documents[0].url)


def test_second_ingest_is_idempotent_and_parses_nothing(reference, monkeypatch):
    def no_parsing(*args, **kwargs):
        raise AssertionError("an unchanged document was sent to the parser")

    monkeypatch.setattr(pipeline, "extract_documents", no_parsing)
    before = table_counts(reference.path)
    progress = []
    with Ledger(reference.path) as ledger:
        report = ledger.ingest(reference.documents, batch_size=16, on_progress=progress.append)
    n = len(reference.documents)
    assert (report.added, report.revised, report.unchanged, report.failed) == (0, 0, n, [])
    assert progress == list(range(1, n + 1))
    assert table_counts(reference.path) == before


def test_identical_texts_in_one_run_are_parsed_once(ledger):
    one, two = paragraphs(2)
    progress = []
    report = ledger.ingest([one, dataclasses.replace(one, id="copy"), two, one], on_progress=progress.append)
    assert (report.added, report.unchanged) == (2, 2)
    assert sorted(progress) == [1, 2, 3, 4]
    assert [d["key"] for d in ledger.documents()] == ["paragraph-0", "paragraph-1"]


def test_ingest_paths_through_the_readers(ledger):
    ingest = pytest.importorskip("claimledger.ingest")
    if not hasattr(ingest, "read_paths"):
        pytest.skip("claimledger.ingest.read_paths is not there yet")
    dfat = DFAT
    missing = CORPUS / "no-such-file.txt"
    errors = []
    report = ledger.ingest([EXAMPLE, str(dfat), missing], on_error=errors.append)
    assert (report.added, report.unchanged) == (5, 0)
    assert len(report.failed) == 1 and errors == report.failed and isinstance(errors[0], InputError)
    assert str(missing) in str(errors[0])
    assert ledger.document(EXAMPLE.stem)["text"] == example_text()
    assert ledger.ingest(EXAMPLE).unchanged == 1  # a single path is fine too
    again = ledger.ingest([EXAMPLE, dfat, example_document(id="given-directly")])
    assert (again.added, again.unchanged, again.failed) == (0, 6, [])


def test_report():
    report = IngestReport(added=2, revised=1)
    assert report.stored == 3 and report.failed == []


# -- opening -------------------------------------------------------------------------------------------


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text(example_text(), encoding="utf-8")
    with pytest.raises(LedgerError, match="notes.db: file is not a database") as raised:
        Ledger(path)
    assert isinstance(raised.value, ClaimLedgerError)
    assert path.read_text(encoding="utf-8") == example_text()  # untouched


@pytest.mark.parametrize("target", ["directory", "missing/parent/ledger.db", "nosuchdb://host/db"])
def test_unopenable_targets(tmp_path, target):
    (tmp_path / "directory").mkdir()
    with pytest.raises(LedgerError, match="cannot open ledger"):
        Ledger(target if "://" in target else tmp_path / target)


def test_paths_and_urls(tmp_path):
    for target in (tmp_path / "a.db", str(tmp_path / "b.db"), f"sqlite:///{tmp_path / 'c.db'}"):
        with Ledger(target) as ledger:
            assert ledger.stats()["documents"] == 0
    assert sorted(p.name for p in tmp_path.glob("*.db")) == ["a.db", "b.db", "c.db"]
    with sqlite3.connect(tmp_path / "a.db") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    ledger = Ledger(tmp_path / "a.db")
    ledger.close()
    with pytest.raises(LedgerError):
        ledger.stats()


def test_a_postgresql_url_without_the_driver_says_which_extra_to_install(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "psycopg", None)  # what an install without the extra looks like
    with pytest.raises(LedgerError, match=r"pip install 'claimledger\[postgres\]'"):
        Ledger("postgresql://nobody@127.0.0.1:1/none")
