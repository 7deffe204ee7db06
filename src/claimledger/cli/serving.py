"""``claimledger serve``: the REST API and the web pages over HTTP (``claimledger.server``)."""

from __future__ import annotations

import os
from typing import Annotated

import typer
from rich.markup import escape

from ..config import DEFAULT_MODEL
from .base import DEFAULT_DB, DbOption, ModelOption, lazy, stderr_console

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


def serve_cli(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (0.0.0.0: every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    max_body: Annotated[
        int, typer.Option("--max-body", min=1, help="Largest request body accepted, in bytes (larger ones get 413).")
    ] = SERVE_MAX_BODY,
    model: ModelOption = DEFAULT_MODEL,
) -> None:
    """Serve the REST API (/api, documented at /docs) and the web pages over HTTP.

    Writes (POST /api/documents, PUT /api/sources/ID/grade) need 'Authorization: Bearer TOKEN' where TOKEN is the value of CLAIMLEDGER_TOKEN; without CLAIMLEDGER_TOKEN the server is read-only. Stop it with Ctrl-C.

    [bold]Example:[/] CLAIMLEDGER_TOKEN=secret claimledger serve --db news.db --port 8000
    """
    import uvicorn

    token = os.environ.get(TOKEN_ENV) or None
    application = serve_app(db, token=token, model=model, max_body=max_body)
    console = stderr_console()
    shown = f"[{host}]" if ":" in host else host
    console.print(f"serving ledger [bold]{escape(db)}[/] at [cyan]http://{escape(shown)}:{port}/[/] "
                  f"(API at /api, its docs at /docs)", highlight=False)
    if token is None:
        console.print(f"[yellow]read-only:[/] {TOKEN_ENV} is not set, so writes are refused (403)", highlight=False)
    else:
        console.print(f"writes need 'Authorization: Bearer <{TOKEN_ENV}>'", highlight=False)
    uvicorn.run(application, host=host, port=port, log_level="info")
