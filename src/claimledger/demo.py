"""The demo: the bundled corpus ingested into a fresh SQLite ledger, and what to show of it.

Why in the library: ``claimledger demo`` only renders what ``run_demo`` returns, so the same demo
runs from Python and from a notebook.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .config import DEFAULT_DEMO_DB, DEFAULT_DEMO_PROCESSES, DEFAULT_MODEL
from .errors import InputError
from .files import fresh_sqlite_file, open_ledger
from .ingest.bundled import bundled_corpus, bundled_documents

DEMO_ARTICLE = "syrian-fighters-recruitment"
DEMO_FIGURES = 1000


def run_demo(
    db: str = DEFAULT_DEMO_DB,
    *,
    model: str = DEFAULT_MODEL,
    processes: int = DEFAULT_DEMO_PROCESSES,
    limit: int | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Ingest the bundled corpus (its first ``limit`` documents) into a fresh SQLite ledger and
    gather what the demo shows."""
    corpus = bundled_corpus()
    documents = list(bundled_documents(limit))  # read before the old demo ledger is deleted
    path = fresh_sqlite_file(db)
    with open_ledger(str(path), model) as ledger:
        report = ledger.ingest(documents, processes=processes, on_error=on_error, on_progress=on_progress)
        return {
            "db": str(path),
            "corpus": str(corpus),
            "article": DEMO_ARTICLE,
            "report": report,
            "stats": ledger.stats(),
            "figures": ledger.figures(document=DEMO_ARTICLE, limit=DEMO_FIGURES),
        }
