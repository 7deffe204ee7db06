"""API fixtures: one real ledger (SQLite file) built once, servers on copies of it."""

from __future__ import annotations

import sys

import httpx
import pytest

from _live_server import LiveServer, copy_ledger, shared_ledger

TOKEN = "test-token"


@pytest.fixture(scope="session")
def ledger_file(tmp_path_factory):
    """The example article, a few Wikinews articles and an XSS probe, ingested (read-only for tests)."""
    return shared_ledger(tmp_path_factory)


@pytest.fixture(scope="module")
def server(ledger_file, tmp_path_factory):
    """A server that accepts writes (with TOKEN), on a private copy of the ledger."""
    db = copy_ledger(ledger_file, tmp_path_factory.mktemp("api-rw") / "ledger.db")
    with LiveServer(db, token=TOKEN, max_body=64 * 1024) as live:
        yield live


@pytest.fixture(scope="module")
def read_only_server(ledger_file, tmp_path_factory):
    """A server started without a token."""
    db = copy_ledger(ledger_file, tmp_path_factory.mktemp("api-ro") / "ledger.db")
    with LiveServer(db, token=None) as live:
        yield live


@pytest.fixture
def client(server):
    with httpx.Client(base_url=server.url, timeout=60) as http:
        yield http


@pytest.fixture
def auth():
    return {"Authorization": f"Bearer {TOKEN}"}


def pytest_terminal_summary(terminalreporter):
    """What schemathesis tried, when it ran: cases per operation and the status codes it got."""
    module = sys.modules.get(f"{__package__}.test_schema") if __package__ else None
    tried = getattr(module, "TRIED", None)
    if not tried:
        return
    statuses = ", ".join(f"{code}: {n}" for code, n in sorted(module.STATUSES.items()))
    terminalreporter.write_sep("-", "schemathesis")
    terminalreporter.write_line(f"{sum(tried.values())} cases over {len(tried)} operations; responses {statuses}")
    for operation, count in sorted(tried.items()):
        terminalreporter.write_line(f"  {count:4d}  {operation}")
