"""Per-document caches: ``doc.text`` and ``doc.ents`` rebuild on every access in spaCy."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span


@lru_cache(maxsize=8)
def doc_text(doc: Doc) -> str:
    """The document's text, joined once."""
    return doc.text


@lru_cache(maxsize=8)
def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """The document's entities, built once."""
    return tuple(doc.ents)
