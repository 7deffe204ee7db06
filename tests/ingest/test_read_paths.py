"""read_paths: files, directories and stdin in; documents, and errors for bad input, out."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from claimledger.errors import InputError
from claimledger.ingest import read_paths
from claimledger.records import Document

from _bundled import CENTCOM, CORPUS, EXAMPLE

GDANSK = "wikinews-arrest-made-as-mayor-of-gda-sk-poland-stabbed-on-stage"


def split(results) -> tuple[list[Document], list[InputError]]:
    """Documents and errors, each in the order they were yielded."""
    results = list(results)
    return ([r for r in results if isinstance(r, Document)], [r for r in results if isinstance(r, InputError)])


def write(path: Path, data: str | bytes) -> Path:
    """Create ``path`` (and its folders) holding ``data``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_the_whole_corpus_reads_cleanly():
    documents, errors = split(read_paths([CORPUS]))

    assert errors == []
    assert len(documents) == 371
    assert len({d.id for d in documents}) == 371
    assert documents[0].id == "syrian-fighters-recruitment"  # dev/ sorts first
    assert documents[0].text == EXAMPLE.read_bytes().decode("utf-8")


def test_a_text_file_keeps_the_path_as_given(tmp_path, dev_text, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "in" / "kirby.txt", dev_text)

    (document,) = read_paths(["in/kirby.txt"])

    assert document == Document(id="kirby", text=dev_text, source="in/kirby.txt")


def test_directories_are_read_recursively_in_sorted_order(tmp_path, dev_text, wikinews_rows):
    write(tmp_path / "b-wire" / "late.txt", dev_text)
    write(tmp_path / "a-wire" / "deep" / "rows.jsonl", "\n".join(json.dumps(r) for r in wikinews_rows[:2]))
    write(tmp_path / "a-wire" / "story.md", dev_text)
    write(tmp_path / "a-wire" / "page.htm", f"<html><body><article><p>{dev_text}</p></article></body></html>")
    write(tmp_path / "a-wire" / ".draft.txt", dev_text)  # hidden file
    write(tmp_path / ".cache" / "old.txt", dev_text)  # hidden directory
    write(tmp_path / "a-wire" / "scan.pdf", b"%PDF-1.7\n\x00\x00")  # unknown extension
    write(tmp_path / "README.md", "Articles collected for the March 2022 review.")

    documents, errors = split(read_paths([tmp_path]))

    assert errors == []
    assert [d.id for d in documents] == [wikinews_rows[0]["id"], wikinews_rows[1]["id"], "page", "story", "late"]
    assert documents[0].source == str(tmp_path / "a-wire" / "deep" / "rows.jsonl")


def test_an_unknown_extension_named_explicitly_is_read_as_text(tmp_path, dev_text):
    path = write(tmp_path / "kirby.story", dev_text)

    (document,) = read_paths([path])

    assert (document.id, document.text) == ("kirby", dev_text)


def test_a_missing_path_is_an_error_and_reading_goes_on(tmp_path):
    missing = str(tmp_path / "nowhere.txt")

    documents, errors = split(read_paths([missing, EXAMPLE]))

    assert [str(e) for e in errors] == [f"{missing}: no such file or directory"]
    assert [d.id for d in documents] == ["syrian-fighters-recruitment"]


