"""``claimledger.__version__``: one version, the one in pyproject.toml.

An installed claimledger (wheel, sdist, git URL or ``pip install -e .``) has it in its package
metadata. A source checkout used without installing (``PYTHONPATH=src``) has no metadata, so
the version is read from the checkout's pyproject.toml; "0+unknown" if neither is there.
"""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "claimledger"
UNKNOWN = "0+unknown"
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"  # src/claimledger/ -> the checkout


def package_version() -> str:
    """The version from the package metadata, else from the source checkout's pyproject.toml."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return checkout_version(PYPROJECT)


def checkout_version(pyproject: Path) -> str:
    """``project.version`` of a claimledger pyproject.toml; UNKNOWN if it is missing or not ours."""
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return UNKNOWN
    if project.get("name") != DISTRIBUTION or not isinstance(project.get("version"), str):
        return UNKNOWN
    return project["version"]


__version__ = package_version()
