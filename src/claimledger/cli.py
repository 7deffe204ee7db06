"""The ``claimledger`` command: parse options, call the library, render the result.

Each ``x_cli`` function only turns typer options into arguments for a plain function
(``run_ingest``, ``extract_paths``, ``run_demo`` ...) and renders what comes back, so the
same work is reachable from Python without the CLI. Data goes to stdout; progress bars
and error messages go to stderr.

Exit codes: 0 success; 1 an error (a ``ClaimLedgerError``, a bad option, a missing file:
one red line on stderr, never a traceback); 2 some inputs could not be read but the rest
were processed (``ingest`` and ``extract``).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from typer.core import TyperGroup

from .errors import ClaimLedgerError, InputError
from .nlp import DEFAULT_MODEL
from .records import Document, Record

DEFAULT_DB = "./claimledger.db"
DEFAULT_DEMO_DB = "./claimledger-demo.db"
DEFAULT_DEMO_PROCESSES = min(2, os.cpu_count() or 1)  # the corpus parses ~2x faster on two cores
DEMO_ARTICLE = "syrian-fighters-recruitment"
EXIT_ERROR = 1
EXIT_PARTIAL = 2
SQLITE_MAGIC = b"SQLite format 3\x00"


# --- consoles and errors -------------------------------------------------------------------


def stdout_console() -> Console:
    """A console on the current stdout (looked up per call, so test runners can capture it)."""
    return Console(file=sys.stdout, soft_wrap=True)


def stderr_console() -> Console:
    """A console on the current stderr, for progress and errors."""
    return Console(file=sys.stderr, soft_wrap=True)


def error_line(message: str, console: Console | None = None) -> None:
    """One red line on stderr, whatever the terminal width."""
    (console or stderr_console()).print(
        f"[bold red]error:[/] [red]{escape(first_line(message))}[/]", soft_wrap=True, highlight=False
    )


def first_line(message: str) -> str:
    """A message squeezed onto one line, so every error is exactly one line of output."""
    return " ".join(str(message).split())


class OutputFormat(str, Enum):
    """What ``extract`` prints."""

    jsonl = "jsonl"
    table = "table"


class QuoteKind(str, Enum):
    """The two kinds of quote."""

    direct = "direct"
    indirect = "indirect"


class CliError(ClaimLedgerError):
    """A user mistake caught by the CLI itself (bad option value, missing ledger file)."""


# The click that typer runs on: the click package, or the copy newer typer versions vendor.
_click_exceptions = sys.modules[typer.BadParameter.__module__]
UsageError = _click_exceptions.UsageError
NoArgsIsHelpError = getattr(_click_exceptions, "NoArgsIsHelpError", ())


class ClaimLedgerGroup(TyperGroup):
    """Turns library errors and usage mistakes into one red line on stderr and exit code 1.

    Click's usage errors normally exit with 2, but ``ingest`` uses 2 to say "some input
    failed, the rest was ingested", so a typo in an option must not look like that.
    """

    def make_context(self, info_name, args, parent=None, **extra):  # noqa: ANN001, D102
        with one_line_errors():
            return super().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx) -> Any:  # noqa: ANN001, D102
        with one_line_errors():
            return super().invoke(ctx)

    def list_commands(self, ctx) -> list[str]:  # noqa: ANN001
        """Commands in the order they are defined (the order of a session), not alphabetical."""
        return list(self.commands)


@contextmanager
def one_line_errors() -> Iterator[None]:
    """ClaimLedgerError or a usage mistake -> one red line on stderr and exit code 1."""
    try:
        yield
    except NoArgsIsHelpError:
        raise
    except UsageError as error:
        hint = f" (see '{error.ctx.command_path} --help')" if error.ctx is not None else ""
        error_line(f"{error.format_message()}{hint}")
        raise typer.Exit(EXIT_ERROR) from None
    except ClaimLedgerError as error:
        error_line(str(error))
        raise typer.Exit(EXIT_ERROR) from None


app = typer.Typer(
    cls=ClaimLedgerGroup,
    name="claimledger",
    help=(
        "Build a source-attributed ledger of quotes, attributions and figures from news articles.\n\n"
        "Start with [bold]claimledger demo[/], which ingests the bundled corpus and shows what it found."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# --- shared options ------------------------------------------------------------------------

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="CLAIMLEDGER_DB",
        help="Ledger database: a file path (SQLite) or an SQLAlchemy URL such as postgresql://user@host/db.",
        show_envvar=True,
    ),
]
ModelOption = Annotated[
    str,
    typer.Option(
        "--model",
        envvar="CLAIMLEDGER_MODEL",
        help="spaCy model to parse with, e.g. en_core_web_trf for accuracy over speed.",
        show_envvar=True,
    ),
]
ProcessesOption = Annotated[
    int | None,
    typer.Option("--processes", "-p", min=1, show_default=False,
                 help="Worker processes for parsing and extraction, each loading the model once "
                      "(default: one per CPU core; 1 parses in this process)."),
]
BatchSizeOption = Annotated[int, typer.Option("--batch-size", min=1, help="Documents per spaCy batch.")]
MaxBytesOption = Annotated[
    int | None,
    typer.Option(
        "--max-bytes", min=1, show_default=False,
        help="Skip (and report) any file, JSONL line or CSV row larger than this many bytes (default 20 MiB).",
    ),
]
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
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many rows.")]


class Engine(str, Enum):
    """Where parsing and extraction run."""

    local = "local"
    ray = "ray"


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
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


# --- plain functions the commands call ------------------------------------------------------


def sqlite_file(db: str) -> Path | None:
    """The SQLite file ``--db`` names (path or sqlite:/// URL), or None for other databases."""
    if "://" not in db:
        return Path(db).expanduser()
    try:
        from sqlalchemy.engine import make_url

        url = make_url(db)
    except Exception:  # noqa: BLE001 - a malformed URL is reported when the ledger opens it
        return None
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).expanduser()
    return None


