"""Numbers print one way everywhere: the record format's whole values, and the text people read."""

import json

from claimledger.records import number_text, whole, wholes


def test_whole_values_print_without_a_trailing_zero():
    assert whole(500.0) == 500 and isinstance(whole(500.0), int)
    assert whole(2.5) == 2.5
    assert whole(None) is None and whole("almost") == "almost"


def test_a_tally_row_with_its_claims_is_made_whole_throughout():
    row = {"low": 500.0, "high": 12000.0, "claims": [{"claimant": "the Russians", "low": 500.0, "spans": [[3, 9]]}]}
    assert wholes(row) == {"low": 500, "high": 12000, "claims": [{"claimant": "the Russians", "low": 500,
                                                                   "spans": [[3, 9]]}]}
    assert json.dumps(wholes(row)).startswith("{\"low\": 500, ")


def test_number_text_is_what_a_reader_sees():
    assert number_text(12000.0) == "12,000"
    assert number_text(2.5) == "2.5"
    assert number_text(None) == "" and number_text(None, "?") == "?"
    assert number_text(True) == "True"
