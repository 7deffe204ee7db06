"""RSS and Atom feeds (feedparser): a feed file, a feed URL, or a ``.feeds`` list of feed URLs.

Each entry becomes one document: its full content when the feed carries it (``content:encoded``,
Atom ``<content>``), else its summary. HTML goes through the HTML reader (trafilatura), falling
back to the fragment's plain text when trafilatura finds no article in it (short summaries);
plain text is used as it is. The entry's title, link, date and author, and the feed's title as
the outlet, are the document's metadata. An entry without any text, or a file that is not a feed,
is reported as an ``InputError``; the other entries are still read.
"""

from __future__ import annotations

import io
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import feedparser

from ..errors import InputError
from ..records import Document
from .html import read_html

FEED_URL_SCHEMES = ("http://", "https://")
FETCH_TIMEOUT = 30  # seconds per feed
USER_AGENT = "claimledger feed reader"
HTML_TYPES = ("text/html", "application/xhtml+xml")
BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr section article header footer figure "
    "figcaption dd dt hr".split()
)
_SPACES = re.compile(r"[ \t\r\f\v]+")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TAG = re.compile(r"<[^>]*>")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")

Fetch = Callable[[str, int], tuple[bytes, dict[str, str]]]


def is_feed_url(argument: str) -> bool:
    """Whether a command-line argument names a feed on the web rather than a file."""
    return argument.lower().startswith(FEED_URL_SCHEMES)


def read_feed(
    data: bytes, *, source: str, stem: str, headers: dict[str, str] | None = None
) -> Iterator[Document | InputError]:
    """The entries of one RSS/Atom feed as documents; an InputError for a non-feed or an empty entry."""
    try:
        # A stream, never bytes: feedparser would try bytes as a file name first.
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers or {}, sanitize_html=True)
    except Exception as error:  # noqa: BLE001 - feedparser has no single error type; it is one bad file
        yield InputError(source, f"unreadable feed: {type(error).__name__}: {error}")
        return
    entries = parsed.get("entries") or []
    if not parsed.get("version") and not entries:
        reason = parsed.get("bozo_exception")
        yield InputError(source, "not an RSS or Atom feed" + (f" ({_one_line(reason)})" if reason else ""))
        return
    if not entries:
        yield InputError(source, "feed has no entries")
        return
    outlet = _clean(parsed.get("feed", {}).get("title"))
    for number, entry in enumerate(entries, 1):
        try:
            yield entry_document(entry, number=number, source=source, stem=stem, outlet=outlet)
        except InputError as error:
            yield error


def entry_document(entry: Any, *, number: int, source: str, stem: str, outlet: str | None) -> Document:
    """One feed entry as a document (raises InputError when it has no text)."""
    title = _clean(entry.get("title"))
    where = f"{source} (entry {number}{': ' + title if title else ''})"
    body, kind = _body(entry)
    if body is None or not body.strip():
        raise InputError(where, "feed entry has no content or summary")
    link = _clean(entry.get("link"))
    key = _clean(entry.get("id")) or link or f"{stem}-{number}"
    text, found = (_html_text(body, where, key) if kind in HTML_TYPES else (_plain(body), None))
    if not text.strip():
        raise InputError(where, "feed entry has no text")
    return Document(
        id=key,
        text=text,
        source=source,
        title=title or (found.title if found else None),
        url=link or (found.url if found else None),
        outlet=outlet or (found.outlet if found else None),
        published=_date(entry) or (found.published if found else None),
        author=_clean(entry.get("author")) or (found.author if found else None),
    )


def _body(entry: Any) -> tuple[str | None, str]:
    """The entry's fullest text and its MIME type: the longest content, else the summary."""
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value") or ""))
        return best.get("value"), (best.get("type") or "text/html").lower()
    detail = entry.get("summary_detail") or {}
    summary = entry.get("summary")
    return summary, (detail.get("type") or "text/html").lower()


