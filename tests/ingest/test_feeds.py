"""RSS and Atom feeds: files, feed URLs and .feeds lists, built in the test from real Wikinews articles."""

from __future__ import annotations

import html
import http.server
import io
import threading
import urllib.error
from email.utils import format_datetime
from datetime import datetime, timezone

import pytest

from claimledger.errors import InputError
from claimledger.ingest import read_paths
from claimledger.ingest.feeds import html_to_text, read_feed, read_feed_urls


def split(items):
    items = list(items)
    return [i for i in items if not isinstance(i, InputError)], [i for i in items if isinstance(i, InputError)]


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n") if p.strip()]


def as_html(text: str) -> str:
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs(text))


def rfc822(published: str) -> str:
    return format_datetime(datetime.fromisoformat(published).replace(hour=12, tzinfo=timezone.utc))


def rss(rows: list[dict], *, title: str = "Wikinews", full: bool = True) -> bytes:
    """An RSS 2.0 feed of real articles: full text in content:encoded, the first paragraph as description."""
    items = []
    for row in rows:
        content = f"<content:encoded><![CDATA[{as_html(row['text'])}]]></content:encoded>" if full else ""
        items.append(f"""<item>
  <title>{html.escape(row['title'])}</title>
  <link>{html.escape(row['url'])}</link>
  <guid isPermaLink="true">{html.escape(row['url'])}</guid>
  <pubDate>{rfc822(row['published'])}</pubDate>
  <description>{html.escape(paragraphs(row['text'])[1])}</description>
  {content}
</item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>{title}</title><link>https://en.wikinews.org/</link><description>News</description>
{''.join(items)}
</channel></rss>""".encode("utf-8")


def atom(rows: list[dict]) -> bytes:
    entries = "".join(f"""<entry>
  <title>{html.escape(row['title'])}</title>
  <link href="{html.escape(row['url'])}"/>
  <id>urn:wikinews:{row['id']}</id>
  <updated>{row['published']}T12:00:00Z</updated>
  <author><name>Wikinews contributors</name></author>
  <content type="html">{html.escape(as_html(row['text']))}</content>
</entry>""" for row in rows)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wikinews (Atom)</title><id>urn:wikinews</id>
<updated>2020-01-01T00:00:00Z</updated>{entries}</feed>""".encode("utf-8")


def test_rss_entries_become_documents_with_their_metadata(tmp_path, wikinews_rows):
    rows = wikinews_rows[:3]
    path = tmp_path / "wikinews.rss"
    path.write_bytes(rss(rows))

    documents, errors = split(read_paths([path]))

    assert errors == []
    assert [d.id for d in documents] == [row["url"] for row in rows]
    for document, row in zip(documents, rows):
        assert document.title == row["title"] and document.url == row["url"]
        assert document.published == row["published"] and document.outlet == "Wikinews"
        assert document.source == str(path)
        body = " ".join(document.text.split())
        found = sum(p in body for p in paragraphs(row["text"]))
        assert found >= 0.8 * len(paragraphs(row["text"])), (row["id"], found)


def test_atom_content_goes_through_the_html_reader(tmp_path, wikinews_rows):
    rows = wikinews_rows[10:12]
    path = tmp_path / "news.atom"
    path.write_bytes(atom(rows))

    documents, errors = split(read_paths([path]))

    assert errors == []
    assert [d.id for d in documents] == [f"urn:wikinews:{row['id']}" for row in rows]
    assert [d.author for d in documents] == ["Wikinews contributors"] * 2
    assert [d.outlet for d in documents] == ["Wikinews (Atom)"] * 2
    assert [d.published for d in documents] == [row["published"] for row in rows]
    for document, row in zip(documents, rows):
        assert "<p>" not in document.text
        assert paragraphs(row["text"])[-1] in " ".join(document.text.split())


def test_summary_only_feeds_use_the_summary_as_plain_text(tmp_path, wikinews_rows):
    rows = wikinews_rows[20:22]
    documents, errors = split(read_feed(rss(rows, full=False), source="teasers.xml", stem="teasers"))

    assert errors == []
    assert [d.text for d in documents] == [paragraphs(row["text"])[1] for row in rows]


def test_an_entry_without_text_is_reported_and_the_rest_read(wikinews_rows):
    good = rss(wikinews_rows[:2])
    empty = b"<item><title>Nothing here</title><link>https://example.org/x</link></item>"
    feed = good.replace(b"</channel>", empty + b"</channel>")

    documents, errors = split(read_feed(feed, source="mixed.rss", stem="mixed"))

    assert len(documents) == 2
    (error,) = errors
    assert error.source == "mixed.rss (entry 3: Nothing here)"
    assert error.message == "feed entry has no content or summary"


@pytest.mark.parametrize("data, message", [
    (b"<html><body><p>Just a page</p></body></html>", "not an RSS or Atom feed"),
    (b"\x00\x01\x02 binary", "not an RSS or Atom feed"),
    (b"", "not an RSS or Atom feed"),
    (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>', "feed has no entries"),
])
def test_files_that_are_not_feeds_are_input_errors(tmp_path, data, message):
    path = tmp_path / "thing.xml"
    path.write_bytes(data)

    (error,) = read_paths([path])

    assert isinstance(error, InputError) and error.source == str(path)
    assert error.message.startswith(message)


def test_feed_bytes_are_never_taken_for_a_file_name(tmp_path, monkeypatch):
    (tmp_path / "secret.txt").write_text("<rss version='2.0'><channel><item><title>leak</title>"
                                         "<description>leaked text</description></item></channel></rss>")
    monkeypatch.chdir(tmp_path)

    (error,) = read_feed(b"secret.txt", source="x.rss", stem="x")

    assert isinstance(error, InputError)


def test_feeds_in_directories_and_on_stdin(tmp_path, wikinews_rows):
    (tmp_path / "a.rss").write_bytes(rss(wikinews_rows[:2]))
    (tmp_path / "b.atom").write_bytes(atom(wikinews_rows[2:3]))

    documents, errors = split(read_paths([tmp_path]))
    assert errors == [] and len(documents) == 3

    documents, errors = split(read_paths(["-"], stdin=io.BytesIO(rss(wikinews_rows[:2]))))
    assert errors == [] and [d.url for d in documents] == [r["url"] for r in wikinews_rows[:2]]


def test_feed_urls_with_an_injected_fetcher(wikinews_rows):
    feeds = {"https://news.example/feed": rss(wikinews_rows[:2]), "https://other.example/atom": atom(wikinews_rows[5:6])}

    def fetch(url, max_bytes):
        if url not in feeds:
            raise urllib.error.URLError("connection refused")
        return feeds[url], {"content-type": "application/rss+xml"}

    urls = ["https://news.example/feed", "https://down.example/feed", "https://other.example/atom", "ftp://x/y"]
    documents, errors = split(read_feed_urls(urls, max_bytes=10_000_000, fetch=fetch))

    assert [d.source for d in documents] == ["https://news.example/feed"] * 2 + ["https://other.example/atom"]
    assert [(e.source, e.message) for e in errors] == [
        ("https://down.example/feed", "cannot fetch feed: connection refused"),
        ("ftp://x/y", "not an http:// or https:// feed URL"),
    ]


@pytest.fixture
def feed_server(wikinews_rows):
    """A feed server on 127.0.0.1 (no network): /news.rss, /big.rss; anything else is 404."""
    pages = {"/news.rss": rss(wikinews_rows[:2]), "/big.rss": rss(wikinews_rows[:40])}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = pages.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(body or b"not found")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_feeds_list_and_feed_url_arguments(tmp_path, feed_server, wikinews_rows):
    listing = tmp_path / "subscriptions.feeds"
    listing.write_text(f"# my feeds\n{feed_server}/news.rss\n\n{feed_server}/gone.rss\n")

    documents, errors = split(read_paths([listing, f"{feed_server}/news.rss"]))

    assert [d.url for d in documents] == [r["url"] for r in wikinews_rows[:2]] * 2
    (error,) = errors
    assert error.source == f"{feed_server}/gone.rss" and "HTTP 404" in error.message

    (error,) = read_paths([f"{feed_server}/big.rss"], max_bytes=5_000)
    assert "over the 5,000-byte limit" in error.message


def test_a_directory_never_fetches_a_feeds_list(tmp_path, feed_server):
    (tmp_path / "subscriptions.feeds").write_text(f"{feed_server}/news.rss\n")

    (error,) = read_paths([tmp_path])

    assert "files in this directory" in error.message


def test_html_to_text_keeps_paragraphs_apart():
    assert html_to_text("<p>One &amp; two.</p><p>Three<br>four</p><script>x()</script>") == "One & two.\n\nThree\n\nfour"
    assert html_to_text("plain words") == "plain words"
    assert html_to_text("") == ""


def test_feed_entries_ingest_into_the_ledger(tmp_path, wikinews_rows):
    from claimledger import Ledger

    path = tmp_path / "wikinews.rss"
    path.write_bytes(rss(wikinews_rows[:2]))
    with Ledger(tmp_path / "ledger.db") as ledger:
        report = ledger.ingest([path])
        assert (report.added, report.failed) == (2, [])
        assert ledger.ingest([path]).unchanged == 2  # polling the same feed again stores nothing
        (first, second) = ledger.documents()
        assert (first["url"], first["outlet"]) == (wikinews_rows[0]["url"], "Wikinews")


def test_watch_polls_and_stores_only_what_is_new(tmp_path, wikinews_rows):
    from click.testing import CliRunner

    from claimledger.cli import app

    path = tmp_path / "wikinews.rss"
    path.write_bytes(rss(wikinews_rows[:2]))
    db = tmp_path / "watched.db"
    result = CliRunner().invoke(app, ["watch", str(path), "--rounds", "2", "--interval", "0", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "poll 1: added 2, unchanged 0, revised 0, failed 0",
        "poll 2: added 0, unchanged 2, revised 0, failed 0",
    ]
