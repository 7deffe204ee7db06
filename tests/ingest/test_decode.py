"""Bytes to text: UTF-8, legacy Western encodings, and refusing what is not text."""

from __future__ import annotations

import random

import pytest

from claimledger.errors import InputError
from claimledger.ingest.decode import decode_bytes

CHIRAC = "wikinews-former-president-of-france-jacques-chirac-dies-aged-86"
GDANSK = "wikinews-arrest-made-as-mayor-of-gda-sk-poland-stabbed-on-stage"


def test_utf8_is_decoded_as_is(dev_text):
    assert decode_bytes(dev_text.encode("utf-8"), "a.txt") == dev_text


def test_a_leading_utf8_bom_is_dropped(dev_text):
    assert decode_bytes(b"\xef\xbb\xbf" + dev_text.encode("utf-8"), "a.txt") == dev_text


def test_windows_1252_curly_quotes_are_recovered(dev_text):
    # The dev article quotes Kirby with “…” and ’, bytes 0x93/0x94/0x92 in Windows-1252.
    assert "“" in dev_text
    assert decode_bytes(dev_text.encode("cp1252"), "a.txt") == dev_text


def test_latin1_accents_are_recovered(wikinews):
    text = wikinews[CHIRAC]["text"]
    assert "Jacques Chirac" in text and "é" in text
    assert decode_bytes(text.encode("latin-1"), "a.txt") == text


def test_central_european_text_is_not_forced_into_windows_1252(wikinews):
    text = wikinews[GDANSK]["text"]
    assert "Gdańsk" in text and "ł" in text
    assert decode_bytes(text.encode("cp1250"), "a.txt") == text


def test_utf16_with_a_bom_is_text_not_binary(dev_text):
    assert decode_bytes(dev_text.encode("utf-16"), "a.txt") == dev_text


def test_nul_bytes_mean_binary():
    png_header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    with pytest.raises(InputError, match="binary file") as caught:
        decode_bytes(png_header, "photo.txt")
    assert str(caught.value).startswith("photo.txt: ")


def test_bytes_no_encoding_fits_are_undecodable():
    noise = random.Random(0).randbytes(4000).replace(b"\x00", b"")
    with pytest.raises(InputError, match="undecodable") as caught:
        decode_bytes(noise, "rows.jsonl", line=7)
    assert caught.value.line == 7
