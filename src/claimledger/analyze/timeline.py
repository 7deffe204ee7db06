"""Timeline: a group's figures in the order the world saw them, so a user sees an estimate move.

Why: a death toll is revised, an official's count follows a ministry's; read in time order the
group shows who said what first and how the number changed. Time is the document's published
date; else the date the document states of itself (its dateline or title, as the analysis read it,
when that names a year); else when it was ingested, the last resort. ``time_source`` says which
(published | dateline | ingested); within one time, the figure's position in its document orders.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class TimelineEntry:
    """One figure of a group at its point in time."""

    time: str | None
    time_source: str  # published | dateline | ingested
    figure: int
    document: str
    outlet: str | None
    claimant: str | None
    low: float | None
    high: float | None
    qualifier: str | None
    category: str
    text: str
    change: float | None  # difference from this claimant's previous figure in the group, if any
    admiralty: str
    revises: int | None = None  # the earlier figure (of another report by this claimant or outlet) it revises

    @property
    def revision(self) -> bool:
        return self.revises is not None

    def to_dict(self) -> dict:
        return {**asdict(self), "revision": self.revision}


def when(row: dict) -> tuple[str, str]:
    """When the world saw a row's document, and how that is known (published | dateline | ingested)."""
    if row.get("published"):
        return row["published"], "published"
    if row.get("dated") and not row["dated"].startswith("--"):  # a day without a year cannot be placed
        return row["dated"], "dateline"
    return row.get("ingested_at") or "", "ingested"


def build(rows: list[dict]) -> list[TimelineEntry]:
    """Entries from figure rows (dicts with published, dated, ingested_at, document, figure fields), in time order."""
    ordered = sorted(rows, key=lambda r: (when(r)[0], r["document_id"], r["start"], r["id"]))
    last: dict[str, float] = {}
    earlier: list[dict] = []
    entries = []
    for row in ordered:
        time, source = when(row)
        who = row.get("source") or row.get("claimant") or ""
        change = None
        if row.get("low") is not None and who in last:
            change = row["low"] - last[who]
        if row.get("low") is not None:
            last[who] = row["low"]
        entries.append(TimelineEntry(
            time=time or None, time_source=source, figure=row["id"], document=row["document"],
            outlet=row.get("outlet"), claimant=row.get("claimant"), low=row.get("low"), high=row.get("high"),
            qualifier=row.get("qualifier"), category=row.get("measure") or row.get("category"), text=row["text"],
            change=change, admiralty=row.get("admiralty") or "F6", revises=revised(row, earlier),
        ))
        earlier.append(row)
    return entries


def revised(row: dict, earlier: list[dict]) -> int | None:
    """The latest earlier figure this one revises: of the same measure, in another report by the same
    claimant or outlet, with another value (``contest.revision``: a revision is no contest)."""
    for old in reversed(earlier):
        same = (old.get("source") and old.get("source") == row.get("source")) or \
            (old.get("outlet") and old.get("outlet") == row.get("outlet"))
        if same and old["document_id"] != row["document_id"] and old.get("low") is not None \
                and row.get("low") is not None and (old.get("measure") or old.get("category")) == \
                (row.get("measure") or row.get("category")) and (old["low"], old.get("high")) != (row["low"], row.get("high")):
            return old["id"]
    return None
