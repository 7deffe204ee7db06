"""The web application: the REST API under /api, the HTML pages at /, OpenAPI docs at /docs.

``create_app`` builds it around one ``Ledger``. Reads are open to anyone; writes need
``Authorization: Bearer <token>`` when a token is configured, and are refused when none is (the
server is then read-only). A request body over ``max_body`` bytes is answered 413 before it is
read; invalid input 422 with a readable message; the ledger's own failures (an unreachable
database, a missing model) 503. No input should end in a 500: a bug that slips through is logged
and answered with a one-line JSON 500.
"""

from __future__ import annotations

import hmac
import logging
import os
import threading
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ClaimLedgerError, InputError, LedgerError, ModelError
from . import queries
from .models import NO_NUL, SOME_TEXT

log = logging.getLogger("claimledger.api")

DEFAULT_MAX_BODY = 1024 * 1024  # bytes: a long article as JSON is well under this
TOKEN_ENV = "CLAIMLEDGER_TOKEN"
FASTAPI_UNPARSABLE_BODY = "There was an error parsing the body"  # FastAPI's 400 for a body json.loads rejects


@dataclass
class Settings:
    """What the routes need besides the request: the ledger, the write token, the limits."""

    ledger: object
    token: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    write_lock: threading.Lock = field(default_factory=threading.Lock)  # one ingest at a time

    @property
    def read_only(self) -> bool:
        return not self.token

    def token_matches(self, presented: str) -> bool:
        """Constant-time comparison (hmac.compare_digest on bytes), so timing tells nothing."""
        if not self.token:
            return False
        return hmac.compare_digest(presented.encode("utf-8", "surrogatepass"),
                                   self.token.encode("utf-8", "surrogatepass"))


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


def create_app(ledger, *, token: str | None = None, max_body: int = DEFAULT_MAX_BODY,
               close_ledger: bool = False) -> FastAPI:
    """The application serving ``ledger`` (an open ``Ledger``, or a path/URL to open one).

    ``token``: the bearer token writes need (None or empty: read-only). ``close_ledger``: close
    the ledger when the application shuts down (always, when this function opened it).
    """
    from .. import __version__
    from ..web import routes as web_routes
    from . import routes as api_routes

    if isinstance(ledger, (str, os.PathLike)):
        from ..ledger import Ledger

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
        description=(
            "Read the ledger: documents with every claim and its character offsets, claims by speaker, "
            "claimant or category, figures, contested figure groups, entities, full-text search.\n\n"
            "Writes (`POST /api/documents`, `PUT /api/sources/{id}/grade`) need `Authorization: Bearer <token>` "
            f"where the token is the server's `{TOKEN_ENV}`; without one the server is read-only.\n\n"
            f"Lists are paged with `limit` (at most {queries.MAX_PAGE}) and `offset`; a page's `next_offset` "
            "is null on the last page. Request bodies over the size limit get 413, invalid input 422."
        ),
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings

    @app.get("/docs", include_in_schema=False)
    def docs():
        """Swagger UI from this package's static files (FastAPI's default loads it from a CDN)."""
        from fastapi.openapi.docs import get_swagger_ui_html

        return get_swagger_ui_html(
            openapi_url=app.openapi_url, title="claimledger API", swagger_js_url="/static/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger-ui.css", swagger_favicon_url="/static/favicon.png",
            swagger_ui_parameters={"validatorUrl": None},
        )

    app.include_router(api_routes.router)
    web_routes.mount(app)
    install_error_handlers(app)
    app.add_middleware(BodyLimit, max_body=max_body)
    return app


def app_from_env() -> FastAPI:
    """For ``uvicorn --factory claimledger.api:app_from_env``: the ledger in CLAIMLEDGER_DB
    (default ./claimledger.db), the token in CLAIMLEDGER_TOKEN."""
    return create_app(os.environ.get("CLAIMLEDGER_DB", "./claimledger.db"), token=os.environ.get(TOKEN_ENV))


# -- errors --------------------------------------------------------------------------------------


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path.startswith("/docs") or path == "/openapi.json"


PATTERN_MESSAGES = {
    NO_NUL: "must not contain NUL characters",
    SOME_TEXT: "must hold some text that is not white space, and no NUL characters",
}


