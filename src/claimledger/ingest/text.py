"""Plain-text articles: the file's text, untouched, because extracted offsets point into it."""

from __future__ import annotations

from ..errors import InputError
from ..records import Document
from .decode import decode_bytes


def read_text(data: bytes, *, source: str, id: str) -> Document:
    """One article from a text file; only a leading byte-order mark is removed, never whitespace."""
    text = decode_bytes(data, source)
    require_content(text, source)
    return Document(id=id, text=text, source=source)


def require_content(text: str, source: str) -> None:
    """Refuse a file with nothing to read, so it is reported rather than silently yielding no claims."""
    if not text:
        raise InputError(source, "empty file")
    if not text.strip():
        raise InputError(source, "file contains only whitespace")
