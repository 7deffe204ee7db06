"""``claimledger serve``: the REST API and the web pages over HTTP (``claimledger.server``)."""

from __future__ import annotations

import os

import click

from ..config import DEFAULT_MODEL
from .base import db_option, lazy, model_option
from .render import say

files = lazy("claimledger.files")

SERVE_MAX_BODY = 1024 * 1024  # bytes; claimledger.api.DEFAULT_MAX_BODY
TOKEN_ENV = "CLAIMLEDGER_TOKEN"


def serve_app(db: str, *, token: str | None = None, model: str = DEFAULT_MODEL, max_body: int = SERVE_MAX_BODY):
    """The web application (REST API + pages) over the ledger at ``db``; read-only without ``token``.

    A read-only server needs an existing ledger; one that accepts writes creates it if missing.
    """
    from ..server import create_app  # FastAPI and its routes: only for the command that serves

    ledger = files.open_ledger(db, model, must_exist=not token)
    return create_app(ledger, token=token, max_body=max_body, close_ledger=True)


@click.command("serve")
@db_option()
@click.option("--host", default="127.0.0.1", help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, help="Port to listen on.")
@click.option("--max-body", type=click.IntRange(min=1), default=SERVE_MAX_BODY,
              help="Largest request body accepted, in bytes (larger ones get 413).")
@model_option()
def serve_cli(db: str, host: str, port: int, max_body: int, model: str) -> None:
    """Serve the REST API (/api, documented at /docs) and the web pages over HTTP.

    Writes (POST /api/documents, PUT /api/sources/ID/grade) need 'Authorization: Bearer TOKEN' where TOKEN is the value of CLAIMLEDGER_TOKEN; without CLAIMLEDGER_TOKEN the server is read-only. Stop it with Ctrl-C.

    Example: CLAIMLEDGER_TOKEN=secret claimledger serve --db news.db --port 8000
    """
    import uvicorn

    token = os.environ.get(TOKEN_ENV) or None
    application = serve_app(db, token=token, model=model, max_body=max_body)
    shown = f"[{host}]" if ":" in host else host
    say(f"serving ledger {db} at {click.style(f'http://{shown}:{port}/', fg='cyan')} "
        f"(API at /api, its docs at /docs)", err=True)
    if token is None:
        say(f"{click.style('read-only:', fg='yellow')} {TOKEN_ENV} is not set, so writes are refused (403)", err=True)
    else:
        say(f"writes need 'Authorization: Bearer <{TOKEN_ENV}>'", err=True)
    uvicorn.run(application, host=host, port=port, log_level="info")
