"""Commands that list what the ledger holds: documents, quotes, figures, tallies, search, stats, entities.

Each one asks ``claimledger.pages`` for a page (the same function the API and the web pages call)
and renders it with ``render.emit_page``: ``--format table|json|jsonl|csv`` (``--json`` for short)
and ``--limit``/``--offset`` work the same way everywhere.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer
from rich.markup import escape

from .base import DEFAULT_DB, DbOption, Format, FormatOption, JsonOption, LimitOption, OffsetOption, chosen, lazy
from .render import (
    MARK_CLOSE, MARK_OPEN, documents_table, emit_object, emit_page, entities_table, figures_table, quotes_table,
    search_table, stats_view, tallies_table, tally_totals_table,
)

pages = lazy("claimledger.pages")
files = lazy("claimledger.files")


class QuoteKind(str, Enum):
    """The two kinds of quote."""

    direct = "direct"
    indirect = "indirect"


def documents_cli(
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    format: FormatOption = Format.table,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List the documents in the ledger (current revisions, oldest first) with their claim counts.

    [bold]Example:[/] claimledger documents --limit 10 --offset 10
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        page = pages.documents_page(ledger, limit=limit, offset=offset)
    emit_page(page, chosen(format, as_json), documents_table, "no documents yet")


def quotes_cli(
    speaker: Annotated[
        str | None, typer.Option("--speaker", "-s", help="Only quotes whose speaker contains this (any case).")
    ] = None,
    kind: Annotated[QuoteKind | None, typer.Option("--kind", "-k", help="Only direct or only indirect quotes.")] = None,
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    format: FormatOption = Format.table,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List quotes in the ledger, optionally by speaker or kind.

    [bold]Example:[/] claimledger quotes --speaker Kirby --kind direct --limit 5
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        page = pages.quotes_page(ledger, speaker=speaker, kind=kind.value if kind else None, limit=limit,
                                 offset=offset)
    emit_page(page, chosen(format, as_json), quotes_table, "no quotes match")


def figures_cli(
    category: Annotated[
        str | None, typer.Option("--category", "-c", help="deaths, casualties, troops, money, percent, ...")
    ] = None,
    claimant: Annotated[
        str | None, typer.Option("--claimant", help="Only figures whose claimant contains this (any case).")
    ] = None,
    document: Annotated[str | None, typer.Option("--document", "-d", help="Only figures in this document (its id).")] = None,
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    format: FormatOption = Format.table,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List figures (numbers with who claims them, and their group), optionally by category, claimant or document.

    [bold]Example:[/] claimledger figures --category deaths --limit 10
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        page = pages.figures_page(ledger, category=category, claimant=claimant, document=document, limit=limit,
                                  offset=offset)
    emit_page(page, chosen(format, as_json), figures_table, "no figures match")


class TallyBy(str, Enum):
    """What tallies can be totalled by."""

    place = "place"
    date = "date"
    group = "group"
    claimant = "claimant"


def tallies_cli(
    category: Annotated[
        str | None, typer.Option("--category", "-c", help="deaths, injuries, casualties, detained or missing.")
    ] = None,
    group: Annotated[
        str | None, typer.Option("--group", "-g", help="civilians, armed groups, security forces or unspecified.")
    ] = None,
    by: Annotated[
        TallyBy | None, typer.Option("--by", help="Totals per place, date, group or claimant instead of each tally.")
    ] = None,
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    format: FormatOption = Format.table,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List casualty tallies (killed, injured, detained, missing) with who counts them, or totals per key.

    [bold]Example:[/] claimledger tallies --category deaths --by place --format csv
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        page = pages.tallies_page(ledger, category=category, group=group, by=by.value if by else None,
                                  limit=limit, offset=offset)
    emit_page(page, chosen(format, as_json), tally_totals_table if by else tallies_table, "no tallies match")


def search_cli(
    query: Annotated[str, typer.Argument(help='Words and "phrases" that must all match; word* matches a prefix.')],
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    format: FormatOption = Format.table,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Full-text search over the ledger's documents, quotes and attributions, best first.

    [bold]Example:[/] claimledger search "chemical weapons"
    """
    format = chosen(format, as_json)
    marks = {"marks": (MARK_OPEN, MARK_CLOSE)} if format is Format.table else {}
    with files.open_ledger(db, must_exist=True) as ledger:
        page = pages.search_page(ledger, query, limit=limit, offset=offset, **marks)
    emit_page(page, format, lambda hits: search_table(hits, query), f"nothing matches {escape(query)!r}")


def stats_cli(
    format: FormatOption = Format.table,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Counts of documents, quotes, attributions, figures and entities, and the most quoted speakers.

    [bold]Example:[/] claimledger stats --db news.db
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        stats = ledger.stats()
    emit_object(stats, chosen(format, as_json), stats_view)


def entities_cli(
    name: Annotated[str | None, typer.Option("--name", help="Only entities whose name or an alias contains this.")] = None,
    type: Annotated[
        str | None, typer.Option("--type", "-t", help="person, organisation, government, outlet, unnamed, place or group.")
    ] = None,
    limit: LimitOption = 30,
    offset: OffsetOption = 0,
    format: FormatOption = Format.table,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """People and organisations merged across documents, with their aliases, titles, type and side.

    [bold]Example:[/] claimledger entities --name Trump
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        page = pages.entities_page(ledger, name=name, label=type, limit=limit, offset=offset)
    emit_page(page, chosen(format, as_json), entities_table, "no entities match")
