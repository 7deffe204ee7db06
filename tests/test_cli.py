"""The ``claimledger`` command against the bundled corpus and real SQLite files.

Runs in-process through click's CliRunner (the spaCy model loads once per session), except
for the checks that a real process prints no traceback. Ledgers are built once per session
from a small slice of the corpus; only the demo reads more of it.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimledger import demo
import claimledger
from claimledger.cli import app
from claimledger.ingest import bundled
from claimledger.records import Record

from _bundled import CENTCOM, CORPUS, DFAT, EXAMPLE, jsonl_rows

REPO = Path(__file__).resolve().parents[1]
SMALL = [CORPUS / "dev", DFAT]  # 5 documents
SMALL_DOCS = 5
GOLD = REPO / "tests" / "data" / "gold" / "dev"
COMMANDS = [
    "ingest", "watch", "extract", "documents", "quotes", "figures", "tallies", "search", "stats", "evaluate", "demo",
    "serve", "analyze", "contested", "group", "timeline", "incidents", "incident", "entities", "grade", "alias", "export",
]
# A clean environment: no ledger or model from the developer's shell, a wide terminal.
ENV = {"CLAIMLEDGER_DB": None, "CLAIMLEDGER_MODEL": None, "COLUMNS": "200"}

RECORD_FIELDS = {"id", "source", "text", "quotes", "attributions", "figures", "entities"}
QUOTE_FIELDS = {"kind", "start", "end", "text", "speaker", "speaker_title", "cue"}
ATTRIBUTION_FIELDS = {"start", "end", "text", "source", "cue"}
FIGURE_FIELDS = {"start", "end", "text", "low", "high", "qualifier", "unit", "category", "subject", "period",
                 "claimant", "stance", "vague"}
ENTITY_FIELDS = {"name", "label", "aliases", "titles"}

runner = CliRunner()


def invoke(*args, input: str | None = None):
    """Run ``claimledger ARGS`` in-process and return the result (stdout and stderr kept apart)."""
    return runner.invoke(app, [str(arg) for arg in args], input=input, env=ENV)


def assert_one_line_error(result, *needles: str) -> str:
    """Exit code 1 and exactly one 'error:' line on stderr (no traceback), mentioning each needle."""
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert isinstance(result.exception, SystemExit), result.exception  # not an uncaught exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def json_lines(text: str) -> list[dict]:
    """Each stdout line parsed as JSON."""
    return [json.loads(line) for line in text.splitlines()]


# --- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def small_ledger(tmp_path_factory):
    """A ledger with the example article and the four DFAT documents, and the first ingest's result."""
    db = tmp_path_factory.mktemp("ledger") / "small.db"
    result = invoke("ingest", *SMALL, "--db", db)
    return db, result


@pytest.fixture(scope="session")
def extracted():
    """``extract --format jsonl`` of the example article and the DFAT documents."""
    return invoke("extract", EXAMPLE, DFAT, "--format", "jsonl")


# --- help and documentation ----------------------------------------------------------------


def test_help_lists_every_command_and_each_has_an_example():
    result = invoke("--help")
    assert result.exit_code == 0
    for name in COMMANDS:
        assert re.search(rf"\b{name}\b", result.stdout), name
        help_text = invoke(name, "--help")
        assert help_text.exit_code == 0, name
        assert "Example:" in help_text.stdout and f"claimledger {name}" in help_text.stdout, name


def test_readme_mentions_every_command():
    names = list(app.commands)
    assert sorted(names) == sorted(COMMANDS)
    listed = invoke("--help").stdout
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in names:
        assert name in listed
        assert f"claimledger {name}" in readme, f"README.md does not show 'claimledger {name}'"


def test_no_arguments_shows_help():
    result = invoke()
    assert "Usage" in result.output and "ingest" in result.output


# --- ingest --------------------------------------------------------------------------------


def test_ingest_reports_what_it_added(small_ledger):
    db, result = small_ledger
    assert result.exit_code == 0, result.output
    assert f"added {SMALL_DOCS}, unchanged 0, revised 0, failed 0" in result.stdout
    assert result.stderr == ""
    assert db.exists()


