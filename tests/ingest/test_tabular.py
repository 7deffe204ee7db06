"""JSON Lines and CSV: one article per row, bad rows reported by line, the rest still read."""

from __future__ import annotations

import csv
import io
import json

import pytest

from claimledger.errors import InputError
from claimledger.ingest.tabular import check_field_map, read_csv, read_jsonl
from claimledger.records import Document

from _bundled import CENTCOM

COLUMNS = check_field_map(None)
FIELDS = ["id", "title", "text", "url", "outlet", "published"]


def jsonl(lines: list[str], *, source: str = "rows.jsonl", max_bytes: int = 1_000_000, columns=COLUMNS) -> list:
    """Everything read_jsonl yields for these lines."""
    data = "\n".join(lines).encode("utf-8") + b"\n"
    return list(read_jsonl(io.BytesIO(data), source=source, stem="rows", max_bytes=max_bytes, columns=columns))


def csv_bytes(header: list[str], rows: list[list]) -> bytes:
    """A CSV file as a spreadsheet would export it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def read_csv_bytes(data: bytes, columns=COLUMNS) -> list:
    """Everything read_csv yields for this file."""
    return list(read_csv(data, source="rows.csv", stem="rows", max_bytes=1_000_000, columns=columns))


def test_reads_a_corpus_jsonl_file_row_for_row():
    rows = [json.loads(line) for line in CENTCOM.read_text(encoding="utf-8").splitlines()]

    with CENTCOM.open("rb") as stream:
        documents = list(read_jsonl(stream, source=str(CENTCOM), stem="centcom", max_bytes=1_000_000, columns=COLUMNS))

    assert len(documents) == len(rows) == 23
    for row, document in zip(rows, documents):
        assert document == Document(id=row["id"], text=row["text"], source=str(CENTCOM), title=row["title"],
                                    url=row["url"], outlet=row["outlet"])


def test_malformed_line_is_reported_with_its_number_and_the_rest_still_read(wikinews_rows):
    first, second, third = (json.dumps(row) for row in wikinews_rows[:3])
    truncated = second[: len(second) // 2]

    results = jsonl([first, truncated, third])

    assert [type(r) for r in results] == [Document, InputError, Document]
    assert [results[0].id, results[2].id] == [wikinews_rows[0]["id"], wikinews_rows[2]["id"]]
    error = results[1]
    assert error.line == 2
    assert str(error).startswith("rows.jsonl:2: malformed JSON: ")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('["Moscow", "Kyiv"]', "rows.jsonl:1: JSON line is an array, not an object"),
        ('{"id": "a", "title": "No body"}', "rows.jsonl:1: no 'text' field"),
        ('{"id": "a", "text": 12000}', "rows.jsonl:1: 'text' is a number, not a string"),
        ('{"id": "a", "text": "  \\n "}', "rows.jsonl:1: 'text' is empty"),
    ],
)
def test_row_without_usable_text_is_an_error(line, message):
    (error,) = jsonl([line])
    assert isinstance(error, InputError)
    assert str(error) == message


def test_numbers_become_strings_and_a_missing_id_uses_the_line(dev_text):
    lines = [json.dumps({"text": dev_text, "published": 2022}), json.dumps({"id": 17, "text": dev_text})]

    first, second = jsonl(["", *lines])  # a blank line is skipped but still counted

    assert (first.id, first.published) == ("rows-2", "2022")
    assert second.id == "17"
    assert first.text == dev_text


def test_a_line_over_max_bytes_is_an_error_for_that_line_only(wikinews):
    short = wikinews["wikinews-test-page-self-publish-yesterday"]
    long = wikinews["wikinews-living-with-hiv-during-covid-19-wikinews-talks-to-hiv-positi"]
    lines = [json.dumps(short), json.dumps(long), json.dumps(short)]

    results = jsonl(lines, max_bytes=10_000)

    assert [type(r) for r in results] == [Document, InputError, Document]
    assert str(results[1]) == "rows.jsonl:2: line is over the 10,000-byte limit"


def test_a_file_of_blank_lines_is_empty():
    assert [str(e) for e in jsonl(["", "   "])] == ["rows.jsonl: empty file (no JSON lines)"]


def test_csv_rows_become_documents(wikinews_rows):
    rows = wikinews_rows[:5]
    data = csv_bytes(FIELDS, [[row[f] for f in FIELDS] for row in rows])

    documents = read_csv_bytes(data)

    assert [d.id for d in documents] == [row["id"] for row in rows]
    for row, document in zip(rows, documents):
        assert document.text == row["text"]  # multi-line text with quotes survives the CSV quoting
        assert (document.title, document.url, document.outlet, document.published) == (
            row["title"], row["url"], row["outlet"], row["published"])
        assert document.source == "rows.csv"


def test_csv_row_with_no_text_is_reported_at_the_line_it_starts_on(wikinews_rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(FIELDS)
    starts = []
    for index, row in enumerate(wikinews_rows[:4]):
        starts.append(buffer.getvalue().count("\n") + 1)
        writer.writerow([row[f] if (f != "text" or index != 2) else "" for f in FIELDS])

    results = read_csv_bytes(buffer.getvalue().encode("utf-8"))

    assert [type(r) for r in results] == [Document, Document, InputError, Document]
    assert results[2].line == starts[2] > 4  # earlier texts span many lines
    assert str(results[2]) == f"rows.csv:{starts[2]}: 'text' is empty"


def test_field_map_reads_other_column_names(wikinews_rows):
    theirs = ["article_id", "headline", "body", "link", "publisher", "date"]
    field_map = {"id": "article_id", "title": "headline", "text": "body", "url": "link",
                 "outlet": "publisher", "published": "date"}
    row = wikinews_rows[0]
    data = csv_bytes(theirs, [[row[f] for f in FIELDS]])

    (document,) = read_csv_bytes(data, columns=check_field_map(field_map))

    assert document == Document(id=row["id"], text=row["text"], source="rows.csv", title=row["title"],
                                url=row["url"], outlet=row["outlet"], published=row["published"])


def test_field_map_rejects_a_field_we_do_not_have():
    with pytest.raises(ValueError, match="body"):
        check_field_map({"body": "text"})


def test_csv_without_the_text_column_is_one_error(wikinews_rows):
    data = csv_bytes(["id", "body"], [[row["id"], row["text"]] for row in wikinews_rows[:3]])

    assert [str(e) for e in read_csv_bytes(data)] == ["rows.csv:1: no 'text' column in the CSV header (id, body)"]


def test_csv_row_with_too_many_fields_is_an_error(dev_text):
    data = csv_bytes(["id", "text"], [["a", dev_text, "stray"], ["b", dev_text]])

    error, document = read_csv_bytes(data)

    assert str(error) == "rows.csv:2: row has 3 fields but the header has 2"
    assert document.id == "b"


def test_csv_accepts_articles_longer_than_the_csv_module_default(wikinews_rows):
    long_text = "\n\n".join(row["text"] for row in wikinews_rows[:60])
    assert len(long_text) > 131_072  # csv's default field_size_limit

    (document,) = read_csv_bytes(csv_bytes(["id", "text"], [["digest", long_text]]))

    assert document.text == long_text


def test_blank_csv_rows_are_skipped(dev_text):
    data = csv_bytes(["id", "text"], [["a", dev_text], ["", ""], []])
    assert [d.id for d in read_csv_bytes(data)] == ["a"]
