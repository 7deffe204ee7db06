"""The rich tables (claimledger.cli.tables): untrusted text prints as written, never as markup."""

from __future__ import annotations

from click.testing import CliRunner

from claimledger import Ledger
from claimledger.cli import app
from claimledger.cli.base import Format
from claimledger.cli.render import emit_page
from claimledger.cli.tables import tallies_table, tally_totals_table

from _bundled import corpus_documents

TORONTO = "wikinews-toronto-serial-killer-bruce-mcarthur-pleads-guilty-to-eight-"


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


def test_claimledger_group_prints_the_phrases_that_name_the_group_again(tmp_path):
    db = tmp_path / "ledger.db"
    with Ledger(db) as ledger:
        ledger.ingest(corpus_documents([TORONTO]))
        group_id = next(r for r in ledger.document(TORONTO)["references"] if r["text"] == "the eight")["group"]
    result = CliRunner().invoke(app, ["group", str(group_id), "--db", str(db)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert f"named again, not counted again: \u201cthe eight\u201d ({TORONTO})" in result.output
