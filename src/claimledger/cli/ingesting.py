"""Commands that read articles: ingest, watch, extract, demo, evaluate.

Each ``x_cli`` function turns click options into arguments for a library function (``engines.ingest``,
``facade.extract_paths``, ``watch.watch``, ``demo.run_demo``) and renders what comes back. The library
loads when a command runs (``lazy``), the readers and spaCy only when something is read and parsed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

import click
from click.exceptions import Exit

from ..config import DEFAULT_DEMO_DB, DEFAULT_DEMO_PROCESSES
from ..errors import InputError, UsageError
from .base import (
    EXIT_ERROR, EXIT_PARTIAL, batch_size_option, db_option, error_line, lazy, max_bytes_option, model_option,
    processes_option,
)
from .cells import analysis_line
from .render import say

demo = lazy("claimledger.demo")
facade = lazy("claimledger.facade")
files = lazy("claimledger.files")
watching = lazy("claimledger.watch")
tables = lazy("claimledger.cli.tables")

PATHS_HELP = ("Files (.txt .md .html .jsonl .csv, feeds .rss .atom .xml, web archives .warc .warc.gz, "
              "a .feeds list of feed URLs), feed URLs (https://...), directories (searched recursively) or - for stdin.")
field_map_option = click.option(
    "--field-map", multiple=True, metavar="OURS=THEIRS", show_default=False,
    help="Read our field from a differently named JSONL/CSV column, e.g. --field-map text=body. Repeatable.",
)


def parse_field_map(pairs: Iterable[str] | None) -> dict[str, str] | None:
    """``["text=body", "id=uid"]`` -> ``{"text": "body", "id": "uid"}``; a malformed pair is an error."""
    mapping: dict[str, str] = {}
    for pair in pairs or []:
        ours, sep, theirs = pair.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise UsageError(f"--field-map expects OURS=THEIRS (e.g. text=body), got {pair!r}")
        mapping[ours.strip()] = theirs.strip()
    return mapping or None


class ProgressReporter:
    """A rich progress counter on stderr (only on a terminal) plus one line per unreadable input."""

    def __init__(self, description: str):
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn  # only to ingest

        self.console = tables.stderr_console()
        self.failed = 0
        self.progress = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TextColumn("[bold]{task.completed}[/] documents"),
            TextColumn("[red]{task.fields[failed]} failed[/]"), TimeElapsedColumn(),
            console=self.console, transient=True, disable=not self.console.is_terminal,
        )
        self.task = self.progress.add_task(description, total=None, failed=0)

    def __enter__(self) -> "ProgressReporter":
        self.progress.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.progress.stop()

    def error(self, error: InputError) -> None:
        """Report one unreadable file or row (file:line: reason), above the progress line."""
        self.failed += 1
        self.progress.update(self.task, failed=self.failed)
        tables.error_line(str(error), self.progress.console)

    def update(self, done: int) -> None:
        """``done`` documents handled so far."""
        self.progress.update(self.task, completed=done)


def exit_for_failures(failed: int, succeeded: int) -> None:
    """Exit 2 when some inputs failed and the rest was processed; 1 when every input failed."""
    if failed and succeeded:
        raise Exit(EXIT_PARTIAL)
    if failed:
        error_line(f"no input could be read ({failed} failed)")
        raise Exit(EXIT_ERROR)


# --- commands ------------------------------------------------------------------------------


@click.command("ingest")
@click.argument("paths", metavar="PATH", nargs=-1, required=True, help=PATHS_HELP)
@db_option()
@model_option()
@processes_option()
@batch_size_option()
@max_bytes_option()
@field_map_option
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local",
              help="local: this machine (--processes); ray: Ray actors (--address, --workers).")
@click.option("--address", show_default=False,
              help="Ray cluster to use with --engine ray ('auto' on a cluster node, or ray://head:10001); "
                   "default: start a local Ray instance for this run.")
@click.option("--workers", type=click.IntRange(min=1), show_default=False,
              help="Ray actors with --engine ray, each loading the model once (default: the cluster's CPUs).")
def ingest_cli(paths: tuple[str, ...], db: str, model: str, processes: int | None, batch_size: int,
               max_bytes: int | None, field_map: tuple[str, ...], engine: str, address: str | None,
               workers: int | None) -> None:
    """Read articles, extract claims and store them in the ledger.

    Unchanged documents are skipped and changed ones stored as a new revision, so ingesting again is cheap. A file or row that cannot be read is reported on one line (file:line: reason) and the rest is still ingested; the exit code is then 2.

    Example: claimledger ingest my-articles/ --db news.db --processes 2
    """
    from .. import engines

    options = facade.read_options(max_bytes, parse_field_map(field_map))
    with ProgressReporter("ingesting") as reporter, files.open_ledger(db, model) as ledger:
        report = engines.ingest(ledger, list(paths), engine=engine, address=address, workers=workers,
                                processes=processes, batch_size=batch_size, on_error=reporter.error,
                                on_progress=reporter.update, **options)
    failed = len(report.failed)
    say(f"added {report.added}, unchanged {report.unchanged}, revised {report.revised}, failed {failed}  "
        + click.style(f"(ledger: {db})", dim=True))
    if report.analysis is not None:
        say(analysis_line(report.analysis))
    exit_for_failures(failed, report.added + report.unchanged + report.revised)


@click.command("watch")
@click.argument("feeds", metavar="FEED", nargs=-1, required=True,
                help="Feed URLs (https://...), .feeds files (one URL per line) or feed files.")
@click.option("--interval", type=click.FloatRange(min=0), default=900, help="Seconds between polls.")
@click.option("--rounds", type=click.IntRange(min=1), show_default=False, help="Stop after this many polls (default: never).")
@db_option()
@model_option()
@batch_size_option()
@max_bytes_option()
def watch_cli(feeds: tuple[str, ...], interval: float, rounds: int | None, db: str, model: str, batch_size: int,
              max_bytes: int | None) -> None:
    """Poll RSS/Atom feeds and ingest new and changed entries, until stopped (Ctrl-C).

    Each poll prints one line; entries already in the ledger are not parsed again, and a feed that cannot be fetched is reported and tried again at the next poll.

    Example: claimledger watch https://example.org/news.rss --interval 600 --db news.db
    """

    def on_round(number: int, report: Any) -> None:
        say(f"poll {number}: added {report.added}, unchanged {report.unchanged}, revised {report.revised}, "
            f"failed {len(report.failed)}")

    options = facade.read_options(max_bytes, None)
    try:
        with files.open_ledger(db, model) as ledger:
            watching.watch(ledger, list(feeds), interval=interval, rounds=rounds, batch_size=batch_size,
                           max_bytes=options["max_bytes"], on_error=lambda error: error_line(str(error)),
                           on_round=on_round)
    except KeyboardInterrupt:
        say("stopped")


@click.command("extract")
@click.argument("paths", metavar="PATH", nargs=-1, required=True, help=PATHS_HELP)
@click.option("--format", "-f", "format", type=click.Choice(["jsonl", "table"]), default="jsonl",
              help="jsonl: one record-format JSON object per line; table: for people.")
@model_option()
@processes_option()
@batch_size_option()
@max_bytes_option()
@field_map_option
def extract_cli(paths: tuple[str, ...], format: str, model: str, processes: int | None, batch_size: int,
                max_bytes: int | None, field_map: tuple[str, ...]) -> None:
    """Extract quotes, attributions, figures and entities, without a database.

    jsonl output is one object per document in the record format (docs/record-format.md), which is what 'claimledger evaluate' scores. Unreadable inputs are reported on stderr and the exit code is then 2.

    Example: claimledger extract my-articles/ --format jsonl > predictions.jsonl
    """
    failed = done = 0

    def on_error(error: InputError) -> None:
        nonlocal failed
        failed += 1
        error_line(str(error))

    records = facade.extract_paths(list(paths), model=model, processes=processes, batch_size=batch_size,
                                   max_bytes=max_bytes, field_map=parse_field_map(field_map), on_error=on_error)
    for record in records:
        done += 1
        if format == "jsonl":
            sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            tables.render_record(record, tables.stdout_console())
    exit_for_failures(failed, done)


@click.command("evaluate")
@click.argument("predictions", metavar="PRED.jsonl", help="Output of 'claimledger extract --format jsonl'.")
@click.argument("gold_dir", metavar="GOLD_DIR", help="Directory of *.gold.json annotations.")
@click.option("--verbose", "-v", is_flag=True, help="List every miss and false alarm.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def evaluate_cli(predictions: str, gold_dir: str, verbose: bool, as_json: bool) -> None:
    """Score extraction output against gold annotations: precision, recall and F1 per layer.

    \b
    Example: claimledger extract tests/data/gold/dev.jsonl > pred.jsonl; claimledger evaluate pred.jsonl tests/data/gold/dev
    """
    from ..evaluate import evaluate, load_predictions
    from ..evaluate_table import format_table

    evaluation = evaluate(load_predictions(predictions), gold_dir)
    if as_json:
        sys.stdout.write(evaluation.to_json(indent=2) + "\n")
    else:
        sys.stdout.write(format_table(evaluation, verbose=verbose) + "\n")


@click.command("demo")
@click.option("--db", default=DEFAULT_DEMO_DB, help="SQLite file for the demo ledger; deleted and rebuilt on every run.")
@model_option()
@processes_option(DEFAULT_DEMO_PROCESSES)
@click.option("--limit", "-n", type=click.IntRange(min=1), show_default=False,
              help="Ingest only the corpus's first N documents (default: all).")
def demo_cli(db: str, model: str, processes: int | None, limit: int | None) -> None:
    """Ingest the bundled corpus into a fresh ledger and show what claimledger finds in it.

    Example: claimledger demo --db /tmp/demo.db --limit 30
    """
    with ProgressReporter("ingesting the bundled corpus") as reporter:
        result = demo.run_demo(db, model=model, processes=processes, limit=limit, on_error=reporter.error,
                               on_progress=reporter.update)
    tables.render_demo(result, tables.stdout_console())
    report = result["report"]
    exit_for_failures(len(report.failed), report.added + report.unchanged + report.revised)
