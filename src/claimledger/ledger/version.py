"""Which schema a ledger has: the migrations recorded in it, against the ones this claimledger knows.

Why apart from ``migrations.py``: opening a ledger checks its schema every time, and a read-only
command must be able to do so without loading SQLAlchemy, which the migrations are written in.
``migrations.py`` checks that its functions are exactly these, in this order.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import LedgerError

MIGRATION_NAMES = ("m001_initial", "m002_analysis", "m003_tallies", "m004_incidents", "m005_figure_days",
                   "m006_listed_figures", "m007_document_bands", "m008_figure_references")  # append a new migration's name here
TABLE = "_migrations"


def is_current(recorded: Iterable[str], where: str, known: Iterable[str] | None = None) -> bool:
    """True when every known migration (default ``MIGRATION_NAMES``) is recorded; False when some are
    still to apply. A ledger with a migration this version does not know was written by a newer
    claimledger: one clear error."""
    recorded, known = set(recorded), set(MIGRATION_NAMES if known is None else known)
    newer = sorted(recorded - known)
    if newer:
        raise LedgerError(f"ledger {where} was written by a newer claimledger (its schema has {', '.join(newer)}); "
                          f"upgrade claimledger to open it")
    return known <= recorded
