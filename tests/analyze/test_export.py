"""Exports, each read back by the library that consumes it: pandas, DuckDB, pyarrow, a JSON-LD reader."""

from __future__ import annotations

import io
import json

import pytest

from claimledger.analyze.export import COLUMNS, TALLY_COLUMNS
from claimledger.errors import LedgerError

pd = pytest.importorskip("pandas")
NAMES = [name for name, _ in COLUMNS]


@pytest.fixture(scope="module")
def figure_count(corpus):
    return corpus.stats()["figures"]


def test_jsonl(corpus, figure_count):
    out = io.StringIO()
    assert corpus.export("jsonl", out) == figure_count
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(rows) == figure_count and list(rows[0]) == NAMES
    pentagon = next(r for r in rows if r["claimant"] == "the Pentagon")
    assert (pentagon["low"], pentagon["group"], pentagon["group_contested"], pentagon["source"]) == (
        4000, pentagon["figure"], False, "US Department of Defense")  # deaths: a group apart from the casualties
    russians = next(r for r in rows if r["claimant"] == "The Russians")
    assert (russians["group"], russians["group_contested"], russians["group_category"]) == (1, True, "casualties")


def test_csv_reads_in_pandas_and_duckdb_without_options(corpus, tmp_path, figure_count):
    path = tmp_path / "figures.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        corpus.export("csv", handle)
    frame = pd.read_csv(path)
    assert list(frame.columns) == NAMES and len(frame) == figure_count
    assert frame["group_contested"].dtype == bool and frame["low"].dtype.kind == "f"
    example = frame[frame["document"] == "syrian-fighters-recruitment"].set_index("text")
    assert example.loc["almost 12,000 casualties", "claimant"] == "Ukrainian news sources"
    assert example.loc["almost 12,000 casualties", "group_best"] == 500
    duckdb = pytest.importorskip("duckdb")
    rows = duckdb.sql(f"SELECT text, low, group_contested FROM read_csv('{path}') WHERE claimant = 'The Russians'").fetchall()
    assert rows == [("just about 500 casualties", 500, True)]
    assert duckdb.sql(f"SELECT count(*) FROM '{path}'").fetchall() == [(figure_count,)]


def test_parquet_keeps_the_types(corpus, tmp_path, figure_count):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "figures.parquet"
    assert corpus.export("parquet", path, contested_only=True) > 0
    table = pq.read_table(path)
    assert table.column_names == NAMES
    assert str(table.schema.field("low").type) == "double" and str(table.schema.field("group").type) == "int64"
    frame = pd.read_parquet(path)
    assert frame["group_contested"].all()
    assert set(frame[frame["group"] == 1]["low"]) == {12000.0, 500.0}


def test_claimreview_json_ld(corpus):
    out = io.StringIO()
    n = corpus.export("claimreview", out, category="deaths")
    reviews = json.loads(out.getvalue())
    assert len(reviews) == n > 0
    for review in reviews:
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["claimReviewed"] and review["datePublished"]
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["author"]["name"] and item["appearance"]
        assert 1 <= review["reviewRating"]["ratingValue"] <= 6
    samoa = next(r for r in reviews if r["claimReviewed"] == "81")
    appearance = samoa["itemReviewed"]["appearance"][0]
    assert appearance["url"].startswith("https://en.wikinews.org/")
    assert samoa["itemReviewed"]["datePublished"] == "2020-01-01"
    assert samoa["itemReviewed"]["author"] == {"@type": "Organization", "name": "Wikinews"}
    kirby_like = next(r for r in reviews if r["claimReviewed"] == "six Mexican nationals")
    assert kirby_like["itemReviewed"]["author"] == {"@type": "Person", "name": "Andrés Manuel López Obrador"}


def test_tallies_as_jsonl_csv_and_parquet(corpus, tmp_path):
    out = io.StringIO()
    n = corpus.export("jsonl", out, what="tallies")
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(rows) == n == len(corpus.tallies(limit=100_000)) > 2
    assert list(rows[0]) == [name for name, _ in TALLY_COLUMNS]
    example = [r for r in rows if r["document"] == "syrian-fighters-recruitment" and r["side"] == "Russian"]
    casualties = next(r for r in example if r["category"] == "casualties")
    assert (casualties["low"], casualties["high"]) == (500, 12000)
    assert [(c["claimant"], c["low"]) for c in casualties["claims"]] == [("Ukrainian news sources", 12000),
                                                                          ("The Russians", 500)]
    path = tmp_path / "tallies.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        deaths = corpus.export("csv", handle, what="tallies", category="deaths")
    frame = pd.read_csv(path)
    assert len(frame) == deaths > 0 and set(frame["category"]) == {"deaths"}
    pentagon = frame[frame["claimants"] == "the Pentagon"]
    assert list(pentagon["low"]) == [4000] and json.loads(pentagon["claims"].iloc[0])[0]["spans"]
    pq = pytest.importorskip("pyarrow.parquet")
    assert corpus.export("parquet", tmp_path / "tallies.parquet", what="tallies") == n
    assert pq.read_table(tmp_path / "tallies.parquet").column_names == [name for name, _ in TALLY_COLUMNS]
    with pytest.raises(LedgerError, match="tallies and incidents: jsonl, csv, parquet"):
        corpus.export("claimreview", io.StringIO(), what="tallies")


def test_unknown_format(corpus):
    with pytest.raises(LedgerError, match="unknown export format 'xml'"):
        corpus.export("xml", io.StringIO())


def test_parquet_without_pyarrow_says_which_extra_to_install(monkeypatch, tmp_path):
    import sys

    from claimledger.analyze.export import write_parquet
    from claimledger.errors import MissingExtra

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # what an install without the extra looks like
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(MissingExtra, match=r"pip install 'claimledger\[parquet\]'"):
        write_parquet([], tmp_path / "out.parquet")
