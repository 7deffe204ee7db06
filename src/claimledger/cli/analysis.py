"""Commands on the cross-document analysis: analyze, contested, group, timeline, grade, alias, export.

As everywhere in the CLI, each command calls the library (``Ledger`` and ``claimledger.pages``) and
renders the answer; docs/analysis.md describes what the analysis computes.
"""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer
from rich.markup import escape

from ..errors import UsageError
from .base import (
    DEFAULT_DB, lazy, DbOption, Format, FormatOption, JsonOption, LimitOption, OffsetOption, chosen, stderr_console,
    stdout_console,
)
from .render import (
    aliases_table, analysis_line, contested_table, emit_object, emit_page, grades_table, group_detail,
    timeline_table,
)

pages = lazy("claimledger.pages")
files = lazy("claimledger.files")


class ExportWhat(str, Enum):
    """What ``export`` exports."""

    figures = "figures"
    tallies = "tallies"
    incidents = "incidents"


class ExportFormat(str, Enum):
    """What ``export`` writes."""

    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    claimreview = "claimreview"


def parse_ids(values: list[str] | None) -> list[int]:
    """'3,4' '5' -> [3, 4, 5]; anything but integers is an error."""
    ids = []
    for value in values or []:
        for part in str(value).replace(",", " ").split():
            if not part.isdigit():
                raise UsageError(f"expected figure or group ids (integers), got {part!r}")
            ids.append(int(part))
    return ids


