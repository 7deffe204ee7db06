"""Corroboration: reprints collapse into one story; a claim counts its independent outlets once each."""

from __future__ import annotations

import numpy as np
import pytest

from claimledger.analyze import corroboration
from claimledger.analyze.corroboration import BandIndex, Seen, estimated_jaccard, independent_outlets, signature, stories
from fastapi.testclient import TestClient

from claimledger import Ledger
from claimledger.server import create_app
from claimledger.records import Document

from _bundled import corpus_documents, example_document

from .conftest import figure_in

WIRE = Document(
    id="wire", source="test", outlet="Other Wire", url="https://wire.example/russian-losses",
    title="Pentagon: Russian losses mount as Kremlin recruits Syrians",
    text="Russian losses in Ukraine keep mounting. The Pentagon states that 4,000 Russian troops had died since the "
         "invasion began, as the Kremlin recruits Syrian fighters with urban combat experience.",
)


@pytest.fixture(scope="module")
def reprinted(tmp_path_factory):
    """The example article, a reprint of it under another outlet, and an independent wire story."""
    original = example_document()
    reprint = example_document(id="reprint", url="https://reprint.example/syrian-fighters", outlet="Reprint Daily",
                               text=original.text + "\n\nThis story first appeared in Example News.")
    path = tmp_path_factory.mktemp("reprint") / "reprint.db"
    with Ledger(path) as ledger:
        ledger.ingest([original, reprint, WIRE])
        yield ledger


def test_a_reprint_under_another_outlet_counts_once(reprinted):
    group = reprinted.group(1)
    by_document = {}
    for figure in group["figures"]:
        by_document.setdefault(figure["document"], []).append(figure)
    assert set(by_document) == {"syrian-fighters-recruitment", "reprint"}  # the wire gives deaths, a group apart
    claim = next(f for f in by_document["reprint"] if f["low"] == 12000)
    assert claim["outlets"] == 1  # Example News and its reprint are one story
    assert claim["first_document"] == "syrian-fighters-recruitment"
    assert group["contested"]


def test_independent_outlets_corroborate(reprinted):
    deaths = reprinted.group(figure_in(reprinted, "wire", "4,000 Russian troops")["id"])
    pentagon = [f for f in deaths["figures"] if f["low"] == 4000]
    assert {f["document"] for f in pentagon} == {"syrian-fighters-recruitment", "reprint", "wire"}
    assert {f["outlets"] for f in pentagon} == {2}  # Example News (with its reprint) and Other Wire
    assert {f["credibility"] for f in pentagon} == {2}  # carried by two independent outlets: probably true


def test_the_reprints_unnamed_sources_are_the_originals(reprinted):
    russians = [f for f in reprinted.group(1)["figures"] if f["low"] == 500]
    assert {f["disagree"] for f in russians} == {1}  # only "Ukrainian news sources", once


def test_signatures_find_near_duplicates_and_not_look_alikes():
    first, second, third = corpus_documents(["centcom-26cc3286", "centcom-6b183780", "centcom-f5b5e863"])
    original = example_document().text
    assert estimated_jaccard(signature(original), signature(original + " Reprinted with permission.")) > 0.9
    assert estimated_jaccard(signature(first.text), signature(second.text)) < corroboration.THRESHOLD  # daily reports
    new = [Seen(3, signature(original + " (AP)"), "2024-01-02"), Seen(4, signature(third.text), "2024-01-01")]
    old = [Seen(1, signature(original), "2024-01-01"), Seen(2, signature(first.text), "2024-01-01")]
    assert stories(new, old, {1: 1, 2: 2}) == {3: 1, 4: 4}
    # an earlier copy arriving later becomes the story's first-seen document
    assert stories([Seen(5, signature(original), "2023-12-31")], old + [new[0]], {1: 1, 2: 2, 3: 1}) == {1: 5, 3: 5, 5: 5}


def test_the_band_index_finds_what_datasketch_lsh_finds():
    from datasketch import MinHash, MinHashLSH

    documents = corpus_documents(["centcom-26cc3286", "centcom-6b183780", "centcom-f5b5e863"])
    texts = [example_document().text, *(d.text for d in documents)]
    texts += [texts[0] + " (AP)", texts[1].replace("Syria", "Iraq", 1), texts[2][: len(texts[2]) // 2]]
    seen = [Seen(i, signature(text), "2024-01-01") for i, text in enumerate(texts)]
    lsh = MinHashLSH(threshold=corroboration.THRESHOLD, num_perm=corroboration.NUM_PERM)
    hashes = {d.id: MinHash(num_perm=corroboration.NUM_PERM, scheme=corroboration.SCHEME,
                               hashvalues=np.frombuffer(d.signature, corroboration.DTYPE).copy())
              for d in seen}
    for doc_id, minhash in hashes.items():
        lsh.insert(doc_id, minhash)
    index = BandIndex(seen)
    for doc in seen:
        expected = {i for i in lsh.query(hashes[doc.id]) if i != doc.id
                    and estimated_jaccard(doc.signature, seen[i].signature) >= corroboration.THRESHOLD}
        assert index.near(doc) == expected
    assert index.near(seen[0]) == {4} and index.near(seen[1]) == {5}  # the reprint; one word changed


def test_independent_outlets():
    assert independent_outlets([1, 1, 2, 3], {1: "AP", 2: "AP", 3: "Reuters"}) == 2
    assert independent_outlets([7, 8], {}) == 2


BRIEFING = Document(
    id="briefing", source="test", outlet="Defense Desk", url="https://desk.example/kirby-briefing",
    title="Pentagon sees truth in reports of Syrian recruits",
    text="The Pentagon said on Monday it found the reports credible. “It’s interesting that (Russian President "
         "Vladimir) Putin would have to rely on foreign fighters,” said Pentagon spokesperson John Kirby.",
)


def test_a_quote_counts_the_independent_outlets_carrying_it(tmp_path):
    """Kirby's words in the example article, in its reprint (the same story) and in another outlet's briefing."""
    original = example_document()
    reprint = example_document(id="reprint", url="https://reprint.example/syrian-fighters", outlet="Reprint Daily",
                               text=original.text + "\n\nThis story first appeared in Example News.")
    with Ledger(tmp_path / "quotes.db") as ledger:
        ledger.ingest([original, reprint, BRIEFING])
        carried = [q for q in ledger.quotes(text="rely on foreign fighters")]
        assert {q["document"] for q in carried} == {"syrian-fighters-recruitment", "reprint", "briefing"}
        assert {q["outlets"] for q in carried} == {2}  # Example News (its reprint is the same story) and Defense Desk
        assert {q["first_document"] for q in carried} == {"syrian-fighters-recruitment"}
        alone = ledger.quotes(text="took the right decision")
        assert [q["outlets"] for q in alone] == [1, 1]  # Kadyrov's words: one story, reprinted
        briefing = {q["kind"]: q["outlets"] for q in ledger.document("briefing")["quotes"]}
        assert briefing == {"indirect": 1, "direct": 2}  # "found the reports credible": this outlet's alone
    with TestClient(create_app(str(tmp_path / "quotes.db"))) as client:
        page = client.get("/documents/briefing").text
        assert page.count("2 outlets") == 1 and 'title="first seen in syrian-fighters-recruitment' in page
