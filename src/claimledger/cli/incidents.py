"""Commands on incidents: ``incidents`` lists them, ``incident ID`` shows one.

Kept thin (the options, one call to ``claimledger.pages``, a table) so it moves easily between CLI
frameworks; the JSON is exactly what ``GET /api/incidents`` and ``GET /api/incidents/{id}`` return.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .base import DEFAULT_DB, DbOption, Format, FormatOption, JsonOption, LimitOption, OffsetOption, chosen, lazy
from .render import emit_object, emit_page, estimate_text, figure_value, short

pages = lazy("claimledger.pages")
files = lazy("claimledger.files")


def incidents_cli(
    place: Annotated[str | None, typer.Option("--place", help="Only incidents whose place holds this (any case).")] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="DATE", help="Only incidents that last until this ISO day or later.")] = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    format: FormatOption = Format.table,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Incidents: what happened, where and when, with every report, tally and figure group about it, latest first.

    [bold]Example:[/] claimledger incidents --place Kabul --since 2019-01-01
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        page = pages.incidents_page(ledger, place=place, since=since, limit=limit, offset=offset)
    emit_page(page, chosen(format, as_json), incidents_table, "no incidents")


def incident_cli(
    incident_id: Annotated[int, typer.Argument(metavar="ID", help="An incident id (see 'claimledger incidents').")],
    format: FormatOption = Format.table,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """One incident: its reports in publication order, its tallies and figure groups, revisions and contests marked.

    [bold]Example:[/] claimledger incident 12
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        found = pages.incident_detail(ledger, incident_id)
    emit_object(found, chosen(format, as_json), incident_view)


def when(incident: dict[str, Any]) -> str:
    first, last = incident.get("first"), incident.get("last")
    return (first or "") if first == last else f"{first or '?'} – {last or '?'}"


def incidents_table(rows: list[dict[str, Any]]) -> Table:
    """Incidents with their kind, place, days and how many reports, tallies and groups."""
    table = Table(title="Incidents (latest first)", title_justify="left")
    for name in ("id", "what", "place", "when", "reports", "tallies", "groups", "contested"):
        table.add_column(name, overflow="fold", justify="right" if name in ("id", "reports", "tallies", "groups") else "left")
    for i in rows:
        table.add_row(str(i["id"]), escape(i["what"] or "—"), escape(i["place"] or "—"), escape(when(i)),
                      str(len(i["reports"])), str(len(i["tallies"])), str(len(i["groups"])),
                      "[bold red]yes[/]" if i["contested"] else "")
    return table


def incident_view(incident: dict[str, Any], console: Console) -> None:
    """Reports, tallies, then each group with every claimant's value (revisions and contests marked)."""
    console.print(f"[bold]incident {incident['id']}[/] — {escape(incident['what'] or 'event')} at "
                  f"{escape(incident['place'] or 'an unnamed place')}, {escape(when(incident))}"
                  + (" [bold red](contested)[/]" if incident["contested"] else ""), highlight=False)
    for r in incident["reports"]:
        console.print(f"  {escape(str(r['time'] or 'undated'))[:19]} ({r['time_source']}) "
                      f"{escape(r['outlet'] or '')} {escape(r['title'] or r['document'])}", highlight=False)
    for t in incident["tallies"]:
        accounts = "; ".join(f"{c['claimant'] or '—'}: {figure_value(c)}" for c in t["claims"])
        console.print(f"  tally {t['category']} of {escape(t['group'])}: {figure_value(t)} ({escape(accounts)})",
                      highlight=False)
    for g in incident["groups"]:
        state = " [bold red]contested[/]" if g["contested"] else ""
        console.print(f"  group {g['id']} {escape(g['category'] or '')}: "
                      f"{estimate_text(g['low'], g['best'], g['high'])}{state}", highlight=False)
        for f in g.get("figures", []):
            mark = " (revises %s)" % f["revises"] if f.get("revises") else " (contested)" if f.get("contest") else ""
            console.print(f"    {escape(f.get('claimant') or f.get('source') or 'unattributed')}: "
                          f"{escape(figure_value(f))}{mark} — {escape(short(f['text'], 60))}", highlight=False)
