"""claimledger: a source-attributed ledger of claims in news articles.

Public surface: ``Ledger``, ``extract``, the record types and ``ClaimLedgerError``. ``extract`` and
``extract_documents`` load spaCy, so they are imported on first use: ``import claimledger`` alone
(and every command that only reads a ledger) never pays for it.
"""

from .errors import ClaimLedgerError, InputError, LedgerError, ModelError
from .facade import Ledger
from .ledger import IngestReport
from .records import Attribution, Document, Entity, Figure, Quote, Record

__all__ = [
    "Attribution", "ClaimLedgerError", "IngestReport", "Ledger", "Document", "Entity", "Figure", "InputError",
    "LedgerError", "ModelError", "Quote", "Record", "extract", "extract_documents",
]
__version__ = "0.1.0"

_PARSING = ("extract", "extract_documents")


def __getattr__(name: str):
    """``extract`` and ``extract_documents``, imported when first asked for (they load spaCy)."""
    if name in _PARSING:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'claimledger' has no attribute {name!r}")
