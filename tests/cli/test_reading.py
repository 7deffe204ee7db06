"""``claimledger tallies``: built and rendered like every other listing (claimledger.cli.reading)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from claimledger import Ledger
from claimledger.cli import app

from _bundled import EXAMPLE

ENV = {"CLAIMLEDGER_DB": None, "CLAIMLEDGER_MODEL": None, "COLUMNS": "220"}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("cli-tallies") / "ledger.db"
    with Ledger(path) as ledger:
        ledger.ingest([str(EXAMPLE)], analyze=False)
    return str(path)


def run(db: str, *args: str):
    return CliRunner().invoke(app, ["tallies", *args, "--db", db], env=ENV)


def test_the_table_shows_each_tally_with_its_claimants(db):
    result = run(db)
    assert result.exit_code == 0, result.output
    assert "500 – 12,000" in result.stdout and "Ukrainian news sources: 12,000; The Russians: 500" in result.stdout
    assert "the Pentagon: 4,000" in result.stdout


def test_totals_by_claimant_as_csv(db):
    result = run(db, "--by", "claimant", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = {row["key"]: row for row in csv.DictReader(io.StringIO(result.stdout))}
    assert float(rows["the Pentagon"]["high"]) == 4000 and rows["the Pentagon"]["tallies"] == "1"
    assert json.loads(rows["The Russians"]["document_keys"]) == [EXAMPLE.stem]


def test_filters_and_paging_as_json(db):
    result = run(db, "--category", "deaths", "--group", "security forces", "--limit", "1", "--json")
    page = json.loads(result.stdout)
    assert [t["category"] for t in page["items"]] == ["deaths"] and page["limit"] == 1
    empty = run(db, "--group", "civilians")
    assert empty.exit_code == 0 and empty.stdout.strip() == "no tallies match"


def test_an_unknown_key_is_one_line(db):
    result = run(db, "--by", "outlet")
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "'outlet' is not one of 'place', 'date', 'group', 'claimant'" in result.output
