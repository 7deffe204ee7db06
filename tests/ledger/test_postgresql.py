"""PostgreSQL holds the same ledger as SQLite: same rows, same answers, its own full-text search."""

from __future__ import annotations

import pytest

from claimledger.errors import LedgerError
from claimledger import Ledger
from claimledger.ledger.dialect import to_url
from claimledger.records import Attribution, Document, Entity, Figure, Quote, Record, Reference, Tally, TallyClaim

from .conftest import table_counts

QUOTE = ("kind", "start", "end", "text", "speaker", "speaker_title", "cue")
ATTRIBUTION = ("start", "end", "text", "source", "cue")
FIGURE = ("start", "end", "text", "low", "high", "qualifier", "unit", "category", "subject", "period", "claimant",
          "stance", "vague")
IDS = ("id", "document_id", "group", "outlets", "first_seen", "first_document")  # analysis fields: the copy is not analysed


def copy_pairs(ledger: Ledger) -> list[tuple[Document, Record]]:
    """Every current document of a ledger with its stored claims, as (Document, Record) pairs."""
    pairs = []
    for listed in ledger.documents(limit=100_000):
        found = ledger.document(listed["id"])
        document = Document(id=found["key"], text=found["text"], source=found["source"], title=found["title"],
                            url=found["url"], outlet=found["outlet"], published=found["published"],
                            author=found["author"])
        record = Record(
            id=document.id, source=document.source, text=document.text, title=document.title, url=document.url,
            outlet=document.outlet, published=document.published,
            quotes=[Quote(**{k: q[k] for k in QUOTE}) for q in found["quotes"]],
            attributions=[Attribution(**{k: a[k] for k in ATTRIBUTION}) for a in found["attributions"]],
            figures=[Figure(**{k: f[k] for k in FIGURE}) for f in found["figures"]],
            entities=[Entity(e["name"], e["label"], e["aliases"], e["titles"]) for e in found["entities"]],
            tallies=[Tally(t["category"], t["group"], t["low"], t["high"], t["side"], t["place"], t["date"],
                           [TallyClaim(**c) for c in t["claims"]]) for t in found["tallies"]],
            references=[Reference(r["start"], r["end"], r["text"], r["low"], r["high"],
                                  {k: r["figure"][k] for k in ("start", "end", "text")}) for r in found["references"]],
        )
        pairs.append((document, record))
    return pairs


def without_ids(rows: list[dict]) -> list[dict]:
    """Rows less their row ids; alias and title lists as sets (the copy adds them in another order)."""
    return [{k: sorted(v) if k in ("aliases", "titles") else v for k, v in row.items() if k not in IDS} for row in rows]


def test_the_corpus_ledger_answers_the_same_on_postgresql(reference, postgres_url):
    with Ledger(reference.path) as lite, Ledger(postgres_url) as pg:
        pairs = copy_pairs(lite)
        for start in range(0, len(pairs), 16):
            pg.add(pairs[start:start + 16])
        assert pg.stats() == lite.stats()
        referring = [d["key"] for d in lite.documents(limit=100_000) if lite.document(d["id"])["references"]]
        assert referring  # the corpus has phrases such as "the eight": each points to the same figure on both
        assert [[(r["text"], r["figure"]["text"]) for r in pg.document(key)["references"]] for key in referring] == [
            [(r["text"], r["figure"]["text"]) for r in lite.document(key)["references"]] for key in referring]
        everything = {"limit": 100_000}
        assert without_ids(pg.quotes(**everything)) == without_ids(lite.quotes(**everything))
        assert without_ids(pg.attributions(**everything)) == without_ids(lite.attributions(**everything))
        assert without_ids(pg.figures(**everything)) == without_ids(lite.figures(**everything))
        assert without_ids(pg.tallies(**everything)) == without_ids(lite.tallies(**everything))
        assert without_ids(pg.figures(category="deaths", claimant="police")) == without_ids(
            lite.figures(category="deaths", claimant="police"))
        assert without_ids(pg.entities(name="trump", limit=5)) == without_ids(lite.entities(name="trump", limit=5))
        assert [d["key"] for d in pg.documents(limit=1000)] == [d["key"] for d in lite.documents(limit=1000)]

        hits = pg.search("Daesh", limit=50)
        lite_hits = lite.search("Daesh", limit=50)
        assert 5 <= len(hits) <= 50
        texts = {d.id: (d.title or "") + " " + d.text for d in reference.documents}
        assert all("daesh" in texts[h["document"]].lower() for h in hits if h["kind"] == "document")
        assert {h["document"] for h in hits if h["kind"] == "document"} == {
            h["document"] for h in lite_hits if h["kind"] == "document"}  # same documents, ranked its own way
        assert hits == sorted(hits, key=lambda hit: -hit["score"])
        assert any("**Daesh**" in h["snippet"] for h in hits)


def test_a_text_too_big_for_one_tsvector_is_stored_and_found(postgres_url):
    words = " ".join(f"w{i}x" for i in range(200_000))  # ~1.5 MB of distinct words: over tsvector's 1 MB
    text = "Zanzibar officials said the ferry sank. " + words
    document = Document(id="huge", text=text, source="test", title="A very long record")
    with Ledger(postgres_url) as ledger:
        assert ledger.add([(document, Record(id="huge", source="test", text=text))]).added == 1
        (hit,) = ledger.search("Zanzibar ferry")
        assert hit["document"] == "huge" and "**Zanzibar**" in hit["snippet"]
        assert ledger.document("huge")["text"] == text


def test_nul_characters_are_a_clear_error_not_a_crash(postgres_url):
    document = Document(id="nul", text="He said \x00 nothing.", source="test")
    with Ledger(postgres_url) as ledger:
        with pytest.raises(LedgerError, match="nothing of it was kept"):
            ledger.add([(document, Record(id="nul", source="test", text=document.text))])
        assert set(table_counts(ledger).values()) == {0}


def test_postgres_urls_use_psycopg():
    assert to_url("postgresql://me@db/news").drivername == "postgresql+psycopg"
    assert to_url("postgres://me@db/news").drivername == "postgresql+psycopg"
    assert to_url("postgresql+psycopg://me@db/news").drivername == "postgresql+psycopg"


def test_an_unreachable_server_is_a_clear_error(postgres_cluster):
    port = postgres_cluster.port
    with pytest.raises(LedgerError, match="cannot open ledger"):
        Ledger(f"postgresql://postgres@127.0.0.1:{port}/no_such_database")
