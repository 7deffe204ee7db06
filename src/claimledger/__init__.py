"""claimledger: a source-attributed ledger of claims in news articles.

Public surface: ``Ledger``, ``extract``, the record types and ``ClaimLedgerError``.
"""

from .ledger import IngestReport, Ledger
from .errors import ClaimLedgerError, InputError, LedgerError, ModelError
from .pipeline import extract, extract_documents
from .records import Attribution, Document, Entity, Figure, Quote, Record, Tally, TallyClaim

__all__ = [
    "Attribution", "ClaimLedgerError", "IngestReport", "Ledger", "Document", "Entity", "Figure", "InputError",
    "LedgerError", "ModelError", "Quote", "Record", "Tally", "TallyClaim", "extract", "extract_documents",
]
__version__ = "0.1.0"
