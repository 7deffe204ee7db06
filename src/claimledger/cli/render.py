"""Rendering for the terminal: rich tables for people, JSON / JSON Lines / CSV for scripts.

Every listing command hands a page (``claimledger.pages``) to ``emit_page`` with the table that
shows it, so the four formats behave the same way for every command; JSON is the page exactly as
the REST API returns it. Nothing here reads a ledger: it only renders what the library returned.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .base import Format, stdout_console

MARK_OPEN, MARK_CLOSE = "\x02", "\x03"  # search marks that survive rich's escaping


# --- the four formats ------------------------------------------------------------------------


def print_json(value: Any, *, indent: int | None = 2) -> None:
    """JSON on stdout, not through rich (no wrapping, no markup)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=indent, default=str) + "\n")


def emit_page(page: dict, format: Format, table: Callable[[list[dict]], Table], empty: str) -> None:
    """A page of items in ``format``: a table (or ``empty`` when there are none), the page as JSON,
    one JSON line per item, or CSV with a header (nested values as JSON)."""
    items = page["items"]
    if format is Format.json:
        print_json(page)
    elif format is Format.jsonl:
        for item in items:
            print_json(item, indent=None)
    elif format is Format.csv:
        write_csv(items)
    elif items:
        stdout_console().print(table(items))
        if page.get("next_offset") is not None:
            stdout_console().print(f"[dim]more: --offset {page['next_offset']}[/]")
    else:
        stdout_console().print(empty)


def emit_object(value: dict, format: Format, show: Callable[[dict, Console], None]) -> None:
    """One object (a group, the stats) in ``format``: JSON, one JSON line, CSV of its scalar fields, or ``show``."""
    if format is Format.json:
        print_json(value)
    elif format is Format.jsonl:
        print_json(value, indent=None)
    elif format is Format.csv:
        write_csv([{k: v for k, v in value.items() if not isinstance(v, (list, dict))}])
    else:
        show(value, stdout_console())


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


# --- cells and tables ------------------------------------------------------------------------