def readable(errors: list[dict]) -> tuple[str, list[dict]]:
    """Pydantic's errors as one sentence per field ("body.title: Field required") and as plain dicts."""
    plain = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ())]
        msg, kind = str(error.get("msg", "")), str(error.get("type", ""))
        if kind == "string_pattern_mismatch":
            msg = PATTERN_MESSAGES.get((error.get("ctx") or {}).get("pattern"), msg)
        if kind == "json_invalid":  # FastAPI says "JSON decode error" at body.<character offset>
            reason = (error.get("ctx") or {}).get("error")
            loc, msg = ["body"], "not valid JSON" + (f" ({reason})" if reason else "")
        plain.append({"loc": loc, "msg": msg, "type": kind})
    message = "; ".join(f"{'.'.join(e['loc']) or 'request'}: {e['msg']}" for e in plain)
    return message or "invalid request", plain


def allowed_methods(request: Request) -> list[str]:
    """Every method some route of this path accepts (Starlette's 405 names only the first route's)."""
    from starlette.routing import Match

    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches(request.scope)
        if match != Match.NONE and getattr(route, "methods", None):
            methods |= set(route.methods)
    return sorted(methods)


def install_error_handlers(app: FastAPI) -> None:
    def problem(request: Request, status: int, detail: str, headers: dict | None = None,
                extra: dict | None = None) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": detail, **(extra or {})}, status_code=status, headers=headers)
        from ..web.routes import error_page

        return error_page(request, status, detail, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def validation(request: Request, exc: RequestValidationError):
        detail, errors = readable(list(exc.errors()))
        return problem(request, 422, detail, extra={"errors": errors})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        headers = getattr(exc, "headers", None)
        if exc.status_code == 400 and detail == FASTAPI_UNPARSABLE_BODY:  # e.g. bytes that are not UTF-8
            return problem(request, 422, "body: not valid JSON (is it UTF-8 text?)",
                           extra={"errors": [{"loc": ["body"], "msg": "not valid JSON", "type": "json_invalid"}]})
        if exc.status_code == 405:
            headers = {**(headers or {}), "Allow": ", ".join(allowed_methods(request))}
        return problem(request, exc.status_code, detail, headers=headers)

    @app.exception_handler(queries.NotFound)
    async def not_found(request: Request, exc: queries.NotFound):
        return problem(request, 404, str(exc))

    @app.exception_handler(queries.Invalid)
    async def invalid(request: Request, exc: queries.Invalid):
        return problem(request, 422, str(exc))

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError):
        return problem(request, 422, str(exc))

    @app.exception_handler(queries.Conflict)
    async def conflict(request: Request, exc: queries.Conflict):
        return problem(request, 409, str(exc))

    @app.exception_handler(ValueError)
    async def value_error(request: Request, exc: ValueError):  # e.g. the ledger refusing an argument
        return problem(request, 422, str(exc))

    @app.exception_handler(LedgerError)
    @app.exception_handler(ModelError)
    async def unavailable(request: Request, exc: ClaimLedgerError):
        log.error("ledger unavailable: %s", exc)
        return problem(request, 503, f"the ledger is unavailable: {exc}")

    @app.exception_handler(ClaimLedgerError)
    async def other(request: Request, exc: ClaimLedgerError):
        return problem(request, 422, str(exc))


# -- request size --------------------------------------------------------------------------------


class _TooLarge(HTTPException):
    """Raised while reading a body that turns out too long (FastAPI passes HTTPExceptions through)."""

    def __init__(self, limit: int):
        super().__init__(413, f"request body too large (limit {limit} bytes)")


class BodyLimit:
    """ASGI middleware: a body over ``max_body`` bytes gets 413, whether it declares its length or not."""

    def __init__(self, app, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    return await self._reject(send, 400, "Content-Length is not a number")
                if declared > self.max_body:
                    return await self._reject(send, 413, self._message())
        seen = 0
        started = False

        async def counted_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge(self.max_body)
            return message

        async def tracked_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except _TooLarge:
            if not started:
                await self._reject(send, 413, self._message())

    def _message(self) -> str:
        return f"request body too large (limit {self.max_body} bytes)"

    @staticmethod
    async def _reject(send, status: int, detail: str) -> None:
        import json

        body = json.dumps({"detail": detail}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
