"""How hard the reliability tests push: small counts in CI, full counts with CLAIMLEDGER_FULL_RELIABILITY=1.

The full run (>= 10,000 generated inputs, >= 20 kill -9 rounds):

    CLAIMLEDGER_FULL_RELIABILITY=1 bash scripts/test.sh tests/reliability

Tallies are kept here and printed at the end of the run (see conftest.py).
"""

from __future__ import annotations

import os
from collections import Counter

FULL = os.environ.get("CLAIMLEDGER_FULL_RELIABILITY") == "1"
TALLY: Counter = Counter()  # "fuzz inputs", "kill -9 rounds", "api requests", ...


def scaled(ci: int, full: int) -> int:
    """``full`` in the full run, ``ci`` otherwise."""
    return full if FULL else ci


def fuzz_settings(ci: int, full: int, **extra):
    """Hypothesis settings: ``ci``/``full`` examples, no deadline; CI runs are derandomized (repeatable)."""
    from hypothesis import HealthCheck, settings

    return settings(
        max_examples=scaled(ci, full),
        deadline=None,
        derandomize=not FULL,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                               HealthCheck.function_scoped_fixture, HealthCheck.large_base_example],
        **extra,
    )


def count(what: str, n: int = 1) -> None:
    TALLY[what] += n
