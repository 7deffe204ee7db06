"""The spaCy components' record dicts: ``nlp.plain`` gives exactly what ``dataclasses.asdict`` gives."""

from __future__ import annotations

import json
from dataclasses import asdict

from claimledger import extract
from claimledger.nlp import plain
from claimledger.records import Tally, TallyClaim

from _bundled import example_text


def test_plain_equals_asdict_on_the_example_articles_record():
    record = extract(example_text(), id="example")
    assert record.tallies and record.figures and record.quotes  # nested dataclasses, lists, spans
    assert json.dumps(plain(record)) == json.dumps(asdict(record))  # same values, same key order


def test_plain_copies_rather_than_shares_nested_lists():
    tally = Tally("deaths", "security forces", 4000, 4000, claims=[TallyClaim("the Pentagon", 4000, 4000, spans=[[1, 5]])])
    copied = plain(tally)
    copied["claims"][0]["spans"][0][0] = 99
    assert tally.claims[0].spans == [[1, 5]] and copied == {**asdict(tally), "claims": copied["claims"]}
