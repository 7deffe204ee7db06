"""Readers: files, directories, feed URLs and stdin in, ``Document`` objects out.

By extension: text (.txt .text .md), HTML (.html .htm), JSON Lines (.jsonl .ndjson), CSV (.csv),
RSS/Atom feeds (.rss .atom .xml), web archives (.warc .warc.gz, streamed); an ``http(s)://``
argument is a feed URL, and a ``.feeds`` file named on its own is a list of feed URLs.

``read_paths`` never raises for bad input: it yields an ``InputError`` for each unreadable file
or row and carries on, so one broken file does not stop a corpus run.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..records import Document
from .feeds import feed_list, is_feed_url, read_feed, read_feed_urls
from .html import read_html
from .tabular import check_field_map, read_csv, read_jsonl
from .text import read_text
from .warc import read_warc

__all__ = ["DEFAULT_MAX_BYTES", "read_paths"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
READERS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".warc.gz": "warc",
}
EXPLICIT_ONLY = {".feeds": "feeds"}  # read when named, never picked up from a directory (it fetches URLs)
STDIN = "<stdin>"
SNIFF_BYTES = 8192  # enough to see the first character of stdin and spot NUL bytes in a JSONL file


def read_paths(
    paths: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    field_map: dict[str, str] | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Document | InputError]:
    """Every article in ``paths`` ("-" is stdin), with an InputError yielded in place of each bad file or row.

    Options are checked now (ValueError), not when the first document is asked for.
    """
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be positive, got {max_bytes}")
    columns = check_field_map(field_map)
    if isinstance(paths, (str, Path)):
        paths = [paths]
    return _read_all(list(paths), max_bytes=max_bytes, columns=columns, stdin=stdin)


def _read_all(
    paths: list[str | Path], *, max_bytes: int, columns: Mapping[str, str], stdin: BinaryIO | None
) -> Iterator[Document | InputError]:
    """Read each argument in turn: stdin, a directory or a file."""
    for given in paths:
        source = str(given)
        path = Path(given)
        if source == "-":
            yield from guarded(STDIN, _read_stdin(stdin or sys.stdin.buffer, max_bytes=max_bytes, columns=columns))
        elif is_feed_url(source):
            yield from guarded(source, read_feed_urls([source], max_bytes=max_bytes))
        elif path.is_dir():
            yield from _read_directory(path, max_bytes=max_bytes, columns=columns)
        elif path.exists():
            kind = kind_of(path) or EXPLICIT_ONLY.get(path.suffix.lower(), "text")
            yield from guarded(source, _read_file(path, source, kind, max_bytes, columns))
        else:
            yield InputError(source, "no such file or directory")


def _read_directory(directory: Path, *, max_bytes: int, columns: Mapping[str, str]) -> Iterator[Document | InputError]:
    """Every readable file under a directory; says so when there is none, since that is likely a mistake."""
    found = False
    for item in walk(directory, set()):
        if isinstance(item, InputError):
            yield item
            continue
        found = True
        yield from guarded(str(item), _read_file(item, str(item), kind_of(item), max_bytes, columns))
    if not found:
        yield InputError(str(directory), f"no {', '.join(sorted(READERS))} files in this directory")


def guarded(source: str, items: Iterator[Document | InputError]) -> Iterator[Document | InputError]:
    """A reader's output, with any exception it did not foresee (a library's bug, MemoryError on a
    pathological file) turned into one InputError for ``source``: the rest of that source is lost,
    never the rest of the run."""
    try:
        yield from items
    except Exception as error:  # noqa: BLE001 - by design: one bad input never ends a batch
        reason = " ".join(str(error).split())[:300]
        yield InputError(source, f"could not read ({type(error).__name__}{': ' + reason if reason else ''})")


def walk(directory: Path, seen: set[Path]) -> Iterator[Path | InputError]:
    """Files with a known extension under ``directory``, sorted, skipping hidden entries and READMEs.

    A README describes a corpus rather than being part of it. ``seen`` guards against symlink loops.
    """
    real = directory.resolve()
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(directory.iterdir())
    except OSError as error:
        yield InputError(str(directory), f"cannot list directory: {error.strerror}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from walk(entry, seen)
        elif entry.is_file() and kind_of(entry) and entry.stem.lower() != "readme":
            yield entry


def kind_of(path: Path) -> str | None:
    """The reader for a file name ("text", "html", "jsonl", "csv", "feed", "warc"), None if unknown."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return READERS.get(path.suffix.lower())


