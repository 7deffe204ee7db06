"""claimledger: a source-attributed ledger of claims in news articles.

Public surface: ``Ledger``, ``extract``, the record types and ``ClaimLedgerError``. The names that
need the database layer (``Ledger``, ``IngestReport``) or spaCy (``extract``, ``extract_documents``)
are imported on first use (PEP 562), so ``import claimledger`` and ``claimledger --help`` stay quick.
"""

from ._version import __version__
from .errors import ClaimLedgerError, InputError, LedgerError, ModelError
from . import extract as _extractors  # noqa: F401  the subpackage first, so the function below keeps the name
from .records import Attribution, Document, Entity, Figure, Quote, Record, Tally, TallyClaim

__all__ = [
    "Attribution", "ClaimLedgerError", "IngestReport", "Ledger", "Document", "Entity", "Figure", "InputError",
    "LedgerError", "ModelError", "Quote", "Record", "Tally", "TallyClaim", "__version__", "extract", "extract_documents",
]

def __getattr__(name: str):
    """``Ledger`` and ``IngestReport`` (SQLAlchemy), ``extract`` and ``extract_documents`` (spaCy),
    imported when first asked for."""
    if name == "Ledger":
        from .facade import Ledger

        return Ledger
    if name == "IngestReport":
        from .ledger import IngestReport

        return IngestReport
    if name == "extract_documents":
        from . import pipeline

        return pipeline.extract_documents
    raise AttributeError(f"module 'claimledger' has no attribute {name!r}")


def extract(text: str, *, id: str = "text", model: str | None = None) -> Record:
    """Extract quotes, attributions, figures, tallies and entities from one string (loads spaCy
    on first use)."""
    from . import pipeline

    return pipeline.extract(text, id=id, **({"model": model} if model else {}))
