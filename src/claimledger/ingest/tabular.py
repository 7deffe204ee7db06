"""Many articles per file: JSON Lines and CSV rows with ``id, title, text, url, outlet, published``.

A bad row is reported with its line number and the rest of the file is still read. Column names
that differ from ours are mapped with ``field_map`` (our field -> their column).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from ..errors import InputError
from ..records import Document
from .decode import decode_bytes

FIELDS = ("id", "title", "text", "url", "outlet", "published")


def check_field_map(field_map: Mapping[str, str] | None) -> dict[str, str]:
    """The column to read for each of our fields; raises ValueError early for a field we don't have."""
    field_map = dict(field_map or {})
    unknown = sorted(set(field_map) - set(FIELDS))
    if unknown:
        raise ValueError(f"field_map keys must be among {', '.join(FIELDS)}; got {', '.join(unknown)}")
    if not all(isinstance(column, str) and column for column in field_map.values()):
        raise ValueError("field_map values must be non-empty column names")
    return {name: field_map.get(name, name) for name in FIELDS}


def read_jsonl(
    stream: BinaryIO, *, source: str, stem: str, max_bytes: int, columns: Mapping[str, str]
) -> Iterator[Document | InputError]:
    """One document per JSON line, streamed so a big file never sits in memory whole."""
    found_any = False
    for number, raw in numbered_lines(stream, max_bytes):
        if raw is None:
            yield InputError(source, f"line is over the {max_bytes:,}-byte limit", number)
            continue
        try:
            text = decode_bytes(raw, source, line=number)
            if not text.strip():
                continue
            found_any = True
            row = parse_object(text, source, number)
            yield row_document(row, source=source, stem=stem, line=number, columns=columns)
        except InputError as error:
            found_any = True
            yield error
    if not found_any:
        yield InputError(source, "empty file (no JSON lines)")


def numbered_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) pairs; None stands for a line over ``max_bytes``, which is skipped unread."""
    number = 0
    while line := stream.readline(max_bytes + 2):
        number += 1
        if not line.endswith(b"\n") and len(line) == max_bytes + 2:
            _skip_rest_of_line(stream, max_bytes)
            yield number, None
        else:
            content = line.rstrip(b"\r\n")
            yield number, (content if len(content) <= max_bytes else None)


def _skip_rest_of_line(stream: BinaryIO, chunk: int) -> None:
    """Read past the remainder of an overlong line a chunk at a time."""
    while (part := stream.readline(chunk)) and not part.endswith(b"\n"):
        pass


def parse_object(text: str, source: str, line: int) -> dict[str, Any]:
    """The JSON object on one line, or an InputError saying what is wrong with it."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(source, f"malformed JSON: {error.msg} (column {error.colno})", line) from None
    except RecursionError:  # e.g. "[[[[..." thousands deep
        raise InputError(source, "malformed JSON: nested too deeply", line) from None
    if not isinstance(value, dict):
        raise InputError(source, f"JSON line is {_kind(value)}, not an object", line)
    return value


def read_csv(
    data: bytes, *, source: str, stem: str, max_bytes: int, columns: Mapping[str, str]
) -> Iterator[Document | InputError]:
    """One document per CSV row after a header row; a quoted field may span lines."""
    try:
        text = decode_bytes(data, source)
    except InputError as error:
        yield error
        return
    _allow_long_fields(max_bytes)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        yield from _csv_documents(reader, source=source, stem=stem, columns=columns)
    except csv.Error as error:
        yield InputError(source, f"malformed CSV: {error}", reader.line_num)


def _csv_documents(
    reader: Any, *, source: str, stem: str, columns: Mapping[str, str]
) -> Iterator[Document | InputError]:
    """Documents for the rows under the header, each bad row reported on its own."""
    header = [name.strip() for name in next(reader, [])]
    if not any(header):
        yield InputError(source, "empty file (no CSV header)")
        return
    if columns["text"] not in header:
        yield InputError(source, f"no {columns['text']!r} column in the CSV header ({', '.join(header)})", 1)
        return
    for line, cells in numbered_rows(reader):
        if len(cells) > len(header):
            yield InputError(source, f"row has {len(cells)} fields but the header has {len(header)}", line)
            continue
        try:
            yield row_document(dict(zip(header, cells)), source=source, stem=stem, line=line, columns=columns)
        except InputError as error:
            yield error


def numbered_rows(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Each non-blank CSV record with the line it starts on (a quoted field may span lines)."""
    start = reader.line_num + 1
    for cells in reader:
        if any(cell.strip() for cell in cells):
            yield start, cells
        start = reader.line_num + 1


def _allow_long_fields(max_bytes: int) -> None:
    """Raise the csv module's 128 KiB field limit so a long article fits (the setting is process-wide)."""
    if csv.field_size_limit() < max_bytes:
        csv.field_size_limit(max_bytes)


def row_document(row: Mapping[str, Any], *, source: str, stem: str, line: int, columns: Mapping[str, str]) -> Document:
    """A document from one JSON object or CSV row; the id defaults to ``<stem>-<line>``."""
    text = row.get(columns["text"])
    _check_text(text, columns["text"], source, line)
    meta = {name: _metadata(row.get(columns[name]), columns[name], source, line) for name in FIELDS if name != "text"}
    return Document(
        id=meta.pop("id") or f"{stem}-{line}",
        text=text,
        source=source,
        **meta,
    )


def _check_text(text: Any, column: str, source: str, line: int) -> None:
    """Refuse a row whose article text is missing, blank or not a string."""
    if text is None:
        raise InputError(source, f"no {column!r} field", line)
    if not isinstance(text, str):
        raise InputError(source, f"{column!r} is {_kind(text)}, not a string", line)
    if not text.strip():
        raise InputError(source, f"{column!r} is empty", line)
    _check_characters(text, column, source, line)


def _check_characters(value: str, column: str, source: str, line: int) -> None:
    """Refuse what JSON escapes can smuggle in but no database stores: NUL and lone surrogates."""
    if "\x00" in value:
        raise InputError(source, f"{column!r} contains a NUL character (\\u0000)", line)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(source, f"{column!r} contains a lone surrogate (invalid unicode)", line) from None


def _metadata(value: Any, column: str, source: str, line: int) -> str | None:
    """A metadata value as a trimmed string (numbers too), None when absent or blank."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise InputError(source, f"{column!r} is {_kind(value)}, not a string or number", line)
    _check_characters(value, column, source, line)
    return value.strip() or None


def _kind(value: Any) -> str:
    """A JSON type name for error messages ("an array", "a number")."""
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
