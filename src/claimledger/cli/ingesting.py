"""Commands that read articles: ingest, watch, extract, demo, evaluate.

Each ``x_cli`` function turns typer options into arguments for a library function (``engines.ingest``,
``facade.extract_paths``, ``watch.watch``, ``demo.run_demo``) and renders what comes back. The library
loads when a command runs (``lazy``), the readers and spaCy only when something is read and parsed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from collections.abc import Iterable
from enum import Enum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from ..config import DEFAULT_DEMO_DB, DEFAULT_DEMO_PROCESSES, DEFAULT_MODEL
from ..errors import InputError, UsageError
from ..records import Record
from .base import (
    DEFAULT_DB, EXIT_ERROR, EXIT_PARTIAL, BatchSizeOption, DbOption, MaxBytesOption, ModelOption, ProcessesOption,
    error_line, lazy, stderr_console, stdout_console,
)
from .render import analysis_line, figures_table, quotes_table, speakers_table, stats_table

demo = lazy("claimledger.demo")
facade = lazy("claimledger.facade")
files = lazy("claimledger.files")
watching = lazy("claimledger.watch")

FieldMapOption = Annotated[
    list[str] | None,
    typer.Option(
        "--field-map", metavar="OURS=THEIRS", show_default=False,
        help="Read our field from a differently named JSONL/CSV column, e.g. --field-map text=body. Repeatable.",
    ),
]
PathsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH", show_default=False,
        help="Files (.txt .md .html .jsonl .csv, feeds .rss .atom .xml, web archives .warc .warc.gz, "
             "a .feeds list of feed URLs), feed URLs (https://...), directories (searched recursively) or - for stdin.",
    ),
]


class Engine(str, Enum):
    """Where parsing and extraction run."""

    local = "local"
    ray = "ray"


class ExtractFormat(str, Enum):
    """What ``extract`` prints."""

    jsonl = "jsonl"
    table = "table"


EngineOption = Annotated[
    Engine,
    typer.Option("--engine", help="local: this machine (--processes); ray: Ray actors (--address, --workers)."),
]
AddressOption = Annotated[
    str | None,
    typer.Option(
        "--address", show_default=False,
        help="Ray cluster to use with --engine ray ('auto' on a cluster node, or ray://head:10001); "
             "default: start a local Ray instance for this run.",
    ),
]
WorkersOption = Annotated[
    int | None,
    typer.Option("--workers", min=1, show_default=False,
                 help="Ray actors with --engine ray, each loading the model once (default: the cluster's CPUs)."),
]


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
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.console = stderr_console()
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
        error_line(str(error), self.progress.console)

    def update(self, done: int) -> None:
        """``done`` documents handled so far."""
        self.progress.update(self.task, completed=done)


def exit_for_failures(failed: int, succeeded: int) -> None:
    """Exit 2 when some inputs failed and the rest was processed; 1 when every input failed."""
    if failed and succeeded:
        raise typer.Exit(EXIT_PARTIAL)
    if failed:
        error_line(f"no input could be read ({failed} failed)")
        raise typer.Exit(EXIT_ERROR)


# --- commands ------------------------------------------------------------------------------


def ingest_cli(
    paths: PathsArgument,
    db: DbOption = DEFAULT_DB,
    model: ModelOption = DEFAULT_MODEL,
    processes: ProcessesOption = None,
    batch_size: BatchSizeOption = 32,
    max_bytes: MaxBytesOption = None,
    field_map: FieldMapOption = None,
    engine: EngineOption = Engine.local,
    address: AddressOption = None,
    workers: WorkersOption = None,
) -> None:
    """Read articles, extract claims and store them in the ledger.

    Unchanged documents are skipped and changed ones stored as a new revision, so ingesting again is cheap. A file or row that cannot be read is reported on one line (file:line: reason) and the rest is still ingested; the exit code is then 2.

    [bold]Example:[/] claimledger ingest my-articles/ --db news.db --processes 2
    """
    from .. import engines

    options = facade.read_options(max_bytes, parse_field_map(field_map))
    with ProgressReporter("ingesting") as reporter, files.open_ledger(db, model) as ledger:
        report = engines.ingest(ledger, paths, engine=engine.value, address=address, workers=workers,
                                processes=processes, batch_size=batch_size, on_error=reporter.error,
                                on_progress=reporter.update, **options)
    failed = len(report.failed)
    stdout_console().print(
        f"added {report.added}, unchanged {report.unchanged}, revised {report.revised}, failed {failed}"
        f"  [dim](ledger: {escape(db)})[/]"
    )
    if report.analysis is not None:
        stdout_console().print(analysis_line(report.analysis), highlight=False)
    exit_for_failures(failed, report.added + report.unchanged + report.revised)


def watch_cli(
    feeds: Annotated[
        list[str],
        typer.Argument(metavar="FEED", show_default=False,
                       help="Feed URLs (https://...), .feeds files (one URL per line) or feed files."),
    ],
    interval: Annotated[float, typer.Option("--interval", min=0, help="Seconds between polls.")] = 900,
    rounds: Annotated[
        int | None, typer.Option("--rounds", min=1, show_default=False, help="Stop after this many polls (default: never).")
    ] = None,
    db: DbOption = DEFAULT_DB,
    model: ModelOption = DEFAULT_MODEL,
    batch_size: BatchSizeOption = 32,
    max_bytes: MaxBytesOption = None,
) -> None:
    """Poll RSS/Atom feeds and ingest new and changed entries, until stopped (Ctrl-C).

    Each poll prints one line; entries already in the ledger are not parsed again, and a feed that cannot be fetched is reported and tried again at the next poll.

    [bold]Example:[/] claimledger watch https://example.org/news.rss --interval 600 --db news.db
    """
    errors = stderr_console()
    out = stdout_console()

    def on_round(number: int, report: Any) -> None:
        out.print(f"poll {number}: added {report.added}, unchanged {report.unchanged}, revised {report.revised}, "
                  f"failed {len(report.failed)}")

    options = facade.read_options(max_bytes, None)
    try:
        with files.open_ledger(db, model) as ledger:
            watching.watch(ledger, feeds, interval=interval, rounds=rounds, batch_size=batch_size,
                  max_bytes=options["max_bytes"], on_error=lambda error: error_line(str(error), errors),
                  on_round=on_round)
    except KeyboardInterrupt:
        out.print("stopped")


def extract_cli(
    paths: PathsArgument,
    format: Annotated[
        ExtractFormat,
        typer.Option("--format", "-f", help="jsonl: one record-format JSON object per line; table: for people."),
    ] = ExtractFormat.jsonl,
    model: ModelOption = DEFAULT_MODEL,
    processes: ProcessesOption = None,
    batch_size: BatchSizeOption = 32,
    max_bytes: MaxBytesOption = None,
    field_map: FieldMapOption = None,
) -> None:
    """Extract quotes, attributions, figures and entities, without a database.

    jsonl output is one object per document in the record format (docs/record-format.md), which is what 'claimledger evaluate' scores. Unreadable inputs are reported on stderr and the exit code is then 2.

    [bold]Example:[/] claimledger extract my-articles/ --format jsonl > predictions.jsonl
    """
    errors = stderr_console()
    failed = done = 0

    def on_error(error: InputError) -> None:
        nonlocal failed
        failed += 1
        error_line(str(error), errors)

    records = facade.extract_paths(paths, model=model, processes=processes, batch_size=batch_size, max_bytes=max_bytes,
                            field_map=parse_field_map(field_map), on_error=on_error)
    console = stdout_console()
    for record in records:
        done += 1
        if format is ExtractFormat.jsonl:
            sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            render_record(record, console)
    exit_for_failures(failed, done)


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


def evaluate_cli(
    predictions: Annotated[
        str, typer.Argument(metavar="PRED.jsonl", help="Output of 'claimledger extract --format jsonl'.")
    ],
    gold_dir: Annotated[str, typer.Argument(metavar="GOLD_DIR", help="Directory of *.gold.json annotations.")],
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every miss and false alarm.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Score extraction output against gold annotations: precision, recall and F1 per layer.

    [bold]Example:[/] claimledger extract tests/data/gold/dev.jsonl > pred.jsonl; claimledger evaluate pred.jsonl tests/data/gold/dev
    """
    from ..evaluate import evaluate, load_predictions
    from ..evaluate_table import format_table

    evaluation = evaluate(load_predictions(predictions), gold_dir)
    if as_json:
        sys.stdout.write(evaluation.to_json(indent=2) + "\n")
    else:
        sys.stdout.write(format_table(evaluation, verbose=verbose) + "\n")


def demo_cli(
    db: Annotated[
        str, typer.Option("--db", help="SQLite file for the demo ledger; deleted and rebuilt on every run.")
    ] = DEFAULT_DEMO_DB,
    model: ModelOption = DEFAULT_MODEL,
    processes: ProcessesOption = DEFAULT_DEMO_PROCESSES,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, show_default=False,
                                 help="Ingest only the corpus's first N documents (default: all).")
    ] = None,
) -> None:
    """Ingest the bundled corpus into a fresh ledger and show what claimledger finds in it.

    [bold]Example:[/] claimledger demo --db /tmp/demo.db --limit 30
    """
    with ProgressReporter("ingesting the bundled corpus") as reporter:
        result = demo.run_demo(db, model=model, processes=processes, limit=limit, on_error=reporter.error,
                               on_progress=reporter.update)
    render_demo(result, stdout_console())
    report = result["report"]
    exit_for_failures(len(report.failed), report.added + report.unchanged + report.revised)


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
