"""The web application: the REST API under /api, the HTML pages at /, OpenAPI docs at /docs.

Why a module above ``api`` and ``web``: the two faces share nothing but the library (``pages``), so
neither imports the other; this module puts them in one FastAPI application around one ``Ledger``.
Run it with ``claimledger serve --db PATH``, or ``uvicorn --factory claimledger.server:app_from_env``.
"""

from __future__ import annotations

import os
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html

from . import __version__
from .api import routes as api_routes
from .api.app import DEFAULT_MAX_BODY, TOKEN_ENV, BodyLimit, Settings, install_error_handlers
from .facade import Ledger
from .pages import MAX_PAGE
from .web import routes as web_routes

DESCRIPTION = (
    "Read the ledger: documents with every claim and its character offsets, claims by speaker, "
    "claimant or category, figures, contested figure groups, entities, full-text search.\n\n"
    "Writes (`POST /api/documents`, `PUT /api/sources/{id}/grade`) need `Authorization: Bearer <token>` "
    f"where the token is the server's `{TOKEN_ENV}`; without one the server is read-only.\n\n"
    f"Lists are paged with `limit` (at most {MAX_PAGE}) and `offset`; a page's `next_offset` "
    "is null on the last page. Request bodies over the size limit get 413, invalid input 422."
)


def create_app(ledger: Ledger | str | os.PathLike, *, token: str | None = None, max_body: int = DEFAULT_MAX_BODY,
               close_ledger: bool = False) -> FastAPI:
    """The application serving ``ledger`` (an open ``Ledger``, or a path/URL to open one).

    ``token``: the bearer token writes need (None or empty: read-only). ``close_ledger``: close
    the ledger when the application shuts down (always, when this function opened it).
    """
    if isinstance(ledger, (str, os.PathLike)):
        ledger = Ledger(ledger)
        close_ledger = True
    settings = Settings(ledger=ledger, token=token or None, max_body=max_body)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        try:
            yield
        finally:
            if close_ledger:
                ledger.close()

    app = FastAPI(
        title="claimledger",
        version=__version__,
        summary="A source-attributed ledger of quotes, attributions and figures in news articles.",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings

    @app.get("/docs", include_in_schema=False)
    def docs():
        """Swagger UI from this package's static files (FastAPI's default loads it from a CDN)."""
        return get_swagger_ui_html(
            openapi_url=app.openapi_url, title="claimledger API", swagger_js_url="/static/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger-ui.css", swagger_favicon_url="/static/favicon.png",
            swagger_ui_parameters={"validatorUrl": None},
        )

    app.include_router(api_routes.router)
    web_routes.mount(app)
    install_error_handlers(app, html_page=web_routes.error_page)
    app.add_middleware(BodyLimit, max_body=max_body)
    return app


def app_from_env() -> FastAPI:
    """For ``uvicorn --factory claimledger.server:app_from_env``: the ledger in CLAIMLEDGER_DB
    (default ./claimledger.db), the token in CLAIMLEDGER_TOKEN."""
    return create_app(os.environ.get("CLAIMLEDGER_DB", "./claimledger.db"), token=os.environ.get(TOKEN_ENV))
