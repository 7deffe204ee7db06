"""What the REST API needs around its routes: settings, error answers, the request size limit.

``claimledger.server.create_app`` puts the API (``routes.router``) and the web pages in one
application around one ``Ledger``. Reads are open to anyone; writes need
``Authorization: Bearer <token>`` when a token is configured, and are refused when none is (the
server is then read-only). A request body over ``max_body`` bytes is answered 413 before it is
read; invalid input 422 with a readable message; the ledger's own failures (an unreachable
database, a missing model) 503. No input should end in a 500: a bug that slips through is logged
and answered with a one-line JSON 500.
"""

from __future__ import annotations

import hmac
import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from ..errors import ClaimLedgerError, Conflict, InputError, Invalid, LedgerError, ModelError, NotFound, Rejected
from ..facade import Ledger
from .models import NO_NUL, SOME_TEXT

log = logging.getLogger("claimledger.api")

DEFAULT_MAX_BODY = 1024 * 1024  # bytes: a long article as JSON is well under this
TOKEN_ENV = "CLAIMLEDGER_TOKEN"
FASTAPI_UNPARSABLE_BODY = "There was an error parsing the body"  # FastAPI's 400 for a body json.loads rejects


@dataclass
class Settings:
    """What the routes need besides the request: the ledger, the write token, the limits."""

    ledger: Ledger
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
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches(request.scope)
        if match != Match.NONE and getattr(route, "methods", None):
            methods |= set(route.methods)
    return sorted(methods)


HtmlPage = Callable[..., Response]  # (request, status, detail, headers=...) -> an HTML error page


def install_error_handlers(app: FastAPI, html_page: HtmlPage | None = None) -> None:
    """Every failure as a one-line answer: JSON under /api, ``html_page`` (when given) elsewhere."""

    def problem(request: Request, status: int, detail: str, headers: dict | None = None,
                extra: dict | None = None) -> Response:
        if html_page is None or wants_json(request):
            return JSONResponse({"detail": detail, **(extra or {})}, status_code=status, headers=headers)
        return html_page(request, status, detail, headers=headers)

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

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return problem(request, 404, str(exc))

    @app.exception_handler(Invalid)
    @app.exception_handler(Rejected)
    async def invalid(request: Request, exc: ClaimLedgerError):
        return problem(request, 422, str(exc))

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError):
        return problem(request, 422, str(exc))

    @app.exception_handler(Conflict)
    async def conflict(request: Request, exc: Conflict):
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
        body = json.dumps({"detail": detail}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
