"""Browser fixtures: the real server (uvicorn in a thread) on a real ledger, and Debian's Chromium
driven by Playwright (Playwright's own browser download is not used)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from _live_server import LiveServer, copy_ledger, shared_ledger

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
# The README's pictures are refreshed on request only (CLAIMLEDGER_SCREENSHOTS=docs), so that a test
# run leaves the checkout as it found it; otherwise they go to a temporary folder.
DOCS = (Path(__file__).resolve().parents[2] / "docs" if os.environ.get("CLAIMLEDGER_SCREENSHOTS") == "docs"
        else Path(tempfile.gettempdir()) / "claimledger-screenshots")


@pytest.fixture(scope="session")
def web_server(tmp_path_factory):
    db = copy_ledger(shared_ledger(tmp_path_factory), tmp_path_factory.mktemp("web") / "ledger.db")
    with LiveServer(db, token=None) as live:
        yield live


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (scripts/test.sh does so as root)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser, web_server):
    """A fresh desktop-sized tab that fails the test on any JavaScript dialog or page error."""
    context = browser.new_context(viewport={"width": 1280, "height": 860}, base_url=web_server.url)
    tab = context.new_page()
    tab.dialogs = []
    tab.errors = []

    def on_dialog(dialog):
        tab.dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.set_default_timeout(15_000)
    try:
        yield tab
    finally:
        context.close()


def screenshot(tab, name: str) -> Path:
    """Save ``screenshot-<name>.png`` (into docs/, which the README shows, with CLAIMLEDGER_SCREENSHOTS=docs)."""
    DOCS.mkdir(exist_ok=True)
    path = DOCS / f"screenshot-{name}.png"
    tab.screenshot(path=str(path), full_page=False)
    return path
