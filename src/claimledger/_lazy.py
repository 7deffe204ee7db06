"""``lazy("claimledger.x")``: a module imported when first used, not when its importer is.

Why: a read-only command must answer in a blink, so what it does not use must not load: the CLI
lists every command without the database layer, and ``Ledger`` reads a SQLite ledger without
SQLAlchemy (~0.25 s to import), which it loads only to write, migrate or analyse.
``tests/test_layers.py`` checks every ``lazy(...)`` like an import (layers, cycles).

A proxy rather than ``importlib.util.LazyLoader``: the import happens through ``importlib``, whose
per-module lock makes a first use from two threads at once (the API server's) safe.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands for module ``name``; the first attribute looked up imports it."""

    __slots__ = ("_name", "_module")

    def __init__(self, name: str):
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        module = self._module
        if module is None:
            module = self._module = importlib.import_module(self._name)
        return getattr(module, attribute)

    def __repr__(self) -> str:
        state = "loaded" if self._module is not None else "not loaded yet"
        return f"<lazy module {self._name!r} ({state})>"


def lazy(name: str) -> Any:
    """Module ``name`` (absolute), imported on first attribute access."""
    return LazyModule(name)
