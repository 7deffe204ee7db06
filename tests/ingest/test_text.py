"""Plain-text articles keep their exact text, since extracted offsets point into it."""

from __future__ import annotations

import pytest

from claimledger.errors import InputError
from claimledger.ingest.text import read_text

from _bundled import EXAMPLE


def test_reads_the_dev_article_exactly(dev_text):
    document = read_text(EXAMPLE.read_bytes(), source=str(EXAMPLE), id="syrian-fighters-recruitment")

    assert document.text == dev_text
    assert document.id == "syrian-fighters-recruitment"
    assert document.source == str(EXAMPLE)
    assert document.title is None


def test_whitespace_and_windows_line_endings_are_kept(dev_text):
    original = "\n\n  " + dev_text.replace("\n", "\r\n") + "\r\n\r\n"

    document = read_text(original.encode("utf-8"), source="a.txt", id="a")

    assert document.text == original
    start = document.text.index("John Kirby")
    assert document.text[start:start + 10] == "John Kirby"


def test_only_a_leading_bom_is_removed(dev_text):
    document = read_text(b"\xef\xbb\xbf" + dev_text.encode("utf-8"), source="a.txt", id="a")
    assert document.text == dev_text


def test_windows_1252_file_is_decoded(dev_text):
    document = read_text(dev_text.encode("cp1252"), source="a.txt", id="a")
    assert document.text == dev_text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "a.txt: empty file"),
        (b" \n\t\r\n  ", "a.txt: file contains only whitespace"),
        (b"%PDF-1.7\n\x00\x01\x02binary", "a.txt: binary file (contains NUL bytes), not text"),
    ],
)
def test_nothing_to_read_is_an_input_error(data, message):
    with pytest.raises(InputError) as caught:
        read_text(data, source="a.txt", id="a")
    assert str(caught.value) == message
