"""claimledger: a source-attributed ledger of claims in news articles.

Public surface: ``Ledger``, ``extract``, the record types and ``ClaimLedgerError``.
"""

from ._version import __version__
from .ledger import IngestReport, Ledger
from .errors import ClaimLedgerError, InputError, LedgerError, ModelError
from .pipeline import extract, extract_documents
from .records import Attribution, Document, Entity, Figure, Quote, Record

__all__ = [
    "Attribution", "ClaimLedgerError", "IngestReport", "Ledger", "Document", "Entity", "Figure", "InputError",
    "LedgerError", "ModelError", "Quote", "Record", "__version__", "extract", "extract_documents",
]
