"""Two ``claimledger ingest`` processes at once into one ledger lose nothing and store nothing twice.

The two runs get overlapping halves of the same real articles (each also parses the shared ones),
start together and race batch by batch; afterwards the ledger equals a clean single run over all
of them. SQLite (one file, WAL, BEGIN IMMEDIATE) in every run; PostgreSQL (advisory lock) too.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from claimledger import Ledger

from _snapshot import integrity, snapshot

from . import _docs
from ._budget import count, scaled

N = 16


@pytest.fixture(scope="module")
def halves(tmp_path_factory):
    """Two overlapping JSONL files (documents 0-10 and 6-15) and the clean run's snapshot of all 16."""
    folder = tmp_path_factory.mktemp("concurrent")
    rows = _docs.rows(N, skip=20)
    first = _docs.write_jsonl(rows[:11], folder / "first.jsonl")
    second = _docs.write_jsonl(rows[6:], folder / "second.jsonl")
    everything = _docs.write_jsonl(rows, folder / "all.jsonl")
    with Ledger(folder / "clean.db") as ledger:
        assert ledger.ingest([everything], batch_size=2).added == N
    return first, second, snapshot(folder / "clean.db")


def ingest_at_once(url: str, first, second) -> None:
    command = [sys.executable, "-m", "claimledger.cli", "ingest", "--db", url, "--batch-size", "2"]
    children = [subprocess.Popen([*command, str(path)], cwd=_docs.ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                for path in (first, second)]
    outputs = [child.communicate(timeout=600) for child in children]
    for child, (out, err) in zip(children, outputs):
        assert child.returncode == 0, err.decode(errors="replace")[-3000:]
    added = sum(int(out.decode().split("added ")[1].split(",")[0]) for out, _ in outputs)
    assert added == N, [out.decode() for out, _ in outputs]  # each shared document stored by exactly one run


def without_source(snap: dict) -> dict:
    """The snapshot less each document's source file name (the runs read different files)."""
    return {**snap, "documents": sorted((row[:9] + row[10:] for row in snap["documents"]), key=repr)}


def check(url: str, expected: dict) -> None:
    integrity(url)
    got = snapshot(url)
    assert without_source(got) == without_source(expected)
    assert len({row[0] for row in got["documents"]}) == len(got["documents"]) == N


def test_two_ingests_at_once_into_one_sqlite_file(halves, tmp_path):
    first, second, expected = halves
    for round_ in range(scaled(2, 6)):
        url = str(tmp_path / f"shared-{round_}.db")
        ingest_at_once(url, first, second)
        check(url, expected)
        count("concurrent ingest rounds (sqlite)")


def test_two_ingests_at_once_into_one_postgresql_database(halves, postgres_url):
    first, second, expected = halves
    ingest_at_once(postgres_url, first, second)
    check(postgres_url, expected)
    count("concurrent ingest rounds (postgresql)")