def test_bad_files_in_a_directory_are_reported_one_by_one(tmp_path, dev_text):
    write(tmp_path / "1-good.txt", dev_text)
    write(tmp_path / "2-image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(tmp_path / "3-empty.txt", b"")
    write(tmp_path / "4-blank.txt", "\n\n   \n")
    write(tmp_path / "5-binary.jsonl", b'{"text": "\x00\x01"}\n')
    write(tmp_path / "6-empty.html", b"")
    write(tmp_path / "7-good.txt", dev_text)

    documents, errors = split(read_paths([tmp_path]))

    assert [d.id for d in documents] == ["1-good", "7-good"]
    assert [(Path(e.source).name, e.message) for e in errors] == [
        ("2-image.txt", "binary file (contains NUL bytes), not text"),
        ("3-empty.txt", "empty file"),
        ("4-blank.txt", "file contains only whitespace"),
        ("5-binary.jsonl", "binary file (contains NUL bytes), not text"),
        ("6-empty.html", "empty file"),
    ]


def test_a_latin1_file_is_decoded(tmp_path, wikinews):
    text = wikinews["wikinews-former-president-of-france-jacques-chirac-dies-aged-86"]["text"]
    path = write(tmp_path / "chirac.txt", text.encode("latin-1"))

    (document,) = read_paths([path])

    assert document.text == text


def test_a_file_over_max_bytes_is_refused_before_reading(tmp_path, dev_text):
    big = write(tmp_path / "big.txt", dev_text)
    small = write(tmp_path / "small.txt", dev_text[:1000])

    documents, errors = split(read_paths([big, small], max_bytes=2000))

    size = big.stat().st_size
    assert [str(e) for e in errors] == [f"{big}: file is {size:,} bytes, over the 2,000-byte limit"]
    assert [d.id for d in documents] == ["small"]


def test_a_big_jsonl_file_streams_with_the_limit_per_line():
    # centcom.jsonl is far over 20 KB, but every line is under it.
    assert CENTCOM.stat().st_size > 20_000
    documents, errors = split(read_paths([CENTCOM], max_bytes=20_000))

    assert errors == []
    assert len(documents) == 23


def test_stdin_text_is_read_exactly(dev_text):
    (document,) = read_paths(["-"], stdin=io.BytesIO(dev_text.encode("utf-8")))

    assert document == Document(id="stdin", text=dev_text, source="<stdin>")


def test_stdin_jsonl_is_sniffed_and_streamed(wikinews_rows):
    lines = [json.dumps(row) for row in wikinews_rows[:40]] + ["{not json"]
    stdin = io.BytesIO("\n".join(lines).encode("utf-8"))

    documents, errors = split(read_paths(["-"], stdin=stdin))

    assert [d.id for d in documents] == [row["id"] for row in wikinews_rows[:40]]
    assert {d.source for d in documents} == {"<stdin>"}
    assert [(e.source, e.line) for e in errors] == [("<stdin>", 41)]


def test_stdin_html_is_sniffed(dev_text):
    paragraphs = "".join(f"<p>{p}</p>" for p in dev_text.split("\n") if p.strip())
    page = f"<html><head><title>Syrian fighters</title></head><body><article>{paragraphs}</article></body></html>"

    (document,) = read_paths(["-"], stdin=io.BytesIO(page.encode("utf-8")))

    assert document.title == "Syrian fighters"
    assert "said Pentagon spokesperson John Kirby" in document.text
    assert "<p>" not in document.text


def test_stdin_over_max_bytes_is_an_error(dev_text):
    (error,) = read_paths(["-"], stdin=io.BytesIO(dev_text.encode("utf-8")), max_bytes=1000)

    assert str(error) == "<stdin>: input is over the 1,000-byte limit"


def test_field_map_applies_to_csv_files(tmp_path, wikinews):
    row = wikinews[GDANSK]
    data = "headline,body\n" + f'"{row["title"]}","{row["text"].replace(chr(34), chr(34) * 2)}"\n'
    path = write(tmp_path / "export.csv", data)

    (document,) = read_paths([path], field_map={"title": "headline", "text": "body"})

    assert (document.id, document.title, document.text) == ("export-2", row["title"], row["text"])


def test_an_empty_directory_is_reported(tmp_path):
    (error,) = read_paths([tmp_path])
    assert error.source == str(tmp_path)
    assert error.message.startswith("no .atom, .csv, .htm, .html")  # every extension read_paths knows


def test_bad_options_fail_at_the_call():
    with pytest.raises(ValueError, match="max_bytes"):
        read_paths([EXAMPLE], max_bytes=0)
    with pytest.raises(ValueError, match="field_map"):
        read_paths([EXAMPLE], field_map={"body": "text"})
