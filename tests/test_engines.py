"""Engines: the Ray engine leaves exactly the ledger the local engine leaves (on a local Ray cluster)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from claimledger import engines
from claimledger.errors import ClaimLedgerError
from claimledger import Ledger
from claimledger.records import Document

from _snapshot import snapshot

CORPUS_ROWS = 14
CLI_ROWS = 6
BATCH = 3


@pytest.fixture(scope="module")
def documents(corpus_dir) -> list[Document]:
    """Real articles, with a repeated text and a revised one so order-sensitive bookkeeping is exercised."""
    path = corpus_dir / "wikinews" / "wikinews-2019-2020.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[100:100 + CORPUS_ROWS]]
    docs = [Document(id=r["id"], text=r["text"], source="wikinews", title=r["title"], url=r["url"],
                     outlet=r["outlet"], published=r["published"]) for r in rows]
    revised = dataclasses.replace(docs[2], text=docs[2].text + "\n\nUpdate: officials said 12 people were arrested.")
    return docs + [docs[0], revised]


@pytest.fixture(scope="module")
def ray_cluster():
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'claimledger[ray]')")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    try:
        yield ray
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def local_ledger(tmp_path_factory, documents):
    path = tmp_path_factory.mktemp("local") / "local.db"
    with Ledger(path) as ledger:
        report = engines.ingest(ledger, documents, engine="local", batch_size=BATCH)
    return path, report


def test_ray_engine_equals_the_local_engine(ray_cluster, local_ledger, documents, tmp_path):
    local_path, local_report = local_ledger
    progress = []
    with Ledger(tmp_path / "ray.db") as ledger:
        report = engines.ingest(ledger, documents, engine="ray", workers=2, batch_size=BATCH,
                                on_progress=progress.append)
    assert (report.added, report.unchanged, report.revised, report.failed) == (
        local_report.added, local_report.unchanged, local_report.revised, local_report.failed)
    assert (report.added, report.unchanged, report.revised) == (CORPUS_ROWS, 1, 1)
    assert sorted(progress) == list(range(1, len(documents) + 1))
    assert snapshot(tmp_path / "ray.db") == snapshot(local_path)
    assert ray_cluster.is_initialized()  # a cluster it did not start is left running


def test_ray_engine_through_the_cli(ray_cluster, local_ledger, documents, tmp_path):
    from click.testing import CliRunner

    from claimledger.cli import app

    source = tmp_path / "docs.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for document in documents[:CLI_ROWS]:
            row = {k: v for k, v in dataclasses.asdict(document).items() if k != "source" and k != "author"}
            out.write(json.dumps(row) + "\n")
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(app, ["ingest", str(source), "--db", str(db), "--engine", "ray", "--workers", "2",
                                      "--batch-size", str(BATCH)])
    assert result.exit_code == 0, result.output
    assert f"added {CLI_ROWS}" in result.output
    ours, theirs = snapshot(db), snapshot(local_ledger[0])
    keys = {d.id for d in documents[:CLI_ROWS]}
    assert sorted(row[0] for row in ours["documents"]) == sorted(keys)
    for name in ("quotes", "attributions", "figures", "mentions"):
        assert ours[name] == [row for row in theirs[name] if row[1] == 1 and row[0] in keys], name


def test_engine_options_are_checked(tmp_path):
    with Ledger(tmp_path / "x.db") as ledger:
        with pytest.raises(ClaimLedgerError, match="unknown engine"):
            engines.ingest(ledger, [], engine="spark")
        with pytest.raises(ClaimLedgerError, match="--workers"):
            engines.ingest(ledger, [], engine="local", workers=2)
        with pytest.raises(ClaimLedgerError, match="--processes"):
            engines.ingest(ledger, [], engine="ray", processes=2)
