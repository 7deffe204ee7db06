"""The questions the API and the web page ask the ledger: one function per question.

Both faces call these functions and only render differently (JSON or HTML), so a page and its
API endpoint always show the same rows. Each function takes an open ``Ledger`` and plain
arguments and returns plain dicts and lists. Inputs arrive cleaned (``clean``): no unpaired
surrogates or NUL characters reach the database, and numbers are within the bounds the routes
declare, so no request can make a query fail.

Analysis results (figure groups, contested figures, merged entities, source grades) come from the
ledger's analysis methods; ``analysis`` adapts to what the ledger offers, so these functions answer
(with nothing found) on a ledger that has not been analysed.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from ..errors import ClaimLedgerError, LedgerError
from ..records import Document
from . import analysis

DEFAULT_PAGE = 50
MAX_PAGE = 200  # the largest page any list endpoint returns
MAX_OFFSET = 1_000_000_000  # far beyond any ledger, far below SQLite's integer range
MAX_MIXED_OFFSET = 10_000  # /claims without a kind merges three tables: deeper paging needs a kind
MAX_ID = 2**62
SEARCH_LIMIT = 100
CLAIM_KINDS = ("quote", "direct", "indirect", "attribution", "figure")
CLAIM_TYPES = ("quote", "attribution", "figure")
_TYPE_ORDER = {name: i for i, name in enumerate(CLAIM_TYPES)}


class NotFound(ClaimLedgerError):
    """What a request names does not exist (the faces answer 404)."""


class Invalid(ClaimLedgerError):
    """A request the ledger cannot answer as asked (the faces answer 422 with this message)."""


class Conflict(ClaimLedgerError):
    """A write that contradicts what is stored (the faces answer 409)."""


# -- input hygiene -------------------------------------------------------------------------------

_NUL = re.compile("\x00")


def clean(value: str | None) -> str | None:
    """A string safe to send to any database: unpaired surrogates become U+FFFD, NULs are dropped."""
    if value is None:
        return None
    value = value.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(value) else value
    return _NUL.sub("", value)


def _has_surrogate(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def blank_to_none(value: str | None) -> str | None:
    """Query parameters: an empty or all-space filter means no filter."""
    value = clean(value)
    return value if value and value.strip() else None


# -- pages ---------------------------------------------------------------------------------------


def page(rows: list[dict], limit: int, offset: int, total: int | None = None) -> dict:
    """``rows`` fetched with ``limit + 1`` cut to a page that says whether another follows."""
    more = len(rows) > limit
    return {
        "items": rows[:limit],
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if more else None,
        "total": total,
    }


# -- documents -----------------------------------------------------------------------------------


def documents_page(ledger, *, limit: int = DEFAULT_PAGE, offset: int = 0) -> dict:
    rows = ledger.documents(limit=limit + 1, offset=offset)
    return page(rows, limit, offset, total=ledger.stats()["documents"])


def find_document(ledger, ident: str | int) -> dict | None:
    """A document by row id or key (as ``Ledger.document``), None when there is none.

    A key made of digits that is not stored falls back to a row id; one too large for the
    database, or made of non-ASCII digits, simply names no document.
    """
    if isinstance(ident, str):
        ident = clean(ident)
        if not ident:
            return None
    try:
        return ledger.document(ident)
    except (ValueError, OverflowError):
        return None
    except LedgerError:
        if isinstance(ident, str) and ident.isdigit():
            return None
        raise


def document_detail(ledger, ident: str | int) -> dict:
    """A document with its text and every claim (figures carry their group id, when analysed)."""
    doc = find_document(ledger, ident)
    if doc is None:
        raise NotFound(f"no document {ident!s}")
    groups = analysis.figure_groups(ledger, doc)
    for fig in doc["figures"]:
        fig["group"] = groups.get(fig["id"])
    for name, kind in (("quotes", "quote"), ("attributions", "attribution"), ("figures", "figure")):
        for claim in doc[name]:
            claim["type"] = kind
            claim.setdefault("document", doc["key"])
            claim.setdefault("title", doc["title"])
    return doc


def add_document(ledger, *, title: str, text: str, url: str | None = None, outlet: str | None = None,
                 published: str | None = None) -> tuple[dict, bool]:
    """Ingest and extract one posted article; returns (its id and key, whether it is new).

    The key is derived from the text, so posting the same text twice stores it once and
    answers with the same document. A text already stored under another key is a Conflict.
    """
    key = "api-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    document = Document(id=key, text=text, source="api", title=title, url=url, outlet=outlet,
                        published=published)
    report = ledger.ingest([document])
    if report.failed:
        raise Invalid(str(report.failed[0]))
    stored = find_document(ledger, key)
    if stored is None:
        raise Conflict("this text is already in the ledger under another document id")
    return {"id": stored["id"], "key": stored["key"]}, report.stored > 0


# -- claims --------------------------------------------------------------------------------------


def claims_page(ledger, *, kind: str | None = None, speaker: str | None = None, claimant: str | None = None,
                category: str | None = None, q: str | None = None, document: str | None = None,
                limit: int = DEFAULT_PAGE, offset: int = 0) -> dict:
    """Quotes, attributions and figures of current documents in text order, one page of them.

    Filters narrow the kinds they apply to: ``speaker`` (a substring of a quote's speaker or an
    attribution's source) leaves out figures; ``claimant`` and ``category`` leave out quotes and
    attributions; ``kind`` is quote, direct, indirect, attribution or figure; ``q`` is a
    case-insensitive substring of the claim's text; ``document`` one document's id or key.
    """
    types = _types_for(kind, speaker=speaker, claimant=claimant, category=category)
    if len(types) > 1 and offset > MAX_MIXED_OFFSET:
        raise Invalid(f"offset beyond {MAX_MIXED_OFFSET} needs a kind (quote, attribution or figure)")
    doc_id = None
    if document is not None:
        doc = find_document(ledger, document)
        if doc is None:
            return page([], limit, offset)
        doc_id = doc["id"]
    # One table: the database pages. Several: take the first offset+limit+1 of each and merge.
    fetch_limit, fetch_offset = (limit + 1, offset) if len(types) == 1 else (offset + limit + 1, 0)
    common = {"document": doc_id, "limit": fetch_limit, "offset": fetch_offset, "text": q}
    rows: list[dict] = []
    if "quote" in types:
        quote_kind = kind if kind in ("direct", "indirect") else None
        rows += _typed(ledger.quotes(speaker=speaker, kind=quote_kind, **common), "quote")
    if "attribution" in types:
        rows += _typed(ledger.attributions(source=speaker, **common), "attribution")
    if "figure" in types:
        rows += _typed(ledger.figures(category=category, claimant=claimant, **common), "figure")
    if len(types) > 1:
        rows.sort(key=lambda r: (r["document_id"], r["start"], r["end"], _TYPE_ORDER[r["type"]], r["id"]))
        rows = rows[offset:]
    return page(rows, limit, offset)


def _types_for(kind: str | None, *, speaker, claimant, category) -> list[str]:
    if kind is None:
        types = list(CLAIM_TYPES)
    elif kind in ("direct", "indirect"):
        types = ["quote"]
    elif kind in CLAIM_TYPES:
        types = [kind]
    else:
        raise Invalid(f"kind must be one of {', '.join(CLAIM_KINDS)}, not {kind!r}")
    if speaker is not None:
        types = [t for t in types if t != "figure"]
    if claimant is not None or category is not None:
        types = [t for t in types if t == "figure"]
    return types


def _typed(rows: list[dict], kind: str) -> list[dict]:
    for row in rows:
        row["type"] = kind
    return rows


def figures_page(ledger, *, category: str | None = None, claimant: str | None = None, document: str | None = None,
                 limit: int = DEFAULT_PAGE, offset: int = 0) -> dict:
    """Figures with their claimants (one claims_page of kind figure)."""
    return claims_page(ledger, kind="figure", category=category, claimant=claimant, document=document,
                       limit=limit, offset=offset)


# -- entities ------------------------------------------------------------------------------------


def entities_page(ledger, *, name: str | None = None, label: str | None = None,
                  limit: int = DEFAULT_PAGE, offset: int = 0) -> dict:
    rows = analysis.entities(ledger, name=name, label=label, limit=limit + 1, offset=offset)
    return page(rows, limit, offset)


ENTITY_CLAIMS = 200  # claims of each type shown for an entity
ENTITY_SCAN = 2000  # substring matches read per name before the whole-word check


def entity_detail(ledger, entity_id: int) -> dict:
    """An entity with all that it said (quotes), is credited with (attributions) and claims (figures)."""
    entity = analysis.entity(ledger, entity_id)
    if entity is None:
        raise NotFound(f"no entity {entity_id}")
    for name in ("quotes", "attributions", "figures"):
        if name not in entity:
            entity[name] = _claims_by_names(ledger, name, _names_of(entity))
        _typed(entity[name], name[:-1])
    return entity


def _names_of(entity: dict) -> list[str]:
    names = [entity["name"], *entity.get("aliases", []), *entity.get("abbreviations", [])]
    seen: dict[str, str] = {}
    for name in names:
        if name and name.strip():
            seen.setdefault(name.strip().lower(), name.strip())
    return list(seen.values())


def _claims_by_names(ledger, table: str, names: list[str]) -> list[dict]:
    """Claims whose speaker/source/claimant names the entity: one of ``names`` as whole words
    ("US" finds "US officials", not "Russia"); each claim once, in text order."""
    found: dict[int, dict] = {}
    for name in names:
        whole = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        if table == "quotes":
            rows, who = ledger.quotes(speaker=name, limit=ENTITY_SCAN), "speaker"
        elif table == "attributions":
            rows, who = ledger.attributions(source=name, limit=ENTITY_SCAN), "source"
        else:
            rows, who = ledger.figures(claimant=name, limit=ENTITY_SCAN), "claimant"
        for row in rows:
            if whole.search(row.get(who) or ""):
                found.setdefault(row["id"], row)
    ordered = sorted(found.values(), key=lambda r: (r["document_id"], r["start"], r["id"]))
    return ordered[:ENTITY_CLAIMS]


# -- analysis: contested figures and groups ------------------------------------------------------


def contested_page(ledger, *, category: str | None = None, limit: int = DEFAULT_PAGE, offset: int = 0) -> dict:
    """Contested figure groups, biggest first, each with every claimant's figure and low/best/high."""
    groups = analysis.contested(ledger, category=category, limit=limit + 1, offset=offset)
    return page(groups, limit, offset)


def group_detail(ledger, group_id: int) -> dict:
    """One figure group: every claimant's value, low/best/high, and its timeline."""
    group = analysis.group(ledger, group_id)
    if group is None:
        raise NotFound(f"no figure group {group_id}")
    return group


def grade_source(ledger, source: str, reliability: str) -> dict:
    """Set a source's reliability (Admiralty A-F); ``source`` names an entity or an outlet."""
    try:
        return analysis.grade(ledger, source, reliability)
    except analysis.Rejected as exc:  # no source can be made of the name
        raise NotFound(str(exc)) from None


# -- search and home -----------------------------------------------------------------------------


def search(ledger, query: str, *, limit: int = 20, marks: tuple[str, str] | None = None) -> list[dict]:
    options: dict[str, Any] = {"limit": limit}
    if marks is not None:
        options["marks"] = marks
    return ledger.search(query, **options)


HOME_GROUPS = 10


def overview(ledger) -> dict:
    """What the home page shows: the ledger's counts and its most contested figures."""
    contested = analysis.contested(ledger, limit=HOME_GROUPS + 1)
    return {
        "stats": ledger.stats(),
        "contested": contested[:HOME_GROUPS],
        "more_contested": len(contested) > HOME_GROUPS,
        "analysed": analysis.available(ledger),
    }