def short(text: Any, width: int = 100) -> str:
    """One-line text cut to ``width`` characters, for table cells."""
    if text is None:
        return ""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def number(value: Any) -> str:
    """A figure value without a trailing .0 and with thousands separators."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return f"{value:,}"


def figure_value(fig: dict[str, Any]) -> str:
    """'about 12,000' or '200 – 300': the value as a number, with its qualifier."""
    low, high = fig.get("low"), fig.get("high")
    value = number(low) if low == high or high is None else f"{number(low)} – {number(high)}"
    qualifier = fig.get("qualifier")
    return f"{qualifier} {value}" if qualifier else value


def documents_table(documents: list[dict[str, Any]]) -> Table:
    """Key, title, outlet, date and claim counts of each document."""
    table = Table(title="Documents", title_justify="left")
    for name, kw in (("id", {"justify": "right"}), ("key", {"overflow": "fold", "ratio": 2}),
                     ("title", {"overflow": "fold", "ratio": 4}), ("outlet", {}), ("published", {}),
                     ("quotes", {"justify": "right"}), ("attributions", {"justify": "right"}),
                     ("figures", {"justify": "right"})):
        table.add_column(name, **kw)
    for d in documents:
        table.add_row(str(d["id"]), escape(d["key"]), escape(short(d.get("title"), 120)), escape(d.get("outlet") or ""),
                      escape(d.get("published") or ""), str(d["quotes"]), str(d["attributions"]), str(d["figures"]))
    return table


def quotes_table(quotes: list[dict[str, Any]], title: str | None = None, with_document: bool = True) -> Table:
    """Speaker, kind, cue and words of each quote."""
    table = Table(title=title, title_justify="left")
    table.add_column("speaker", style="bold", ratio=2)
    table.add_column("kind")
    table.add_column("cue")
    table.add_column("quote", overflow="fold", ratio=5)
    if with_document:
        table.add_column("document", style="dim", overflow="fold", ratio=2)
    for q in quotes:
        speaker = q.get("speaker") or "—"
        if q.get("speaker_title"):
            speaker = f"{speaker} ({q['speaker_title']})"
        row = [escape(speaker), q.get("kind") or "", escape(q.get("cue") or ""), escape(short(q.get("text"), 160))]
        if with_document:
            row.append(escape(str(q.get("document") or "")))
        table.add_row(*row)
    return table


def figures_table(figures: list[dict[str, Any]], title: str | None = None, with_document: bool = True) -> Table:
    """Text, value, category, claimant and stance of each figure."""
    table = Table(title=title, title_justify="left")
    table.add_column("figure", overflow="fold", ratio=3)
    table.add_column("value", overflow="fold", ratio=2)
    table.add_column("category")
    table.add_column("claimant", style="bold", overflow="fold", ratio=2)
    table.add_column("stance")
    if with_document:
        table.add_column("document", style="dim", overflow="fold", ratio=2)
    for fig in figures:
        value = figure_value(fig) + (" (vague)" if fig.get("vague") else "")
        row = [escape(short(fig.get("text"), 80)), escape(value), fig.get("category") or "",
               escape(fig.get("claimant") or "—"), fig.get("stance") or ""]
        if with_document:
            row.append(escape(str(fig.get("document") or "")))
        table.add_row(*row)
    return table


def tallies_table(tallies: list[dict[str, Any]]) -> Table:
    """Category, group, side, low–high, place, date and every claimant's count of each tally."""
    table = Table(title="Tallies", title_justify="left")
    for name, kw in (("category", {}), ("group", {}), ("side", {"overflow": "fold"}), ("low – high", {"justify": "right"}),
                     ("place", {"overflow": "fold"}), ("date", {}), ("claimants", {"overflow": "fold", "ratio": 3}),
                     ("document", {"style": "dim", "overflow": "fold", "ratio": 2})):
        table.add_column(name, **kw)
    for t in tallies:
        claims = "; ".join(f"{c.get('claimant') or '—'}: {figure_value(c)}" + ("" if c.get("stance") == "asserts"
                                                                              else f" ({c.get('stance')})")
                           for c in t.get("claims", []))
        table.add_row(t["category"], t["group"], escape(t.get("side") or ""), figure_value(t),
                      escape(t.get("place") or ""), escape(t.get("date") or ""), escape(claims),
                      escape(str(t.get("document") or "")))
    return table


def tally_totals_table(rows: list[dict[str, Any]]) -> Table:
    """Per key: sums of low and high, numbers of tallies and documents, and the documents' keys."""
    table = Table(title=f"Tallies by {rows[0]['by']}" if rows else "Tallies", title_justify="left")
    for name, kw in (("key", {"style": "bold", "overflow": "fold"}), ("low", {"justify": "right"}),
                     ("high", {"justify": "right"}), ("tallies", {"justify": "right"}),
                     ("documents", {"justify": "right"}), ("document keys", {"overflow": "fold", "ratio": 3})):
        table.add_column(name, **kw)
    for row in rows:
        table.add_row(escape(row["key"] or "—"), number(row["low"]), number(row["high"]), str(row["tallies"]),
                      str(row["documents"]), escape(short(", ".join(row["document_keys"]), 160)))
    return table


def search_table(hits: list[dict[str, Any]], query: str) -> Table:
    """Search hits with the matching words highlighted."""
    table = Table(title=f"matches for {escape(query)}", title_justify="left")
    table.add_column("kind")
    table.add_column("document", style="dim", overflow="fold", ratio=2)
    table.add_column("who", style="bold", overflow="fold", ratio=2)
    table.add_column("snippet", overflow="fold", ratio=6)
    for hit in hits:
        snippet = escape(short(hit.get("snippet"), 240))
        snippet = snippet.replace(MARK_OPEN, "[bold yellow]").replace(MARK_CLOSE, "[/]")
        table.add_row(hit.get("kind") or "", escape(str(hit.get("document") or "")),
                      escape(hit.get("who") or ""), snippet)
    return table


