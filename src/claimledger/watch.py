"""Watching feeds: poll them every so often and ingest what is new or changed.

Why in the library: the loop (poll, ingest, wait) is the same for the CLI and for a service that
embeds claimledger; the face only says what to print after each round.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from .errors import InputError
from .facade import Ledger
from .ledger import IngestReport


def watch(
    ledger: Ledger,
    feeds: list[str],
    *,
    interval: float = 900,
    rounds: int | None = None,
    batch_size: int = 32,
    max_bytes: int | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_round: Callable[[int, IngestReport], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Poll ``feeds`` (feed URLs, .feeds lists or feed files) every ``interval`` seconds, ingesting new
    and changed entries; stops after ``rounds`` polls (None: until interrupted). Returns rounds done."""
    done = 0
    while rounds is None or done < rounds:
        if done:
            sleep(interval)
        report = ledger.ingest(feeds, batch_size=batch_size, max_bytes=max_bytes, on_error=on_error)
        done += 1
        if on_round is not None:
            on_round(done, report)
    return done
