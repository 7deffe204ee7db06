"""The web pages in a real browser: highlighted claims, the contested group, search, no XSS, phone width."""

from __future__ import annotations

import re


from _live_server import EXAMPLE, XSS_KEY

from .conftest import screenshot

CASUALTIES = [("12,000", "Ukrainian news sources"), ("500", "The Russians"), ("4,000", "the Pentagon")]
CONTEST = CASUALTIES[:2]  # the casualties group; the Pentagon's deaths are a group of their own, in the same incident


def figure_mark(page, value: str):
    return page.locator("mark.figure[id]", has_text=re.compile(rf"(^|\D){re.escape(value)}\b"))


def background(locator) -> str:
    return locator.evaluate("el => getComputedStyle(el).backgroundColor")


def test_home_shows_counts_and_contested_figures(page):
    page.goto("/")
    counts = page.locator("dl.counts")
    assert counts.locator("dt", has_text="documents").is_visible()
    assert counts.locator("dd").first.inner_text().strip() == "8"
    card = page.locator(".group-card.contested", has_text="Ukrainian news sources")
    assert card.is_visible()
    assert "The Russians" in card.inner_text() and "the Pentagon" not in card.inner_text()
    assert page.locator("h2", has_text="Latest incidents").is_visible()
    screenshot(page, "home")
    assert not page.errors


def test_document_highlights_the_casualty_figures_with_their_claimants_and_links_their_group(page):
    page.goto(f"/documents/{EXAMPLE}")
    colours = set()
    for value, claimant in CASUALTIES:
        mark = figure_mark(page, value)
        assert mark.count() == 1, value
        assert mark.is_visible()
        assert mark.get_attribute("data-label") == claimant
        assert claimant in mark.get_attribute("title") and value in mark.get_attribute("title")
        colours.add(background(mark))
    assert len(colours) == 1 and colours != {"rgba(0, 0, 0, 0)"}

    # direct quotes, reported statements, attributions and figures: four colours
    kinds = ["mark.quote.direct", "mark.quote.indirect", "mark.attribution", "mark.figure"]
    assert len({background(page.locator(f"#article-text {kind}").first) for kind in kinds}) == 4

    # hovering shows who; clicking opens the claim panel with the claimant and the group link
    figure_mark(page, "12,000").hover()
    figure_mark(page, "12,000").click()
    panel = page.locator("#claim-panel .claim-detail")
    panel.wait_for()
    assert "Ukrainian news sources" in panel.inner_text()
    assert "almost 12,000" in panel.inner_text()
    screenshot(page, "document")

    panel.locator("a.group-link").click()
    page.wait_for_url(re.compile(r"/groups/\d+$"))
    chart = page.locator("svg.chart")
    assert chart.is_visible()
    claimants = chart.locator("g.claim").evaluate_all("gs => gs.map(g => g.dataset.claimant)")
    assert {c for _v, c in CONTEST} <= set(claimants)
    assert page.locator(".tag.hot", has_text="contested").is_visible()
    timeline = page.locator("ol.timeline").inner_text()
    assert all(c in timeline for _v, c in CONTEST)
    screenshot(page, "contested")
    assert not page.errors


def test_incident_page_shows_the_contest_beside_the_deaths(page):
    page.goto("/incidents?place=Ukraine")
    page.locator("a.incident-link", has_text="Ukraine").first.click()
    page.wait_for_url(re.compile(r"/incidents/\d+$"))
    cards = page.locator(".side-by-side .group-card")
    assert cards.count() == 2
    contest, deaths = cards.nth(0), cards.nth(1)
    assert "contested" in contest.get_attribute("class") and "the Pentagon" not in contest.inner_text()
    assert all(c in contest.inner_text() for _v, c in CONTEST)
    assert contest.locator("tr.contest").count() == 2 and "the Pentagon" in deaths.inner_text()
    left, right = contest.bounding_box(), deaths.bounding_box()
    assert abs(left["y"] - right["y"]) < 2 and left["x"] < right["x"]  # side by side
    assert page.locator("ol.reports a", has_text="syrian").count() == 1
    screenshot(page, "incident")
    assert not page.errors


def test_search_for_kirby(page):
    page.goto("/")
    page.fill("header input[name=q]", "Kirby")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=Kirby"))
    hits = page.locator("ul.hits li")
    assert hits.count() > 0
    assert "John Kirby" in page.locator("ul.hits").inner_text()
    assert page.locator("ul.hits mark.hit").first.inner_text().lower() == "kirby"

    # search as you type (htmx swaps the results in place)
    page.fill("form.search-big input[name=q]", "Kadyrov")
    page.locator("#results", has_text="Ramzan Kadyrov").wait_for()
    assert not page.errors


def test_entity_page_lists_what_a_person_said(page):
    page.goto("/entities?name=Kirby")
    page.locator("table.list a", has_text="John Kirby").click()
    page.wait_for_url(re.compile(r"/entities/\d+$"))
    assert page.locator("h1", has_text="John Kirby").is_visible()
    said = page.locator("h2", has_text="Said").locator(".count").inner_text()
    assert int(said) >= 4


def test_article_with_an_xss_payload_stays_inert(page):
    page.goto(f"/documents/{XSS_KEY}")
    text = page.locator("#article-text").inner_text()
    assert '<script>alert("x");window.__xss = 1</script>' in text
    assert "onerror=" in text
    assert page.locator("h1").inner_text().startswith('<img src=x onerror="alert(5)">')
    for mark in page.locator("#article-text mark[id]").all():
        mark.hover()
        mark.click()
    page.locator("#claim-panel .claim-detail").wait_for()
    page.goto("/search?q=script")
    page.goto("/claims?q=script")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.dialogs == []
    assert page.locator("script:not([src])").count() == 0
    assert not page.errors


def test_phone_width(browser, web_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=web_server.url,
                                  device_scale_factor=2, is_mobile=True, has_touch=True)
    try:
        tab = context.new_page()
        tab.goto(f"/documents/{EXAMPLE}")
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390
        figure_mark(tab, "4,000").tap()
        panel = tab.locator("#claim-panel .claim-detail")
        panel.wait_for()
        box = tab.locator("#claim-panel").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["y"] + box["height"] <= 844
        assert "the Pentagon" in panel.inner_text()
        screenshot(tab, "phone")
        for path in ("/", "/contested", "/search?q=Kirby"):
            tab.goto(path)
            assert tab.evaluate("document.documentElement.scrollWidth") <= 390, path
    finally:
        context.close()


def test_nothing_loads_from_other_sites_and_the_api_docs_render(page, web_server):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("/", f"/documents/{EXAMPLE}", "/contested", "/entities", "/search?q=Kirby"):
        page.goto(path)
    page.goto("/docs")
    page.locator(".opblock-summary-path", has_text="/api/claims").first.wait_for()
    assert page.locator(".opblock").count() >= 13
    foreign = [url for url in requested if not url.startswith(web_server.url)]
    assert foreign == []
    assert any(url.endswith("/static/htmx.min.js") for url in requested)
    assert not page.errors