def test_ingesting_again_adds_nothing(small_ledger):
    db, _ = small_ledger
    result = invoke("ingest", *SMALL, "--db", db)
    assert result.exit_code == 0, result.output
    assert f"added 0, unchanged {SMALL_DOCS}, revised 0, failed 0" in result.stdout
    stats = json.loads(invoke("stats", "--json", "--db", db).stdout)
    assert stats["documents"] == SMALL_DOCS


def test_bad_input_is_one_line_and_the_rest_is_ingested(tmp_path):
    sources = tmp_path / "in"
    sources.mkdir()
    (sources / "article.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (sources / "rows.jsonl").write_text(
        '{"id": "ok", "text": "The ministry said 40 people were killed on Tuesday."}\n'
        "{not json\n",
        encoding="utf-8",
    )
    db = tmp_path / "partial.db"
    result = invoke("ingest", sources, "--db", db)
    assert result.exit_code == 2, result.output
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith("error: ")
    assert "rows.jsonl:2" in errors[0]
    assert "added 2, unchanged 0, revised 0, failed 1" in result.stdout
    stats = json.loads(invoke("stats", "--json", "--db", db).stdout)
    assert stats["documents"] == 2


def test_ingest_of_nothing_readable_fails(tmp_path):
    result = invoke("ingest", tmp_path / "missing.txt", "--db", tmp_path / "x.db")
    assert result.exit_code == 1
    assert "missing.txt: no such file or directory" in result.stderr
    assert "Traceback" not in result.output


# --- user mistakes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, needle",
    [
        (["stats", "--db", "{tmp}/no-such-ledger.db"], "no ledger at"),
        (["quotes", "--db", "{tmp}"], "is a directory"),
        (["ingest", EXAMPLE, "--db", "{tmp}/no/such/dir/x.db"], "cannot open ledger"),
        (["ingest", EXAMPLE, "--db", "nosuchdialect://x"], "cannot open ledger"),
    ],
    ids=["missing-ledger", "directory", "missing-directory", "bad-url"],
)
def test_bad_db_is_one_line_error(tmp_path, args, needle):
    args = [str(arg).replace("{tmp}", str(tmp_path)) for arg in args]
    assert_one_line_error(invoke(*args), needle)
    assert not (tmp_path / "no-such-ledger.db").exists()


@pytest.mark.parametrize(
    "args, needle",
    [
        (["ingest", EXAMPLE, "--processes", "0"], "--processes"),
        (["ingest", EXAMPLE, "--batch-size", "many"], "--batch-size"),
        (["ingest", EXAMPLE, "--field-map", "nonsense"], "OURS=THEIRS"),
        (["ingest", EXAMPLE, "--field-map", "body=text"], "field_map"),
        (["extract", EXAMPLE, "--format", "xml"], "--format"),
        (["extract", EXAMPLE, "--model", "no_such_model"], "no_such_model"),
        (["quotes", "--kind", "sideways"], "--kind"),
        (["evaluate", "{tmp}/missing.jsonl", GOLD], "missing.jsonl"),
        (["evaluate", EXAMPLE, GOLD], "not valid JSON"),
        (["frobnicate"], "frobnicate"),
    ],
    ids=["processes", "batch-size", "field-map-syntax", "field-map-field", "format", "model", "kind",
         "missing-predictions", "bad-predictions", "unknown-command"],
)
def test_bad_option_or_file_is_one_line_error(tmp_path, args, needle):
    args = [str(arg).replace("{tmp}", str(tmp_path)) for arg in args]
    assert_one_line_error(invoke(*args, "--db", tmp_path / "x.db") if args[0] in ("ingest", "quotes")
                          else invoke(*args), needle)


