"""Full-text search: finds documents and claims, and reads any query as plain text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger import Ledger
from claimledger.ledger.search import LikeSearch, Term, fts5_query, parse_query

from _bundled import EXAMPLE, example_document

from ._corpus import example_record


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def searchable(request, tmp_path_factory):
    """The example article with its hand-built claims (module scope: read-only), on each backend."""
    if request.param == "postgresql":
        url = request.getfixturevalue("postgres_cluster").create_database("search")
    else:
        url = tmp_path_factory.mktemp("search") / "ledger.db"
    with Ledger(url) as ledger:
        document = example_document()
        ledger.add([(document, example_record(document))])
        yield ledger


def test_kirby_is_found_in_the_article_and_its_quotes(searchable):
    hits = searchable.search("Kirby")
    kinds = {(hit["kind"], hit["who"]) for hit in hits}
    assert ("document", None) in kinds and ("quote", "John Kirby") in kinds
    assert {hit["document"] for hit in hits} == {EXAMPLE.stem}
    assert {hit["title"] for hit in hits} == {"Russia recruiting Syrian fighters"}
    (document,) = [hit for hit in hits if hit["kind"] == "document"]
    assert "**Kirby**" in document["snippet"]
    assert hits == sorted(hits, key=lambda hit: -hit["score"])


def test_attributions_and_phrases(searchable):
    hits = searchable.search('"intelligence reports" Kremlin')
    assert {(hit["kind"], hit["who"]) for hit in hits} == {("document", None), ("attribution", "US intelligence reports")}
    assert searchable.search('"reports intelligence"') == []  # a phrase keeps its word order
    assert len(searchable.search("Kirby", limit=1)) == 1
    assert searchable.search("casualty")  # stemmed: the text says "casualties"
    assert searchable.search("Kirb*") and not searchable.search("Kirb")


@pytest.mark.parametrize("query", [
    '"Kirby', 'Kirby"', '-Kirby', 'Kirby*', '*Kirby', 'Kirby AND', 'AND Kirby', 'NOT Kirby',
    '(Kirby', 'Kirby)', '((Kirby', 'Kirby:', 'Kirby : ', '^Kirby', '+Kirby',
    '{Kirby}', "'Kirby'", 'Kirby\\', '"Kirby" AND -"', 'kirby', 'KIRBY',
])
def test_hostile_syntax_is_read_as_text(searchable, query):
    assert EXAMPLE.stem in {hit["document"] for hit in searchable.search(query)}


@pytest.mark.parametrize("query", [
    "", "   ", '"', '""', "*", "-", "AND", "OR", "NOT", "NEAR", "(", ")", "()", ":", "^", "'", "\\", '" AND (',
    "💥", "\x00", "Kirby NEAR/3 Putin)", "OR Kirby", 'col:"x"', "title:Kirby", "NEAR(Kirby", "Kirby's", "a" * 5000,
])
def test_queries_that_mean_nothing_much_do_not_raise(searchable, query):
    assert isinstance(searchable.search(query), list)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list('Kirby Putin"*-()^:+{}ANDORNT\'\\ \t.,_🙂é')), max_size=40))
def test_no_query_raises(searchable, query):
    assert isinstance(searchable.search(query), list)


def test_query_parsing():
    assert parse_query('Kirby "Pentagon spokesperson" Kirb* -x') == [
        Term(("Kirby",)), Term(("Pentagon", "spokesperson")), Term(("Kirb",), prefix=True), Term(("x",))]
    assert parse_query('"unbalanced (paren AND -') == [Term(("unbalanced", "paren", "AND"))]
    assert fts5_query('Kirby AND "Putin*') == '"Kirby" "AND" "Putin"'
    assert fts5_query('foo-bar') == '"foo bar"'
    assert fts5_query(' * - () ') is None


def test_the_portable_backend_finds_the_same(searchable):
    with searchable.engine.connect() as connection:
        hits = LikeSearch().search(connection, "kirby", limit=20, marks=("[", "]"))
    assert {(hit["kind"], hit["document"]) for hit in hits} == {("document", EXAMPLE.stem), ("quote", EXAMPLE.stem)}
    assert any("[Kirby]" in hit["snippet"] for hit in hits)


def test_search_over_the_corpus(reference):
    with Ledger(reference.path) as ledger:
        hits = ledger.search("Daesh", limit=50)
        assert 5 <= len(hits) <= 50
        assert any(hit["kind"] == "document" and hit["document"].startswith("centcom-") for hit in hits)
        assert ledger.search("Daesh", limit=3) == hits[:3]
