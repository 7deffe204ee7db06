"""Shared fixtures: real articles from the bundled corpus (corpus/README.md has their licences)."""

from __future__ import annotations

import json

import pytest

from .corpus import DEV_ARTICLE, WIKINEWS


@pytest.fixture
def dev_text() -> str:
    """The project's example article, exactly as its UTF-8 file holds it."""
    return DEV_ARTICLE.read_bytes().decode("utf-8")


@pytest.fixture
def wikinews_rows() -> list[dict]:
    """All Wikinews articles of the corpus, one dict per JSONL line, in file order."""
    with WIKINEWS.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


@pytest.fixture
def wikinews(wikinews_rows: list[dict]) -> dict[str, dict]:
    """The Wikinews articles by id."""
    return {row["id"]: row for row in wikinews_rows}
