"""What every command shares: the click group, one-line errors and the common options.

Exit codes: 0 success; 1 an error (a ``ClaimLedgerError``, a bad option, a missing file: one red
line on stderr, never a traceback); 2 some inputs could not be read but the rest were processed.

Plain click, and nothing heavy at import: ``claimledger --help`` lists every command without the
library's database layer, and rich (``cli/tables.py``) loads only when a table is drawn.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Any

import click
from click.exceptions import Exit, NoArgsIsHelpError

from .._lazy import lazy
from .._version import __version__
from ..config import DEFAULT_MODEL
from ..errors import ClaimLedgerError

DEFAULT_DB = "./claimledger.db"
EXIT_ERROR = 1
EXIT_PARTIAL = 2

__all__ = ["lazy"]  # re-exported: the commands load the library with it


def error_line(message: str) -> None:
    """One red line on stderr, whatever the terminal width (``tables.error_line`` under a progress display)."""
    text = first_line(message)
    click.echo(click.style("error:", fg="red", bold=True) + " " + click.style(text, fg="red"), err=True)


def first_line(message: str) -> str:
    """A message squeezed onto one line, so every error is exactly one line of output."""
    return " ".join(str(message).split())


class ClaimLedgerGroup(click.Group):
    """Turns library errors and usage mistakes into one red line on stderr and exit code 1.

    Click's usage errors normally exit with 2, but ``ingest`` uses 2 to say "some input
    failed, the rest was ingested", so a typo in an option must not look like that.
    """

    def make_context(self, info_name, args, parent=None, **extra):  # noqa: ANN001, D102
        with one_line_errors():
            return super().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:  # noqa: D102
        with one_line_errors():
            return super().invoke(ctx)

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Commands in the order they are registered (the order of a session), not alphabetical."""
        return list(self.commands)


@contextmanager
def one_line_errors() -> Iterator[None]:
    """ClaimLedgerError or a usage mistake -> one red line on stderr and exit code 1."""
    try:
        yield
    except NoArgsIsHelpError:
        raise
    except click.UsageError as error:
        hint = f" (see '{error.ctx.command_path} --help')" if error.ctx is not None else ""
        error_line(f"{error.format_message()}{hint}")
        raise Exit(EXIT_ERROR) from None
    except ClaimLedgerError as error:
        error_line(str(error))
        raise Exit(EXIT_ERROR) from None


def print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``--version``: the package's version (claimledger.__version__), then exit."""
    if value and not ctx.resilient_parsing:
        sys.stdout.write(f"claimledger {__version__}\n")
        ctx.exit()


@click.group(
    "claimledger",
    cls=ClaimLedgerGroup,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"], "show_default": True, "max_content_width": 120},
)
@click.option("--version", is_flag=True, callback=print_version, expose_value=False, is_eager=True,
              help="Show the version and exit.")
def app() -> None:
    """Build a source-attributed ledger of quotes, attributions and figures from news articles.

    Start with 'claimledger demo', which ingests the bundled corpus and shows what it found.
    """


# --- shared options ------------------------------------------------------------------------


class Format(str, Enum):
    """How a command prints what it found: the same four ways for every listing."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def db_option(help: str = "Ledger database: a file path (SQLite) or an SQLAlchemy URL such as "
                          "postgresql://user@host/db.") -> Decorator:
    return click.option("--db", envvar="CLAIMLEDGER_DB", show_envvar=True, default=DEFAULT_DB, help=help)


def model_option() -> Decorator:
    return click.option("--model", envvar="CLAIMLEDGER_MODEL", show_envvar=True, default=DEFAULT_MODEL,
                        help="spaCy model to parse with, e.g. en_core_web_trf for accuracy over speed.")


def processes_option(default: int | None = None) -> Decorator:
    return click.option("--processes", "-p", type=click.IntRange(min=1), default=default,
                        show_default=default is not None,
                        help="Worker processes for parsing and extraction, each loading the model once "
                             "(default: one per CPU core; 1 parses in this process).")


def batch_size_option() -> Decorator:
    return click.option("--batch-size", type=click.IntRange(min=1), default=32, help="Documents per spaCy batch.")


def max_bytes_option() -> Decorator:
    return click.option("--max-bytes", type=click.IntRange(min=1), default=None, show_default=False,
                        help="Skip (and report) any file, JSONL line or CSV row larger than this many bytes "
                             "(default 20 MiB).")


def listing_options(limit: int) -> Decorator:
    """What every listing takes, in this order: ``--limit`` (default ``limit``), ``--offset``, ``--format``,
    ``--json`` and ``--db``."""
    options = [
        click.option("--limit", "-n", type=click.IntRange(min=1), default=limit, help="Show at most this many rows."),
        click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many rows first (the next page)."),
        format_options(),
        db_option(),
    ]

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed(options):
            function = option(function)
        return function

    return decorate


def format_options() -> Decorator:
    """``--format table|json|jsonl|csv`` and ``--json`` (short for ``--format json``)."""
    fmt = click.option("--format", "-f", "format", type=click.Choice(Format), default=Format.table,
                       help='table; json: a page {"items": [...], "next_offset": ...} as the API '
                            "gives it; jsonl: one item per line; csv: one row per item.")
    as_json = click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
    return lambda function: fmt(as_json(function))


def chosen(format: Format, as_json: bool) -> Format:
    """The format a command prints: ``--json`` is short for ``--format json``."""
    return Format.json if as_json else format