def _read_file(
    path: Path, source: str, kind: str, max_bytes: int, columns: Mapping[str, str]
) -> Iterator[Document | InputError]:
    """The documents in one file; JSONL streams with a per-line limit, other formats are read whole."""
    try:
        if kind == "jsonl":
            with path.open("rb") as handle:
                yield from _stream_jsonl(handle.read(SNIFF_BYTES), handle, source, path.stem, max_bytes, columns)
            return
        if kind == "warc":  # archives are big: streamed, with the limit per archived page
            with path.open("rb") as handle:
                yield from read_warc(handle, source=source, max_bytes=max_bytes)
            return
        data = load(path, source, max_bytes)
        if kind == "feeds":
            yield from read_feed_urls(feed_list(data, source), max_bytes=max_bytes)
            return
    except InputError as error:
        yield error
        return
    except OSError as error:
        yield InputError(source, f"cannot read file: {error.strerror or error}")
        return
    yield from parse(data, kind, source=source, stem=path.stem, max_bytes=max_bytes, columns=columns)


def load(path: Path, source: str, max_bytes: int) -> bytes:
    """A file's bytes, its size checked before reading so a huge file is never loaded."""
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(source, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
    with path.open("rb") as handle:
        return read_limited(handle, max_bytes, source)


def _stream_jsonl(
    head: bytes, rest: BinaryIO, source: str, stem: str, max_bytes: int, columns: Mapping[str, str]
) -> Iterator[Document | InputError]:
    """Read JSONL line by line after its first bytes were read to check it; refuses it whole if binary."""
    if b"\x00" in head:
        yield InputError(source, "binary file (contains NUL bytes), not text")
        return
    stream = io.BufferedReader(_Rejoined(head, rest))
    yield from read_jsonl(stream, source=source, stem=stem, max_bytes=max_bytes, columns=columns)


def _read_stdin(stream: BinaryIO, *, max_bytes: int, columns: Mapping[str, str]) -> Iterator[Document | InputError]:
    """Documents from stdin, its format sniffed from the first character: ``{`` JSONL, ``<`` HTML, else text."""
    head = read_up_to(stream, SNIFF_BYTES)
    kind = sniff(head)
    if kind == "jsonl":
        yield from _stream_jsonl(head, stream, STDIN, "stdin", max_bytes, columns)
        return
    if kind == "warc":
        yield from read_warc(io.BufferedReader(_Rejoined(head, stream)), source=STDIN, max_bytes=max_bytes)
        return
    data = head + read_up_to(stream, max_bytes + 1 - len(head))
    if len(data) > max_bytes:
        yield InputError(STDIN, f"input is over the {max_bytes:,}-byte limit")
        return
    yield from parse(data, kind, source=STDIN, stem="stdin", max_bytes=max_bytes, columns=columns)


FEED_ROOT = re.compile(  # the root element, after an XML declaration, comments and a doctype
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!doctype[^>]*>\s*)*<(?:rss|feed|rdf:rdf)[\s>/]", re.DOTALL
)


def sniff(head: bytes) -> str:
    """The reader for piped input: a WARC (plain or gzipped) by its magic, else by the first
    non-blank character: ``{`` JSONL, ``<`` a feed if its root is rss/feed/rdf, else HTML; else text."""
    if head.startswith((b"WARC/", b"\x1f\x8b")):
        return "warc"
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
    if start == b"<" and FEED_ROOT.match(head.removeprefix(b"\xef\xbb\xbf").lower()):
        return "feed"
    return {b"{": "jsonl", b"<": "html"}.get(start, "text")


def parse(
    data: bytes, kind: str, *, source: str, stem: str, max_bytes: int, columns: Mapping[str, str]
) -> Iterator[Document | InputError]:
    """Hand bytes already in memory to the reader for ``kind``."""
    if kind == "csv":
        yield from read_csv(data, source=source, stem=stem, max_bytes=max_bytes, columns=columns)
    elif kind == "jsonl":
        yield from read_jsonl(io.BytesIO(data), source=source, stem=stem, max_bytes=max_bytes, columns=columns)
    elif kind == "feed":
        yield from read_feed(data, source=source, stem=stem)
    else:
        reader = read_html if kind == "html" else read_text
        try:
            yield reader(data, source=source, id=stem)
        except InputError as error:
            yield error


def read_limited(handle: BinaryIO, max_bytes: int, source: str) -> bytes:
    """A file's bytes, refusing one that grew (or is a pipe) past ``max_bytes`` while being read."""
    data = read_up_to(handle, max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(source, f"file is over the {max_bytes:,}-byte limit")
    return data


def read_up_to(stream: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes, looping because a pipe may hand them over in pieces."""
    chunks: list[bytes] = []
    while size > 0 and (chunk := stream.read(size)):
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


class _Rejoined(io.RawIOBase):
    """A stream that replays the bytes already sniffed from stdin, then the rest of it."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        """Marks the stream as readable for io.BufferedReader."""
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:
        """Fill ``buffer`` from the sniffed head first, then from stdin."""
        if self._head:
            chunk, self._head = self._head[: len(buffer)], self._head[len(buffer):]
        else:
            chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)