def analyze_cli(
    incremental: Annotated[
        bool, typer.Option("--incremental", help="Only what is new since the last analysis (what ingest runs).")
    ] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Redo the cross-document analysis: merged entities, figure groups, contest, corroboration, grades.

    Ingest runs it by itself on new documents; run this after changing the alias table or to start over. Your grades and group edits are kept and replayed.

    [bold]Example:[/] claimledger analyze --db news.db
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        report = ledger.analyze(full=not incremental)
    stdout_console().print(analysis_line(report), highlight=False)


def contested_cli(
    category: Annotated[
        str | None, typer.Option("--category", "-c", help="Only groups of, or holding figures of, this category.")
    ] = None,
    all_groups: Annotated[bool, typer.Option("--all", help="Every group of two or more figures, not only contested ones.")] = False,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    format: FormatOption = Format.table,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Figures that sources disagree on: groups of figures measuring one thing, with low, best and high.

    Best is the conservative estimate (each claimant's latest figure, the lowest of those); docs/analysis.md has the rules.

    [bold]Example:[/] claimledger contested --category deaths --format json
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        page = pages.contested_page(ledger, category=category, include_all=all_groups, limit=limit, offset=offset)
    what = "Figure groups" if all_groups else "Contested figures"
    empty = "no contested figures" + (f" of category {escape(category)}" if category else "")
    emit_page(page, chosen(format, as_json), lambda groups: contested_table(groups, f"{what} (low · best · high)"),
              empty)


def group_cli(
    group_id: Annotated[int, typer.Argument(metavar="ID", help="A group id (or the id of a figure in it).")],
    split: Annotated[
        list[str] | None, typer.Option("--split", metavar="FIGURES", help="Move these figures (ids, e.g. 3,4) into a group of their own.")
    ] = None,
    merge: Annotated[
        list[str] | None, typer.Option("--merge", metavar="GROUPS", help="Merge these groups into this one.")
    ] = None,
    format: FormatOption = Format.table,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Show one figure group, or split or merge groups (edits survive re-analysis).

    [bold]Example:[/] claimledger group 1 --split 2
    """
    split_ids, merge_ids = parse_ids(split), parse_ids(merge)
    if split_ids and merge_ids:
        raise UsageError("give --split or --merge, not both")
    with files.open_ledger(db, must_exist=True) as ledger:
        found = pages.group_detail(ledger, group_id)
        if split_ids:
            shown = ledger.split(found["id"], split_ids)
        elif merge_ids:
            shown = [ledger.merge(found["id"], *merge_ids)]
        else:
            shown = [found]
    format = chosen(format, as_json)
    if len(shown) > 1 and format is not Format.table:
        emit_page(pages.page(shown, len(shown), 0, total=len(shown)), format, lambda _: None, "")
        return
    for item in shown:
        emit_object(item, format, group_detail)


def timeline_cli(
    group_id: Annotated[int, typer.Argument(metavar="GROUP", help="A group id (or the id of a figure in it).")],
    format: FormatOption = Format.table,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """A group's figures in time order (published date, else ingest time), to see how an estimate moved.

    [bold]Example:[/] claimledger timeline 1
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        entries = pages.group_detail(ledger, group_id)["timeline"]
    page = pages.page(entries, len(entries), 0, total=len(entries))
    emit_page(page, chosen(format, as_json), lambda rows: timeline_table(rows, f"Timeline of group {group_id}"),
              f"group {group_id} has no figures")


def grade_cli(
    source: Annotated[str | None, typer.Argument(metavar="SOURCE", help="An outlet or entity, e.g. Reuters or 'the Pentagon'.")] = None,
    reliability: Annotated[str | None, typer.Argument(metavar="RELIABILITY", help="A-F (Admiralty source reliability).")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the grades set so far.")] = False,
    format: FormatOption = Format.table,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Grade a source's reliability, A (completely reliable) to F (cannot be judged, the default).

    Figures then carry an Admiralty code such as B2: the source's reliability and the information's credibility (1-6, from corroboration).

    [bold]Example:[/] claimledger grade "the Pentagon" B
    """
    format = chosen(format, as_json)
    if list_ or source is None:
        if source is not None or reliability is not None:
            raise UsageError("give SOURCE RELIABILITY, or --list")
        with files.open_ledger(db, must_exist=True) as ledger:
            rows = ledger.grades()
        emit_page(pages.page(rows, len(rows), 0, total=len(rows)), format, grades_table,
                  "no grades set; every source is F (cannot be judged)")
        return
    if reliability is None:
        raise UsageError("give the reliability too: claimledger grade SOURCE A|B|C|D|E|F")
    with files.open_ledger(db, must_exist=True) as ledger:
        result = ledger.grade(source, reliability)
    emit_object(result, format, lambda r, console: console.print(
        f"{escape(r['source'])}: {r['reliability']} ({r['meaning']}); {r['figures']} figure(s) from this source",
        highlight=False))


def alias_cli(
    alias: Annotated[str | None, typer.Argument(metavar="ALIAS", help="A name, e.g. DoD.")] = None,
    canonical: Annotated[str | None, typer.Argument(metavar="CANONICAL", help="The entity it names.")] = None,
    type: Annotated[str | None, typer.Option("--type", "-t", help="The entity's type (person, organisation, government, outlet ...).")] = None,
    side: Annotated[str | None, typer.Option("--side", help="The country or party the entity belongs to.")] = None,
    file: Annotated[str | None, typer.Option("--file", help="Load rules from a CSV file: alias,canonical[,type][,side].")] = None,
    remove: Annotated[str | None, typer.Option("--remove", metavar="ALIAS", help="Drop a rule you added.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="Show the alias table in effect (defaults and yours).")] = False,
    no_analyze: Annotated[bool, typer.Option("--no-analyze", help="Do not re-run the analysis after a change.")] = False,
    format: FormatOption = Format.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Edit the alias table that merges entities (e.g. Pentagon = US Department of Defense).

    A change re-runs the analysis so entities and groups follow it (unless --no-analyze).

    [bold]Example:[/] claimledger alias "MoD" "UK Ministry of Defence" --type government --side "United Kingdom"
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        console = stdout_console()
        changed = 0
        if file is not None:
            changed += ledger.load_aliases(file)
        if remove is not None:
            if not ledger.remove_alias(remove):
                raise UsageError(f"no alias rule of yours for {remove!r} (defaults can be overridden, not removed)")
            changed += 1
        if alias is not None or canonical is not None:
            if alias is None or canonical is None:
                raise UsageError("give both ALIAS and CANONICAL")
            ledger.add_alias(alias, canonical, type=type, side=side)
            changed += 1
        if list_ or not changed:
            rows = ledger.aliases()
            emit_page(pages.page(rows, len(rows), 0, total=len(rows)), format, aliases_table, "no alias rules")
        if changed:
            console.print(f"stored {changed} alias change(s)")
            if not no_analyze:
                console.print(analysis_line(ledger.analyze(full=True)), highlight=False)


def export_cli(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl, csv, parquet or claimreview (schema.org JSON-LD).")],
    output: Annotated[str | None, typer.Option("--output", "-o", help="File to write (default stdout; parquet needs a file).")] = None,
    contested_only: Annotated[bool, typer.Option("--contested", help="Only figures of contested groups.")] = False,
    category: Annotated[str | None, typer.Option("--category", "-c", help="Only figures (or tallies) of this category.")] = None,
    what: Annotated[ExportWhat, typer.Option("--what", help="figures, tallies (one row per casualty tally) or incidents (one row each); jsonl, csv or parquet for the last two.")] = ExportWhat.figures,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export every analysed figure with its group, grade and corroboration (or, with --what tallies, every casualty tally).

    CSV reads in pandas and DuckDB without options; Parquet keeps the column types; claimreview is a JSON-LD array of schema.org ClaimReview objects.

    [bold]Example:[/] claimledger export --format csv --output figures.csv
    """
    if format is ExportFormat.parquet and output is None:
        raise UsageError("parquet is binary: give --output FILE")
    if what is not ExportWhat.figures and format is ExportFormat.claimreview:
        raise UsageError(f"claimreview reviews figures: export {what.value} as jsonl, csv or parquet")
    options = {"contested_only": contested_only, "category": category, "what": what.value}
    with files.open_ledger(db, must_exist=True) as ledger:
        if output is None:
            count = ledger.export(format.value, sys.stdout, **options)
        else:
            try:
                if format is ExportFormat.parquet:
                    count = ledger.export(format.value, output, **options)
                else:
                    with open(output, "w", encoding="utf-8", newline="") as handle:
                        count = ledger.export(format.value, handle, **options)
            except OSError as exc:
                raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None
    if output is not None:
        stderr_console().print(f"wrote {count} {'figure(s)' if what is ExportWhat.figures else what.value} to {escape(output)}", highlight=False)


