"""Fixtures shared by every test package (keep this small; package conftests hold the rest)."""

from __future__ import annotations

from pathlib import Path

import pytest

from _bundled import CORPUS


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The bundled corpus of real articles (src/claimledger/corpus/README.md has their licences)."""
    return CORPUS


# -- PostgreSQL: one throwaway cluster per test session (tests/_postgres.py) -------------------------


@pytest.fixture(scope="session")
def postgres_cluster():
    """A throwaway PostgreSQL server (initdb + pg_ctl in a temp dir, local port), stopped at the end.

    Skips the tests that need it, with the reason, when the server binaries are not installed
    (scripts/test.sh installs Debian's postgresql package when run as root); a server that is
    installed but fails to start is an error, not a skip.
    """
    from _postgres import Cluster, NotInstalled

    try:
        cluster = Cluster()
    except NotInstalled as why:
        pytest.skip(f"PostgreSQL not installed: {why}")
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def postgres_url(postgres_cluster):
    """A fresh empty database in the session's cluster, dropped after the test."""
    url = postgres_cluster.create_database()
    try:
        yield url
    finally:
        postgres_cluster.drop_database(url)
