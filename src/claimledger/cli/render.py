"""Rendering for the terminal: JSON / JSON Lines / CSV for scripts, tables for people.

Every listing command hands a page (``claimledger.pages``) to ``emit_page`` with the table that
shows it, so the four formats behave the same way for every command; JSON is the page exactly as
the REST API returns it. The tables are drawn by rich (``cli/tables.py``), which loads only when a
table is shown: a command asked for JSON or CSV never imports it. Nothing here reads a ledger.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from typing import Any

import click

from .base import Format, lazy

tables = lazy("claimledger.cli.tables")

# --- the four formats ------------------------------------------------------------------------


def print_json(value: Any, *, indent: int | None = 2) -> None:
    """JSON on stdout, not through rich (no wrapping, no markup)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=indent, default=str) + "\n")


def emit_page(page: dict, format: Format, table: Callable[[list[dict]], Any], empty: str) -> None:
    """A page of items in ``format``: a table (or ``empty`` when there are none), the page as JSON,
    one JSON line per item, or CSV with a header (nested values as JSON). ``table`` builds the
    rich table of the items; it is called only for the table format."""
    items = page["items"]
    if format is Format.json:
        print_json(page)
    elif format is Format.jsonl:
        for item in items:
            print_json(item, indent=None)
    elif format is Format.csv:
        write_csv(items)
    elif items:
        tables.show(table(items), more=page.get("next_offset"))
    else:
        say(empty)


def emit_object(value: dict, format: Format, show: Callable[[dict, Any], None]) -> None:
    """One object (a group, the stats) in ``format``: JSON, one JSON line, CSV of its scalar fields, or
    ``show(value, console)`` on a rich console."""
    if format is Format.json:
        print_json(value)
    elif format is Format.jsonl:
        print_json(value, indent=None)
    elif format is Format.csv:
        write_csv([{k: v for k, v in value.items() if not isinstance(v, (list, dict))}])
    else:
        show(value, tables.stdout_console())


def write_csv(items: list[dict]) -> None:
    """CSV on stdout: the union of the items' keys as the header, lists and dicts as JSON text."""
    columns: dict[str, None] = {}
    for item in items:
        columns.update(dict.fromkeys(item))
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    for item in items:
        writer.writerow([_cell(item.get(c)) for c in columns])


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else value


def say(text: str, *, err: bool = False) -> None:
    """A line of plain text (no markup) on stdout, or stderr."""
    click.echo(text, err=err)
