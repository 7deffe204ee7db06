"""Shared fixtures: real articles from the bundled corpus (tests/_bundled.py; its README has their licences)."""

from __future__ import annotations

import pytest

from _bundled import WIKINEWS, example_text, jsonl_rows


@pytest.fixture
def dev_text() -> str:
    """The project's example article, exactly as its UTF-8 file holds it."""
    return example_text()


@pytest.fixture
def wikinews_rows() -> list[dict]:
    """All Wikinews articles of the corpus, one dict per JSONL line, in file order."""
    return jsonl_rows(WIKINEWS)


@pytest.fixture
def wikinews(wikinews_rows: list[dict]) -> dict[str, dict]:
    """The Wikinews articles by id."""
    return {row["id"]: row for row in wikinews_rows}
