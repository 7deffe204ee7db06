"""Long articles among good ones: every document up to --max-bytes is ingested with its claims, in
bounded memory, and one over the limit is reported on one line while the rest goes in.

The long articles are built from the bundled corpus (its Wikinews articles one after another, as a
long live-blog or a transcript runs on). CI ingests a 3 MB one; the full run
(CLAIMLEDGER_FULL_RELIABILITY=1) adds a 19 MB one, which takes a few minutes of parsing per core.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimledger.cli import app
from claimledger import Ledger

from ._budget import FULL, count
from ._docs import WIKINEWS

MB = 1_000_000
MIB = 1024 * 1024
GOOD = 4


def article_texts() -> list[str]:
    return [json.loads(line)["text"] for line in WIKINEWS.read_text(encoding="utf-8").splitlines() if line.strip()]


def long_article(size: int, texts: list[str], skip: int) -> str:
    """At least ``size`` bytes of real articles in a row, starting ``skip`` articles in (so each long text differs)."""
    parts: list[str] = []
    total = 0
    i = skip
    while total < size:
        text = texts[i % len(texts)]
        parts.append(text)
        total += len(text.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    texts = article_texts()
    root = tmp_path_factory.mktemp("large")
    for i in range(GOOD):
        (root / f"good-{i}.txt").write_text(texts[200 + i], encoding="utf-8")
    (root / "long-3mb.txt").write_text(long_article(3 * MB, texts, 0), encoding="utf-8")
    if FULL:
        (root / "long-19mb.txt").write_text(long_article(19 * MB, texts, 7), encoding="utf-8")
    with (root / "over-25mib.txt").open("w", encoding="utf-8") as out:  # over the 20 MiB default limit
        block = long_article(MIB, texts, 3) + "\n\n"
        for _ in range(26):
            out.write(block)
    return root


def test_long_articles_are_ingested_and_an_oversized_one_is_one_line(folder, tmp_path):
    db = tmp_path / "large.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    long_ones = ["long-3mb"] + (["long-19mb"] if FULL else [])
    count("large documents", len(long_ones))
    assert result.exit_code == 2, result.output  # some input failed, the rest was ingested
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if "error:" in line]
    assert len(errors) == 1 and "over-25mib.txt" in errors[0] and "limit" in errors[0], result.output
    assert f"added {GOOD + len(long_ones)}," in result.output and "failed 1" in result.output
    with Ledger(db) as ledger:
        for key in long_ones:
            check_claims(ledger.document(key), (folder / f"{key}.txt").read_text(encoding="utf-8"))
        assert {d["key"] for d in ledger.documents()} == {f"good-{i}" for i in range(GOOD)} | set(long_ones)


def check_claims(document: dict, text: str) -> None:
    """Claims found all along the long text, each pointing at its own words in the whole text."""
    assert document["text"] == text
    quotes = document["quotes"]
    assert len(quotes) >= len(text) // 20_000, len(quotes)  # the corpus has ~1 quote per 2,000 characters
    for kind in ("quotes", "attributions", "figures"):
        for item in document[kind]:
            assert text[item["start"]:item["end"]] == item["text"], (kind, item)
    tenths = {q["start"] * 10 // len(text) for q in quotes}
    assert tenths == set(range(10))  # not only the first chunk: every tenth of the text has quotes
    assert len(document["figures"]) >= len(text) // 50_000
