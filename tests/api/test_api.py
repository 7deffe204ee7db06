"""The REST API over HTTP (httpx) against the real app on a real SQLite ledger."""

from __future__ import annotations

import httpx
import pytest

from _live_server import EXAMPLE, XSS_KEY
from claimledger.pages import MAX_PAGE

from .conftest import TOKEN


def example(client) -> dict:
    response = client.get(f"/api/documents/{EXAMPLE}")
    assert response.status_code == 200
    return response.json()


def analysed(client) -> bool:
    return client.get("/api/health").json()["analysis"]


# -- reading ---------------------------------------------------------------------------------------


def test_health(client):
    response = client.get("/api/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["read_only"] is False and body["documents"] == 8


def test_documents_are_paged_with_a_maximum_page_size(client):
    first = client.get("/api/documents", params={"limit": 3}).json()
    assert len(first["items"]) == 3 and first["next_offset"] == 3 and first["total"] == 8
    rest = client.get("/api/documents", params={"limit": 100, "offset": 3}).json()
    assert rest["next_offset"] is None
    keys = [d["key"] for d in first["items"] + rest["items"]]
    assert len(set(keys)) == 8 and EXAMPLE in keys and XSS_KEY in keys
    too_big = client.get("/api/documents", params={"limit": MAX_PAGE + 1})
    assert too_big.status_code == 422
    assert "limit" in too_big.json()["detail"] and str(MAX_PAGE) in too_big.json()["detail"]


def test_document_has_its_text_and_every_claim_with_offsets(client):
    doc = example(client)
    assert doc["text"].startswith("According to US intelligence reports")
    assert doc["quotes"] and doc["attributions"] and doc["figures"]
    for name in ("quotes", "attributions", "figures"):
        for claim in doc[name]:
            assert doc["text"][claim["start"]:claim["end"]] == claim["text"]
            assert claim["type"] == name[:-1]
    by_value = {f["low"]: f for f in doc["figures"]}
    assert by_value[12000]["claimant"] == "Ukrainian news sources"
    assert by_value[500]["claimant"] == "The Russians"
    assert by_value[4000]["claimant"] == "the Pentagon"
    # the same document by row id
    assert client.get(f"/api/documents/{doc['id']}").json()["key"] == EXAMPLE


@pytest.mark.parametrize("ident", ["nope", "0", "99999999999999999999999999", "%C2%B2", "%00", "-1"])
def test_unknown_documents_are_404(client, ident):
    response = client.get(f"/api/documents/{ident}")
    assert response.status_code == 404
    assert response.json()["detail"].startswith("no document")


def test_claims_list(client):
    response = client.get("/api/claims", params={"limit": 5})
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 5 and page["next_offset"] == 5
    assert {c["type"] for c in page["items"]} <= {"quote", "attribution", "figure"}


def test_claims_pages_join_up_without_gaps_or_repeats(client):
    whole = client.get("/api/claims", params={"limit": MAX_PAGE}).json()["items"]
    pieces, offset = [], 0
    while offset is not None:
        page = client.get("/api/claims", params={"limit": 7, "offset": offset}).json()
        pieces += page["items"]
        offset = page["next_offset"]
    assert [(c["type"], c["id"]) for c in pieces] == [(c["type"], c["id"]) for c in whole]


def test_claims_filters(client):
    kirby = client.get("/api/claims", params={"speaker": "kirby", "limit": 100}).json()["items"]
    assert kirby and all("kirby" in (c.get("speaker") or c.get("source") or "").lower() for c in kirby)
    assert {c["type"] for c in kirby} <= {"quote", "attribution"}

    direct = client.get("/api/claims", params={"kind": "direct", "speaker": "Kirby"}).json()["items"]
    assert direct and all(c["kind"] == "direct" for c in direct)

    pentagon = client.get("/api/claims", params={"claimant": "pentagon"}).json()["items"]
    assert any(f["low"] == 4000 for f in pentagon) and all(f["type"] == "figure" for f in pentagon)

    casualties = client.get("/api/claims", params={"category": "casualties"}).json()["items"]
    assert {f["low"] for f in casualties if f["document"] == EXAMPLE} == {12000, 500}

    text = client.get("/api/claims", params={"q": "FOREIGN FIGHTERS"}).json()["items"]
    assert text and all("foreign fighters" in c["text"].lower() for c in text)

    one_doc = client.get("/api/claims", params={"document": XSS_KEY, "limit": 100}).json()["items"]
    assert one_doc and {c["document"] for c in one_doc} == {XSS_KEY}


def test_claims_with_a_bad_kind_get_a_readable_422(client):
    response = client.get("/api/claims", params={"kind": "rumour"})
    assert response.status_code == 422
    body = response.json()
    assert body["detail"].startswith("query.kind:") and body["errors"][0]["loc"] == ["query", "kind"]


def test_figures(client):
    figures = client.get("/api/figures", params={"document": EXAMPLE, "limit": 100}).json()["items"]
    assert [f["low"] for f in figures][:3] == [12000, 500, 4000]
    deaths = client.get("/api/figures", params={"category": "deaths"}).json()["items"]
    assert deaths and all(f["category"] == "deaths" for f in deaths)


def test_entities(client):
    page = client.get("/api/entities", params={"name": "kirby"}).json()
    kirby = next(e for e in page["items"] if e["name"] == "John Kirby")
    detail = client.get(f"/api/entities/{kirby['id']}").json()
    assert detail["name"] == "John Kirby"
    assert len(detail["quotes"]) >= 4 and all("Kirby" in q["speaker"] for q in detail["quotes"])
    assert client.get("/api/entities/999999").status_code == 404
    assert client.get("/api/entities/0").status_code == 422


def test_search(client):
    page = client.get("/api/search", params={"q": "Kirby"}).json()
    hits = page["items"]
    assert hits and any(h["who"] == "John Kirby" for h in hits) and page["total"] >= len(hits)
    second = client.get("/api/search", params={"q": "Kirby", "limit": 1, "offset": 1}).json()
    assert second["items"] and second["items"][0] == {**hits[1], "snippet": second["items"][0]["snippet"]}
    assert second["offset"] == 1 and (second["next_offset"] == 2) == (page["total"] > 2)
    assert client.get("/api/search", params={"q": '") OR NEAR(*'}).status_code == 200
    assert client.get("/api/search").status_code == 422


def test_contested_and_groups(client):
    page = client.get("/api/contested").json()
    assert {"items", "limit", "offset", "next_offset"} <= set(page)
    assert client.get("/api/groups/987654321").status_code == 404
    if not analysed(client):
        assert page["items"] == []
        return
    casualty_groups = [g for g in page["items"]
                       if any(f.get("document") == EXAMPLE and f.get("low") == 12000 for f in g["figures"])]
    assert casualty_groups, "the example article's casualty figures form a contested group"
    group = client.get(f"/api/groups/{casualty_groups[0]['id']}").json()
    values = {(f["claimant"], f["low"]) for f in group["figures"]}
    assert {("Ukrainian news sources", 12000), ("The Russians", 500)} <= values
    assert ("the Pentagon", 4000) not in values  # deaths are a group of their own, beside it in the incident
    assert group["contested"] is True and group["timeline"]
    doc = example(client)
    assert {f["group"] for f in doc["figures"] if f["low"] in (12000, 500)} == {group["id"]}
    every = client.get("/api/contested", params={"all": True, "per_group": 0, "limit": 200}).json()["items"]
    assert len(every) > len(page["items"]) and any(not g["contested"] for g in every)
    assert all(len(g["figures"]) == g["figure_count"] for g in every)  # 0: every figure
    one = client.get("/api/contested", params={"all": True, "per_group": 1, "limit": 200}).json()["items"]
    assert [len(g["figures"]) for g in one] == [1] * len(every)
    assert client.get("/api/contested", params={"per_group": -1}).status_code == 422


def test_openapi_and_docs(client):
    schema = client.get("/openapi.json").json()
    assert "/api/claims" in schema["paths"] and "/api/documents" in schema["paths"]
    assert "HTTPBearer" in schema["components"]["securitySchemes"]
    assert client.get("/docs").status_code == 200


# -- writing ---------------------------------------------------------------------------------------

ARTICLE = {
    "title": "Clashes in the north",
    "text": 'The health ministry said 31 people were killed on Monday. "We will rebuild," the mayor said.',
    "url": "https://news.example/clashes",
    "outlet": "Example News",
    "published": "2021-03-04",
}


def test_post_needs_the_token(client):
    assert client.post("/api/documents", json=ARTICLE).status_code == 401
    wrong = client.post("/api/documents", json=ARTICLE, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    basic = client.post("/api/documents", json=ARTICLE, headers={"Authorization": f"Basic {TOKEN}"})
    assert basic.status_code == 401
    odd = client.post("/api/documents", json=ARTICLE, headers={"Authorization": b"Bearer t\xe9st"})
    assert odd.status_code == 401


def test_post_ingests_extracts_and_answers_201(client, auth):
    response = client.post("/api/documents", json=ARTICLE, headers=auth)
    assert response.status_code == 201
    created = response.json()
    doc = client.get(f"/api/documents/{created['id']}").json()
    assert doc["key"] == created["key"] and doc["title"] == ARTICLE["title"]
    assert doc["outlet"] == "Example News" and doc["published"] == "2021-03-04"
    assert any(f["low"] == 31 and "ministry" in (f["claimant"] or "") for f in doc["figures"])
    assert any(q["speaker"] == "the mayor" for q in doc["quotes"])
    # posting the same text again stores nothing new and names the same document
    again = client.post("/api/documents", json=ARTICLE, headers=auth)
    assert again.status_code == 200 and again.json() == created


def test_post_validation_is_readable(client, auth):
    missing = client.post("/api/documents", json={"text": "x"}, headers=auth)
    assert missing.status_code == 422 and "body.title: Field required" in missing.json()["detail"]
    blank = client.post("/api/documents", json={"title": "t", "text": "   "}, headers=auth)
    assert blank.status_code == 422 and "body.text" in blank.json()["detail"]
    extra = client.post("/api/documents", json={**ARTICLE, "author": "me"}, headers=auth)
    assert extra.status_code == 422 and "body.author" in extra.json()["detail"]
    garbage = client.post("/api/documents", content=b"{not json", headers={**auth, "content-type": "application/json"})
    assert garbage.status_code == 422 and "JSON" in garbage.json()["detail"]
    surrogate = client.post("/api/documents", content=b'{"title": "t", "text": "a\\ud800b"}',
                            headers={**auth, "content-type": "application/json"})
    assert surrogate.status_code == 422 and "body.text" in surrogate.json()["detail"]
    nul = client.post("/api/documents", json={"title": "t", "text": "a\x00b"}, headers=auth)
    assert nul.status_code == 422


def test_body_over_the_limit_is_413(client, auth):
    big = {"title": "big", "text": "word " * 20_000}  # ~100 kB; the test server allows 64 kB
    response = client.post("/api/documents", json=big, headers=auth)
    assert response.status_code == 413 and "too large" in response.json()["detail"]

    def chunks():  # no Content-Length: the limit still holds while streaming
        yield b'{"title": "big", "text": "'
        for _ in range(100):
            yield b"x" * 1024
        yield b'"}'

    streamed = client.post("/api/documents", content=chunks(), headers={**auth, "content-type": "application/json"})
    assert streamed.status_code == 413


def test_grade(client, auth):
    assert client.put("/api/sources/1/grade", json={"reliability": "B"}).status_code == 401
    bad = client.put("/api/sources/1/grade", json={"reliability": "Z"}, headers=auth)
    assert bad.status_code == 422 and "body.reliability" in bad.json()["detail"]
    response = client.put("/api/sources/the%20Pentagon/grade", json={"reliability": "B"}, headers=auth)
    if analysed(client):
        assert response.status_code == 200 and response.json()["reliability"] == "B"
    else:
        assert response.status_code == 404


def test_read_only_server_refuses_writes(read_only_server):
    with httpx.Client(base_url=read_only_server.url) as http:
        assert http.get("/api/health").json()["read_only"] is True
        refused = http.post("/api/documents", json=ARTICLE, headers={"Authorization": "Bearer anything"})
        assert refused.status_code == 403 and "read-only" in refused.json()["detail"]
        assert http.put("/api/sources/x/grade", json={"reliability": "A"}).status_code == 403
        assert "read-only server" in http.get("/").text


# -- HTML from the same server ------------------------------------------------------------------


def test_article_text_is_escaped_in_html(client):
    page = client.get(f"/documents/{XSS_KEY}")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;);" in html
    assert 'href="javascript:' not in html


def test_posted_script_is_escaped(client, auth):
    created = client.post("/api/documents", headers=auth, json={
        "title": "probe", "text": 'Before <script>alert("x")</script> after. The army said 3 soldiers died.'}).json()
    html = client.get(f"/documents/{created['id']}").text
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


@pytest.mark.parametrize("path", ["/", "/documents", "/claims?kind=figure", "/contested", "/entities",
                                  "/search?q=Kirby", f"/documents/{EXAMPLE}"])
def test_pages_render(client, path):
    response = client.get(path)
    assert response.status_code == 200 and "<html" in response.text


def test_html_errors_are_pages(client):
    missing = client.get("/documents/nope")
    assert missing.status_code == 404 and "<html" in missing.text and "no document nope" in missing.text
    bad = client.get("/claims", params={"limit": 0})
    assert bad.status_code == 422 and "<html" in bad.text


def test_incidents_hold_the_contest_and_the_deaths_beside_it(client):
    page = client.get("/api/incidents", params={"place": "ukr"}).json()
    [incident] = [i for i in page["items"] if any(r["document"] == EXAMPLE for r in i["reports"])]
    assert incident["contested"] is True and incident["place"] == "Ukraine"
    detail = client.get(f"/api/incidents/{incident['id']}").json()
    casualties, deaths = detail["groups"][:2]
    assert casualties["category"] == "casualties" and deaths["category"] == "deaths"
    assert {(f["claimant"], f["low"], f["contest"]) for f in casualties["figures"]} == {
        ("Ukrainian news sources", 12000, True), ("The Russians", 500, True)}
    assert [(f["claimant"], f["low"], f["contest"]) for f in deaths["figures"]] == [("the Pentagon", 4000, False)]
    assert {(t["category"], t["low"], t["high"]) for t in detail["tallies"]} >= {("casualties", 500, 12000),
                                                                                  ("deaths", 4000, 4000)}
    assert client.get("/api/incidents/987654321").status_code == 404
    assert client.get("/api/incidents", params={"since": "yesterday"}).status_code == 422
    assert client.get("/api/incidents", params={"since": "2999-01-01"}).json()["items"] == []
