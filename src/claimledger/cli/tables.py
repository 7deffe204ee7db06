"""The tables people read, drawn by rich: one function per listing, plus the consoles they print on.

Loaded only when a table is shown (``render.emit_page`` and ``render.emit_object`` reach it
lazily), because importing rich costs more than answering ``claimledger stats --json``. Untrusted
text goes through ``escape`` so a name such as "[bold]x[/]" prints as written.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..records import Record, value_text
from .base import first_line
from .cells import (
    MARK_CLOSE, MARK_OPEN, claimant_text, estimate_text, group_figure_line, incident_days, number, short,
)


def stdout_console() -> Console:
    """A console on the current stdout (looked up per call, so test runners can capture it)."""
    return Console(file=sys.stdout, soft_wrap=True)


def stderr_console() -> Console:
    """A console on the current stderr, for progress and errors."""
    return Console(file=sys.stderr, soft_wrap=True)


def error_line(message: str, console: Console) -> None:
    """``base.error_line`` through a rich console (above a progress display that owns the terminal)."""
    console.print(f"[bold red]error:[/] [red]{escape(first_line(message))}[/]", soft_wrap=True, highlight=False)


def show(table: Table, *, more: int | None = None) -> None:
    """A table on stdout, and where the next page starts when there is one."""
    console = stdout_console()
    console.print(table)
    if more is not None:
        console.print(f"[dim]more: --offset {more}[/]")


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
    """Speaker, kind, cue and words of each quote, and how many independent outlets carry them."""
    table = Table(title=title, title_justify="left")
    table.add_column("speaker", style="bold", ratio=2)
    table.add_column("kind")
    table.add_column("cue")
    table.add_column("quote", overflow="fold", ratio=5)
    table.add_column("outlets", justify="right")
    if with_document:
        table.add_column("document", style="dim", overflow="fold", ratio=2)
    for q in quotes:
        speaker = q.get("speaker") or "—"
        if q.get("speaker_title"):
            speaker = f"{speaker} ({q['speaker_title']})"
        row = [escape(speaker), q.get("kind") or "", escape(q.get("cue") or ""), escape(short(q.get("text"), 160)),
               number(q.get("outlets"))]
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
        value = value_text(fig) + (" (vague)" if fig.get("vague") else "")
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
        claims = "; ".join(f"{c.get('claimant') or '—'}: {value_text(c)}" + ("" if c.get("stance") == "asserts"
                                                                              else f" ({c.get('stance')})")
                           for c in t.get("claims", []))
        table.add_row(t["category"], t["group"], escape(t.get("side") or ""), value_text(t),
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


def contested_table(groups: list[dict[str, Any]], title: str) -> Table:
    """One row per group: its estimates, every claimant's figure (repeats left out), and how many more."""
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
        lines = [escape(group_figure_line(f)) for f in group["figures"]]
        more = (group.get("figure_count") or 0) - len(group["figures"])
        if more > 0:
            lines.append(f"[dim]… {more:,} more: claimledger group {group['id']}[/]")
        table.add_row(str(group["id"]), escape(group["category"]), subject, mark + estimates, "\n".join(lines))
    return table


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
        table.add_row(str(fig["id"]), escape(value_text(fig)), escape(fig.get("measure") or fig["category"]),
                      escape(claimant_text(fig)), fig["admiralty"],
                      str(fig.get("outlets") or ""), escape(str(fig.get("first_seen") or "")),
                      escape(str(fig["document"])), escape(short(fig["text"], 80)))
    console.print(table)
    named = [f"\u201c{escape(r['text'])}\u201d ({escape(str(r['document']))})" for r in group.get("references", [])]
    if named:
        console.print("  named again, not counted again: " + "; ".join(named))


def timeline_table(entries: list[dict[str, Any]], title: str = "Timeline") -> Table:
    """A group's figures in time order with the change from the claimant's previous figure."""
    table = Table(title=title, title_justify="left")
    for name in ("time", "value", "change", "category", "claimant", "grade", "document"):
        table.add_column(name, overflow="fold")
    for e in entries:
        change = "" if e["change"] is None else (("+" if e["change"] > 0 else "") + number(e["change"]))
        change += f" (revises {e['revises']})" if e.get("revises") else ""
        time = (e["time"] or "")[:19] + (" (ingested)" if e["time_source"] == "ingested" else "")
        table.add_row(escape(time), escape(value_text(e)), change, escape(e["category"] or ""),
                      escape(e["claimant"] or e["outlet"] or "—"), e["admiralty"], escape(e["document"]))
    return table


