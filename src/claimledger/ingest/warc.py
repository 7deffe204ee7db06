"""Web archives (WARC, plain or gzipped, via warcio): each archived HTML page is one document.

The file is streamed record by record, so an archive of any size reads in bounded memory; each
page is limited to ``max_bytes``. Only HTML ``response`` (and ``resource``) records with a 2xx
status are articles: requests, metadata, redirects, images, scripts and stylesheets are skipped
silently. Each page goes through the HTML reader (trafilatura); its URL is the record's
``WARC-Target-URI``, which is also its id, so a page archived again with new text becomes a new
revision of the same document. A page that cannot be read is an ``InputError`` naming the file
and the URI, and the rest of the archive is still read.
"""

from __future__ import annotations

import codecs
import contextlib
import io
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError
from ..records import Document
from .html import read_html

HTML_TYPES = ("text/html", "application/xhtml+xml")
PAGE_RECORDS = ("response", "resource")


def read_warc(stream: BinaryIO, *, source: str, max_bytes: int) -> Iterator[Document | InputError]:
    """The HTML pages archived in a WARC stream, as documents (InputError for each unreadable one)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    pages = 0
    try:
        with _quiet():
            records = ArchiveIterator(stream, arc2warc=True)
        while True:
            with _quiet():  # warcio prints a warning to stderr for each record with a wrong length
                record = next(records, None)
                page = None if record is None else _page(record, source, max_bytes)
            if record is None:
                break
            if page is not None:
                pages += 1
                yield page
    except ArchiveLoadFailed as error:
        yield InputError(source, f"not a readable WARC file: {_one_line(error)}")
        return
    except Exception as error:  # noqa: BLE001 - warcio fails on damaged input in many ways (AttributeError, zlib ...)
        yield InputError(source, f"damaged WARC file: {type(error).__name__}: {_one_line(error)}")
        return
    if not pages:
        yield InputError(source, "no HTML pages in the WARC file")


@contextlib.contextmanager
def _quiet():
    """Swallow what warcio writes to stderr while it parses (only around its own calls)."""
    with contextlib.redirect_stderr(io.StringIO()):
        yield


def _page(record, source: str, max_bytes: int) -> Document | InputError | None:
    """One record as a document; None for records that are not archived HTML pages."""
    if record.rec_type not in PAGE_RECORDS:
        return None
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip() or None
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return None
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    mime, charset = _content_type(content_type)
    if mime not in HTML_TYPES:
        return None
    where = f"{source} ({uri})" if uri else source
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return InputError(where, f"archived page is over the {max_bytes:,}-byte limit")
    data = _as_utf8(data, charset)
    try:
        document = read_html(data, source=where, id=uri or source)
    except InputError as error:
        return error
    document.url = uri or document.url
    if not document.published:
        date = record.rec_headers.get_header("WARC-Date") or ""
        document.published = date[:10] or None
    return document


def _content_type(value: str) -> tuple[str, str | None]:
    """(MIME type, charset) from a Content-Type header."""
    mime, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, found = param.partition("=")
        if name.strip().lower() == "charset":
            charset = found.strip().strip("\"'") or None
    return mime.strip().lower(), charset


def _as_utf8(data: bytes, charset: str | None) -> bytes:
    """The page re-encoded as UTF-8 when its HTTP header names another charset that fits its bytes.

    The HTML reader tries UTF-8 first and then the page's own meta charset; the HTTP header,
    which browsers prefer, is only known here.
    """
    if not charset:
        return data
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return data
    if name in ("utf-8", "ascii") or name.startswith("utf-16"):
        return data
    try:
        data.decode("utf-8")
        return data  # already UTF-8 whatever the header claims
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252" if name == "iso8859-1" else name).encode("utf-8")
    except (UnicodeDecodeError, LookupError):
        return data


def _one_line(value) -> str:
    return " ".join(str(value).split())[:200]
