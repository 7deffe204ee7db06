"""Commands on the cross-document analysis: analyze, contested, group, timeline, grade, alias, export.

As everywhere in the CLI, each command calls the library (``Ledger`` and ``claimledger.pages``) and
renders the answer; docs/analysis.md describes what the analysis computes.
"""

from __future__ import annotations

import sys

import click

from ..errors import UsageError
from .base import Format, chosen, db_option, format_options, lazy, listing_options
from .cells import analysis_line
from .render import emit_object, emit_page, say

pages = lazy("claimledger.pages")
files = lazy("claimledger.files")
tables = lazy("claimledger.cli.tables")

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "claimreview")
EXPORT_WHAT = ("figures", "tallies", "incidents")


def parse_ids(values: tuple[str, ...] | list[str] | None) -> list[int]:
    """'3,4' '5' -> [3, 4, 5]; anything but integers is an error."""
    ids = []
    for value in values or []:
        for part in str(value).replace(",", " ").split():
            if not part.isdigit():
                raise UsageError(f"expected figure or group ids (integers), got {part!r}")
            ids.append(int(part))
    return ids


@click.command("analyze")
@click.option("--incremental", is_flag=True, help="Only what is new since the last analysis (what ingest runs).")
@db_option()
def analyze_cli(incremental: bool, db: str) -> None:
    """Redo the cross-document analysis: merged entities, figure groups, contest, corroboration, grades.

    Ingest runs it by itself on new documents; run this after changing the alias table or to start over. Your grades and group edits are kept and replayed.

    Example: claimledger analyze --db news.db
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        report = ledger.analyze(full=not incremental)
    say(analysis_line(report))


@click.command("contested")
@click.option("--category", "-c", help="Only groups of, or holding figures of, this category.")
@click.option("--all", "all_groups", is_flag=True, help="Every group of two or more figures, not only contested ones.")
@click.option("--per-group", type=click.IntRange(min=0), metavar="N",
              help="Figures shown per group (default: each claimant's value once, extremes first, a few; "
                   "0: every figure).")
@listing_options(limit=50)
def contested_cli(category: str | None, all_groups: bool, per_group: int | None, limit: int, offset: int, format: Format,
                  as_json: bool, db: str) -> None:
    """Figures that sources disagree on: groups of figures measuring one thing, with low, best and high.

    Best is the conservative estimate (each claimant's latest figure, the lowest of those); docs/analysis.md has the rules.

    Example: claimledger contested --category deaths --format json
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        page = pages.contested_page(ledger, category=category, include_all=all_groups, limit=limit, offset=offset,
                                    per_group=per_group)
    title = ("Figure groups" if all_groups else "Contested figures") + " (low · best · high)"
    empty = "no contested figures" + (f" of category {category}" if category else "")
    emit_page(page, chosen(format, as_json), lambda groups: tables.contested_table(groups, title), empty)


@click.command("group")
@click.argument("group_id", metavar="ID", type=int, help="A group id (or the id of a figure in it).")
@click.option("--split", multiple=True, metavar="FIGURES", help="Move these figures (ids, e.g. 3,4) into a group of their own.")
@click.option("--merge", multiple=True, metavar="GROUPS", help="Merge these groups into this one.")
@format_options()
@db_option()
def group_cli(group_id: int, split: tuple[str, ...], merge: tuple[str, ...], format: Format, as_json: bool,
              db: str) -> None:
    """Show one figure group, or split or merge groups (edits survive re-analysis).

    Example: claimledger group 1 --split 2
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
        emit_object(item, format, lambda value, console: tables.group_detail(value, console))


@click.command("timeline")
@click.argument("group_id", metavar="GROUP", type=int, help="A group id (or the id of a figure in it).")
@format_options()
@db_option()
def timeline_cli(group_id: int, format: Format, as_json: bool, db: str) -> None:
    """A group's figures in time order (published date, else ingest time), to see how an estimate moved.

    Example: claimledger timeline 1
    """
    with files.open_ledger(db, must_exist=True) as ledger:
        entries = pages.group_detail(ledger, group_id)["timeline"]
    page = pages.page(entries, len(entries), 0, total=len(entries))
    emit_page(page, chosen(format, as_json), lambda rows: tables.timeline_table(rows, f"Timeline of group {group_id}"),
              f"group {group_id} has no figures")


@click.command("grade")
@click.argument("source", metavar="SOURCE", required=False, help="An outlet or entity, e.g. Reuters or 'the Pentagon'.")
@click.argument("reliability", metavar="RELIABILITY", required=False, help="A-F (Admiralty source reliability).")
@click.option("--list", "list_", is_flag=True, help="List the grades set so far.")
@format_options()
@db_option()
def grade_cli(source: str | None, reliability: str | None, list_: bool, format: Format, as_json: bool, db: str) -> None:
    """Grade a source's reliability, A (completely reliable) to F (cannot be judged, the default).

    Figures then carry an Admiralty code such as B2: the source's reliability and the information's credibility (1-6, from corroboration).

    Example: claimledger grade "the Pentagon" B
    """
    format = chosen(format, as_json)
    if list_ or source is None:
        if source is not None or reliability is not None:
            raise UsageError("give SOURCE RELIABILITY, or --list")
        with files.open_ledger(db, must_exist=True) as ledger:
            rows = ledger.grades()
        emit_page(pages.page(rows, len(rows), 0, total=len(rows)), format, lambda rows: tables.grades_table(rows),
                  "no grades set; every source is F (cannot be judged)")
        return
    if reliability is None:
        raise UsageError("give the reliability too: claimledger grade SOURCE A|B|C|D|E|F")
    with files.open_ledger(db, must_exist=True) as ledger:
        result = ledger.grade(source, reliability)
    emit_object(result, format, lambda r, _console: say(
        f"{r['source']}: {r['reliability']} ({r['meaning']}); {r['figures']} figure(s) from this source"))


@click.command("alias")
@click.argument("alias", metavar="ALIAS", required=False, help="A name, e.g. DoD.")
@click.argument("canonical", metavar="CANONICAL", required=False, help="The entity it names.")
@click.option("--type", "-t", help="The entity's type (person, organisation, government, outlet ...).")
@click.option("--side", help="The country or party the entity belongs to.")
@click.option("--file", help="Load rules from a CSV file: alias,canonical[,type][,side].")
@click.option("--remove", metavar="ALIAS", help="Drop a rule you added.")
@click.option("--list", "list_", is_flag=True, help="Show the alias table in effect (defaults and yours).")
@click.option("--no-analyze", is_flag=True, help="Do not re-run the analysis after a change.")
@click.option("--format", "-f", "format", type=click.Choice(Format), default=Format.table,
              help='table; json: a page {"items": [...], "next_offset": ...} as the API gives it; jsonl: one item '
                   "per line; csv: one row per item.")
@db_option()
def alias_cli(alias: str | None, canonical: str | None, type: str | None, side: str | None, file: str | None,
              remove: str | None, list_: bool, no_analyze: bool, format: Format, db: str) -> None:
    """Edit the alias table that merges entities (e.g. Pentagon = US Department of Defense).

    A change re-runs the analysis so entities and groups follow it (unless --no-analyze).

    Example: claimledger alias "MoD" "UK Ministry of Defence" --type government --side "United Kingdom"
    """
    with files.open_ledger(db, must_exist=True) as ledger:
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
            emit_page(pages.page(rows, len(rows), 0, total=len(rows)), format, lambda rows: tables.aliases_table(rows),
                      "no alias rules")
        if changed:
            say(f"stored {changed} alias change(s)")
            if not no_analyze:
                say(analysis_line(ledger.analyze(full=True)))


@click.command("export")
@click.option("--format", "-f", "format", type=click.Choice(EXPORT_FORMATS), required=True,
              help="jsonl, csv, parquet or claimreview (schema.org JSON-LD).")
@click.option("--output", "-o", help="File to write (default stdout; parquet needs a file).")
@click.option("--contested", "contested_only", is_flag=True, help="Only figures of contested groups.")
@click.option("--category", "-c", help="Only figures (or tallies) of this category.")
@click.option("--what", type=click.Choice(EXPORT_WHAT), default="figures",
              help="figures, tallies (one row per casualty tally) or incidents (one row each); jsonl, csv or parquet for the last two.")
@db_option()
def export_cli(format: str, output: str | None, contested_only: bool, category: str | None, what: str, db: str) -> None:
    """Export every analysed figure with its group, grade and corroboration (or, with --what tallies, every casualty tally).

    CSV reads in pandas and DuckDB without options; Parquet keeps the column types; claimreview is a JSON-LD array of schema.org ClaimReview objects.

    Example: claimledger export --format csv --output figures.csv
    """
    if format == "parquet" and output is None:
        raise UsageError("parquet is binary: give --output FILE")
    if what != "figures" and format == "claimreview":
        raise UsageError(f"claimreview reviews figures: export {what} as jsonl, csv or parquet")
    options = {"contested_only": contested_only, "category": category, "what": what}
    with files.open_ledger(db, must_exist=True) as ledger:
        if output is None:
            count = ledger.export(format, sys.stdout, **options)
        else:
            try:
                if format == "parquet":
                    count = ledger.export(format, output, **options)
                else:
                    with open(output, "w", encoding="utf-8", newline="") as handle:
                        count = ledger.export(format, handle, **options)
            except OSError as exc:
                raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None
    if output is not None:
        say(f"wrote {count} {'figure(s)' if what == 'figures' else what} to {output}", err=True)