def stats_table(stats: dict[str, Any]) -> Table:
    """The ledger's counts as a two-column table (lists such as top speakers are left out)."""
    table = Table(show_header=False, box=None, padding=(0, 2))
    table.add_column(style="bold")
    table.add_column(justify="right")
    for key, value in stats.items():
        if not isinstance(value, (list, dict)):
            table.add_row(escape(str(key).replace("_", " ")), escape(number(value)))
    return table


def speakers_table(speakers: list[dict[str, Any]], title: str = "Most quoted speakers") -> Table:
    """Top speakers with their number of quotes."""
    table = Table(title=title, title_justify="left")
    table.add_column("speaker", style="bold")
    table.add_column("quotes", justify="right")
    for row in speakers:
        table.add_row(escape(str(row.get("speaker"))), number(row.get("quotes")))
    return table


def analysis_line(report: Any) -> str:
    """One line saying what an analysis run did."""
    what = "re-analysed" if report.full else "analysed"
    return (f"{what} {report.documents} document(s): {report.groups} figure group(s) written, "
            f"{report.contested} contested; {report.entities} entities  ({report.seconds:.1f} s)")


def estimate_text(low: Any, best: Any, high: Any) -> str:
    """'500 · 500 · 12,000' (low · best · high)."""
    return " · ".join(number(v) if v is not None else "?" for v in (low, best, high))


def group_figure_line(fig: dict[str, Any]) -> str:
    """'almost 12,000 casualties — Ukrainian news sources [F4] (document)' for table cells."""
    who = fig.get("claimant") or fig.get("source") or "—"
    category = fig.get("measure") or fig.get("category")
    return (f"{figure_value(fig)} {category} — {who} [{fig.get('admiralty')}] "
            f"({fig.get('document')})")


def contested_table(groups: list[dict[str, Any]], title: str) -> Table:
    """One row per group: its estimates, and every claimant's figure."""
    table = Table(title=title, title_justify="left", show_lines=True)
    table.add_column("group", justify="right")
    table.add_column("category")
    table.add_column("subject / period / place", overflow="fold", ratio=2)
    table.add_column("low · best · high", overflow="fold")
    table.add_column("figures (value, claimant, Admiralty grade, document)", overflow="fold", ratio=5)
    for group in groups:
        subject = " / ".join(escape(str(v)) for v in (group.get("subject"), group.get("period"), group.get("place")) if v)
        estimates = estimate_text(group["low"], group["best"], group["high"])
        parts = group.get("categories") or {}
        if len(parts) > 1:
            estimates += "".join(f"\n{escape(c)}: {estimate_text(e['low'], e['best'], e['high'])}"
                                 for c, e in parts.items())
        mark = "[bold red]contested[/]\n" if group.get("contested") else ""
        table.add_row(str(group["id"]), escape(group["category"]), subject, mark + estimates,
                      "\n".join(escape(group_figure_line(f)) for f in group["figures"]))
    return table


def claimant_text(fig: dict[str, Any]) -> str:
    """'the Pentagon (US Department of Defense)': the words of the text, and the entity they resolve to."""
    claimant, source = fig.get("claimant"), fig.get("source")
    if claimant and source and source.lower() not in claimant.lower():
        return f"{claimant} ({source})"
    return claimant or source or "—"


