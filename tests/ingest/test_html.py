"""Web pages: the article and its metadata survive, navigation, footers and scripts do not."""

from __future__ import annotations

import html

import pytest

from claimledger.errors import InputError
from claimledger.ingest.html import read_html

HEADLINE = "Russia recruiting Syrian fighters for Ukraine war"


def news_page(article: str, *, charset: str = "utf-8") -> str:
    """A typical news page around a real article: menu, byline, footer, tracking scripts."""
    paragraphs = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in article.split("\n") if p.strip())
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="{charset}">
<title>{HEADLINE} | The Daily Example</title>
<meta property="og:title" content="{HEADLINE}">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2022-03-10T09:30:00Z">
<link rel="canonical" href="https://news.example.com/world/syrian-fighters">
<script>window.analytics = {{track: function () {{ console.log("tracking pixel loaded"); }}}};</script>
<style>body {{ font-family: sans-serif; }}</style>
</head><body>
<nav><ul>
  <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
  <li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe now</a></li>
</ul></nav>
<main><article>
<h1>{HEADLINE}</h1>
{paragraphs}
</article></main>
<footer>
  <p>Copyright 2022 The Daily Example. All rights reserved.</p>
  <a href="/privacy">Privacy policy</a> <a href="/cookies">Cookie settings</a>
</footer>
<script>document.write("Sign up for our newsletter");</script>
</body></html>"""


def test_article_text_is_kept_and_boilerplate_dropped(dev_text):
    page = news_page(dev_text).encode("utf-8")

    document = read_html(page, source="pages/syrian-fighters.html", id="syrian-fighters")

    for paragraph in filter(str.strip, dev_text.split("\n")):
        assert paragraph in document.text
    for boilerplate in ("Subscribe now", "Cookie settings", "All rights reserved", "tracking pixel",
                        "window.analytics", "newsletter", "font-family"):
        assert boilerplate not in document.text


def test_page_metadata_fills_the_document(dev_text):
    document = read_html(news_page(dev_text).encode("utf-8"), source="pages/syrian-fighters.html", id="syrian-fighters")

    assert document.id == "syrian-fighters"
    assert document.source == "pages/syrian-fighters.html"
    assert document.title == HEADLINE
    assert document.author == "Jane Reporter"
    assert document.published == "2022-03-10"
    assert document.url == "https://news.example.com/world/syrian-fighters"


def test_declared_windows_1252_page_is_decoded(dev_text):
    page = news_page(dev_text, charset="windows-1252").encode("cp1252")

    document = read_html(page, source="a.html", id="a")

    assert "“We’re not seeing a lot of progress" in document.text


def test_page_with_no_article_is_an_input_error():
    page = b"<html><head><script>var x = 1;</script></head><body></body></html>"
    with pytest.raises(InputError) as caught:
        read_html(page, source="blank.html", id="blank")
    assert str(caught.value) == "blank.html: no article text found in the HTML page"


def test_empty_page_is_an_input_error():
    with pytest.raises(InputError, match="^a.html: empty file$"):
        read_html(b"", source="a.html", id="a")
