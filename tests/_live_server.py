"""A real claimledger server for the API and browser tests: uvicorn in a thread on a free local
port, serving a real SQLite ledger built from the bundled corpus (plus an XSS probe article)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import uvicorn

from claimledger.server import create_app
from claimledger import Ledger
from claimledger.records import Document

from _bundled import EXAMPLE as EXAMPLE_FILE, WIKINEWS, jsonl_rows, row_document

EXAMPLE = EXAMPLE_FILE.stem
XSS_KEY = "xss-probe"
WIKINEWS_DOCS = 6  # a few more articles, so lists, search and entities have something to show

XSS_TEXT = (
    'Officials said the <script>alert("x");window.__xss = 1</script> page was harmless. '
    '"We saw <img src=x onerror="alert(1);window.__xss=2"> in the report," said the spokesman '
    '<svg onload=alert(3)>John Doe</svg>. According to the ministry, 25 people were killed '
    "and 40 <b onmouseover=alert(4)>injured</b>."
)


def xss_document() -> Document:
    return Document(
        id=XSS_KEY,
        text=XSS_TEXT,
        source="tests",
        title='<img src=x onerror="alert(5)"> Hostile <script>alert(6)</script> title',
        url="javascript:alert(7)",
        outlet='<b onmouseover="alert(8)">Outlet</b>',
    )


def build_ledger(path: Path) -> Path:
    """The example article, a few Wikinews articles and the XSS probe, ingested and analysed."""
    extra = [row_document(row, "wikinews") for row in jsonl_rows(WIKINEWS)[:WIKINEWS_DOCS]]
    with Ledger(path) as ledger:
        report = ledger.ingest([EXAMPLE_FILE, *extra, xss_document()])
        assert not report.failed, report.failed
        analyze = getattr(ledger, "analyze", None)
        if callable(analyze):
            analyze()
    return path


_built: dict[str, Path] = {}


def shared_ledger(tmp_path_factory) -> Path:
    """``build_ledger`` once per test session (parsing is the slow part); treat it as read-only."""
    if "path" not in _built:
        _built["path"] = build_ledger(tmp_path_factory.mktemp("shared-ledger") / "ledger.db")
    return _built["path"]


def copy_ledger(source: Path, target: Path) -> Path:
    """A private copy of a closed SQLite ledger (for tests that write)."""
    shutil.copyfile(source, target)
    return target


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """``create_app`` served by uvicorn on 127.0.0.1 in a background thread."""

    def __init__(self, db: Path, *, token: str | None = None, max_body: int | None = None):
        options = {} if max_body is None else {"max_body": max_body}
        self.app = create_app(str(db), token=token, **options)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name=f"uvicorn-{self.port}", daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the test server on port {self.port} did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc_info) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)