def open_ledger(db: str, model: str = DEFAULT_MODEL, *, must_exist: bool = False):
    """Open the ledger ``--db`` names; with ``must_exist`` a missing SQLite file is an error, not a new ledger."""
    from .ledger.store import Ledger

    if not db.strip():
        raise CliError("--db is empty; give a file path or an SQLAlchemy URL")
    path = sqlite_file(db)
    if path is not None:
        if path.is_dir():
            raise CliError(f"--db {db} is a directory; give a file path for the SQLite ledger")
        if must_exist and not path.exists():
            raise CliError(
                f"no ledger at {path}; run 'claimledger ingest PATH --db {db}' first "
                f"(or 'claimledger demo' and pass --db {DEFAULT_DEMO_DB})"
            )
    return Ledger(db, model=model)


def parse_field_map(pairs: Iterable[str] | None) -> dict[str, str] | None:
    """``["text=body", "id=uid"]`` -> ``{"text": "body", "id": "uid"}``; a malformed pair is an error."""
    mapping: dict[str, str] = {}
    for pair in pairs or []:
        ours, sep, theirs = pair.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise CliError(f"--field-map expects OURS=THEIRS (e.g. text=body), got {pair!r}")
        mapping[ours.strip()] = theirs.strip()
    return mapping or None


def read_options(max_bytes: int | None, field_map: dict[str, str] | None) -> dict[str, Any]:
    """Keyword arguments for the readers, checked now so a bad value is one error line, not a traceback."""
    from .ingest import DEFAULT_MAX_BYTES, read_paths

    options = {"max_bytes": max_bytes if max_bytes is not None else DEFAULT_MAX_BYTES, "field_map": field_map}
    try:
        read_paths([], **options)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    return options


def run_ingest(
    paths: list[str],
    *,
    db: str,
    model: str = DEFAULT_MODEL,
    processes: int | None = None,
    batch_size: int = 32,
    max_bytes: int | None = None,
    field_map: dict[str, str] | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    engine: str = "local",
    address: str | None = None,
    workers: int | None = None,
):
    """Ingest ``paths`` into the ledger at ``db``; returns the library's ``IngestReport``.

    ``engine`` "ray" parses on Ray actors (``address``: an existing cluster; ``workers``: actors).
    """
    from . import engines

    options = read_options(max_bytes, field_map)
    with open_ledger(db, model) as ledger:
        return engines.ingest(
            ledger,
            paths,
            engine=engine,
            address=address,
            workers=workers,
            processes=processes,
            batch_size=batch_size,
            on_error=on_error,
            on_progress=on_progress,
            **options,
        )


