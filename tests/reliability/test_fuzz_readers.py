"""Fuzzing every reader: whatever the bytes, a reader returns documents or clear InputErrors, never crashes.

Inputs: random bytes and unicode, NUL bytes, huge lines, deeply nested and broken HTML, broken JSON
and CSV, mangled feeds and web archives, plus real corpus text cut and spliced at random.
"""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimledger.errors import InputError
from claimledger.ingest import read_paths
from claimledger.ingest.decode import decode_bytes
from claimledger.ingest.feeds import html_to_text, read_feed
from claimledger.ingest.html import read_html
from claimledger.ingest.tabular import check_field_map, read_csv, read_jsonl
from claimledger.ingest.text import read_text
from claimledger.ingest.warc import read_warc
from claimledger.records import Document

from _bundled import WIKINEWS, jsonl_rows

from ._budget import count, fuzz_settings

REAL_TEXT = [row["text"] for row in jsonl_rows(WIKINEWS)[:60]]
COLUMNS = check_field_map(None)
MAX = 2_000_000

# -- strategies ----------------------------------------------------------------------------------------

unicode_text = st.text(st.characters(codec="utf-8"), max_size=300)
any_text = st.text(max_size=300)  # includes surrogates: encoded with surrogatepass/replace below
encodings = st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1", "koi8-r", "gb18030", "shift_jis"])


@st.composite
def real_text(draw) -> str:
    """A real article cut at random, with random unicode spliced in."""
    text = draw(st.sampled_from(REAL_TEXT))
    start = draw(st.integers(0, len(text)))
    piece = text[start:start + draw(st.integers(0, 3000))]
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(piece)))
        piece = piece[:at] + draw(unicode_text) + piece[at:]
    return piece


@st.composite
def encoded(draw, text=None) -> bytes:
    value = draw(text if text is not None else st.one_of(unicode_text, real_text()))
    return value.encode(draw(encodings), "replace")


huge_line = st.builds(lambda ch, n: ch * n, st.sampled_from(["a", "é", "\u201c", " ", "1,", "<", "\"", "中"]),
                      st.integers(50_000, 400_000))
raw_bytes = st.one_of(
    st.binary(max_size=400),
    encoded(),
    st.builds(lambda a, b: a + b"\x00" + b, st.binary(max_size=50), encoded()),  # NUL bytes
    st.builds(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), unicode_text),  # BOM
    st.builds(lambda t: t.encode("utf-8", "surrogatepass"), any_text),  # lone surrogates
)


@st.composite
def nested_html(draw) -> bytes:
    """Deeply nested, unclosed, mis-nested HTML with entities (including &#0;), scripts and real text."""
    depth = draw(st.integers(1, 3000))
    tag = draw(st.sampled_from(["div", "p", "span", "b", "table", "ul", "article", "blockquote", "a"]))
    close = draw(st.booleans())
    inner = draw(st.one_of(real_text(), unicode_text))
    junk = draw(st.sampled_from(["", "&#0;", "&#x0;", "&#xD800;", "&#1114112;", "&nbsp;&amp", "<script>x()</script>",
                                 "<!--", "]]>", "<![CDATA[", "<meta charset='bogus'>", "<meta charset=utf-16>",
                                 "<?xml version='1.0' encoding='ebcdic'?>", "\x00", "<br/>" * 100]))
    page = f"<{tag}>" * depth + junk + inner + (f"</{tag}>" * depth if close else "")
    if draw(st.booleans()):
        page = f"<html><head><title>{draw(unicode_text)}</title></head><body>{page}</body></html>"
    return page.encode(draw(st.sampled_from(["utf-8", "cp1252", "utf-16"])), "replace")


@st.composite
def jsonl_bytes(draw) -> bytes:
    """JSON Lines mixing valid rows, wrong types, broken JSON, NUL escapes and blank lines."""
    lines = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.integers(0, 7))
        if kind == 0:
            row = {"id": draw(unicode_text), "text": draw(real_text()), "title": draw(unicode_text)}
            lines.append(json.dumps(row, ensure_ascii=draw(st.booleans())))
        elif kind == 1:
            value = draw(st.recursive(st.none() | st.booleans() | st.floats() | st.integers() | unicode_text,
                                      lambda kids: st.lists(kids, max_size=4) | st.dictionaries(unicode_text, kids, max_size=4),
                                      max_leaves=20))
            lines.append(json.dumps({"text": value, "id": value, "url": value}, allow_nan=True))
        elif kind == 2:
            good = json.dumps({"text": draw(real_text())})
            lines.append(good[: draw(st.integers(0, len(good)))])  # cut short
        elif kind == 3:
            lines.append(json.dumps({"text": "a\u0000b" + draw(unicode_text), "title": "\u0000"}))
        elif kind == 4:
            lines.append("[" * draw(st.integers(1, 50_000)))  # deep nesting: RecursionError in json?
        elif kind == 5:
            lines.append(draw(unicode_text))
        elif kind == 6:
            lines.append("")
        else:
            lines.append(json.dumps({"text": "x" * draw(st.integers(0, 300_000))}))
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        data = data.replace(b"\n", b"\r\n")
    return data


