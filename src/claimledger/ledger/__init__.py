"""Storage of the claim ledger: documents and their claims in a database (SQLite or PostgreSQL).

``Store`` is the storage layer; the ``Ledger`` facade (``claimledger.facade``) builds on it and is
the one object every face talks to.
"""

from ..errors import LedgerError
from .store import DEFAULT_URL, Store, reason
from .report import IngestReport, content_hash

__all__ = ["DEFAULT_URL", "IngestReport", "LedgerError", "Store", "content_hash", "reason"]
