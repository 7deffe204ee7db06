"""The demo: the bundled corpus ingested into a fresh SQLite ledger, and what to show of it.

Why in the library: ``claimledger demo`` only renders what ``run_demo`` returns, so the same demo
runs from Python and from a notebook.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .config import DEFAULT_DEMO_DB, DEFAULT_DEMO_PROCESSES, DEFAULT_MODEL
from .errors import InputError, UsageError
from .files import fresh_sqlite_file, open_ledger

DEMO_ARTICLE = "syrian-fighters-recruitment"
DEMO_FIGURES = 1000


def corpus_dir() -> Path:
    """The bundled corpus: ``corpus/`` in the repository root, next to ``src/``."""
    path = Path(__file__).resolve().parents[2] / "corpus"
    if not path.is_dir():
        raise UsageError(
            f"bundled corpus not found at {path}; the demo runs from a source checkout "
            "(git clone, then pip install -e .)"
        )
    return path


def run_demo(
    db: str = DEFAULT_DEMO_DB,
    *,
    model: str = DEFAULT_MODEL,
    processes: int = DEFAULT_DEMO_PROCESSES,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Ingest the bundled corpus into a fresh SQLite ledger and gather what the demo shows."""
    corpus = corpus_dir()
    path = fresh_sqlite_file(db)
    with open_ledger(str(path), model) as ledger:
        report = ledger.ingest([str(corpus)], processes=processes, on_error=on_error, on_progress=on_progress)
        return {
            "db": str(path),
            "corpus": str(corpus),
            "article": DEMO_ARTICLE,
            "report": report,
            "stats": ledger.stats(),
            "figures": ledger.figures(document=DEMO_ARTICLE, limit=DEMO_FIGURES),
        }