@st.composite
def csv_bytes(draw) -> bytes:
    """CSV with unbalanced quotes, extra and missing fields, NUL bytes, odd headers, huge fields."""
    header = draw(st.sampled_from(["id,title,text", "text", "title,body", "", "\"text", "text,text,text",
                                   "\ufefftext,id", "id;text", "text\x00,id"]))
    rows = [header]
    for _ in range(draw(st.integers(0, 10))):
        cells = draw(st.lists(st.one_of(unicode_text, real_text(), st.just('"'), st.just('""'),
                                        st.just("x" * 200_000), st.just("\r")), max_size=5))
        quoted = draw(st.booleans())
        rows.append(",".join('"' + c.replace('"', '""') + '"' if quoted else c for c in cells))
    return "\n".join(rows).encode(draw(st.sampled_from(["utf-8", "cp1252", "utf-16"])), "replace")


def rss_bytes(texts: list[str], *, title: str = "Feed") -> bytes:
    items = "".join(f"<item><title>{i}</title><link>https://example.org/{i}</link>"
                    f"<description><![CDATA[{t}]]></description></item>" for i, t in enumerate(texts))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"{items}</channel></rss>").encode("utf-8", "replace")


@st.composite
def feed_bytes(draw) -> bytes:
    """Feeds with random entries, then randomly cut, spliced or corrupted."""
    texts = draw(st.lists(st.one_of(real_text(), unicode_text, nested_html().map(lambda b: b.decode("utf-8", "replace"))),
                          max_size=5))
    data = rss_bytes(texts, title=draw(unicode_text).replace("<", ""))
    mode = draw(st.integers(0, 4))
    if mode == 1:
        data = data[: draw(st.integers(0, len(data)))]
    elif mode == 2:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=50)) + data[at:]
    elif mode == 3:
        data = data.replace(b"rss", b"feed").replace(b"item", b"entry")
    elif mode == 4:
        data = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + data.replace(b"Feed", b"&e;")
    return data


def warc_bytes(pages: list[tuple[str, str, bytes]], *, compress: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for i, (uri, content_type, payload) in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        fixed = {"WARC-Date": "2020-01-01T00:00:00Z", "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{i:012d}>"}
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers,
                                                      warc_headers_dict=fixed))  # same bytes every time
    return out.getvalue()


@st.composite
def archive_bytes(draw) -> bytes:
    """WARCs of random pages, then truncated, spliced or flipped."""
    pages = [(f"https://example.org/{i}", draw(st.sampled_from(["text/html", "text/html; charset=bogus",
                                                                  "text/html; charset=utf-16", "image/png", ""])),
              draw(st.one_of(nested_html(), raw_bytes))) for i in range(draw(st.integers(0, 4)))]
    data = warc_bytes(pages, compress=draw(st.booleans()))
    mode = draw(st.integers(0, 3))
    if mode == 1:
        data = data[: draw(st.integers(0, len(data)))]
    elif mode == 2 and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:]
    elif mode == 3:
        data = b"WARC/1.0\r\n" + draw(st.binary(max_size=300))
    return data


# -- checks --------------------------------------------------------------------------------------------


def check_items(items) -> list:
    """Every item is a usable Document or an InputError with a message."""
    items = list(items)
    for item in items:
        if isinstance(item, InputError):
            assert isinstance(item.message, str) and item.message and isinstance(item.source, str)
        else:
            assert isinstance(item, Document), type(item)
            assert isinstance(item.text, str) and item.text.strip(), item
            assert isinstance(item.id, str)
            for name in ("id", "text", "title", "url", "outlet", "published", "author"):
                value = getattr(item, name)
                assert value is None or isinstance(value, str), name
                if value is not None:  # what every database can store: no NUL, no lone surrogates
                    assert "\x00" not in value, (name, value[:200])
                    value.encode("utf-8")
    return items


