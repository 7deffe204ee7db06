"""Plain records at the library's boundary: what readers produce and extractors emit.

Field names follow the extraction record format (docs/record-format.md), so a record's
``to_dict()`` is exactly one JSONL line of ``claimledger extract``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class Document:
    """One article as a reader found it, before any parsing."""

    id: str
    text: str
    source: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    author: str | None = None


@dataclass
class Quote:
    """Words credited to a speaker: inside quotation marks (direct) or a reported clause (indirect)."""

    kind: str  # "direct" | "indirect"
    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_title: str | None = None
    cue: str | None = None


@dataclass
class Attribution:
    """Content credited to a source without a speaking verb ("according to X")."""

    start: int
    end: int
    text: str
    source: str | None = None
    cue: str | None = None


@dataclass
class Figure:
    """A number that states an amount of something in the world, with who claims it."""

    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    qualifier: str | None = None
    unit: str | None = None
    category: str = "other"
    subject: str | None = None
    period: str | None = None
    claimant: str | None = None
    stance: str = "asserts"
    vague: bool = False


@dataclass
class Reference:
    """A definite phrase that counts again what a figure already counted ("the 36", "all four", "the
    three officers"): no figure (it states no new amount) but the same quantity as ``figure``, the
    earlier figure it points back to (its ``start``, ``end`` and ``text``), so it joins that figure's group."""

    start: int
    end: int
    text: str
    low: float
    high: float
    figure: dict[str, Any] = field(default_factory=dict)


@dataclass
class TallyClaim:
    """One claimant's account of a tally: how many, by whose word, and the words counted."""

    claimant: str | None
    low: float
    high: float
    stance: str = "asserts"
    spans: list[list[int]] = field(default_factory=list)


@dataclass
class Tally:
    """People killed, injured, detained or missing in one incident, as casualty recorders count.

    ``low`` is the least any asserting account supports (denied or disputed accounts stay in
    ``claims`` and do not raise it); ``high`` the most any account says.
    """

    category: str  # deaths | injuries | casualties | detained | missing
    group: str  # civilians | armed groups | security forces | unspecified
    low: float
    high: float
    side: str | None = None
    place: str | None = None
    date: str | None = None
    claims: list[TallyClaim] = field(default_factory=list)


@dataclass
class Incident:
    """One event (an attack, a crash, an outbreak ...) at one place over a few days, as the ledger's
    reports tell of it: its reports in publication order, its tallies and its figure groups.

    ``what`` is the event's kind, read from the words around its counts (``extract.tally_words.EVENT_KINDS``);
    ``first``/``last`` the earliest and latest day its counts refer to (ISO). Tallies and groups keep
    their categories apart: the casualties, deaths and injuries of one incident are separate groups.
    """

    id: int
    what: str | None
    place: str | None
    first: str | None
    last: str | None
    contested: bool = False  # a group of it has claimants who disagree (revisions are no contest)
    reports: list[dict] = field(default_factory=list)  # its documents, in publication order
    tallies: list[dict] = field(default_factory=list)
    groups: list[dict] = field(default_factory=list)


@dataclass
class Entity:
    """A named person or organisation mentioned in a document, with the other names it goes by."""

    name: str
    label: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)


@dataclass
class Record:
    """Everything extracted from one document: the unit of ``claimledger extract`` output."""

    id: str
    source: str
    text: str
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    tallies: list[Tally] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record-format JSON object (numbers that are whole print without ``.0``)."""
        data = asdict(self)
        for item in data["figures"] + data["references"] + data["tallies"] + [c for t in data["tallies"] for c in t["claims"]]:
            for key in ("low", "high"):
                item[key] = whole(item[key])
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Record":
        """Rebuild a record from its JSON form (the inverse of ``to_dict``)."""
        return cls(
            id=str(data["id"]),
            source=data.get("source", ""),
            text=data["text"],
            quotes=[Quote(**q) for q in data.get("quotes", [])],
            attributions=[Attribution(**a) for a in data.get("attributions", [])],
            figures=[Figure(**f) for f in data.get("figures", [])],
            entities=[Entity(**e) for e in data.get("entities", [])],
            tallies=[tally_from_dict(t) for t in data.get("tallies", [])],
            references=[Reference(**r) for r in data.get("references", [])],
            title=data.get("title"),
            url=data.get("url"),
            outlet=data.get("outlet"),
            published=data.get("published"),
        )


def field_names(record_type: type) -> tuple[str, ...]:
    """The fields of a record type, in declaration order: what the ledger's claim columns, the API
    models and the export columns are derived from, so a field is declared once, here."""
    return tuple(f.name for f in fields(record_type))


def tally_from_dict(data: dict[str, Any]) -> Tally:
    """A tally from its JSON form, claims included."""
    values = {k: v for k, v in data.items() if k != "claims"}
    return Tally(**values, claims=[TallyClaim(**c) for c in data.get("claims", [])])


def whole(value: Any) -> Any:
    """A whole float as an int (12000.0 -> 12000), anything else as it is: every face and export prints
    numbers as the record format does, so one value never reads "500" in one place and "500.0" in another."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def wholes(value: Any) -> Any:
    """``whole`` through a row, a list of rows (a tally's claims) or a plain value."""
    if isinstance(value, dict):
        return {key: wholes(item) for key, item in value.items()}
    if isinstance(value, list):
        return [wholes(item) for item in value]
    return whole(value)


def number_text(value: Any, missing: str = "") -> str:
    """A value as people read it: '12,000', '2.5'; ``missing`` for None, other values as text."""
    if value is None:
        return missing
    value = whole(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return f"{value:,}"


def value_text(item: dict[str, Any]) -> str:
    """A figure's, tally's or claim's value as people read it: 'almost 12,000' or '200 – 300' ('?' for a
    missing bound). One wording for the terminal, the web page and the charts."""
    low, high = item.get("low"), item.get("high")
    text = number_text(low, "?") if high is None or low == high else f"{number_text(low, '?')} – {number_text(high, '?')}"
    return f"{item['qualifier']} {text}" if item.get("qualifier") else text
