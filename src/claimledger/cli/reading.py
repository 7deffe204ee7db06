"""Commands that list what the ledger holds: documents, quotes, figures, tallies, search, stats, entities.

Each one asks ``claimledger.pages`` for a page (the same function the API and the web pages call)
and renders it with ``render.emit_page``: ``--format table|json|jsonl|csv`` (``--json`` for short)
and ``--limit``/``--offset`` work the same way everywhere.
"""

from __future__ import annotations

import click

from .base import Format, chosen, db_option, format_options, lazy, listing_options
from .cells import MARK_CLOSE, MARK_OPEN
from .render import emit_object, emit_page

pages = lazy("claimledger.pages")
files = lazy("claimledger.files")
tables = lazy("claimledger.cli.tables")


@click.command("documents")
@listing_options(limit=20)
def documents_cli(limit: int, offset: int, format: Format, as_json: bool, db: str) -> None:
    """List the documents in the ledger (current revisions, oldest first) with their claim counts.

    Example: claimledger documents --limit 10 --offset 10
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        page = pages.documents_page(ledger, limit=limit, offset=offset)
    emit_page(page, chosen(format, as_json), lambda rows: tables.documents_table(rows), "no documents yet")


@click.command("quotes")
@click.option("--speaker", "-s", help="Only quotes whose speaker contains this (any case).")
@click.option("--kind", "-k", type=click.Choice(["direct", "indirect"]), help="Only direct or only indirect quotes.")
@listing_options(limit=20)
def quotes_cli(speaker: str | None, kind: str | None, limit: int, offset: int, format: Format, as_json: bool,
               db: str) -> None:
    """List quotes in the ledger, optionally by speaker or kind.

    Example: claimledger quotes --speaker Kirby --kind direct --limit 5
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        page = pages.quotes_page(ledger, speaker=speaker, kind=kind, limit=limit, offset=offset)
    emit_page(page, chosen(format, as_json), lambda rows: tables.quotes_table(rows), "no quotes match")


@click.command("figures")
@click.option("--category", "-c", help="deaths, casualties, troops, money, percent, ...")
@click.option("--claimant", help="Only figures whose claimant contains this (any case).")
@click.option("--document", "-d", help="Only figures in this document (its id).")
@listing_options(limit=20)
def figures_cli(category: str | None, claimant: str | None, document: str | None, limit: int, offset: int,
                format: Format, as_json: bool, db: str) -> None:
    """List figures (numbers with who claims them, and their group), optionally by category, claimant or document.

    Example: claimledger figures --category deaths --limit 10
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        page = pages.figures_page(ledger, category=category, claimant=claimant, document=document, limit=limit,
                                  offset=offset)
    emit_page(page, chosen(format, as_json), lambda rows: tables.figures_table(rows), "no figures match")


@click.command("tallies")
@click.option("--category", "-c", help="deaths, injuries, casualties, detained or missing.")
@click.option("--group", "-g", help="civilians, armed groups, security forces or unspecified.")
@click.option("--by", type=click.Choice(["place", "date", "group", "claimant"]),
              help="Totals per place, date, group or claimant instead of each tally.")
@listing_options(limit=20)
def tallies_cli(category: str | None, group: str | None, by: str | None, limit: int, offset: int, format: Format,
                as_json: bool, db: str) -> None:
    """List casualty tallies (killed, injured, detained, missing) with who counts them, or totals per key.

    Example: claimledger tallies --category deaths --by place --format csv
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        page = pages.tallies_page(ledger, category=category, group=group, by=by, limit=limit, offset=offset)
    table = (lambda rows: tables.tally_totals_table(rows)) if by else (lambda rows: tables.tallies_table(rows))
    emit_page(page, chosen(format, as_json), table, "no tallies match")


@click.command("search")
@click.argument("query", help='Words and "phrases" that must all match; word* matches a prefix.')
@listing_options(limit=20)
def search_cli(query: str, limit: int, offset: int, format: Format, as_json: bool, db: str) -> None:
    """Full-text search over the ledger's documents, quotes and attributions, best first.

    Example: claimledger search "chemical weapons"
    """
    format = chosen(format, as_json)
    marks = {"marks": (MARK_OPEN, MARK_CLOSE)} if format is Format.table else {}
    with files.open_ledger(db, must_exist=True) as ledger:
        page = pages.search_page(ledger, query, limit=limit, offset=offset, **marks)
    emit_page(page, format, lambda hits: tables.search_table(hits, query), f"nothing matches {query!r}")


@click.command("stats")
@format_options()
@db_option()
def stats_cli(format: Format, as_json: bool, db: str) -> None:
    """Counts of documents, quotes, attributions, figures and entities, and the most quoted speakers.

    Example: claimledger stats --db news.db
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        stats = ledger.stats()
    emit_object(stats, chosen(format, as_json), lambda value, console: tables.stats_view(value, console))


@click.command("entities")
@click.option("--name", help="Only entities whose name or an alias contains this.")
@click.option("--type", "-t", help="person, organisation, government, outlet, unnamed, place or group.")
@listing_options(limit=30)
def entities_cli(name: str | None, type: str | None, limit: int, offset: int, format: Format, as_json: bool,
                 db: str) -> None:
    """People and organisations merged across documents, with their aliases, titles, type and side.

    Example: claimledger entities --name Trump
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        page = pages.entities_page(ledger, name=name, label=type, limit=limit, offset=offset)
    emit_page(page, chosen(format, as_json), lambda rows: tables.entities_table(rows), "no entities match")