def one(call):
    """A single-document reader: a Document, or an InputError raised on purpose."""
    try:
        return check_items([call()])
    except InputError as error:
        return check_items([error])


# -- the fuzz tests ------------------------------------------------------------------------------------


@fuzz_settings(ci=200, full=1500)
@given(st.one_of(raw_bytes, huge_line.map(str.encode)))
def test_decode_bytes(data):
    count("fuzz inputs")
    try:
        assert isinstance(decode_bytes(data, "fuzz"), str)
    except InputError:
        pass


@fuzz_settings(ci=150, full=1000)
@given(st.one_of(raw_bytes, huge_line.map(str.encode)))
def test_read_text(data):
    count("fuzz inputs")
    one(lambda: read_text(data, source="fuzz.txt", id="fuzz"))


@fuzz_settings(ci=150, full=1500)
@given(st.one_of(nested_html(), raw_bytes, huge_line.map(lambda s: f"<p>{s}</p>".encode())))
def test_read_html(data):
    count("fuzz inputs")
    one(lambda: read_html(data, source="fuzz.html", id="fuzz"))


@fuzz_settings(ci=150, full=1500)
@given(st.one_of(jsonl_bytes(), raw_bytes))
def test_read_jsonl(data):
    count("fuzz inputs")
    check_items(read_jsonl(io.BytesIO(data), source="fuzz.jsonl", stem="fuzz", max_bytes=MAX, columns=COLUMNS))


@fuzz_settings(ci=150, full=1500)
@given(st.one_of(csv_bytes(), raw_bytes))
def test_read_csv(data):
    count("fuzz inputs")
    check_items(read_csv(data, source="fuzz.csv", stem="fuzz", max_bytes=MAX, columns=COLUMNS))


@fuzz_settings(ci=150, full=1500)
@given(st.one_of(feed_bytes(), raw_bytes))
def test_read_feed(data):
    count("fuzz inputs")
    check_items(read_feed(data, source="fuzz.rss", stem="fuzz"))


@fuzz_settings(ci=100, full=1000)
@given(st.one_of(archive_bytes(), raw_bytes))
def test_read_warc(data):
    count("fuzz inputs")
    check_items(read_warc(io.BytesIO(data), source="fuzz.warc", max_bytes=MAX))


@fuzz_settings(ci=100, full=800)
@given(st.one_of(unicode_text, nested_html().map(lambda b: b.decode("utf-8", "replace"))))
def test_html_to_text(fragment):
    count("fuzz inputs")
    assert isinstance(html_to_text(fragment), str)


SUFFIXES = [".txt", ".md", ".html", ".jsonl", ".csv", ".rss", ".atom", ".xml", ".warc", ".warc.gz", ".bin", ""]


@fuzz_settings(ci=100, full=1000)
@given(st.lists(st.tuples(st.sampled_from(SUFFIXES),
                          st.one_of(raw_bytes, jsonl_bytes(), csv_bytes(), nested_html(), feed_bytes(), archive_bytes())),
                min_size=1, max_size=4),
       st.one_of(raw_bytes, jsonl_bytes(), feed_bytes(), archive_bytes(), nested_html()))
def test_read_paths_files_directories_and_stdin(tmp_path_factory, files, stdin):
    count("fuzz inputs", len(files) + 1)
    folder = tmp_path_factory.mktemp("fuzz")
    paths = []
    for i, (suffix, data) in enumerate(files):
        path = folder / f"f{i}{suffix}"
        path.write_bytes(data)
        paths.append(path)
    items = check_items(read_paths([*paths, folder, folder / "missing.txt", "-"], stdin=io.BytesIO(stdin),
                                   max_bytes=MAX))
    assert any(isinstance(i, InputError) and i.source.endswith("missing.txt") for i in items)


@pytest.mark.parametrize("max_bytes", [1, 10, 1000])
def test_tiny_limits_are_errors_not_crashes(tmp_path, max_bytes):
    count("fuzz inputs", 4)
    for suffix in (".txt", ".jsonl", ".csv", ".rss", ".warc"):
        (tmp_path / f"x{suffix}").write_bytes(rss_bytes(REAL_TEXT[:2]) if suffix == ".rss" else REAL_TEXT[0].encode())
    check_items(read_paths([tmp_path], max_bytes=max_bytes))
