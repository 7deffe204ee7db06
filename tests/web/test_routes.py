"""The article page's tallies, without a browser: the table, the counted words marked, everything escaped."""

from __future__ import annotations

import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

from claimledger import Ledger
from claimledger.records import Document, Record, Tally, TallyClaim
from claimledger.server import create_app

from _live_server import EXAMPLE, XSS_KEY, shared_ledger

TALLY_MARK = re.compile(r'<mark id="(tally-\d+-\d+)" class="tally"[^>]*>(.*?)</mark>')

HOSTILE = ('The <script>alert(1)</script> ministry said 25 people were killed in '
           '<b onmouseover=alert(2)>Aleppo</b> and 40 were injured.')


def get(path, url: str) -> str:
    with TestClient(create_app(str(path))) as client:
        response = client.get(url)
    assert response.status_code == 200, response.text
    return response.text


def tallies_table(html: str) -> str:
    return html[html.index('<table class="list tallies">'):html.index('<h2 id="figures">')]


def test_the_example_article_shows_its_tallies_and_marks_the_counted_words(tmp_path_factory):
    html = get(shared_ledger(tmp_path_factory), f"/documents/{EXAMPLE}")
    table = tallies_table(html)
    rows = re.findall(r"<tr data-tally=\"\d+\">(.*?)</tr>", table, re.S)
    cells = [[unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
             for r in rows]
    assert ["casualties", "security forces", "Russian", "500 – 12,000", "Ukraine", "",
            "Ukrainian news sources: 12,000; The Russians: 500"] in cells
    assert ["deaths", "security forces", "Russian", "4,000", "Ukraine", "", "the Pentagon: 4,000"] in cells
    marked = [unescape(re.sub(r"<[^>]+>", "", text)) for _id, text in TALLY_MARK.findall(html)]
    assert {"almost 12,000 casualties", "just about 500 casualties", "4,000 Russian troops"} <= set(marked)
    assert '<mark class="tally">counted in a tally</mark>' in html  # its own colour in the legend


@pytest.fixture
def hostile(tmp_path) -> str:
    start = HOSTILE.index("25 people")
    place = '<img src=x onerror="alert(3)">'
    tally = Tally("deaths", "unspecified", 25, 25, side="<script>alert(4)</script>", place=place,
                  date="2020-01-01\"><script>", claims=[
                      TallyClaim('the <b onclick="alert(5)">ministry</b>', 25, 25, spans=[[start, start + 9]])])
    document = Document(id="hostile", text=HOSTILE, source="tests")
    path = tmp_path / "ledger.db"
    with Ledger(path) as ledger:
        ledger.add([(document, Record(id="hostile", source="tests", text=HOSTILE, tallies=[tally]))])
    return str(path)


def test_tally_fields_and_the_text_around_marks_are_escaped(hostile):
    html = get(hostile, "/documents/hostile")
    table = tallies_table(html)
    assert "<script>" not in table and "<img" not in table and "<b " not in table
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in table and "&lt;img src=x" in table
    (mark,) = TALLY_MARK.findall(html)
    assert mark[1] == "25 people"
    assert 'title="deaths of unspecified: 25 — counted by the &lt;b onclick=&#34;alert(5)&#34;&gt;ministry&lt;/b&gt;"' in html
    assert "<script>alert(1)" not in html and "<b onmouseover" not in html


def test_the_incident_page_sets_the_contest_beside_the_deaths_and_escapes_hostile_reports(tmp_path_factory):
    with TestClient(create_app(str(shared_ledger(tmp_path_factory)))) as client:
        incidents = client.get("/api/incidents", params={"limit": 200}).json()["items"]
        of = {r["document"]: i["id"] for i in incidents for r in i["reports"]}
        html = client.get(f"/incidents/{of[EXAMPLE]}").text
        hostile = client.get(f"/incidents/{of[XSS_KEY]}").text
        home = client.get("/").text
    cards = re.findall(r'<section class="group-card[^"]*">(.*?)</section>', html, re.S)
    assert len(cards) == 2 and 'class="side-by-side"' in html
    assert "casualties" in cards[0] and cards[0].count('<tr class="contest">') == 2 and "the Pentagon" not in cards[0]
    assert "deaths" in cards[1] and "the Pentagon" in cards[1] and 'class="contest"' not in cards[1]
    assert 'href="/documents/' in html and "Ukrainian news sources" in html
    assert "<script>alert(6)" not in hostile and "&lt;script&gt;alert(6)&lt;/script&gt;" in hostile
    assert "<b onmouseover" not in hostile and "javascript:" not in hostile
    assert "Latest incidents" in home and f'href="/incidents/{of[EXAMPLE]}"' in home


def test_a_back_reference_is_marked_and_named_after_its_figure_in_the_page_and_the_api(tmp_path):
    text = ("Authorities on Monday arrested twelve people in Tamil Nadu, India after a jackal died trying to eat a "
            "bomb. Officials said a police constable saw the twelve with the dead jackal in Trichy.")
    path = tmp_path / "ledger.db"
    with Ledger(path) as ledger:
        ledger.ingest([Document(id="jackal", text=text, source="tests")])
    with TestClient(create_app(str(path))) as client:
        html = client.get("/documents/jackal").text
        doc_id = client.get("/api/documents", params={"limit": 10}).json()["items"][0]["id"]
        api = client.get(f"/api/documents/{doc_id}").json()
    (mark,) = re.findall(r'<mark id="reference-\d+" class="reference"([^>]*)>(.*?)</mark>', html)
    assert mark[1] == "the twelve"
    assert "refers back to the figure \u201ctwelve people\u201d" in unescape(mark[0])
    (reference,) = api["references"]
    assert reference["text"] == "the twelve" and reference["figure"]["text"] == "twelve people"
    assert reference["group"] == next(f["group"] for f in api["figures"] if f["text"] == "twelve people")
