"""Watching feeds: poll, ingest what is new, wait, again (claimledger.watch), on a real feed file."""

from __future__ import annotations

import json

from claimledger import Ledger
from claimledger.watch import watch

from _bundled import CORPUS  # noqa: E402


def rss(rows: list[dict]) -> bytes:
    items = "".join(
        f"<item><title>{row['title']}</title><link>{row['url']}</link><description><![CDATA[<p>{row['text']}</p>]]>"
        f"</description></item>" for row in rows)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wikinews</title>{items}</channel></rss>'.encode()


def test_watch_ingests_new_entries_once_and_waits_between_polls(tmp_path):
    lines = (CORPUS / "wikinews" / "wikinews-2019-2020.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines[:2]]
    feed = tmp_path / "news.rss"
    feed.write_bytes(rss(rows[:1]))
    slept: list[float] = []
    seen: list[tuple[int, int, int]] = []

    def on_round(number, report):
        seen.append((number, report.added, report.unchanged))
        if number == 2:  # the feed gains an entry between the second and the third poll
            feed.write_bytes(rss(rows))

    with Ledger(tmp_path / "watched.db") as ledger:
        done = watch(ledger, [str(feed)], interval=7, rounds=3, on_round=on_round, sleep=slept.append)
        assert ledger.stats()["documents"] == 2
    assert done == 3
    assert seen == [(1, 1, 0), (2, 0, 1), (3, 1, 1)]
    assert slept == [7, 7]  # no wait before the first poll, none after the last
