"""The four output formats behave the same for every listing (claimledger.cli.render)."""

from __future__ import annotations

import csv
import io
import json
import sys

from claimledger.cli.base import Format, lazy
from claimledger.cli.render import emit_page, figure_value, number, quotes_table, tallies_table, tally_totals_table

# Two quotes as Ledger.quotes returns them (from the bundled example article).
QUOTES = [
    {"id": 1, "document_id": 1, "kind": "direct", "start": 10, "end": 60, "speaker": "John Kirby",
     "speaker_title": "Pentagon spokesman", "cue": "said", "text": "We have seen them move in",
     "document": "syrian-fighters-recruitment", "title": None, "type": "quote"},
    {"id": 2, "document_id": 1, "kind": "indirect", "start": 80, "end": 120, "speaker": None,
     "speaker_title": None, "cue": "said", "text": "the fighters were recruited", "extra": ["a", "b"],
     "document": "syrian-fighters-recruitment", "title": None, "type": "quote"},
]
PAGE = {"items": QUOTES, "limit": 2, "offset": 0, "next_offset": 2, "total": 5}


def emitted(format: Format, capsys) -> str:
    emit_page(PAGE, format, quotes_table, "no quotes match")
    return capsys.readouterr().out


def test_json_is_the_page_as_the_api_returns_it(capsys):
    assert json.loads(emitted(Format.json, capsys)) == PAGE


def test_jsonl_is_one_item_per_line(capsys):
    lines = emitted(Format.jsonl, capsys).splitlines()
    assert [json.loads(line) for line in lines] == QUOTES


def test_csv_has_every_key_once_and_nested_values_as_json(capsys):
    rows = list(csv.DictReader(io.StringIO(emitted(Format.csv, capsys))))
    assert len(rows) == 2 and list(rows[0]) == list(QUOTES[0]) + ["extra"]
    assert rows[1]["extra"] == '["a", "b"]' and rows[1]["speaker"] == "" and rows[0]["extra"] == ""


def test_table_says_where_the_next_page_starts(capsys):
    out = emitted(Format.table, capsys)
    assert "John Kirby" in out and "--offset 2" in out


def test_an_empty_page_says_so(capsys):
    emit_page({**PAGE, "items": [], "next_offset": None}, Format.table, quotes_table, "no quotes match")
    assert capsys.readouterr().out.strip() == "no quotes match"


def test_numbers_print_as_people_read_them():
    assert number(12000.0) == "12,000" and number(None) == ""
    assert figure_value({"low": 200, "high": 300, "qualifier": "between"}) == "between 200 – 300"


def test_lazy_loads_a_library_module_on_first_use():
    name = "claimledger.watch"
    sys.modules.pop(name, None)
    module = lazy(name)
    assert sys.modules[name] is module
    assert callable(module.watch)  # the first attribute access runs the module


def test_tally_tables_keep_markup_in_names_as_text(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "220")  # wide enough that no cell wraps
    tally = {"category": "deaths", "group": "civilians", "side": "[bold]x[/]", "low": 3.0, "high": 5.0,
             "place": "[red]Gaza[/]", "date": None, "document": "d",
             "claims": [{"claimant": "[link=x]ministry[/]", "low": 3.0, "high": 3.0, "stance": "asserts"},
                        {"claimant": None, "low": 5.0, "high": 5.0, "stance": "disputes"}]}
    emit_page({"items": [tally], "next_offset": None}, Format.table, tallies_table, "none")
    out = capsys.readouterr().out
    assert "[bold]x[/]" in out and "[red]Gaza[/]" in out and "3 – 5" in out
    assert "[link=x]ministry[/]: 3" in out and "—: 5 (disputes)" in out
    totals = [{"by": "place", "key": "[i]Gaza[/]", "low": 3.0, "high": 5.0, "tallies": 1, "documents": 1,
               "document_keys": ["d"]}]
    emit_page({"items": totals, "next_offset": None}, Format.table, tally_totals_table, "none")
    assert "[i]Gaza[/]" in capsys.readouterr().out
