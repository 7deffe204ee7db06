"""Bytes to text: UTF-8 first, then a guarded charset-normalizer guess; binary input is refused.

Every reader decodes through here so a file reads the same whatever its format. Detection is
limited to the encodings web browsers support (the WHATWG Encoding Standard): charset-normalizer
otherwise tends to pick DOS or CJK code pages for English text with a few curly quotes.
"""

from __future__ import annotations

import codecs

import charset_normalizer

from ..errors import InputError

SINGLE_BYTE = (
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "iso8859_2", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_13",
    "iso8859_15", "koi8_r", "koi8_u", "cp866", "cp874",
)
MULTI_BYTE = ("gb18030", "big5", "cp932", "euc_jp", "iso2022_jp", "cp949", "euc_kr")
WESTERN = "cp1252"  # the legacy default for English-language text (and what browsers read "latin-1" as)
CJK_MIN_HIGH_BYTES = 0.2  # CJK text is mostly non-ASCII; a few high bytes in Latin text are not CJK
COHERENCE_SLACK = 0.05  # how much less language-like a Windows-1252 reading may look and still win
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode_bytes(data: bytes, source: str, *, line: int | None = None, declared: str | None = None) -> str:
    """The text in ``data``, so readers never see bytes; raises InputError for binary or undecodable input.

    Order: UTF-16 with a byte-order mark, UTF-8 (a leading BOM removed), the ``declared``
    encoding (an HTML page's meta charset), then detection.
    """
    if data.startswith(UTF16_BOMS):
        return _decode_utf16(data, source, line)
    if b"\x00" in data:
        raise InputError(source, "binary file (contains NUL bytes), not text", line)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    return _decode_declared(data, declared) or _decode_detected(data, source, line)


def _decode_utf16(data: bytes, source: str, line: int | None) -> str:
    """UTF-16 text (what Windows tools often save), which would otherwise look binary for its NUL bytes."""
    try:
        text = data.decode("utf-16")  # the BOM picks the byte order and is dropped
    except UnicodeDecodeError as error:
        raise InputError(source, f"undecodable UTF-16 text: {error.reason}", line) from None
    if "\x00" in text:  # NUL characters, not just the zero halves of UTF-16 code units
        raise InputError(source, "binary file (contains NUL characters), not text", line)
    return text


def _decode_declared(data: bytes, declared: str | None) -> str | None:
    """The text in the encoding the file says it uses, or None when that is unknown or wrong."""
    if not declared:
        return None
    try:
        return data.decode(declared)
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_detected(data: bytes, source: str, line: int | None) -> str:
    """The text in charset-normalizer's best guess, with ties going to Windows-1252."""
    matches = charset_normalizer.from_bytes(data, cp_isolation=list(_candidates(data)))
    best = matches.best()
    if best is None:
        raise InputError(source, "undecodable bytes: not UTF-8 and no known text encoding fits", line)
    if any(_western_as_good(match, best) for match in matches):
        return data.decode(WESTERN)
    return str(best)


def _candidates(data: bytes) -> tuple[str, ...]:
    """Encodings worth trying: multi-byte CJK ones only when most bytes are non-ASCII."""
    high = sum(byte > 0x7F for byte in data) / len(data)
    return SINGLE_BYTE + MULTI_BYTE if high >= CJK_MIN_HIGH_BYTES else SINGLE_BYTE


def _western_as_good(match: charset_normalizer.CharsetMatch, best: charset_normalizer.CharsetMatch) -> bool:
    """Whether a Windows-1252 reading is about as clean and language-like as the best guess."""
    return (
        WESTERN in match.could_be_from_charset
        and match.chaos <= best.chaos
        and match.coherence >= best.coherence - COHERENCE_SLACK
    )
