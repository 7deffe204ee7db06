"""Fixtures shared by every test package (keep this small; package conftests hold the rest)."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The bundled corpus of real articles (corpus/README.md has their licences)."""
    return CORPUS