def extract_paths(
    paths: list[str],
    *,
    model: str = DEFAULT_MODEL,
    processes: int | None = None,
    batch_size: int = 32,
    max_bytes: int | None = None,
    field_map: dict[str, str] | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> Iterator[Record]:
    """Records for every document in ``paths``, no database; unreadable inputs go to ``on_error``.

    Options and the model are checked when called; documents are read and parsed as the result is iterated.
    """
    from .ingest import read_paths
    from .nlp import load_nlp
    from .pipeline import extract_documents

    options = read_options(max_bytes, field_map)
    load_nlp(model)  # an unknown model fails now, before anything is read

    def documents() -> Iterator[Document]:
        for item in read_paths(paths, **options):
            if isinstance(item, InputError):
                if on_error is not None:
                    on_error(item)
            else:
                yield item

    pairs = extract_documents(documents(), model=model, processes=processes, batch_size=batch_size,
                              on_error=on_error)
    return (record for _document, record in pairs)


def corpus_dir() -> Path:
    """The bundled corpus: ``corpus/`` in the repository root, next to ``src/``."""
    path = Path(__file__).resolve().parents[2] / "corpus"
    if not path.is_dir():
        raise CliError(
            f"bundled corpus not found at {path}; the demo runs from a source checkout "
            "(git clone, then pip install -e .)"
        )
    return path


def prepare_demo_db(db: str) -> Path:
    """The demo's SQLite file, deleted first so every demo starts fresh (refuses to delete a non-SQLite file)."""
    if "://" in db:
        raise CliError("demo --db takes a file path (the demo always builds a fresh SQLite file)")
    path = Path(db).expanduser()
    if path.is_dir():
        raise CliError(f"--db {db} is a directory; give a file path for the demo ledger")
    if not path.parent.exists():
        raise CliError(f"cannot create {path}: directory {path.parent} does not exist")
    if path.exists():
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
        if head and head != SQLITE_MAGIC:
            raise CliError(f"{path} exists and is not an SQLite database; not deleting it")
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
                     path.with_name(path.name + "-journal")):
        try:
            leftover.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise CliError(f"cannot delete the old demo ledger {leftover}: {exc.strerror}") from None
    return path


