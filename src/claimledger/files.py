"""Ledger files on disk: which SQLite file a database argument names, opening a ledger that must
already exist, and making room for a fresh one without ever deleting a file that is not a ledger.

Why in the library: the CLI, the server and the demo all open ledgers from a user's argument, and
must refuse the same mistakes (a directory, a missing file) with the same one-line messages.
"""

from __future__ import annotations

import os
from pathlib import Path

from .config import DEFAULT_DEMO_DB, DEFAULT_MODEL
from .errors import UsageError
from .facade import Ledger
from .ledger.sql import sqlite_path

SQLITE_MAGIC = b"SQLite format 3\x00"


def sqlite_file(db: str | os.PathLike) -> Path | None:
    """The SQLite file ``db`` names (a path or sqlite:/// URL), or None for other databases."""
    return sqlite_path(db)


def open_ledger(db: str, model: str = DEFAULT_MODEL, *, must_exist: bool = False) -> Ledger:
    """Open the ledger ``db`` names; with ``must_exist`` a missing SQLite file is an error, not a new ledger."""
    if not str(db).strip():
        raise UsageError("--db is empty; give a file path or an SQLAlchemy URL")
    path = sqlite_file(db)
    if path is not None:
        if path.is_dir():
            raise UsageError(f"--db {db} is a directory; give a file path for the SQLite ledger")
        if must_exist and not path.exists():
            raise UsageError(
                f"no ledger at {path}; run 'claimledger ingest PATH --db {db}' first "
                f"(or 'claimledger demo' and pass --db {DEFAULT_DEMO_DB})"
            )
    return Ledger(db, model=model)


def fresh_sqlite_file(db: str) -> Path:
    """``db``'s SQLite file deleted (with its journal files) so a ledger starts fresh there;
    refuses a URL, a directory, and any existing file that is not an SQLite database."""
    if "://" in db:
        raise UsageError("demo --db takes a file path (the demo always builds a fresh SQLite file)")
    path = Path(db).expanduser()
    if path.is_dir():
        raise UsageError(f"--db {db} is a directory; give a file path for the demo ledger")
    if not path.parent.exists():
        raise UsageError(f"cannot create {path}: directory {path.parent} does not exist")
    if path.exists():
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
        if head and head != SQLITE_MAGIC:
            raise UsageError(f"{path} exists and is not an SQLite database; not deleting it")
    for suffix in ("", "-wal", "-shm", "-journal"):
        leftover = path.with_name(path.name + suffix)
        try:
            leftover.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise UsageError(f"cannot delete the old demo ledger {leftover}: {exc.strerror}") from None
    return path
