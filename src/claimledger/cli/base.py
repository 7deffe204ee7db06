"""What every command shares: the typer app, one-line errors, consoles and the common options.

Exit codes: 0 success; 1 an error (a ``ClaimLedgerError``, a bad option, a missing file: one red
line on stderr, never a traceback); 2 some inputs could not be read but the rest were processed.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from types import ModuleType
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from .._version import __version__
from ..errors import ClaimLedgerError

DEFAULT_DB = "./claimledger.db"
EXIT_ERROR = 1
EXIT_PARTIAL = 2


def lazy(name: str) -> ModuleType:
    """The library module ``name``, loaded when first used: ``claimledger --help`` lists every
    command without loading the database layer (SQLAlchemy alone takes ~0.3 s to import).
    ``tests/test_layers.py`` checks these like imports."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


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


# The click that typer runs on: the click package, or the copy newer typer versions vendor.
_click_exceptions = sys.modules[typer.BadParameter.__module__]
ClickUsageError = _click_exceptions.UsageError
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
        """Commands in the order they are registered (the order of a session), not alphabetical."""
        return list(self.commands)


@contextmanager
def one_line_errors() -> Iterator[None]:
    """ClaimLedgerError or a usage mistake -> one red line on stderr and exit code 1."""
    try:
        yield
    except NoArgsIsHelpError:
        raise
    except ClickUsageError as error:
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


def print_version(value: bool) -> None:
    """``--version``: the installed package's version (claimledger.__version__), then exit."""
    if value:
        sys.stdout.write(f"claimledger {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=print_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Options that come before the command."""


# --- shared options ------------------------------------------------------------------------


class Format(str, Enum):
    """How a command prints what it found: the same four ways for every listing."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


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
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many rows.")]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Skip this many rows first (the next page).")]
FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", help='table; json: a page {"items": [...], "next_offset": ...} as the API '
                                        "gives it; jsonl: one item per line; csv: one row per item."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Same as --format json.")]


def chosen(format: Format, as_json: bool) -> Format:
    """The format a command prints: ``--json`` is short for ``--format json``."""
    return Format.json if as_json else format
