"""Per-document caches: ``doc.text``, ``doc.ents`` and every ``Token`` are rebuilt on each access in
spaCy (``for token in doc`` and ``doc[i]`` create a new ``Token`` object each time), and every
component walks the whole document again: built once per ``Doc``, they are shared by all of them."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token


@lru_cache(maxsize=8)
def doc_text(doc: Doc) -> str:
    """The document's text, joined once (from the cached tokens, as spaCy joins it)."""
    return "".join(token.text_with_ws for token in doc_tokens(doc))


@lru_cache(maxsize=8)
def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """The document's entities, built once."""
    return tuple(doc.ents)


@lru_cache(maxsize=8)
def doc_tokens(doc: Doc) -> tuple[Token, ...]:
    """The document's tokens, created once (``doc_tokens(doc)[i]`` is ``doc[i]``)."""
    return tuple(doc)


@lru_cache(maxsize=8)
def doc_sents(doc: Doc) -> tuple[Span, ...]:
    """The document's sentences, built once (``doc.sents`` walks every token each time)."""
    return tuple(doc.sents)


def span_tokens(span: Span) -> tuple[Token, ...]:
    """A span's (a sentence's) tokens, from the document's cached ones."""
    return doc_tokens(span.doc)[span.start:span.end]
