"""Fixtures for the extraction tests: the spaCy pipeline loads once per session."""

from __future__ import annotations

import pytest

from claimledger import Record, extract
from claimledger.nlp import load_nlp


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline with claimledger's components (slow to load, so loaded once)."""
    return load_nlp()


@pytest.fixture(scope="session")
def run(nlp):
    """extract() with results cached by text, since several cases read the same passage."""
    cache: dict[str, Record] = {}

    def run(text: str) -> Record:
        if text not in cache:
            cache[text] = extract(text)
        return cache[text]

    return run


# Phenomena the extractors do not handle yet. Each stays a real test: it is expected to fail
# (strict), so the day a rule starts handling it the suite says so and the entry must go.
KNOWN_WEAK = {
    "written-capitalised-ninety-four-airmen": "capitalised hyphenated written numbers at a sentence start",
    "range-hyphenated-written": "'one-to-two hundred' written ranges",
    "around-more-were-injured": "'around twenty more ... were injured': a count far from its verb",
}


def pytest_collection_modifyitems(config, items):
    """Mark the known weak phenomena as strict expected failures, with the reason."""
    for item in items:
        case = getattr(item, "callspec", None)
        if case is not None and case.id in KNOWN_WEAK and item.path.parent.name == "extract":
            item.add_marker(pytest.mark.xfail(reason=KNOWN_WEAK[case.id], strict=True))
