"""kill -9 in the middle of an ingest, then rerun: the ledger ends up exactly as an uninterrupted run's."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from claimledger import Ledger

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BATCH = 4
KILL_AFTER = 3 * BATCH  # documents committed before the kill
TIMEOUT = 300

CHILD = """
import os
import sys
db, here, batch = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path[:0] = [here, os.path.dirname(here)]  # tests/ledger/ and tests/, as under pytest
from _corpus import ingest_corpus
from claimledger import Ledger
with Ledger(db) as ledger:
    ledger.ingest(ingest_corpus(), batch_size=batch)
"""


def committed(path: Path) -> int:
    """Documents another process has committed so far (0 while the file or table is not there)."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)) as db:
            return db.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def snapshot(path: Path) -> dict[str, list[tuple]]:
    """Everything stored, by document key, without row ids (which differ between runs)."""
    queries = {
        "documents": "SELECT key, content_hash, revision, is_current, url, title, published FROM documents",
        "outlets": "SELECT name, name FROM outlets",
        "quotes": 'SELECT d.key, q.kind, q.start, q."end", q.text, q.speaker, q.speaker_title, q.cue '
                  "FROM quotes q JOIN documents d ON d.id = q.document_id",
        "attributions": 'SELECT d.key, a.start, a."end", a.text, a.source, a.cue '
                        "FROM attributions a JOIN documents d ON d.id = a.document_id",
        "figures": 'SELECT d.key, f.start, f."end", f.text, f.low, f.high, f.category, f.claimant, f.stance '
                   "FROM figures f JOIN documents d ON d.id = f.document_id",
        "mentions": "SELECT d.key, e.name, e.label FROM mentions m JOIN documents d ON d.id = m.document_id "
                    "JOIN entities e ON e.id = m.entity_id",
        "aliases": "SELECT e.name, e.label, a.alias FROM entity_aliases a JOIN entities e ON e.id = a.entity_id",
        "claims_fts": "SELECT d.key, c.kind, c.text FROM claims_fts c JOIN documents d ON d.id = c.document_id",
    }
    with closing(sqlite3.connect(path)) as db:
        return {name: sorted(db.execute(sql), key=repr) for name, sql in queries.items()}


def check_integrity(path: Path) -> None:
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        for table in ("documents_fts", "claims_fts"):  # raises if an index disagrees with its rows
            db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")


def test_kill_9_then_rerun_gives_the_uninterrupted_ledger(reference, tmp_path):
    path = tmp_path / "killed.db"
    n = len(reference.documents)
    with open(tmp_path / "child.log", "wb") as log:
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), str(HERE), str(BATCH)],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            deadline = time.monotonic() + TIMEOUT
            while committed(path) < KILL_AFTER:
                assert child.poll() is None, (tmp_path / "child.log").read_text(errors="replace")
                assert time.monotonic() < deadline, "the child never committed a batch"
                time.sleep(0.01)
            os.killpg(child.pid, signal.SIGKILL)
            assert child.wait(timeout=30) == -signal.SIGKILL
        finally:
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()

    # What the killed run left: whole batches only, each complete, nothing broken.
    partial = committed(path)
    assert KILL_AFTER <= partial < n
    assert partial % BATCH == 0
    check_integrity(path)
    expected = snapshot(reference.path)
    left = snapshot(path)
    kept = {row[0] for row in left["documents"]}
    for name in ("documents", "quotes", "attributions", "figures", "mentions", "claims_fts"):
        assert left[name] == [row for row in expected[name] if row[0] in kept], name

    # The rerun skips what is stored and completes the rest.
    with Ledger(path) as ledger, Ledger(reference.path) as uninterrupted:
        report = ledger.ingest(reference.documents, batch_size=BATCH)
        assert (report.added, report.unchanged, report.revised, report.failed) == (n - partial, partial, 0, [])
        assert ledger.stats() == uninterrupted.stats()
    check_integrity(path)
    assert snapshot(path) == expected
    assert len(expected["documents"]) == n
    assert len({row[0] for row in expected["documents"]}) == n  # no key twice
