"""claimledger.__version__: the package metadata's version, else the checkout's pyproject.toml."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

import claimledger
from claimledger import _version

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = REPO / "pyproject.toml"


def test_the_version_is_the_one_in_pyproject():
    assert claimledger.__version__ == tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]


def test_a_checkout_without_metadata_reads_its_pyproject(monkeypatch):
    def not_installed(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(_version.metadata, "version", not_installed)
    assert _version.PYPROJECT == PYPROJECT
    assert _version.package_version() == claimledger.__version__


def test_another_projects_pyproject_or_none_gives_unknown(tmp_path):
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "someone-else"\nversion = "9.9.9"\n', encoding="utf-8")
    assert _version.checkout_version(other) == _version.UNKNOWN
    assert _version.checkout_version(tmp_path / "missing.toml") == _version.UNKNOWN
    other.write_text("[project\n", encoding="utf-8")
    assert _version.checkout_version(other) == _version.UNKNOWN
    other.write_text('[project]\nname = "claimledger"\nversion = "1.2.3"\n', encoding="utf-8")
    assert _version.checkout_version(other) == "1.2.3"
