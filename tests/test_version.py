"""claimledger.__version__: declared once, in claimledger/_version.py, which pyproject.toml reads."""

from __future__ import annotations

import ast
import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

import claimledger
from claimledger import _version

REPO = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_pyproject_takes_the_version_from_the_package():
    assert "version" not in PROJECT["project"] and "version" in PROJECT["project"]["dynamic"]
    attr = PROJECT["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    module, _, name = attr.rpartition(".")
    assert module == _version.__name__ and getattr(_version, name) == claimledger.__version__


def test_the_version_is_a_literal_setuptools_can_read_without_importing():
    """setuptools reads ``attr:`` statically when the value is a plain string assignment."""
    tree = ast.parse(Path(_version.__file__).read_text(encoding="utf-8"))
    [value] = [node.value for node in tree.body if isinstance(node, ast.Assign)
               and [t.id for t in node.targets if isinstance(t, ast.Name)] == ["__version__"]]
    assert isinstance(value, ast.Constant) and re.fullmatch(r"\d+\.\d+\.\d+\S*", value.value)


def test_an_installed_claimledger_reports_the_same_version():
    try:
        installed = metadata.version("claimledger")
    except metadata.PackageNotFoundError:
        pytest.skip("claimledger is not installed (a bare checkout on PYTHONPATH)")
    assert installed == claimledger.__version__
