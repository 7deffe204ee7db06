"""Claims highlighted in their source text, without a browser: well-formed, complete, escaped."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.web.highlight import Span, highlight


class Reader(HTMLParser):
    """Checks that tags nest and collects the text and which claims each character is inside."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []
        self.inside: list[frozenset[str]] = []
        self.tags = 0

    def handle_starttag(self, tag, attrs):
        assert tag == "mark", tag
        self.tags += 1
        self.open.append(dict(attrs)["data-claim"])

    def handle_endtag(self, tag):
        assert tag == "mark" and self.open, tag
        self.open.pop()

    def handle_data(self, data):
        self.text.append(data)
        self.inside.extend([frozenset(self.open)] * len(data))


def read(html: str) -> Reader:
    reader = Reader()
    reader.feed(html)
    reader.close()
    assert reader.open == []
    return reader


def test_overlapping_claims_nest_and_cover_exactly_their_text():
    text = "According to the ministry, 40 people died and 12 were hurt, officials said."
    spans = [
        Span("attribution", "attribution-1", 27, 58, "claim attribution"),
        Span("figure", "figure-1", 27, 36, "claim figure"),
        Span("quote", "quote-1", 33, 74, "claim quote indirect"),  # starts inside, ends outside
    ]
    reader = read(str(highlight(text, spans)))
    assert "".join(reader.text) == text
    for span in spans:
        covered = [i for i, claims in enumerate(reader.inside) if span.claim in claims]
        assert covered == list(range(span.start, span.end)), span.claim


def test_text_and_attributes_are_escaped():
    text = '<script>alert("x")</script> <img src=x onerror=alert(1)> & more'
    spans = [Span("quote", "quote-1", 0, 8, "claim quote direct", {"title": 'said "<b>" & \'x\''})]
    html = str(highlight(text, spans))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&amp; more" in html
    assert 'title="said &#34;&lt;b&gt;&#34; &amp; &#39;x&#39;"' in html


def test_empty_and_out_of_range_spans_are_skipped():
    spans = [Span("figure", "figure-1", 3, 3, "f"), Span("figure", "figure-2", 5, 99, "f"),
             Span("figure", "figure-3", -4, 2, "f")]
    reader = read(str(highlight("abcdefgh", spans)))
    assert "".join(reader.text) == "abcdefgh" and reader.tags == 2


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab<>&\"' \n", max_size=40),
       st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45), st.sampled_from(["quote", "attribution", "figure"])),
                max_size=6))
def test_any_claims_give_well_formed_html_with_the_whole_text(text, raw):
    spans = [Span(kind, f"{kind}-{i}", min(a, b), max(a, b), kind) for i, (a, b, kind) in enumerate(raw)]
    reader = read(str(highlight(text, spans)))
    assert "".join(reader.text) == text
    for span in spans:
        start, end = max(0, span.start), min(len(text), span.end)
        covered = [i for i, claims in enumerate(reader.inside) if span.claim in claims]
        assert covered == list(range(start, end)) if start < end else covered == []
