"""WARC web archives: HTML responses become documents through the HTML reader; the rest is skipped."""

from __future__ import annotations

import gzip
import html
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimledger.errors import InputError
from claimledger.ingest import read_paths
from claimledger.ingest.warc import read_warc


def split(items):
    items = list(items)
    return [i for i in items if not isinstance(i, InputError)], [i for i in items if isinstance(i, InputError)]


def page(row: dict) -> str:
    """A news page around a real Wikinews article."""
    body = "".join(f"<p>{html.escape(p.strip(), quote=False)}</p>\n" for p in row["text"].split("\n") if p.strip())
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(row['title'])}</title>
<meta property="og:title" content="{html.escape(row['title'])}"></head>
<body><nav><a href="/">Main page</a> <a href="/random">Random article</a></nav>
<article><h1>{html.escape(row['title'])}</h1>{body}</article>
<footer>Content is available under Creative Commons Attribution 2.5.</footer></body></html>"""


def archive(records: list[tuple], *, compress: bool = True) -> bytes:
    """A WARC file: (type, uri, status, content type, payload) per record; a request precedes each response."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for kind, uri, status, content_type, payload in records:
        if kind == "response":
            request = StatusAndHeaders(f"GET {uri} HTTP/1.1", [("Host", "example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", http_headers=request))
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))
        else:
            writer.write_record(writer.create_warc_record(
                uri, kind, payload=io.BytesIO(payload), warc_content_type=content_type))
    return out.getvalue()


def crawl(rows: list[dict]) -> list[tuple]:
    """A small crawl: the articles' pages, plus what a real crawl also holds."""
    records = [("response", row["url"], "200 OK", "text/html; charset=utf-8", page(row).encode("utf-8"))
               for row in rows]
    records[1:1] = [
        ("response", "https://en.wikinews.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ("response", "https://en.wikinews.org/missing", "404 Not Found", "text/html", b"<html>Not found</html>"),
        ("response", "https://en.wikinews.org/old", "301 Moved Permanently", "text/html", b"<html>moved</html>"),
        ("metadata", "https://en.wikinews.org/", None, "application/warc-fields", b"via: seed\r\n"),
        ("response", "https://en.wikinews.org/style.css", "200 OK", "text/css", b"body { color: red }"),
    ]
    return records


@pytest.mark.parametrize("name, compress", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_html_responses_become_documents(tmp_path, wikinews_rows, name, compress):
    rows = wikinews_rows[30:33]
    path = tmp_path / name
    path.write_bytes(archive(crawl(rows), compress=compress))

    documents, errors = split(read_paths([path]))

    assert errors == []
    assert [d.url for d in documents] == [row["url"] for row in rows]
    assert [d.id for d in documents] == [row["url"] for row in rows]
    for document, row in zip(documents, rows):
        assert document.title == row["title"] and document.source == f"{path} ({row['url']})"
        flat = " ".join(document.text.split())
        for paragraph in row["text"].split("\n")[2:]:
            assert " ".join(paragraph.split()) in flat
        assert "Random article" not in document.text and "Creative Commons" not in document.text


def test_the_http_charset_is_honoured(tmp_path, wikinews_rows):
    row = dict(wikinews_rows[40], text="Café owners in Zürich said “prices” rose — 12% in a year.\n" * 5)
    data = page(row).replace('<meta charset="utf-8">', "").encode("cp1252")
    path = tmp_path / "latin.warc.gz"
    path.write_bytes(archive([("response", row["url"], "200 OK", "text/html; charset=windows-1252", data)]))

    (document,) = read_paths([path])

    assert "Café owners in Zürich said “prices” rose — 12% in a year." in document.text


def test_a_bad_page_is_reported_and_the_archive_read_on(tmp_path, wikinews_rows):
    rows = wikinews_rows[50:52]
    records = crawl(rows)
    records.insert(1, ("response", "https://example.org/empty", "200 OK", "text/html", b"<html><body></body></html>"))
    records.insert(1, ("response", "https://example.org/huge", "200 OK", "text/html", b"<p>" + b"x" * 300_000))
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(archive(records))

    documents, errors = split(read_paths([path], max_bytes=200_000))

    assert [d.url for d in documents] == [row["url"] for row in rows]
    assert [(e.source, e.message) for e in errors] == [
        (f"{path} (https://example.org/huge)", "archived page is over the 200,000-byte limit"),
        (f"{path} (https://example.org/empty)", "no article text found in the HTML page"),
    ]


def test_resource_records_with_html_count_too(wikinews_rows):
    row = wikinews_rows[60]
    data = archive([("resource", row["url"], None, "text/html", page(row).encode("utf-8"))])

    (document,) = read_warc(io.BytesIO(data), source="r.warc", max_bytes=10_000_000)

    assert document.url == row["url"] and document.title == row["title"]


@pytest.mark.parametrize("data, message", [
    (b"this is not an archive\n\nat all\n", "not a readable WARC file"),
    (b"", "no HTML pages in the WARC file"),
    (gzip.compress(b"plain text, gzipped\n"), "not a readable WARC file"),
])
def test_files_that_are_not_archives_are_input_errors(tmp_path, data, message):
    path = tmp_path / "broken.warc"
    path.write_bytes(data)

    (error,) = read_paths([path])

    assert isinstance(error, InputError) and error.source == str(path) and error.message.startswith(message)


def test_an_archive_without_pages_says_so(tmp_path):
    path = tmp_path / "images.warc.gz"
    path.write_bytes(archive([("response", "https://example.org/a.png", "200 OK", "image/png", b"\x89PNG")]))

    (error,) = read_paths([path])

    assert error.message == "no HTML pages in the WARC file"


def test_a_truncated_archive_keeps_the_pages_before_the_damage(tmp_path, wikinews_rows):
    rows = wikinews_rows[70:74]
    data = archive(crawl(rows))
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: int(len(data) * 0.7)])

    documents, errors = split(read_paths([path]))

    assert 1 <= len(documents) < len(rows)
    assert [d.url for d in documents] == [row["url"] for row in rows[: len(documents)]]
    (error,) = errors  # the page cut in the middle (warcio reads a truncated gzip member as short)
    assert error.source.startswith(str(path))


def test_archives_in_directories_and_on_stdin(tmp_path, wikinews_rows):
    (tmp_path / "one.warc.gz").write_bytes(archive(crawl(wikinews_rows[80:82])))
    (tmp_path / "two.warc").write_bytes(archive(crawl(wikinews_rows[82:84]), compress=False))

    documents, errors = split(read_paths([tmp_path]))
    assert errors == [] and len(documents) == 4

    for compress in (True, False):
        stdin = io.BytesIO(archive(crawl(wikinews_rows[84:86]), compress=compress))
        documents, errors = split(read_paths(["-"], stdin=stdin))
        assert errors == [] and [d.url for d in documents] == [r["url"] for r in wikinews_rows[84:86]]
