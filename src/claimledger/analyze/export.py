"""Export: every analysed figure with its group, grade and corroboration, or every casualty tally, for other tools.

Why: analysts work in spreadsheets, notebooks and fact-check feeds. One flat row per figure
(``COLUMNS``) goes out as JSON Lines, CSV (RFC 4180 with a header: pandas and DuckDB read it with no
options), Parquet (typed, through pyarrow), or schema.org ``ClaimReview`` JSON-LD (one review per
figure: the claim, who made it, where it appeared, and its Admiralty grade as the rating).
Tallies (``WHAT``) go out as one row per tally (``TALLY_COLUMNS``) in JSON Lines (claims nested),
CSV or Parquet (claims as JSON text); ClaimReview reviews figures only.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from datetime import date
from typing import IO, Any, get_args, get_type_hints

from ..errors import MissingExtra
from ..ledger.sql import Reader
from ..ledger.tallies import tally_list
from ..records import Figure, Incident, field_names, whole, wholes
from . import group_reads
from .incident_queries import incident_list

FORMATS = ("jsonl", "csv", "parquet", "claimreview")
WHAT = ("figures", "tallies", "incidents")
TALLY_FORMATS = ("jsonl", "csv", "parquet")
TALLY_PAGE = 500  # tallies read per query (their claims are fetched with an IN list of this many ids)

# (name, type) of one exported row; types are Parquet's: int64, float64, bool, string. The figure's
# own fields come from the record declaration (``records.Figure``), the rest from the analysis.
PARQUET_TYPES = {int: "int64", float: "float64", bool: "bool", str: "string"}
GROUP_COLUMNS = [
    ("group", "int64"), ("group_category", "string"), ("group_subject", "string"), ("group_period", "string"),
    ("group_place", "string"), ("group_contested", "bool"), ("group_low", "float64"), ("group_best", "float64"),
    ("group_high", "float64"), ("figure", "int64"), ("document", "string"),
]
ANALYSIS_COLUMNS = [
    ("measure", "string"), ("source", "string"), ("source_type", "string"), ("outlet", "string"), ("url", "string"),
    ("title", "string"), ("published", "string"), ("seen", "string"), ("reliability", "string"),
    ("credibility", "int64"), ("admiralty", "string"), ("outlets", "int64"), ("agree", "int64"),
    ("disagree", "int64"), ("first_seen", "string"), ("first_document", "string"),
]


def record_columns(record_type: type) -> list[tuple[str, str]]:
    """(name, Parquet type) for each field of a record type (``X | None`` is X's type)."""
    hints = get_type_hints(record_type)
    columns = []
    for name in field_names(record_type):
        base = next(t for t in get_args(hints[name]) or (hints[name],) if t is not type(None))
        columns.append((name, PARQUET_TYPES.get(base, "string")))
    return columns


COLUMNS: list[tuple[str, str]] = GROUP_COLUMNS + record_columns(Figure) + ANALYSIS_COLUMNS


def export_rows(reader: Reader, *, contested_only: bool = False, category: str | None = None) -> list[dict]:
    """Every analysed figure of current documents as a flat export row, in group order."""
    figures = group_reads.figure_rows(reader, contested_only=contested_only, category=category)
    summaries = group_reads.group_summaries(reader, sorted({f["group"] for f in figures}))
    return [flat_row(f, summaries.get(f["group"], {})) for f in figures]


def flat_row(figure: dict, group: dict) -> dict[str, Any]:
    """One export row from a figure dict (``group_reads.figure_dict``) and its group summary."""
    row = {
        "group": figure["group"], "group_category": group.get("category"), "group_subject": group.get("subject"),
        "group_period": group.get("period"), "group_place": group.get("place"),
        "group_contested": bool(group.get("contested")), "group_low": group.get("low"),
        "group_best": group.get("best"), "group_high": group.get("high"), "figure": figure["id"],
    }
    for name, _ in COLUMNS:
        if name not in row:
            row[name] = figure.get(name)
    for name, kind in COLUMNS:
        value = row[name]
        if value is not None and kind == "float64":
            row[name] = float(value)
        elif kind == "bool":
            row[name] = bool(value)
    return row


TALLY_COLUMNS: list[tuple[str, str]] = [
    ("tally", "int64"), ("document", "string"), ("title", "string"), ("outlet", "string"), ("url", "string"),
    ("published", "string"), ("category", "string"), ("group", "string"), ("side", "string"), ("low", "float64"),
    ("high", "float64"), ("place", "string"), ("date", "string"), ("claimants", "string"), ("claims", "string"),
]


def tally_rows(reader: Reader, *, category: str | None = None) -> Iterator[dict]:
    """Every tally of current documents as an export row: ``claimants`` joined with "; ", ``claims``
    the list of accounts (claimant, low, high, stance, spans)."""
    offset = 0
    while True:
        found = tally_list(reader, category=category, group=None, limit=TALLY_PAGE, offset=offset)
        for tally in found:
            row = {name: tally.get(name) for name, _ in TALLY_COLUMNS}
            row["tally"] = tally["id"]
            row["claimants"] = "; ".join(c["claimant"] or "—" for c in tally["claims"])
            row["claims"] = tally["claims"]
            yield row
        if len(found) < TALLY_PAGE:
            return
        offset += TALLY_PAGE


INCIDENT_COLUMNS: list[tuple[str, str]] = record_columns(Incident)  # reports, tallies, groups: JSON text in CSV


def incident_rows(reader: Reader) -> Iterator[dict]:
    """Every incident as an export row (``records.Incident``: reports, tallies, group summaries nested)."""
    offset = 0
    while True:
        found = incident_list(reader, limit=TALLY_PAGE, offset=offset)
        yield from found
        if len(found) < TALLY_PAGE:
            return
        offset += TALLY_PAGE


def write_jsonl(rows: Iterable[dict], out: IO[str]) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(wholes(row), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict], out: IO[str], columns: list[tuple[str, str]] = COLUMNS) -> int:
    """Header row, then one row per figure (or tally); booleans as true/false, missing values empty,
    lists as JSON text."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _ in columns])
    n = 0
    for row in rows:
        writer.writerow([_csv_value(row[name]) for name, _ in columns])
        n += 1
    return n


def write_parquet(rows: Iterable[dict], path: str | os.PathLike | IO[bytes],
                  columns: list[tuple[str, str]] = COLUMNS) -> int:
    try:  # an optional dependency, imported only when Parquet is asked for
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtra("parquet", "Parquet export") from None

    types = {"int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_(), "string": pa.string()}
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    rows = [{k: _csv_value(v) if isinstance(v, list) else v for k, v in row.items()} for row in rows]
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, path)
    return len(rows)


def claim_review(row: dict, today: str) -> dict:
    """A schema.org ClaimReview for one figure: the claim, its author, where it appeared, its grade."""
    author_type = "Person" if row.get("source_type") == "person" else "Organization"
    appearance: dict[str, Any] = {"@type": "NewsArticle", "identifier": row["document"]}
    if row.get("url"):
        appearance["url"] = row["url"]
    if row.get("title"):
        appearance["headline"] = row["title"]
    if row.get("outlet"):
        appearance["publisher"] = {"@type": "Organization", "name": row["outlet"]}
    if row.get("published"):
        appearance["datePublished"] = row["published"]
    group = (f"figure group {row['group']} ({row['group_category']}): "
             f"{'contested' if row['group_contested'] else 'not contested'}, low {_num(row['group_low'])}, "
             f"best {_num(row['group_best'])}, high {_num(row['group_high'])}")
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": f"claimledger:figure:{row['figure']}",
        "claimReviewed": row["text"],
        "datePublished": today,
        "author": {"@type": "Organization", "name": "claimledger"},
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": author_type, "name": row.get("source") or row.get("outlet") or row["document"]},
            "datePublished": (row.get("published") or row.get("seen") or "")[:10] or None,
            "appearance": [appearance],
            "firstAppearance": {"@type": "NewsArticle", "identifier": row.get("first_document") or row["document"]},
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": row["credibility"],
            "bestRating": 1,
            "worstRating": 6,
            "alternateName": row["admiralty"],
            "ratingExplanation": f"Admiralty {row['admiralty']}; {group}; carried by {row['outlets']} "
                                 f"independent outlet(s).",
        },
    }


def write_claimreview(rows: Iterable[dict], out: IO[str], today: str | None = None) -> int:
    """A JSON-LD array of ClaimReview objects."""
    today = today or date.today().isoformat()
    reviews = [claim_review(row, today) for row in rows]
    json.dump(reviews, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(reviews)


def write(rows: Iterable[dict], format: str, out, what: str = "figures") -> int:
    """Write rows (of ``what``: figures or tallies) in ``format`` to ``out`` (a text stream; Parquet: a
    path or binary stream)."""
    columns = {"tallies": TALLY_COLUMNS, "incidents": INCIDENT_COLUMNS}.get(what, COLUMNS)
    if what != "figures" and format not in TALLY_FORMATS:
        raise ValueError(f"{what} export as {', '.join(TALLY_FORMATS)}; {format} is for figures")
    if format == "jsonl":
        return write_jsonl(rows, out)
    if format == "csv":
        return write_csv(rows, out, columns)
    if format == "parquet":
        return write_parquet(rows, out, columns)
    if format == "claimreview":
        return write_claimreview(rows, out)
    raise ValueError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(wholes(value), ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(whole(value))


def _num(value) -> str:
    return "?" if value is None else str(whole(value))


def to_text(rows: Iterable[dict], format: str) -> str:
    """The export as a string (not for Parquet)."""
    buffer = io.StringIO()
    write(rows, format, buffer)
    return buffer.getvalue()
