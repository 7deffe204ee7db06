"""kill -9 at random points of an ingest, many times: every rerun ends with the ledger a clean run builds.

Each round starts a child process that ingests real articles (with a repeated text and a revision)
in small batches and kills it with SIGKILL at a random moment: sometimes after a random delay
(while Python starts, the schema is migrated, a batch is parsed or committed), sometimes right
after a random number of documents is committed. The killed ledger must then hold whole batches
only and pass SQLite's integrity checks; a rerun must leave exactly the clean run's ledger (same
documents, revisions, claims, entities and search index rows). SQLite in every round; PostgreSQL too.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, text

from claimledger import Ledger
from claimledger.ledger.dialect import to_url

from _snapshot import integrity, snapshot

from . import _docs
from ._budget import FULL, count, scaled

BATCH = 2
TIMEOUT = 300
SEED = int(os.environ.get("CLAIMLEDGER_KILL_SEED", "0")) or (random.randrange(1 << 30) if FULL else 20240611)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The documents (as a JSONL file for the child) and the clean run's ledger snapshot."""
    folder = tmp_path_factory.mktemp("kill9")
    path = _docs.write_jsonl(_docs.with_repeats(_docs.rows(14)), folder / "docs.jsonl")
    clean = folder / "clean.db"
    started = time.monotonic()
    with Ledger(clean) as ledger:
        report = ledger.ingest(_docs.documents(path), batch_size=BATCH)
    assert (report.added, report.unchanged, report.revised) == (14, 1, 1)
    return path, snapshot(clean), time.monotonic() - started


def committed(url: str) -> int:
    """Documents committed so far by another process (0 before the table exists)."""
    engine = create_engine(to_url(url), connect_args={"timeout": 1} if "://" not in url else {})
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM documents")).scalar()
    except Exception:  # noqa: BLE001 - not created yet, or locked for a moment
        return 0
    finally:
        engine.dispose()


def kill_round(url: str, docs_path, rng: random.Random, budget: float) -> str:
    """Start the child, kill -9 it at a random point; returns how the point was chosen."""
    child = subprocess.Popen([sys.executable, str(_docs.HERE / "_docs.py"), url, str(docs_path), str(BATCH)],
                             cwd=_docs.ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             start_new_session=True)
    try:
        if rng.random() < 0.5:
            delay = rng.uniform(0.0, budget)
            how = f"after {delay:.2f}s"
            deadline = time.monotonic() + delay
            while time.monotonic() < deadline and child.poll() is None:
                time.sleep(0.005)
        else:
            target = rng.randrange(0, 15)
            how = f"after {target} committed"
            deadline = time.monotonic() + TIMEOUT
            while committed(url) < target and child.poll() is None:
                assert time.monotonic() < deadline, "the child never got there"
                time.sleep(0.005)
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
        code = child.wait(timeout=60)
        if code not in (0, -signal.SIGKILL):
            raise AssertionError(f"child failed ({code}): {child.stderr.read().decode(errors='replace')[-3000:]}")
        return how + ("" if code else " (finished first)")
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
        child.stderr.close()


def check_partial(url: str, expected: dict) -> None:
    """What a killed run left: consistent files and, per stored document, all of its claims."""
    integrity(url)
    left = snapshot(url)
    kept = {(row[0], row[3]) for row in left["documents"]}  # (key, revision)
    for name in ("quotes", "attributions", "figures", "mentions", "claims_fts", "documents_fts"):
        assert left[name] == [row for row in expected[name] if (row[0], row[1]) in kept], name
    assert len(left["documents"]) == len({(row[0], row[3]) for row in left["documents"]})


def run_rounds(rounds: int, fresh_url, corpus, what: str) -> list[str]:
    docs_path, expected, clean_seconds = corpus
    rng = random.Random(SEED + len(what))
    budget = clean_seconds + 2.5  # the child also starts Python and loads the model
    log = []
    for number in range(rounds):
        url = fresh_url(number)
        how = kill_round(url, docs_path, rng, budget)
        check_partial(url, expected)
        with Ledger(url) as ledger:  # the rerun, to the end
            report = ledger.ingest(_docs.documents(docs_path), batch_size=BATCH)
        assert report.failed == []
        integrity(url)
        assert snapshot(url) == expected, f"round {number} ({how}), seed {SEED}"
        count(f"kill -9 rounds ({what})")
        log.append(how)
    return log


def test_kill_9_sqlite(corpus, tmp_path):
    log = run_rounds(scaled(4, 24), lambda n: str(tmp_path / f"round-{n}.db"), corpus, "sqlite")
    print(f"seed {SEED}: " + "; ".join(log))


def test_kill_9_postgresql(corpus, postgres_cluster):
    urls = []

    def fresh(_number):
        urls.append(postgres_cluster.create_database("kill"))
        return urls[-1]

    try:
        log = run_rounds(scaled(2, 8), fresh, corpus, "postgresql")
    finally:
        for url in urls:
            postgres_cluster.drop_database(url)
    print(f"seed {SEED}: " + "; ".join(log))
