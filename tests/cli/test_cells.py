"""Values as people read them (claimledger.cli.cells)."""

from __future__ import annotations

from claimledger.cli.cells import analysis_line, estimate_text, number, short
from claimledger.records import value_text


def test_numbers_print_as_people_read_them():
    assert number(12000.0) == "12,000" and number(None) == ""
    assert value_text({"low": 200, "high": 300, "qualifier": "between"}) == "between 200 – 300"


def test_long_text_is_cut_to_one_line():
    assert short("a  b\nc") == "a b c" and short("x" * 10, 5) == "xxxx…" and short(None) == ""


def test_estimates_show_what_is_unknown():
    assert estimate_text(500.0, None, 12000) == "500 · ? · 12,000"


def test_an_analysis_run_is_one_line():
    class Report:
        full, documents, groups, contested, entities, seconds = True, 3, 2, 1, 9, 0.25

    assert analysis_line(Report()) == ("re-analysed 3 document(s): 2 figure group(s) written, 1 contested; "
                                       "9 entities  (0.2 s)")
