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
    int, typer.Option("--processes", "-p", min=1, help="Worker processes for parsing (each loads the model).")
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
        help="Files (.txt .md .html .jsonl .csv), directories (searched recursively) or - for stdin.",
    ),
]
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many rows.")]
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
    processes: int = 1,
    batch_size: int = 32,
    max_bytes: int | None = None,
    field_map: dict[str, str] | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
):
    """Ingest ``paths`` into the ledger at ``db``; returns the library's ``IngestReport``."""
    options = read_options(max_bytes, field_map)
    with open_ledger(db, model) as ledger:
        return ledger.ingest(
            paths,
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
    processes: int = 1,
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

    pairs = extract_documents(documents(), model=model, processes=processes, batch_size=batch_size)
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


def run_evaluate(predictions: str, gold_dir: str):
    """Score an extraction JSONL file against a directory of ``*.gold.json`` files."""
    from .evaluate import evaluate, load_predictions

    return evaluate(load_predictions(predictions), gold_dir)


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
    processes: ProcessesOption = 1,
    batch_size: BatchSizeOption = 32,
    max_bytes: MaxBytesOption = None,
    field_map: FieldMapOption = None,
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
        )
    failed = len(report.failed)
    stdout_console().print(
        f"added {report.added}, unchanged {report.unchanged}, revised {report.revised}, failed {failed}"
        f"  [dim](ledger: {escape(db)})[/]"
    )
    exit_for_failures(failed, report.added + report.unchanged + report.revised)


@app.command("extract")
def extract_cli(
    paths: PathsArgument,
    format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="jsonl: one record-format JSON object per line; table: for people."),
    ] = OutputFormat.jsonl,
    model: ModelOption = DEFAULT_MODEL,
    processes: ProcessesOption = 1,
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


def main() -> None:
    """Console-script entry point (``claimledger``)."""
    app()


if __name__ == "__main__":
    main()
