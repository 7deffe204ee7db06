"""Reliability tests: fuzzing, kill -9, concurrent ingests and API load. Prints what was tried at the end."""

from __future__ import annotations

from ._budget import FULL, TALLY


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # noqa: ARG001
    if not TALLY:
        return
    mode = "full counts" if FULL else "CI counts; CLAIMLEDGER_FULL_RELIABILITY=1 for the full run"
    parts = ", ".join(f"{what}: {n:,}" for what, n in sorted(TALLY.items()))
    terminalreporter.write_sep("-", f"reliability ({mode}): {parts}")
