"""Web pages: trafilatura keeps the article and its metadata and drops navigation, ads and scripts."""

from __future__ import annotations

import codecs
import re

import trafilatura

from ..errors import InputError
from ..records import Document
from .decode import decode_bytes
from .text import require_content

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
CHARSET_WINDOW = 4096  # browsers look for the meta charset in the first 1024 bytes; allow a long <head>
READ_AS_WINDOWS_1252 = {"iso8859-1", "ascii"}  # as browsers do: such pages are really Windows-1252


def read_html(data: bytes, *, source: str, id: str) -> Document:
    """One article from an HTML page, with the title, date, author, URL and site the page declares."""
    page = decode_bytes(data, source, declared=declared_charset(data))
    require_content(page, source)
    found = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
    if found is None or not (found.text or "").strip():
        raise InputError(source, "no article text found in the HTML page")
    return Document(
        id=id,
        text=found.text,
        source=source,
        title=found.title,
        url=found.url,
        outlet=found.sitename,
        published=found.date,
        author=found.author,
    )


def declared_charset(data: bytes) -> str | None:
    """The encoding a page names in its <meta> tag, used when its bytes are not UTF-8."""
    match = META_CHARSET.search(data[:CHARSET_WINDOW])
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    return "cp1252" if name in READ_AS_WINDOWS_1252 else name
