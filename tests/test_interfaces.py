"""The CLI and the REST API answer the same question with the same object: same fields, same values.

Both faces call the same library functions (``claimledger.pages``) and only render: ``--json`` prints
exactly the page or object the API returns, for documents, figures, tallies, groups, entities and search.
"""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from click.testing import CliRunner

from _live_server import EXAMPLE, shared_ledger
from claimledger.cli import app as cli_app
from claimledger.server import create_app

ENV = {"CLAIMLEDGER_DB": None, "CLAIMLEDGER_MODEL": None, "COLUMNS": "200"}


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory):
    return shared_ledger(tmp_path_factory)


@pytest.fixture(scope="module")
def api(ledger_file):
    with TestClient(create_app(str(ledger_file))) as client:
        yield client


@pytest.fixture(scope="module")
def cli(ledger_file):
    runner = CliRunner()

    def run(*args: str) -> dict:
        result = runner.invoke(cli_app, [*args, "--json", "--db", str(ledger_file)], env=ENV)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return run


def get(api, path: str, **params) -> dict:
    response = api.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def same_page(cli_page: dict, api_page: dict) -> None:
    assert set(cli_page) == set(api_page) == {"items", "limit", "offset", "next_offset", "total"}
    assert cli_page["items"], "an empty page would prove nothing"
    for ours, theirs in zip(cli_page["items"], api_page["items"], strict=True):
        assert set(ours) == set(theirs)
        assert ours == theirs
        # printed alike too: 500 in both, never 500 in one and 500.0 in the other (500 == 500.0 in Python)
        assert json.dumps(ours, sort_keys=True) == json.dumps(theirs, sort_keys=True)


def test_documents(cli, api):
    same_page(cli("documents", "--limit", "5"), get(api, "/api/documents", limit=5))
    same_page(cli("documents", "--limit", "3", "--offset", "2"), get(api, "/api/documents", limit=3, offset=2))


def test_figures_carry_their_group_in_both(cli, api):
    ours = cli("figures", "--limit", "40", "--document", EXAMPLE)
    same_page(ours, get(api, "/api/figures", limit=40, document=EXAMPLE))
    assert any(f["group"] is not None for f in ours["items"])


def test_groups(cli, api):
    contested = cli("contested", "--limit", "5")
    same_page(contested, get(api, "/api/contested", limit=5))
    group_id = contested["items"][0]["id"]
    ours, theirs = cli("group", str(group_id)), get(api, f"/api/groups/{group_id}")
    assert set(ours) == set(theirs) and ours == theirs and ours["timeline"]


def test_entities(cli, api):
    same_page(cli("entities", "--limit", "10"), get(api, "/api/entities", limit=10))
    same_page(cli("entities", "--name", "Kirby"), get(api, "/api/entities", name="Kirby", limit=30))


def test_search(cli, api):
    ours = cli("search", "Kirby", "--limit", "3", "--offset", "1")
    same_page(ours, get(api, "/api/search", q="Kirby", limit=3, offset=1))
    assert ours["total"] > 1


def test_tallies_and_their_totals(cli, api):
    ours = cli("tallies", "--category", "casualties", "--limit", "50")
    same_page(ours, get(api, "/api/tallies", category="casualties", limit=50))
    example = [t for t in ours["items"] if t["document"] == EXAMPLE]
    assert [(t["low"], t["high"]) for t in example][:1] == [(500, 12000)]
    for by in ("place", "date", "group", "claimant"):
        totals = cli("tallies", "--by", by, "--limit", "10")
        same_page(totals, get(api, "/api/tallies", by=by, limit=10))
        assert all(row["by"] == by and row["document_keys"] for row in totals["items"])
    assert api.get("/api/tallies", params={"by": "outlet"}).status_code == 422


def test_incidents(cli, api):
    ours = cli("incidents", "--limit", "5")
    same_page(ours, get(api, "/api/incidents", limit=5))
    same_page(cli("incidents", "--place", "ukraine"), get(api, "/api/incidents", place="ukraine", limit=50))
    incident_id = ours["items"][0]["id"]
    detail = cli("incident", str(incident_id))
    assert detail == get(api, f"/api/incidents/{incident_id}") and detail["reports"]
