"""The claim ledger: documents and their claims in a database (SQLite now, PostgreSQL later).

``Ledger`` is the one object every face talks to; see ``store.py``.
"""

from ..errors import LedgerError
from .store import DEFAULT_URL, IngestReport, Ledger, content_hash

__all__ = ["DEFAULT_URL", "IngestReport", "Ledger", "LedgerError", "content_hash"]
