"""Request and response bodies of the REST API (they are also its OpenAPI schema).

Response objects allow extra fields: the ledger may add columns (e.g. analysis results) and
clients should ignore what they do not know.
"""

from __future__ import annotations

from dataclasses import MISSING, fields as dataclass_fields
from typing import Generic, Literal, TypeVar, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator

from .. import records
from ..analyze.contest import LISTED_FIGURES

MAX_TITLE = 1_000
MAX_TEXT = 200_000  # characters of article text accepted by POST /api/documents
MAX_FIELD = 2_000

T = TypeVar("T")
# A value as the record format prints it: 500, not 500.0 (pydantic turns an int into a float for a
# ``float`` field), so the API shows the same numbers as the CLI's JSON and the exports.
Number = int | float


def _numbers(hint):
    """A record field's type with ``float`` read as ``Number`` (whole values stay ints)."""
    if hint is float:
        return Number
    if hint == float | None:
        return Number | None
    return hint


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Page(BaseModel, Generic[T]):
    """One page of a list: ``next_offset`` is where the next page starts, null on the last page."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None = None
    total: int | None = Field(None, description="Rows in the whole list, when known.")


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    version: str
    read_only: bool = Field(description="True when the server has no CLAIMLEDGER_TOKEN and refuses writes.")
    documents: int
    analysis: bool = Field(description="True when the ledger provides figure groups and contested figures.")


class Problem(BaseModel):
    """An error: ``detail`` says what went wrong in one sentence."""

    detail: str


class ValidationProblem(BaseModel):
    """Invalid input: ``detail`` names each bad field and why; ``errors`` has them one by one."""

    detail: str
    errors: list[dict] = []


class DocumentSummary(Open):
    id: int
    key: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    revision: int
    chars: int
    quotes: int
    attributions: int
    figures: int


class ClaimBase(Open):
    """What every claim row has besides its record fields: its row, its document."""

    id: int
    document_id: int
    document: str | None = Field(None, description="The document's key.")
    title: str | None = None


# The claim models are derived from the record types (``claimledger.records``), so a field is
# declared once: what the extractors emit, the ledger stores and the API shows.
DESCRIPTIONS = {
    "start": "Offset of the claim's first character in the document text.",
    "end": "Offset just after its last character (Python str offsets).",
    "kind": "direct (in quotation marks) or indirect (reported speech).",
}


def claim_model(record_type: type, kind: str, **extra) -> type[ClaimBase]:
    """A response model with every field of ``record_type`` (same types and defaults), its
    ``type`` tag and ``extra`` fields, on top of the row fields every claim has."""
    hints = get_type_hints(record_type)
    fields: dict = {"type": (Literal[kind], kind)}  # type: ignore[valid-type]
    for f in dataclass_fields(record_type):
        default = f.default if f.default is not MISSING else (None if "None" in str(hints[f.name]) else ...)
        fields[f.name] = (_numbers(hints[f.name]), Field(default, description=DESCRIPTIONS.get(f.name)))
    return create_model(record_type.__name__, __base__=ClaimBase, **fields, **extra)


Quote = claim_model(
    records.Quote, "quote",
    outlets=(int | None, Field(None, description="Independent outlets carrying the same words from the same speaker "
                                                 "(reprints counted once), once analysed.")),
    first_document=(str | None, Field(None, description="Key of the document where those words were first seen.")),
    first_seen=(str | None, Field(None, description="When they were first seen (publication time, else ingest).")))
Attribution = claim_model(records.Attribution, "attribution")
Figure = claim_model(records.Figure, "figure", group=(
    int | None, Field(None, description="The figure group it belongs to, once analysed.")))


Claim = Quote | Attribution | Figure


class Reference(Open):
    """A phrase that points back to a figure of its document ("the 36", "all four": ``records.Reference``):
    no new figure, but the same quantity, so it shows the figure's group."""

    id: int
    start: int
    end: int
    text: str
    low: Number
    high: Number
    figure: dict = Field(description="The figure it points back to: its id, start, end and text.")
    group: int | None = Field(None, description="That figure's group, once analysed.")


class TallyClaim(Open):
    """One claimant's account of a tally (``records.TallyClaim``)."""

    claimant: str | None = None
    low: Number
    high: Number
    stance: str = "asserts"
    spans: list[list[int]] = Field([], description="[start, end] of each counted mention in the document text.")