def run_demo(
    db: str = DEFAULT_DEMO_DB,
    *,
    model: str = DEFAULT_MODEL,
    processes: int = DEFAULT_DEMO_PROCESSES,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Ingest the bundled corpus into a fresh SQLite ledger and gather what the demo shows."""
    corpus = corpus_dir()
    path = prepare_demo_db(db)
    report = run_ingest([str(corpus)], db=str(path), model=model, processes=processes,
                        on_error=on_error, on_progress=on_progress)
    with open_ledger(str(path), model, must_exist=True) as ledger:
        return {
            "db": str(path),
            "corpus": str(corpus),
            "report": report,
            "stats": ledger.stats(),
            "figures": ledger.figures(document=DEMO_ARTICLE, limit=1000),
        }


def run_watch(
    feeds: list[str],
    *,
    db: str,
    model: str = DEFAULT_MODEL,
    interval: float = 900,
    rounds: int | None = None,
    batch_size: int = 32,
    max_bytes: int | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_round: Callable[[int, Any], None] | None = None,
    sleep: Callable[[float], None] | None = None,
) -> int:
    """Poll ``feeds`` (feed URLs, .feeds lists or feed files) every ``interval`` seconds, ingesting new
    and changed entries; stops after ``rounds`` polls (None: until interrupted). Returns rounds done."""
    import time

    options = read_options(max_bytes, None)
    done = 0
    with open_ledger(db, model) as ledger:
        while rounds is None or done < rounds:
            if done:
                (sleep or time.sleep)(interval)
            report = ledger.ingest(feeds, batch_size=batch_size, on_error=on_error, **options)
            done += 1
            if on_round is not None:
                on_round(done, report)
    return done


def run_evaluate(predictions: str, gold_dir: str):
    """Score an extraction JSONL file against a directory of ``*.gold.json`` files."""
    from .evaluate import evaluate, load_predictions

    return evaluate(load_predictions(predictions), gold_dir)


SERVE_MAX_BODY = 1024 * 1024  # bytes; claimledger.api.DEFAULT_MAX_BODY
TOKEN_ENV = "CLAIMLEDGER_TOKEN"


def serve_app(db: str, *, token: str | None = None, model: str = DEFAULT_MODEL, max_body: int = SERVE_MAX_BODY):
    """The web application (REST API + pages) over the ledger at ``db``; read-only without ``token``.

    A read-only server needs an existing ledger; one that accepts writes creates it if missing.
    """
    from .api import create_app

    ledger = open_ledger(db, model, must_exist=not token)
    return create_app(ledger, token=token, max_body=max_body, close_ledger=True)


# --- rendering -----------------------------------------------------------------------------

MARK_OPEN, MARK_CLOSE = "\x02", "\x03"  # search marks that survive rich's escaping


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


def print_json(value: Any) -> None:
    """JSON on stdout, not through rich (no wrapping, no markup)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


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


@app.command("ingest")
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

    [bold]Example:[/] claimledger ingest corpus/ --db news.db --processes 2
    """
    with ProgressReporter("ingesting") as reporter:
        report = run_ingest(
            paths, db=db, model=model, processes=processes, batch_size=batch_size,
            max_bytes=max_bytes, field_map=parse_field_map(field_map),
            on_error=reporter.error, on_progress=reporter.update,
            engine=engine.value, address=address, workers=workers,
        )
    failed = len(report.failed)
    stdout_console().print(
        f"added {report.added}, unchanged {report.unchanged}, revised {report.revised}, failed {failed}"
        f"  [dim](ledger: {escape(db)})[/]"
    )
    if getattr(report, "analysis", None) is not None:
        stdout_console().print(analysis_line(report.analysis), highlight=False)
    exit_for_failures(failed, report.added + report.unchanged + report.revised)


@app.command("watch")
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

    try:
        run_watch(feeds, db=db, model=model, interval=interval, rounds=rounds, batch_size=batch_size,
                  max_bytes=max_bytes, on_error=lambda error: error_line(str(error), errors), on_round=on_round)
    except KeyboardInterrupt:
        out.print("stopped")


@app.command("extract")
def extract_cli(
    paths: PathsArgument,
    format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="jsonl: one record-format JSON object per line; table: for people."),
    ] = OutputFormat.jsonl,
    model: ModelOption = DEFAULT_MODEL,
    processes: ProcessesOption = None,
    batch_size: BatchSizeOption = 32,
    max_bytes: MaxBytesOption = None,
    field_map: FieldMapOption = None,
) -> None:
    """Extract quotes, attributions, figures and entities, without a database.

    jsonl output is one object per document in the record format (docs/record-format.md), which is what 'claimledger evaluate' scores. Unreadable inputs are reported on stderr and the exit code is then 2.

    [bold]Example:[/] claimledger extract corpus/dev/ --format jsonl > predictions.jsonl
    """
    errors = stderr_console()
    failed = done = 0

    def on_error(error: InputError) -> None:
        nonlocal failed
        failed += 1
        error_line(str(error), errors)

    records = extract_paths(
        paths, model=model, processes=processes, batch_size=batch_size,
        max_bytes=max_bytes, field_map=parse_field_map(field_map), on_error=on_error,
    )
    console = stdout_console()
    for record in records:
        done += 1
        if format is OutputFormat.jsonl:
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


@app.command("quotes")
def quotes_cli(
    speaker: Annotated[
        str | None, typer.Option("--speaker", "-s", help="Only quotes whose speaker contains this (any case).")
    ] = None,
    kind: Annotated[QuoteKind | None, typer.Option("--kind", "-k", help="Only direct or only indirect quotes.")] = None,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List quotes in the ledger, optionally by speaker or kind.

    [bold]Example:[/] claimledger quotes --speaker Kirby --kind direct --limit 5
    """
    with open_ledger(db, must_exist=True) as ledger:
        rows = ledger.quotes(speaker=speaker, kind=kind.value if kind else None, limit=limit)
    if as_json:
        print_json(rows)
    elif rows:
        stdout_console().print(quotes_table(rows))
    else:
        stdout_console().print("no quotes match")


@app.command("figures")
def figures_cli(
    category: Annotated[
        str | None, typer.Option("--category", "-c", help="deaths, casualties, troops, money, percent, ...")
    ] = None,
    claimant: Annotated[
        str | None, typer.Option("--claimant", help="Only figures whose claimant contains this (any case).")
    ] = None,
    document: Annotated[str | None, typer.Option("--document", "-d", help="Only figures in this document (its id).")] = None,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List figures (numbers with who claims them), optionally by category, claimant or document.

    [bold]Example:[/] claimledger figures --category deaths --limit 10
    """
    with open_ledger(db, must_exist=True) as ledger:
        rows = ledger.figures(category=category, claimant=claimant, document=document, limit=limit)
    if as_json:
        print_json(rows)
    elif rows:
        stdout_console().print(figures_table(rows))
    else:
        stdout_console().print("no figures match")


@app.command("search")
def search_cli(
    query: Annotated[str, typer.Argument(help='Words and "phrases" that must all match; word* matches a prefix.')],
    limit: LimitOption = 20,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Full-text search over the ledger's documents, quotes and attributions, best first.

    [bold]Example:[/] claimledger search "chemical weapons"
    """
    with open_ledger(db, must_exist=True) as ledger:
        if as_json:
            print_json(ledger.search(query, limit=limit))
            return
        hits = ledger.search(query, limit=limit, marks=(MARK_OPEN, MARK_CLOSE))
    if hits:
        stdout_console().print(search_table(hits, query))
    else:
        stdout_console().print(f"nothing matches {escape(query)!r}")


@app.command("stats")
def stats_cli(
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Counts of documents, quotes, attributions, figures and entities, and the most quoted speakers.

    [bold]Example:[/] claimledger stats --db news.db
    """
    with open_ledger(db, must_exist=True) as ledger:
        stats = ledger.stats()
    if as_json:
        print_json(stats)
        return
    console = stdout_console()
    console.print(stats_table(stats))
    if stats.get("top_speakers"):
        console.print(speakers_table(stats["top_speakers"]))


@app.command("evaluate")
def evaluate_cli(
    predictions: Annotated[
        str, typer.Argument(metavar="PRED.jsonl", help="Output of 'claimledger extract --format jsonl'.")
    ],
    gold_dir: Annotated[str, typer.Argument(metavar="GOLD_DIR", help="Directory of *.gold.json annotations.")],
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every miss and false alarm.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Score extraction output against gold annotations: precision, recall and F1 per layer.

    [bold]Example:[/] claimledger extract tests/data/gold/dev.jsonl > pred.jsonl; claimledger evaluate pred.jsonl tests/data/gold/dev
    """
    from .evaluate import format_table

    evaluation = run_evaluate(predictions, gold_dir)
    if as_json:
        sys.stdout.write(evaluation.to_json(indent=2) + "\n")
    else:
        sys.stdout.write(format_table(evaluation, verbose=verbose) + "\n")


@app.command("demo")
def demo_cli(
    db: Annotated[
        str, typer.Option("--db", help="SQLite file for the demo ledger; deleted and rebuilt on every run.")
    ] = DEFAULT_DEMO_DB,
    model: ModelOption = DEFAULT_MODEL,
    processes: ProcessesOption = DEFAULT_DEMO_PROCESSES,
) -> None:
    """Ingest the bundled corpus into a fresh ledger and show what claimledger finds in it.

    [bold]Example:[/] claimledger demo --db /tmp/demo.db
    """
    with ProgressReporter("ingesting the bundled corpus") as reporter:
        result = run_demo(db, model=model, processes=processes, on_error=reporter.error, on_progress=reporter.update)
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
    title = f"Figures in the example article '{DEMO_ARTICLE}' and who claims them"
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
        ("claimledger extract corpus/dev/ --format table", "extract from files, no database"),
        ("claimledger ingest --db my.db my-articles/", "build your own ledger (.txt .html .jsonl .csv)"),
    ):
        console.print(f"  [cyan]{escape(command)}[/]  [dim]# {what}[/]")


@app.command("serve")
def serve_cli(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (0.0.0.0: every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    max_body: Annotated[
        int, typer.Option("--max-body", min=1, help="Largest request body accepted, in bytes (larger ones get 413).")
    ] = SERVE_MAX_BODY,
    model: ModelOption = DEFAULT_MODEL,
) -> None:
    """Serve the REST API (/api, documented at /docs) and the web pages over HTTP.

    Writes (POST /api/documents, PUT /api/sources/ID/grade) need 'Authorization: Bearer TOKEN' where TOKEN is the value of CLAIMLEDGER_TOKEN; without CLAIMLEDGER_TOKEN the server is read-only. Stop it with Ctrl-C.

    [bold]Example:[/] CLAIMLEDGER_TOKEN=secret claimledger serve --db news.db --port 8000
    """
    import uvicorn

    token = os.environ.get(TOKEN_ENV) or None
    application = serve_app(db, token=token, model=model, max_body=max_body)
    console = stderr_console()
    shown = f"[{host}]" if ":" in host else host
    console.print(f"serving ledger [bold]{escape(db)}[/] at [cyan]http://{escape(shown)}:{port}/[/] "
                  f"(API at /api, its docs at /docs)", highlight=False)
    if token is None:
        console.print(f"[yellow]read-only:[/] {TOKEN_ENV} is not set, so writes are refused (403)", highlight=False)
    else:
        console.print(f"writes need 'Authorization: Bearer <{TOKEN_ENV}>'", highlight=False)
    uvicorn.run(application, host=host, port=port, log_level="info")


# --- cross-document analysis (claimledger.analyze; docs/analysis.md) ------------------------


class ContestedFormat(str, Enum):
    """What ``contested`` prints."""

    table = "table"
    json = "json"


class ExportFormat(str, Enum):
    """What ``export`` writes."""

    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    claimreview = "claimreview"


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


def parse_ids(values: list[str] | None) -> list[int]:
    """'3,4' '5' -> [3, 4, 5]; anything but integers is an error."""
    ids = []
    for value in values or []:
        for part in str(value).replace(",", " ").split():
            if not part.isdigit():
                raise CliError(f"expected figure or group ids (integers), got {part!r}")
            ids.append(int(part))
    return ids


@app.command("analyze")
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
    with open_ledger(db, must_exist=True) as ledger:
        report = ledger.analyze(full=not incremental)
    stdout_console().print(analysis_line(report), highlight=False)


@app.command("contested")
def contested_cli(
    category: Annotated[
        str | None, typer.Option("--category", "-c", help="Only groups of, or holding figures of, this category.")
    ] = None,
    format: Annotated[
        ContestedFormat, typer.Option("--format", "-f", help='table, or json: {"groups": [...]}.')
    ] = ContestedFormat.table,
    all_groups: Annotated[bool, typer.Option("--all", help="Every group of two or more figures, not only contested ones.")] = False,
    limit: LimitOption = 50,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Figures that sources disagree on: groups of figures measuring one thing, with low, best and high.

    Best is the conservative estimate (each claimant's latest figure, the lowest of those); docs/analysis.md has the rules.

    [bold]Example:[/] claimledger contested --category deaths --format json
    """
    with open_ledger(db, must_exist=True) as ledger:
        groups = ledger.contested(category=category, include_all=all_groups, limit=limit)
    if format is ContestedFormat.json:
        print_json({"groups": groups})
    elif groups:
        what = "Figure groups" if all_groups else "Contested figures"
        stdout_console().print(contested_table(groups, f"{what} (low · best · high)"))
    else:
        stdout_console().print("no contested figures" + (f" of category {escape(category)}" if category else ""))


@app.command("group")
def group_cli(
    group_id: Annotated[int, typer.Argument(metavar="ID", help="A group id (or the id of a figure in it).")],
    split: Annotated[
        list[str] | None, typer.Option("--split", metavar="FIGURES", help="Move these figures (ids, e.g. 3,4) into a group of their own.")
    ] = None,
    merge: Annotated[
        list[str] | None, typer.Option("--merge", metavar="GROUPS", help="Merge these groups into this one.")
    ] = None,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Show one figure group, or split or merge groups (edits survive re-analysis).

    [bold]Example:[/] claimledger group 1 --split 2
    """
    split_ids, merge_ids = parse_ids(split), parse_ids(merge)
    if split_ids and merge_ids:
        raise CliError("give --split or --merge, not both")
    with open_ledger(db, must_exist=True) as ledger:
        found = ledger.group(group_id)
        if found is None:
            raise CliError(f"no figure group {group_id} (see 'claimledger contested --all')")
        if split_ids:
            shown = ledger.split(found["id"], split_ids)
        elif merge_ids:
            shown = [ledger.merge(found["id"], *merge_ids)]
        else:
            shown = [found]
    if as_json:
        print_json(shown if len(shown) > 1 else shown[0])
        return
    console = stdout_console()
    for item in shown:
        group_detail(item, console)


@app.command("timeline")
def timeline_cli(
    group_id: Annotated[int, typer.Argument(metavar="GROUP", help="A group id (or the id of a figure in it).")],
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """A group's figures in time order (published date, else ingest time), to see how an estimate moved.

    [bold]Example:[/] claimledger timeline 932
    """
    with open_ledger(db, must_exist=True) as ledger:
        entries = ledger.timeline(group_id)
    if entries is None:
        raise CliError(f"no figure group {group_id} (see 'claimledger contested --all')")
    if as_json:
        print_json(entries)
        return
    table = Table(title=f"Timeline of group {group_id}", title_justify="left")
    for name in ("time", "value", "change", "category", "claimant", "grade", "document"):
        table.add_column(name, overflow="fold")
    for e in entries:
        change = "" if e["change"] is None else (("+" if e["change"] > 0 else "") + number(e["change"]))
        time = (e["time"] or "")[:19] + (" (ingested)" if e["time_source"] == "ingested" else "")
        table.add_row(escape(time), escape(figure_value(e)), change, escape(e["category"] or ""),
                      escape(e["claimant"] or e["outlet"] or "—"), e["admiralty"], escape(e["document"]))
    stdout_console().print(table)


@app.command("entities")
def entities_cli(
    name: Annotated[str | None, typer.Option("--name", help="Only entities whose name or an alias contains this.")] = None,
    type: Annotated[
        str | None, typer.Option("--type", "-t", help="person, organisation, government, outlet, unnamed, place or group.")
    ] = None,
    limit: LimitOption = 30,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """People and organisations merged across documents, with their aliases, titles, type and side.

    [bold]Example:[/] claimledger entities --name Trump
    """
    with open_ledger(db, must_exist=True) as ledger:
        rows = ledger.merged_entities(name=name, type=type, limit=limit)
    if as_json:
        print_json(rows)
        return
    if not rows:
        stdout_console().print("no entities match")
        return
    table = Table(title="Entities across documents", title_justify="left")
    for column, kw in (("id", {"justify": "right"}), ("name", {"style": "bold"}), ("type", {}), ("side", {}),
                       ("documents", {"justify": "right"}), ("also called", {"overflow": "fold", "ratio": 3}),
                       ("titles", {"overflow": "fold", "ratio": 2})):
        table.add_column(column, **kw)
    for row in rows:
        table.add_row(str(row["id"]), escape(row["name"]), row["type"], escape(row["side"] or ""), str(row["documents"]),
                      escape(short(", ".join(row["aliases"] + row["abbreviations"]), 160)),
                      escape(short(", ".join(row["titles"]), 100)))
    stdout_console().print(table)


@app.command("grade")
def grade_cli(
    source: Annotated[str | None, typer.Argument(metavar="SOURCE", help="An outlet or entity, e.g. Reuters or 'the Pentagon'.")] = None,
    reliability: Annotated[str | None, typer.Argument(metavar="RELIABILITY", help="A-F (Admiralty source reliability).")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the grades set so far.")] = False,
    as_json: JsonOption = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Grade a source's reliability, A (completely reliable) to F (cannot be judged, the default).

    Figures then carry an Admiralty code such as B2: the source's reliability and the information's credibility (1-6, from corroboration).

    [bold]Example:[/] claimledger grade "the Pentagon" B
    """
    with open_ledger(db, must_exist=True) as ledger:
        if list_ or source is None:
            if source is not None or reliability is not None:
                raise CliError("give SOURCE RELIABILITY, or --list")
            rows = ledger.grades()
            if as_json:
                print_json(rows)
            else:
                for row in rows:
                    stdout_console().print(f"{escape(row['source'])}: {row['reliability']} ({row['meaning']})",
                                           highlight=False)
                if not rows:
                    stdout_console().print("no grades set; every source is F (cannot be judged)")
            return
        if reliability is None:
            raise CliError("give the reliability too: claimledger grade SOURCE A|B|C|D|E|F")
        result = ledger.grade(source, reliability)
    if as_json:
        print_json(result)
    else:
        stdout_console().print(f"{escape(result['source'])}: {result['reliability']} ({result['meaning']}); "
                               f"{result['figures']} figure(s) from this source", highlight=False)


@app.command("alias")
def alias_cli(
    alias: Annotated[str | None, typer.Argument(metavar="ALIAS", help="A name, e.g. DoD.")] = None,
    canonical: Annotated[str | None, typer.Argument(metavar="CANONICAL", help="The entity it names.")] = None,
    type: Annotated[str | None, typer.Option("--type", "-t", help="The entity's type (person, organisation, government, outlet ...).")] = None,
    side: Annotated[str | None, typer.Option("--side", help="The country or party the entity belongs to.")] = None,
    file: Annotated[str | None, typer.Option("--file", help="Load rules from a CSV file: alias,canonical[,type][,side].")] = None,
    remove: Annotated[str | None, typer.Option("--remove", metavar="ALIAS", help="Drop a rule you added.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="Show the alias table in effect (defaults and yours).")] = False,
    no_analyze: Annotated[bool, typer.Option("--no-analyze", help="Do not re-run the analysis after a change.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Edit the alias table that merges entities (e.g. Pentagon = US Department of Defense).

    A change re-runs the analysis so entities and groups follow it (unless --no-analyze).

    [bold]Example:[/] claimledger alias "MoD" "UK Ministry of Defence" --type government --side "United Kingdom"
    """
    with open_ledger(db, must_exist=True) as ledger:
        console = stdout_console()
        changed = 0
        if file is not None:
            changed += ledger.load_aliases(file)
        if remove is not None:
            if not ledger.remove_alias(remove):
                raise CliError(f"no alias rule of yours for {remove!r} (defaults can be overridden, not removed)")
            changed += 1
        if alias is not None or canonical is not None:
            if alias is None or canonical is None:
                raise CliError("give both ALIAS and CANONICAL")
            ledger.add_alias(alias, canonical, type=type, side=side)
            changed += 1
        if list_ or not changed:
            table = Table(title="Alias table", title_justify="left")
            for column in ("alias", "canonical", "type", "side", "origin"):
                table.add_column(column)
            for row in ledger.aliases():
                table.add_row(*(escape(str(row[c] or "")) for c in ("alias", "canonical", "type", "side", "origin")))
            console.print(table)
        if changed:
            console.print(f"stored {changed} alias change(s)")
            if not no_analyze:
                console.print(analysis_line(ledger.analyze(full=True)), highlight=False)


@app.command("export")
def export_cli(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl, csv, parquet or claimreview (schema.org JSON-LD).")],
    output: Annotated[str | None, typer.Option("--output", "-o", help="File to write (default stdout; parquet needs a file).")] = None,
    contested_only: Annotated[bool, typer.Option("--contested", help="Only figures of contested groups.")] = False,
    category: Annotated[str | None, typer.Option("--category", "-c", help="Only figures of this category.")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export every analysed figure with its group, grade and corroboration.

    CSV reads in pandas and DuckDB without options; Parquet keeps the column types; claimreview is a JSON-LD array of schema.org ClaimReview objects.

    [bold]Example:[/] claimledger export --format csv --output figures.csv
    """
    if format is ExportFormat.parquet and output is None:
        raise CliError("parquet is binary: give --output FILE")
    with open_ledger(db, must_exist=True) as ledger:
        if output is None:
            count = ledger.export(format.value, sys.stdout, contested_only=contested_only, category=category)
        else:
            try:
                if format is ExportFormat.parquet:
                    count = ledger.export(format.value, output, contested_only=contested_only, category=category)
                else:
                    with open(output, "w", encoding="utf-8", newline="") as handle:
                        count = ledger.export(format.value, handle, contested_only=contested_only, category=category)
            except OSError as exc:
                raise CliError(f"cannot write {output}: {exc.strerror or exc}") from None
    if output is not None:
        stderr_console().print(f"wrote {count} figure(s) to {escape(output)}", highlight=False)



def main() -> None:
    """Console-script entry point (``claimledger``)."""
    app()


if __name__ == "__main__":
    main()
