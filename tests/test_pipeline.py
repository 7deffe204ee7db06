"""The pipeline on every core: same records as one process, in input order; long texts in chunks;
a document that fails is one InputError and the rest goes on; a killed worker loses nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from claimledger import extract
from claimledger.errors import InputError
from claimledger import Ledger
from claimledger.nlp import CHUNK_CHARS, DEFAULT_MODEL, text_chunks
from claimledger.pipeline import POOL_MIN_TASKS, extract_documents, merge_entities, plan, run_tasks
from claimledger.pool import InProcess, available_cores, resolve_processes
from claimledger.records import Document

ROWS = 8


@pytest.fixture(scope="module")
def documents(corpus_dir) -> list[Document]:
    """Real Wikinews articles, of varied length."""
    path = corpus_dir / "wikinews" / "wikinews-2019-2020.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[40:40 + ROWS]]
    return [Document(id=r["id"], text=r["text"], source="wikinews", title=r["title"], url=r["url"]) for r in rows]


@pytest.fixture(scope="module")
def one_process(documents) -> list[dict]:
    return [record.to_dict() for _, record in extract_documents(documents, processes=1)]


def test_worker_processes_give_the_records_of_one_process_in_input_order(documents, one_process):
    assert len(list(plan(documents, 1))) >= POOL_MIN_TASKS  # so the pool is used
    pairs = list(extract_documents(documents, processes=2, batch_size=1))
    assert [document.id for document, _ in pairs] == [d.id for d in documents]
    assert [record.to_dict() for _, record in pairs] == one_process
    assert sum(len(r["quotes"]) for r in one_process) > ROWS  # real claims were compared, not empty records


def test_default_is_every_core():
    assert resolve_processes(None) == available_cores() == len(os.sched_getaffinity(0))
    assert resolve_processes(3) == 3
    for bad in (0, -1, 1.5, True):
        with pytest.raises(ValueError):
            resolve_processes(bad)


def test_text_chunks_cover_the_text_and_cut_at_paragraphs(documents):
    text = "\n\n".join(d.text for d in documents)
    chunks = list(text_chunks(text, 6_000))
    assert "".join(piece for _, piece in chunks) == text
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in chunks)
    assert all(len(piece) <= 6_000 for _, piece in chunks) and len(chunks) > 3
    assert all(piece.endswith("\n") for _, piece in chunks[:-1])  # every cut after a line break here
    assert list(text_chunks("short", CHUNK_CHARS)) == [(0, "short")]
    assert [len(p) for _, p in text_chunks("x" * 25, 10)] == [10, 10, 5]  # no separator: a hard cut


def test_a_long_document_is_parsed_in_chunks_with_offsets_on_the_whole_text(documents):
    text = "\n\n".join(d.text for d in documents[:4])
    whole = extract(text)
    (pair,) = run_tasks(plan([Document(id="long", text=text, source="t")], 4, chunk_chars=5_000), InProcess(DEFAULT_MODEL))
    chunked = pair[1]
    assert chunked.text == text
    for kind in ("quotes", "attributions", "figures"):
        for item in getattr(chunked, kind):
            assert text[item.start:item.end] == item.text, (kind, item)
    spans = {(q.start, q.end) for q in chunked.quotes}
    found = [q for q in whole.quotes if (q.start, q.end) in spans]
    assert len(whole.quotes) >= 4 and len(found) >= 0.8 * len(whole.quotes)
    names = [(e.name, e.label) for e in chunked.entities]
    assert len(names) == len(set(names))  # an entity named in several chunks is one entity


def test_merge_entities_unions_aliases_and_titles():
    merged = merge_entities([
        {"name": "Ann Lee", "label": "PERSON", "aliases": ["Lee"], "titles": []},
        {"name": "UN", "label": "ORG", "aliases": [], "titles": []},
        {"name": "Ann Lee", "label": "PERSON", "aliases": ["Lee", "Ann"], "titles": ["minister"]},
    ])
    assert merged == [{"name": "Ann Lee", "label": "PERSON", "aliases": ["Lee", "Ann"], "titles": ["minister"]},
                      {"name": "UN", "label": "ORG", "aliases": [], "titles": []}]


@pytest.fixture
def breaks_on_one_text(monkeypatch, documents):
    """The quote extractor raising on one real article (as a bug would), in this process."""
    from claimledger.extract import quotes

    real = quotes.extract_quotes
    bad = documents[2].text

    def extract_quotes(doc, *args, **kwargs):
        if doc.text == bad:
            raise RuntimeError("extractor bug\nsecond line of a long message")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(quotes, "extract_quotes", extract_quotes)
    return documents[2]


def test_a_failing_document_is_one_error_and_the_rest_goes_on(breaks_on_one_text, documents, one_process, tmp_path):
    errors: list[InputError] = []
    records = [r.to_dict() for _, r in extract_documents(documents, processes=1, batch_size=4, on_error=errors.append)]
    assert records == [r for d, r in zip(documents, one_process) if d is not breaks_on_one_text]
    (error,) = errors
    assert breaks_on_one_text.id in str(error) and "RuntimeError: extractor bug second line" in str(error)
    assert "\n" not in str(error)
    with pytest.raises(InputError, match="extractor bug"):  # without on_error it is raised, cleanly
        list(extract_documents(documents, processes=1))
    with Ledger(tmp_path / "l.db") as ledger:
        report = ledger.ingest(documents, processes=1, batch_size=3, analyze=False)
        assert (report.added, len(report.failed)) == (ROWS - 1, 1)
        assert breaks_on_one_text.id in str(report.failed[0])
        assert breaks_on_one_text.id not in {d["key"] for d in ledger.documents()}


def test_a_killed_worker_loses_no_document(documents, one_process):
    """SIGKILL one worker mid-run (as the out-of-memory killer would): its tasks are redone on new workers."""
    killed = []

    def kill_a_worker() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not killed:
            for pid in workers_of(os.getpid()):
                if has_model(pid):
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)
                    return
            time.sleep(0.2)

    killer = threading.Thread(target=kill_a_worker)
    killer.start()
    pairs = list(extract_documents(documents * 2, processes=2, batch_size=1))
    killer.join()
    assert killed, "no worker was found to kill"
    assert [record.to_dict() for _, record in pairs] == one_process * 2


def workers_of(root: int) -> list[int]:
    """Pids of the grandchildren of ``root`` (the pool's workers, forked by the fork server)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parents[int(entry)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    children = {pid for pid, parent in parents.items() if parent == root}
    return [pid for pid, parent in parents.items() if parent in children]


def has_model(pid: int) -> bool:
    """Whether a worker has loaded the model (its RSS is past the bare interpreter's)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return False
    return rss > 150_000


CHILD = """
import sys
from claimledger.ingest import read_paths
from claimledger.pipeline import extract_documents
documents = [d for d in read_paths([sys.argv[1]]) if hasattr(d, "text")]
for _ in extract_documents(documents * 50, processes=2, batch_size=1):
    pass
"""


def test_workers_exit_when_their_parent_is_killed(corpus_dir):
    """kill -9 of the process that started a pool must not leave its workers (each holds a model) behind."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(corpus_dir / "dev")])
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and not [p for p in workers_of(child.pid) if has_model(p)]:
            time.sleep(0.2)
        workers = workers_of(child.pid)
        assert workers, "the child's pool never started"
    finally:
        child.kill()
        child.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not any(alive(pid) for pid in workers)


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting for its parent counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