def _html_text(fragment: str, where: str, key: str) -> tuple[str, Document | None]:
    """An HTML fragment's article text through the HTML reader, or its plain text when that finds none."""
    page = f"<html><head><meta charset=\"utf-8\"></head><body>{fragment}</body></html>".encode("utf-8", "replace")
    try:
        found = read_html(page, source=where, id=key)
    except InputError:
        found = None
    plain = html_to_text(fragment)
    if found is not None and len(found.text) * 2 >= len(plain):  # trafilatura kept the article, not a scrap
        return _storable(found.text.strip()), found
    return plain, found


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment, paragraphs separated by blank lines."""
    import lxml.etree
    import lxml.html

    fragment = _NOT_XML.sub("", fragment)  # lxml refuses control characters (and NUL) in text
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
        for element in root.iter(lxml.etree.Element):
            if not isinstance(element.tag, str):
                continue
            if element.tag in ("script", "style"):
                element.text = ""
            if element.tag in BLOCK_TAGS:
                element.tail = "\n\n" + (element.tail or "")
        return _plain(root.text_content())
    except (lxml.etree.LxmlError, ValueError):
        return _plain(_TAG.sub(" ", fragment))


def _storable(text: str) -> str:
    """NUL and lone surrogates (which no database stores) replaced by U+FFFD."""
    return text.replace("\x00", "\ufffd").encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _plain(text: str) -> str:
    """Text with runs of spaces squeezed and paragraphs separated by one blank line; NUL becomes U+FFFD."""
    lines = (_SPACES.sub(" ", line).strip() for line in _storable(text).split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _date(entry: Any) -> str | None:
    """The entry's publication (else update) date as YYYY-MM-DD, as the HTML reader gives it."""
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(name)
        if value:
            try:
                return time.strftime("%Y-%m-%d", value)
            except (TypeError, ValueError):
                continue
    return _clean(entry.get("published") or entry.get("updated"))


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(_storable(value).split())
    return value or None


def _one_line(value: Any) -> str:
    return " ".join(str(value).split())[:200]


# -- feeds on the web -------------------------------------------------------------------------------


def fetch_url(url: str, max_bytes: int) -> tuple[bytes, dict[str, str]]:
    """A feed's bytes and HTTP headers (raises OSError/URLError; ValueError when over ``max_bytes``)."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:  # noqa: S310 - http(s) only
        data = response.read(max_bytes + 1)
        headers = {name.lower(): value for name, value in response.headers.items()}
    if len(data) > max_bytes:
        raise ValueError(f"feed is over the {max_bytes:,}-byte limit")
    return data, headers


def read_feed_urls(
    urls: Iterable[str], *, max_bytes: int, fetch: Fetch | None = None
) -> Iterator[Document | InputError]:
    """Every entry of every feed in ``urls``; a feed that cannot be fetched is one InputError."""
    for url in urls:
        if not is_feed_url(url):
            yield InputError(url, "not an http:// or https:// feed URL")
            continue
        try:
            data, headers = (fetch or fetch_url)(url, max_bytes)
        except urllib.error.HTTPError as error:
            yield InputError(url, f"cannot fetch feed: HTTP {error.code} {error.reason}")
            continue
        except (OSError, ValueError, urllib.error.URLError) as error:
            yield InputError(url, f"cannot fetch feed: {getattr(error, 'reason', None) or error}")
            continue
        stem = re.sub(r"\W+", "-", url.split("://", 1)[-1]).strip("-")[:80] or "feed"
        yield from read_feed(data, source=url, stem=stem, headers=headers)


def feed_list(data: bytes, source: str) -> list[str]:
    """The feed URLs in a ``.feeds`` file: one per line; blank lines and ``#`` comments are skipped."""
    from .decode import decode_bytes

    urls = []
    for line in decode_bytes(data, source).splitlines():
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if line:
            urls.append(line)
    if not urls:
        raise InputError(source, "no feed URLs in the list")
    return urls
