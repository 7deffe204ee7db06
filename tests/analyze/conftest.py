"""Analysis fixtures: small ledgers of real bundled articles, ingested once per session.

The set (``CORPUS_KEYS``) is chosen for the cases the analysis must get right: a toll revised
between two reports (Samoa), one crash reported twice (New Hampshire), two daily strike reports
with look-alike counts (CENTCOM), two attacks on one day (Christchurch), rival officials' figures
(El Paso, Magnitogorsk, Armenia/Azerbaijan), and people named across articles (Trump, Soleimani,
the Pentagon).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimledger import Ledger

from _bundled import EXAMPLE, corpus_documents, example_document

CORPUS_KEYS = [
    "wikinews-samoan-government-temporarily-shuts-down-for-nationwide-meas",
    "wikinews-samoan-government-ends-state-of-emergency-over-measles-outbr",
    "wikinews-new-hampshire-crash-kills-seven-including-former-us-marines",
    "wikinews-driver-in-new-hampshire-multi-motorcycle-crash-pleads-not-gu",
    "wikinews-new-zealand-mosque-murder-suspect-appears-in-court-at-christ",
    "wikinews-gunman-opens-fire-in-el-paso-texas-superstore-more-than-20-d",
    "wikinews-magnitogorsk-apartment-building-collapses-after-explosion-do",
    "wikinews-united-states-military-kills-qasem-soleimani",
    "wikinews-stampede-during-funeral-procession-of-qasem-soleimani-causes",
    "wikinews-us-president-trump-announces-troop-withdrawal-from-syria",
    "wikinews-on-the-campaign-trail-in-the-usa-september-2020",
    "centcom-26cc3286",
    "centcom-6b183780",
    "centcom-f5b5e863",
    "centcom-d52939c7",
    "centcom-76957901",
    "uk-government-32aacd4c",
]


@pytest.fixture(scope="session")
def example_path(tmp_path_factory) -> Path:
    """A ledger holding the example article, ingested through the CLI's library path (read-only)."""
    path = tmp_path_factory.mktemp("example") / "example.db"
    with Ledger(path) as ledger:
        ledger.ingest([str(EXAMPLE)])
    return path


@pytest.fixture(scope="session")
def corpus_path(tmp_path_factory) -> Path:
    """A ledger of the example article and ``CORPUS_KEYS`` (read-only: copy it to change it)."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    with Ledger(path) as ledger:
        ledger.ingest([example_document(), *corpus_documents(CORPUS_KEYS)], batch_size=8)
    return path


@pytest.fixture(scope="session")
def corpus(corpus_path):
    with Ledger(corpus_path) as ledger:
        yield ledger


@pytest.fixture
def corpus_copy(corpus_path, tmp_path) -> Ledger:
    """A private copy of the corpus ledger, for tests that write."""
    path = tmp_path / "copy.db"
    with Ledger(corpus_path):  # checkpoint: no WAL left behind to copy
        pass
    shutil.copy(corpus_path, path)
    with Ledger(path) as ledger:
        yield ledger


def figure_in(ledger: Ledger, document: str, text: str, nth: int = 0) -> dict:
    """The figure of ``document`` whose text is ``text`` (the ``nth`` such, in text order)."""
    found = [f for f in ledger.figures(document=document, limit=1000) if f["text"] == text]
    assert len(found) > nth, (document, text, [f["text"] for f in ledger.figures(document=document, limit=1000)])
    return found[nth]


def group_of(ledger: Ledger, document: str, text: str) -> dict:
    """The group holding that figure."""
    group = ledger.group(figure_in(ledger, document, text)["id"])
    assert group is not None
    return group


def members(group: dict) -> set[tuple[str, str]]:
    """(document, figure text) of every figure in a group."""
    return {(f["document"], f["text"]) for f in group["figures"]}