@pytest.mark.parametrize(
    "args",
    [["ingest", str(EXAMPLE), "--db", "/nonexistent/dir/x.db"], ["quotes", "--limit", "-3"]],
    ids=["bad-db", "bad-option"],
)
def test_real_process_prints_no_traceback(args):
    proc = subprocess.run(
        [sys.executable, "-m", "claimledger.cli", *args],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr


# --- extract -------------------------------------------------------------------------------


def test_extract_jsonl_is_one_record_per_document(extracted):
    assert extracted.exit_code == 0, extracted.output
    records = json_lines(extracted.stdout)
    assert len(records) == SMALL_DOCS
    for record in records:
        assert RECORD_FIELDS <= record.keys()
        for key, fields in (("quotes", QUOTE_FIELDS), ("attributions", ATTRIBUTION_FIELDS),
                            ("figures", FIGURE_FIELDS), ("entities", ENTITY_FIELDS)):
            for item in record[key]:
                assert fields <= item.keys(), (key, item)
                if "start" in fields:
                    assert 0 <= item["start"] <= item["end"] <= len(record["text"])
        assert Record.from_dict(record).to_dict() == record
    example = records[0]
    assert example["id"] == "syrian-fighters-recruitment"
    assert example["text"] == EXAMPLE.read_text(encoding="utf-8")
    assert example["quotes"] and example["figures"]
    assert {r["id"] for r in records[1:]} == {json.loads(line)["id"] for line in DFAT.read_text().splitlines()}


def test_extract_table_shows_quotes_and_figures():
    result = invoke("extract", EXAMPLE, "--format", "table")
    assert result.exit_code == 0, result.output
    for text in ("syrian-fighters-recruitment", "Quotes", "Figures", "speaker", "claimant"):
        assert text in result.stdout


def test_extract_reads_stdin():
    result = invoke("extract", "-", input="The army said 12 soldiers were killed near the border.")
    assert result.exit_code == 0, result.output
    [record] = json_lines(result.stdout)
    assert record["source"] == "<stdin>"
    assert record["text"].startswith("The army said")


def test_extract_skips_bad_input_with_exit_code_2(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = invoke("extract", EXAMPLE, tmp_path / "empty.txt")
    assert result.exit_code == 2, result.output
    assert len(json_lines(result.stdout)) == 1
    [error] = result.stderr.strip().splitlines()
    assert "empty.txt" in error


# --- queries -------------------------------------------------------------------------------


def test_quotes(small_ledger):
    db, _ = small_ledger
    table = invoke("quotes", "--db", db, "--speaker", "kirby")
    assert table.exit_code == 0, table.output
    assert "John Kirby" in table.stdout and "syrian-fighters-recruitment" in table.stdout
    rows = json.loads(invoke("quotes", "--db", db, "--speaker", "kirby", "--json").stdout)["items"]
    assert rows and all("kirby" in row["speaker"].lower() for row in rows)
    direct = json.loads(invoke("quotes", "--db", db, "--kind", "direct", "--format", "json").stdout)["items"]
    assert direct and {row["kind"] for row in direct} == {"direct"}
    first = json.loads(invoke("quotes", "--db", db, "--limit", "1", "--json").stdout)
    assert len(first["items"]) == 1 and first["next_offset"] == 1
    second = json_lines(invoke("quotes", "--db", db, "--limit", "1", "--offset", "1", "--format", "jsonl").stdout)
    assert len(second) == 1 and second[0]["id"] != first["items"][0]["id"]
    assert "no quotes match" in invoke("quotes", "--db", db, "--speaker", "nobody-at-all").stdout


def test_figures(small_ledger):
    db, _ = small_ledger
    result = invoke("figures", "--db", db, "--document", "syrian-fighters-recruitment")
    assert result.exit_code == 0, result.output
    assert "claimant" in result.stdout and "casualties" in result.stdout
    rows = json.loads(invoke("figures", "--db", db, "--category", "casualties", "--json").stdout)["items"]
    assert rows and {row["category"] for row in rows} == {"casualties"}
    claimed = json.loads(invoke("figures", "--db", db, "--claimant", "pentagon", "--json").stdout)["items"]
    assert all("pentagon" in row["claimant"].lower() for row in claimed)
    assert any(row["group"] is not None for row in rows)  # the group id, as the API and the export give it
    table = invoke("figures", "--db", db, "--category", "casualties", "--format", "csv").stdout.splitlines()
    assert table[0].startswith("id,") and "group" in table[0].split(",") and len(table) == len(rows) + 1


def test_search(small_ledger):
    db, _ = small_ledger
    result = invoke("search", "Kirby", "--db", db)
    assert result.exit_code == 0, result.output
    assert "syrian-fighters-recruitment" in result.stdout
    found = json.loads(invoke("search", "Kirby", "--db", db, "--json").stdout)
    hits = found["items"]
    assert hits and all("snippet" in hit for hit in hits) and found["total"] >= len(hits)
    later = json.loads(invoke("search", "Kirby", "--db", db, "--json", "--offset", "1").stdout)["items"]
    assert later == hits[1:] or [h["id"] for h in later[:1]] == [h["id"] for h in hits[1:2]]
    assert "nothing matches" in invoke("search", "xylophonically", "--db", db).stdout


def test_stats(small_ledger):
    db, _ = small_ledger
    result = invoke("stats", "--db", db)
    assert result.exit_code == 0, result.output
    assert re.search(rf"documents\s+{SMALL_DOCS}\b", result.stdout)
    assert "Most quoted speakers" in result.stdout
    stats = json.loads(invoke("stats", "--db", db, "--json").stdout)
    assert stats["documents"] == SMALL_DOCS and stats["quotes"] > 0


def test_db_from_environment(small_ledger):
    db, _ = small_ledger
    result = runner.invoke(app, ["stats", "--json"], env={**ENV, "CLAIMLEDGER_DB": str(db)})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"] == SMALL_DOCS


# --- evaluate ------------------------------------------------------------------------------


def test_evaluate(extracted, tmp_path):
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text(extracted.stdout, encoding="utf-8")
    table = invoke("evaluate", predictions, GOLD)
    assert table.exit_code == 0, table.output
    assert "headline F1" in table.stdout and "figures+claimant" in table.stdout
    scores = json.loads(invoke("evaluate", predictions, GOLD, "--json").stdout)
    assert scores["documents"] == len(list(GOLD.glob("*.gold.json")))
    assert set(scores["layers"]) >= {"direct+speaker", "reported+source", "figures+claimant"}
    verbose = invoke("evaluate", predictions, GOLD, "--verbose")
    assert "missed" in verbose.stdout


# --- demo ----------------------------------------------------------------------------------


def test_version_comes_from_the_package_metadata():
    result = invoke("--version")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"claimledger {claimledger.__version__}\n"
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", claimledger.__version__)


def test_demo_says_so_when_the_corpus_is_missing(tmp_path, monkeypatch):
    monkeypatch.setattr(bundled, "CORPUS", "no-such-corpus")
    assert_one_line_error(invoke("demo", "--db", tmp_path / "demo.db"), "bundled corpus not found")


def test_demo_builds_a_fresh_ledger_and_summarises_it(tmp_path):
    # The corpus's first documents in reading order: the example article and two re3d files, to keep it quick.
    expected = 1 + len(jsonl_rows(DFAT)) + len(jsonl_rows(CENTCOM))

    db = tmp_path / "demo.db"
    with sqlite3.connect(db) as old:  # a previous demo's file: must be replaced, not added to
        old.execute("CREATE TABLE leftover (x)")
    result = invoke("demo", "--db", db, "--limit", expected)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"{expected} documents added, 0 failed" in out
    assert re.search(rf"documents\s+{expected}\b", out)
    assert "Most quoted speakers" in out
    assert "Figures in the example article 'syrian-fighters-recruitment'" in out
    assert "claimant" in out and "casualties" in out
    assert "What to try next" in out and f"claimledger quotes --db {db}" in out
    assert f"claimledger extract {CORPUS / 'dev'} " in out  # a path that works from any directory
    with sqlite3.connect(db) as ledger:
        tables = {row[0] for row in ledger.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "leftover" not in tables


def test_demo_will_not_delete_a_file_that_is_not_a_ledger(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("precious", encoding="utf-8")
    assert_one_line_error(invoke("demo", "--db", notes), "not an SQLite database")
    assert notes.read_text(encoding="utf-8") == "precious"