def group_detail(group: dict[str, Any], console: Console) -> None:
    """A group's summary and its figures with grades and corroboration."""
    state = "[bold red]contested[/]" if group["contested"] else "not contested"
    console.print(f"[bold]group {group['id']}[/] — {escape(group['category'])}, {state}"
                  + (" [dim](edited)[/]" if group.get("edited") else ""))
    for key in ("subject", "period", "place", "first_seen", "last_seen"):
        if group.get(key):
            console.print(f"  {key.replace('_', ' ')}: {escape(str(group[key]))}")
    console.print(f"  low · best · high: {estimate_text(group['low'], group['best'], group['high'])}")
    for category, e in (group.get("categories") or {}).items():
        flag = " (contested)" if e["contested"] else ""
        console.print(f"    {escape(category)}: {estimate_text(e['low'], e['best'], e['high'])}{flag}")
    table = Table(title="Figures", title_justify="left")
    for name, kw in (("figure", {"justify": "right"}), ("value", {}), ("category", {}), ("claimant", {"style": "bold"}),
                     ("grade", {}), ("outlets", {"justify": "right"}), ("first seen", {"overflow": "fold"}),
                     ("document", {"style": "dim", "overflow": "fold"}), ("text", {"overflow": "fold"})):
        table.add_column(name, **kw)
    for fig in group["figures"]:
        table.add_row(str(fig["id"]), escape(figure_value(fig)), escape(fig.get("measure") or fig["category"]),
                      escape(claimant_text(fig)), fig["admiralty"],
                      str(fig.get("outlets") or ""), escape(str(fig.get("first_seen") or "")),
                      escape(str(fig["document"])), escape(short(fig["text"], 80)))
    console.print(table)


def timeline_table(entries: list[dict[str, Any]], title: str = "Timeline") -> Table:
    """A group's figures in time order with the change from the claimant's previous figure."""
    table = Table(title=title, title_justify="left")
    for name in ("time", "value", "change", "category", "claimant", "grade", "document"):
        table.add_column(name, overflow="fold")
    for e in entries:
        change = "" if e["change"] is None else (("+" if e["change"] > 0 else "") + number(e["change"]))
        change += f" (revises {e['revises']})" if e.get("revises") else ""
        time = (e["time"] or "")[:19] + (" (ingested)" if e["time_source"] == "ingested" else "")
        table.add_row(escape(time), escape(figure_value(e)), change, escape(e["category"] or ""),
                      escape(e["claimant"] or e["outlet"] or "—"), e["admiralty"], escape(e["document"]))
    return table


def entities_table(rows: list[dict[str, Any]]) -> Table:
    """Merged entities with their type, side, documents, other names and titles."""
    table = Table(title="Entities across documents", title_justify="left")
    for column, kw in (("id", {"justify": "right"}), ("name", {"style": "bold"}), ("type", {}), ("side", {}),
                       ("documents", {"justify": "right"}), ("also called", {"overflow": "fold", "ratio": 3}),
                       ("titles", {"overflow": "fold", "ratio": 2})):
        table.add_column(column, **kw)
    for row in rows:
        table.add_row(str(row["id"]), escape(row["name"]), row["type"], escape(row["side"] or ""), str(row["documents"]),
                      escape(short(", ".join([f"{v['name']} ({len(v['documents'])})" for v in row.get("variants", [])]
                                             or row["aliases"] + row["abbreviations"]), 160)),
                      escape(short(", ".join(row["titles"]), 100)))
    return table


def grades_table(rows: list[dict[str, Any]]) -> Table:
    """The reliability grades set so far."""
    table = Table(title="Source grades", title_justify="left")
    for column in ("source", "reliability", "meaning", "updated_at"):
        table.add_column(column)
    for row in rows:
        table.add_row(*(escape(str(row[c] or "")) for c in ("source", "reliability", "meaning", "updated_at")))
    return table


def aliases_table(rows: list[dict[str, Any]]) -> Table:
    """The alias table in effect."""
    table = Table(title="Alias table", title_justify="left")
    for column in ("alias", "canonical", "type", "side", "origin"):
        table.add_column(column)
    for row in rows:
        table.add_row(*(escape(str(row[c] or "")) for c in ("alias", "canonical", "type", "side", "origin")))
    return table


def stats_view(stats: dict[str, Any], console: Console) -> None:
    """The counts, then the most quoted speakers."""
    console.print(stats_table(stats))
    if stats.get("top_speakers"):
        console.print(speakers_table(stats["top_speakers"]))