def incidents_table(rows: list[dict[str, Any]]) -> Table:
    """Incidents with their kind, place, days and how many reports, tallies and groups."""
    table = Table(title="Incidents (latest first)", title_justify="left")
    for name in ("id", "what", "place", "when", "reports", "tallies", "groups", "contested"):
        table.add_column(name, overflow="fold", justify="right" if name in ("id", "reports", "tallies", "groups") else "left")
    for i in rows:
        table.add_row(str(i["id"]), escape(i["what"] or "—"), escape(i["place"] or "—"), escape(incident_days(i)),
                      str(len(i["reports"])), str(len(i["tallies"])), str(len(i["groups"])),
                      "[bold red]yes[/]" if i["contested"] else "")
    return table


def incident_view(incident: dict[str, Any], console: Console) -> None:
    """Reports, tallies, then each group with every claimant's value (revisions and contests marked)."""
    console.print(f"[bold]incident {incident['id']}[/] — {escape(incident['what'] or 'event')} at "
                  f"{escape(incident['place'] or 'an unnamed place')}, {escape(incident_days(incident))}"
                  + (" [bold red](contested)[/]" if incident["contested"] else ""), highlight=False)
    for r in incident["reports"]:
        console.print(f"  {escape(str(r['time'] or 'undated'))[:19]} ({r['time_source']}) "
                      f"{escape(r['outlet'] or '')} {escape(r['title'] or r['document'])}", highlight=False)
    for t in incident["tallies"]:
        accounts = "; ".join(f"{c['claimant'] or '—'}: {value_text(c)}" for c in t["claims"])
        console.print(f"  tally {t['category']} of {escape(t['group'])}: {value_text(t)} ({escape(accounts)})",
                      highlight=False)
    for g in incident["groups"]:
        state = " [bold red]contested[/]" if g["contested"] else ""
        console.print(f"  group {g['id']} {escape(g['category'] or '')}: "
                      f"{estimate_text(g['low'], g['best'], g['high'])}{state}", highlight=False)
        for f in g.get("figures", []):
            mark = f" (revises {f['revises']})" if f.get("revises") else " (contested)" if f.get("contest") else ""
            console.print(f"    {escape(f.get('claimant') or f.get('source') or 'unattributed')}: "
                          f"{escape(value_text(f))}{mark} — {escape(short(f['text'], 60))}", highlight=False)


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


# --- what extract --format table and demo show ----------------------------------------------


def render_record(record: Record, console: Console) -> None:
    """A heading and the quote and figure tables for one document."""
    data = record.to_dict()
    heading = record.id + (f" — {record.title}" if record.title else "")
    console.rule(f"[bold]{escape(heading)}[/]", align="left")
    console.print(
        f"{len(record.quotes)} quotes, {len(record.attributions)} attributions, "
        f"{len(record.figures)} figures, {len(record.entities)} entities  [dim]{escape(record.source)}[/]"
    )
    if data["quotes"]:
        console.print(quotes_table(data["quotes"], title="Quotes", with_document=False))
    if data["figures"]:
        console.print(figures_table(data["figures"], title="Figures", with_document=False))


def render_demo(result: dict[str, Any], console: Console) -> None:
    """The demo's summary: counts, top speakers, the example article's figures, what to try next."""
    report, db, stats = result["report"], result["db"], result["stats"]
    console.rule("[bold]claimledger demo[/]", align="left")
    console.print(
        f"Ingested the bundled corpus ({escape(result['corpus'])}) into [bold]{escape(db)}[/]: "
        f"{report.added} documents added, {len(report.failed)} failed.\n"
    )
    console.print(stats_table(stats))
    if stats.get("top_speakers"):
        console.print()
        console.print(speakers_table(stats["top_speakers"]))
    figures = result["figures"]
    title = f"Figures in the example article '{result['article']}' and who claims them"
    console.print()
    if figures:
        console.print(figures_table(figures, title=title, with_document=False))
    else:
        console.print(f"{title}: none found")
    flag = f" --db {db}"
    console.print("\n[bold]What to try next[/]")
    for command, what in (
        (f"claimledger stats{flag}", "counts and top speakers"),
        (f"claimledger quotes{flag} --speaker Kirby", "what one speaker said"),
        (f"claimledger figures{flag} --category deaths", "death tolls and who claims them"),
        (f'claimledger search{flag} "chemical weapons"', "full-text search"),
        (f"claimledger contested{flag}", "figures sources disagree on"),
        (f"claimledger extract {Path(result['corpus']) / 'dev'} --format table", "extract from files, no database"),
        ("claimledger ingest --db my.db my-articles/", "build your own ledger (.txt .html .jsonl .csv)"),
    ):
        console.print(f"  [cyan]{escape(command)}[/]  [dim]# {what}[/]")
