"""Commands on incidents: ``incidents`` lists them, ``incident ID`` shows one.

Thin like every command: the options, one call to ``claimledger.pages``, a table; the JSON is
exactly what ``GET /api/incidents`` and ``GET /api/incidents/{id}`` return.
"""

from __future__ import annotations

import click

from .base import Format, chosen, db_option, format_options, lazy, listing_options
from .render import emit_object, emit_page

pages = lazy("claimledger.pages")
files = lazy("claimledger.files")
tables = lazy("claimledger.cli.tables")


@click.command("incidents")
@click.option("--place", help="Only incidents whose place holds this (any case).")
@click.option("--since", metavar="DATE", help="Only incidents that last until this ISO day or later.")
@listing_options(limit=50)
def incidents_cli(place: str | None, since: str | None, limit: int, offset: int, format: Format, as_json: bool,
                  db: str) -> None:
    """Incidents: what happened, where and when, with every report, tally and figure group about it, latest first.

    Example: claimledger incidents --place Kabul --since 2019-01-01
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        page = pages.incidents_page(ledger, place=place, since=since, limit=limit, offset=offset)
    emit_page(page, chosen(format, as_json), lambda rows: tables.incidents_table(rows), "no incidents")


@click.command("incident")
@click.argument("incident_id", metavar="ID", type=int, help="An incident id (see 'claimledger incidents').")
@format_options()
@db_option()
def incident_cli(incident_id: int, format: Format, as_json: bool, db: str) -> None:
    """One incident: its reports in publication order, its tallies and figure groups, revisions and contests marked.

    Example: claimledger incident 12
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        found = pages.incident_detail(ledger, incident_id)
    emit_object(found, chosen(format, as_json), lambda value, console: tables.incident_view(value, console))
