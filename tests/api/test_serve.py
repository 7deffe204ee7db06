"""`claimledger serve` as a user runs it: a subprocess on a free port, then plain HTTP."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from contextlib import contextmanager

import httpx
import pytest
from click.testing import CliRunner

from _live_server import copy_ledger, free_port
from claimledger.cli import app


@contextmanager
def serving(db, token: str | None):
    env = {k: v for k, v in os.environ.items() if k not in ("CLAIMLEDGER_TOKEN", "CLAIMLEDGER_DB")}
    if token is not None:
        env["CLAIMLEDGER_TOKEN"] = token
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "claimledger.cli", "serve", "--db", str(db), "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"server did not start: {process.communicate(timeout=5)}")
            time.sleep(0.1)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def stderr_of(process) -> str:
    process.terminate()
    return process.communicate(timeout=15)[1]


def test_serve_with_a_token(ledger_file, tmp_path):
    db = copy_ledger(ledger_file, tmp_path / "served.db")
    with serving(db, token="t") as (url, process):
        with httpx.Client(base_url=url, timeout=60) as http:
            assert http.get("/api/health").status_code == 200
            claims = http.get("/api/claims", params={"limit": 5})
            assert claims.status_code == 200 and len(claims.json()["items"]) == 5
            article = {"title": "probe", "text": 'Hi <script>alert("x")</script>. The army said 3 soldiers died.'}
            assert http.post("/api/documents", json=article).status_code == 401
            created = http.post("/api/documents", json=article, headers={"Authorization": "Bearer t"})
            assert created.status_code == 201
            html = http.get(f"/documents/{created.json()['id']}").text
            assert '<script>alert("x")</script>' not in html and "&lt;script&gt;" in html
        output = stderr_of(process)
    assert "serving ledger" in output and "read-only" not in output


def test_serve_without_a_token_is_read_only(ledger_file, tmp_path):
    db = copy_ledger(ledger_file, tmp_path / "served.db")
    with serving(db, token=None) as (url, process):
        response = httpx.post(f"{url}/api/documents", json={"title": "t", "text": "x"},
                              headers={"Authorization": "Bearer anything"})
        assert response.status_code == 403
        output = stderr_of(process)
    assert "read-only" in output and "CLAIMLEDGER_TOKEN is not set" in output


def test_serve_read_only_needs_an_existing_ledger(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIMLEDGER_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: no ledger at") and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("port", ["0", "70000", "x"])
def test_serve_rejects_a_bad_port(port):
    result = CliRunner().invoke(app, ["serve", "--port", port])
    assert result.exit_code == 1 and "--port" in result.stderr


def test_serve_hands_the_app_to_uvicorn(ledger_file, monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda application, **options: calls.append((application, options)))
    monkeypatch.setenv("CLAIMLEDGER_TOKEN", "t")
    result = CliRunner().invoke(app, ["serve", "--db", str(ledger_file), "--host", "0.0.0.0", "--port", "8123",
                                      "--max-body", "1000"])
    assert result.exit_code == 0, result.stderr
    (application, options), = calls
    assert options["host"] == "0.0.0.0" and options["port"] == 8123
    settings = application.state.settings
    assert settings.token == "t" and settings.max_body == 1000 and not settings.read_only
    settings.ledger.close()
