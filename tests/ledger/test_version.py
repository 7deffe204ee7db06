"""A ledger's schema version: checked on every open, old ledgers migrated, newer ones refused in one line."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from claimledger import Ledger
from claimledger.errors import LedgerError
from claimledger.ledger import migrations, version

SRC = Path(__file__).resolve().parents[2] / "src"


def test_the_names_are_the_migrations_in_their_order():
    assert tuple(function.__name__ for function in migrations.MIGRATIONS) == version.MIGRATION_NAMES


def test_pending_known_and_newer_migrations():
    names = version.MIGRATION_NAMES
    assert version.is_current(names, "x.db") and not version.is_current(names[:-1], "x.db")
    assert not version.is_current([], "x.db")
    with pytest.raises(LedgerError, match=r"x\.db was written by a newer claimledger .*m999_future"):
        version.is_current([*names, "m999_future"], "x.db")


def test_a_ledger_from_a_newer_claimledger_is_one_clear_error(tmp_path):
    path = tmp_path / "newer.db"
    Ledger(path).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                   ("m999_future", datetime.now(timezone.utc).isoformat()))
    with pytest.raises(LedgerError, match="newer claimledger") as raised:
        Ledger(path)
    assert "\n" not in str(raised.value)


def test_an_older_ledger_is_migrated_when_opened_to_read(tmp_path):
    path = tmp_path / "older.db"
    Ledger(path).close()
    last = version.MIGRATION_NAMES[-1]
    with sqlite3.connect(path) as db:  # as a ledger written before the last migration (m008_figure_references) looks
        db.execute("DROP TABLE figure_references")
        db.execute("DELETE FROM _migrations WHERE name = ?", (last,))
    with Ledger(path) as ledger:
        assert ledger.figures() == []
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM _migrations WHERE name = ?", (last,)).fetchone() == (1,)
        assert {"document_id", "figure_start", "figure_end"} <= {
            row[1] for row in db.execute("PRAGMA table_info(figure_references)")}


def test_reading_an_up_to_date_sqlite_ledger_loads_no_sqlalchemy(tmp_path):
    path = tmp_path / "ledger.db"
    Ledger(path).close()
    script = (f"import sys\nfrom claimledger import Ledger\nwith Ledger({str(path)!r}) as ledger:\n"
              "    ledger.stats(); ledger.figures(); ledger.contested(); ledger.documents(); ledger.merged_entities()\n"
              "print('sqlalchemy' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                         env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "False"
