"""What storing documents did (``IngestReport``) and the content hash that tells a text already stored.

Apart from ``writer.py`` (which needs SQLAlchemy) because the faces and the facade use both
without writing anything.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError


def content_hash(text: str) -> str:
    """The identity of a text: sha256 of its UTF-8 bytes, hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class IngestReport:
    """What an ``ingest`` or ``add`` did, document by document."""

    added: int = 0  # new documents (revision 1)
    unchanged: int = 0  # text already stored (same content hash), or repeated within the run
    revised: int = 0  # known identity (url, else key) with a new text: stored as the next revision
    failed: list[InputError] = field(default_factory=list)
    analysis: Any = None  # the analyze.AnalysisReport of the analysis that ran after storing, if one did

    @property
    def stored(self) -> int:
        return self.added + self.revised

    def absorb(self, other: "IngestReport") -> None:
        """Add another report's counts to this one."""
        self.added += other.added
        self.unchanged += other.unchanged
        self.revised += other.revised
        self.failed.extend(other.failed)