class Tally(Open):
    """A casualty tally (``records.Tally``) with its row, its document and every claimant's account."""

    id: int
    document_id: int
    document: str | None = Field(None, description="The document's key.")
    title: str | None = None
    published: str | None = None
    category: str = Field(description="deaths, injuries, casualties, detained or missing.")
    group: str = Field(description="civilians, armed groups, security forces or unspecified.")
    side: str | None = None
    low: Number = Field(description="The least any asserting account supports.")
    high: Number = Field(description="The most any account says.")
    place: str | None = None
    date: str | None = None
    claims: list[TallyClaim] = []


class TallyTotal(Open):
    """Tallies totalled per place, date, group or claimant."""

    by: Literal["place", "date", "group", "claimant"]
    key: str | None = None
    low: Number = Field(description="Sum of the lows (by claimant: of that claimant's accounts).")
    high: Number = Field(description="Sum of the highs.")
    tallies: int
    documents: int
    document_keys: list[str]


def record_model(record_type: type, **descriptions: str) -> type[Open]:
    """A response model with every field of a record type (same types and defaults)."""
    hints = get_type_hints(record_type)
    fields: dict = {}
    for f in dataclass_fields(record_type):
        default = f.default if f.default is not MISSING else [] if f.default_factory is not MISSING else ...
        fields[f.name] = (_numbers(hints[f.name]), Field(default, description=descriptions.get(f.name)))
    return create_model(record_type.__name__, __base__=Open, **fields)


Incident = record_model(
    records.Incident, what="The kind of event (attack, crash, outbreak ...), null when no report says.",
    first="The earliest day its counts refer to (ISO).", last="The latest day its counts refer to (ISO).",
    reports="Its documents in publication order (time, and time_source: published | dateline | ingested).",
    groups="Its figure groups, one per category; in a list as summaries, alone with figures and timeline "
           "(each figure's ``revises``: the figure it revises; ``contest``: another claimant disagrees).")


class DocumentDetail(DocumentSummary):
    text: str
    quotes: list[Quote]  # type: ignore[assignment]
    attributions: list[Attribution]  # type: ignore[assignment]
    figures: list[Figure]  # type: ignore[assignment]
    references: list[Reference] = []
    tallies: list[Tally] = []
    entities: list[dict]
    revisions: list[dict]


class Entity(Open):
    id: int
    name: str
    aliases: list[str] = []
    titles: list[str] = []


class EntityDetail(Entity):
    quotes: list[Quote] = []
    attributions: list[Attribution] = []
    figures: list[Figure] = []


class Group(Open):
    id: int
    category: str | None = None
    subject: str | None = None
    contested: bool = False
    low: Number | None = None
    best: Number | None = None
    high: Number | None = None
    figure_count: int | None = Field(None, description="How many figures the group holds; a list of groups "
                                     f"shows the first of each claimant's value, at most {LISTED_FIGURES} (GET /api/groups/ID: all).")
    figures: list[dict] = []


class GroupDetail(Group):
    timeline: list[dict] = []
    references: list[dict] = Field([], description="Phrases that point back to one of its figures (\"the eight\"): "
                                   "the same quantity named again, not counted again.")


class SearchHit(Open):
    kind: str
    id: int
    document: str | None = None
    document_id: int | None = None
    title: str | None = None
    who: str | None = None
    snippet: str | None = None
    score: float | None = None


def _no_surrogates(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("contains an unpaired surrogate (not valid Unicode text)") from None
    return value


NO_NUL = r"^[^\x00]*$"  # text with a NUL character cannot be stored in every database
SOME_TEXT = r"^[^\x00]*[^\s\x00][^\x00]*$"  # ... and not only white space


class NewDocument(BaseModel):
    """An article to ingest: its claims are extracted before the answer comes back."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=MAX_TITLE, pattern=NO_NUL)
    text: str = Field(min_length=1, max_length=MAX_TEXT, pattern=SOME_TEXT,
                      description="The article's plain text (not only white space; no NUL characters).")
    url: str | None = Field(None, max_length=MAX_FIELD, pattern=NO_NUL)
    outlet: str | None = Field(None, max_length=MAX_FIELD, pattern=NO_NUL)
    published: str | None = Field(None, max_length=64, pattern=NO_NUL,
                                  description="Publication date, ideally ISO 8601.")

    @field_validator("title", "text", "url", "outlet", "published")
    @classmethod
    def _valid_text(cls, value: str | None) -> str | None:
        return _no_surrogates(value)


class Created(BaseModel):
    id: int
    key: str


class GradeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reliability: Literal["A", "B", "C", "D", "E", "F"] = Field(
        description="Admiralty source reliability: A completely reliable ... E unreliable, F cannot be judged."
    )


class Grade(Open):
    source: str
    reliability: str
