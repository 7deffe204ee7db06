"""The analysis commands: ingest then contested (the issue's acceptance check), and the other faces."""

from __future__ import annotations

import json
import sqlite3
import shutil

import pytest
from click.testing import CliRunner
from rich.console import Console

from claimledger.cli import app
from claimledger.cli.tables import contested_table
from claimledger import Ledger

from _bundled import EXAMPLE

ENV = {"CLAIMLEDGER_DB": None, "CLAIMLEDGER_MODEL": None, "COLUMNS": "200"}
runner = CliRunner()
GROUP_KEYS = {"id", "category", "subject", "period", "contested", "low", "best", "high", "figures"}
FIGURE_KEYS = {"low", "high", "qualifier", "claimant", "document", "start", "end", "text", "published"}


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args], env=ENV)


@pytest.fixture
def db(corpus_path, tmp_path):
    path = tmp_path / "cli.db"
    with Ledger(corpus_path):
        pass
    shutil.copy(corpus_path, path)
    return path


def test_ingest_then_contested_json(tmp_path):
    db = tmp_path / "new.db"
    result = invoke("ingest", EXAMPLE, "--db", db)
    assert result.exit_code == 0, result.output
    assert "analysed 1 document(s)" in result.stdout and "1 contested" in result.stdout
    result = invoke("contested", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    [group] = json.loads(result.stdout)["items"]
    assert GROUP_KEYS <= set(group) and group["contested"] is True
    figures = {(f["low"], f["claimant"]) for f in group["figures"]}
    assert figures == {(12000, "Ukrainian news sources"), (500, "The Russians")}  # the Pentagon's deaths: a group apart
    assert all(FIGURE_KEYS <= set(f) for f in group["figures"])
    assert (group["low"], group["best"], group["high"]) == (500, 500, 12000)
    assert list(group["categories"]) == ["casualties"]
    text = EXAMPLE.read_text(encoding="utf-8")
    assert all(text[f["start"] : f["end"]] == f["text"] for f in group["figures"])
    [incident] = json.loads(invoke("incidents", "--db", db, "--json").stdout)["items"]
    assert [(g["category"], g["contested"]) for g in incident["groups"]] == [("casualties", True), ("deaths", False)]
    assert incident["groups"][0]["id"] == group["id"] and incident["groups"][1]["low"] == 4000


def test_contested_table_and_filters(db):
    result = invoke("contested", "--db", db)
    assert result.exit_code == 0 and "Contested figures" in result.stdout and "Ukrainian news sources" in result.stdout
    deaths = json.loads(invoke("contested", "--db", db, "--category", "deaths", "--format", "json").stdout)["items"]
    assert 1 not in {g["id"] for g in deaths}  # the casualties group holds no deaths figure: they are kept apart
    assert json.loads(invoke("contested", "--db", db, "--category", "money", "--format", "json").stdout)["items"] == []
    everything = json.loads(invoke("contested", "--db", db, "--all", "--format", "json", "--limit", "100").stdout)
    assert any(not g["contested"] for g in everything["items"])


def test_group_timeline_entities_and_grade(db):
    assert "US Department of Defense" in invoke("group", "3", "--db", db).stdout
    assert json.loads(invoke("group", "2", "--db", db, "--json").stdout)["id"] == 1  # a figure id finds its group
    result = invoke("timeline", "1", "--db", db, "--json")
    assert [e["low"] for e in json.loads(result.stdout)["items"]] == [12000, 500]
    result = invoke("entities", "--db", db, "--name", "Soleimani", "--json")
    assert [e["name"] for e in json.loads(result.stdout)["items"]] == ["Qasem Soleimani"]
    result = invoke("grade", "the Pentagon", "B", "--db", db)
    assert result.exit_code == 0 and "US Department of Defense: B (usually reliable)" in result.stdout
    pentagon = [f for f in json.loads(invoke("group", "3", "--db", db, "--json").stdout)["figures"] if f["low"] == 4000]
    assert pentagon[0]["admiralty"] == "B3"
    assert "US Department of Defense" in invoke("grade", "--list", "--db", db).stdout
    graded = json.loads(invoke("grade", "--list", "--db", db, "--json").stdout)["items"]
    assert [(g["source"], g["reliability"]) for g in graded] == [("US Department of Defense", "B")]


def test_split_merge_and_analyze(db):
    result = invoke("group", "1", "--split", "2", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    assert [len(g["figures"]) for g in json.loads(result.stdout)["items"]] == [1, 1]
    result = invoke("analyze", "--db", db)
    assert result.exit_code == 0 and result.stdout.startswith("re-analysed")
    assert len(json.loads(invoke("group", "1", "--db", db, "--json").stdout)["figures"]) == 1
    result = invoke("group", "1", "--merge", "2,3", "--db", db, "--json")  # a user may merge across categories
    assert len(json.loads(result.stdout)["figures"]) == 3


def test_export_and_alias_commands(db, tmp_path):
    out = tmp_path / "out.csv"
    result = invoke("export", "--format", "csv", "--output", out, "--db", db)
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("group,group_category")
    result = invoke("export", "--format", "claimreview", "--contested", "--db", db)
    assert json.loads(result.stdout)[0]["@type"] == "ClaimReview"
    result = invoke("alias", "Emergencies Ministry", "Russian Ministry of Emergency Situations", "--type", "government",
                    "--db", db)
    assert result.exit_code == 0 and "re-analysed" in result.stdout
    assert "Russian Ministry of Emergency Situations" in invoke("alias", "--list", "--db", db).stdout


@pytest.mark.parametrize("args, message", [
    (["contested", "--db", "{tmp}/missing.db"], "no ledger at"),
    (["group", "999999"], "no figure group 999999"),
    (["group", "1", "--split", "x"], "expected figure or group ids"),
    (["grade", "Reuters", "Q"], "reliability must be one of"),
    (["export", "--format", "parquet"], "parquet is binary"),
    (["alias", "--file", "{tmp}/none.csv"], "none.csv"),
])
def test_mistakes_are_one_line(db, tmp_path, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "--db" not in args:
        args += ["--db", str(db)]
    result = invoke(*args)
    assert result.exit_code == 1
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_a_list_of_groups_shows_the_sides_of_each_contest_and_counts_the_rest(db):
    with Ledger(db) as ledger:
        groups = ledger.contested(include_all=True, limit=None, per_group=1)
        wholes = {g["id"]: ledger.group(g["id"]) for g in groups}
        every = ledger.contested(include_all=True, limit=3, per_group=None)
        assert [g["figures"] for g in every] == [wholes[g["id"]]["figures"] for g in groups[:3]]
    for group in groups:
        [shown] = group["figures"]
        whole = wholes[group["id"]]
        assert group["figure_count"] == len(whole["figures"]) >= 2
        assert shown["low"] == group["low"] or shown["high"] == group["high"]  # an end of the range first
    listed = json.loads(invoke("contested", "--db", db, "--all", "--per-group", "1", "--format", "json",
                               "--limit", "500").stdout)["items"]
    assert [(g["id"], len(g["figures"])) for g in listed] == [(g["id"], 1) for g in groups]
    console = Console(width=200, record=True)
    console.print(contested_table(groups[:1], "Contested figures"))
    assert f"{groups[0]['figure_count'] - 1} more: claimledger group {groups[0]['id']}" in console.export_text()


def test_a_ledger_analysed_before_the_ranks_lists_whole_groups(db):
    with Ledger(db) as ledger:
        ranked = ledger.contested(include_all=True, limit=None, per_group=1)
    with sqlite3.connect(db) as raw:  # as a ledger analysed before migration m006_listed_figures looks
        raw.execute("UPDATE figure_analysis SET listed = NULL")
    with Ledger(db) as ledger:
        unranked = ledger.contested(include_all=True, limit=None, per_group=1)
    assert [g["id"] for g in unranked] == [g["id"] for g in ranked]
    assert all(len(g["figures"]) == g["figure_count"] >= 2 for g in unranked)  # read whole, nothing lost
