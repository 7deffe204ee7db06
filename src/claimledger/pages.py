"""The answers every face shows, in pages: one function per question, for the CLI, the API and the web.

Each function takes an open ``Ledger`` and plain arguments and returns plain dicts, so a CLI listing,
an API endpoint and a web page show the same rows with the same fields. Lists come as a page:
``{"items", "limit", "offset", "next_offset", "total"}`` (``next_offset`` null on the last page).
Inputs arrive cleaned (``clean``): no unpaired surrogates or NUL characters reach the database.
"""

from __future__ import annotations

import hashlib
import re

from .analyze.contest import LISTED_FIGURES
from .errors import Conflict, Invalid, LedgerError, NotFound, Rejected
from .facade import Ledger
from .records import Document

DEFAULT_PAGE = 50
MAX_PAGE = 200  # the largest page any list endpoint returns
MAX_OFFSET = 1_000_000_000  # far beyond any ledger, far below SQLite's integer range
MAX_MIXED_OFFSET = 10_000  # claims without a kind merge three tables: deeper paging needs a kind
MAX_ID = 2**62
SEARCH_LIMIT = 100
SEARCH_MAX_OFFSET = 1_000  # search ranks every hit up to offset + limit (with snippets): a deep page costs
HOME_GROUPS = 10
HOME_INCIDENTS = 10
_ISO_DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
CLAIM_KINDS = ("quote", "direct", "indirect", "attribution", "figure")
CLAIM_TYPES = ("quote", "attribution", "figure")
_TYPE_ORDER = {name: i for i, name in enumerate(CLAIM_TYPES)}

# -- input hygiene -------------------------------------------------------------------------------

_NUL = re.compile("\x00")


def clean(value: str | None) -> str | None:
    """A string safe to send to any database: unpaired surrogates become "?", NULs are dropped."""
    if value is None:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-8", "replace").decode("utf-8")
    return _NUL.sub("", value)


def blank_to_none(value: str | None) -> str | None:
    """Filters: an empty or all-space filter means no filter."""
    value = clean(value)
    return value if value and value.strip() else None


def page(rows: list[dict], limit: int, offset: int, total: int | None = None) -> dict:
    """``rows`` fetched with ``limit + 1`` cut to a page that says whether another follows."""
    more = len(rows) > limit
    return {"items": rows[:limit], "limit": limit, "offset": offset,
            "next_offset": offset + limit if more else None, "total": total}


# -- documents -----------------------------------------------------------------------------------


def documents_page(ledger: Ledger, *, limit: int = DEFAULT_PAGE, offset: int = 0) -> dict:
    rows = ledger.documents(limit=limit + 1, offset=offset)
    return page(rows, limit, offset, total=ledger.stats()["documents"])


def find_document(ledger: Ledger, ident: str | int) -> dict | None:
    """A document by row id or key (as ``Ledger.document``), None when there is none; a key of
    digits too large for the database, or of non-ASCII digits, simply names no document."""
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


def document_detail(ledger: Ledger, ident: str | int) -> dict:
    """A document with its text and every claim, each marked with its type (figures with their group)."""
    doc = find_document(ledger, ident)
    if doc is None:
        raise NotFound(f"no document {ident!s}")
    for name, kind in (("quotes", "quote"), ("attributions", "attribution"), ("figures", "figure")):
        for claim in doc[name]:
            claim["type"] = kind
            claim.setdefault("document", doc["key"])
            claim.setdefault("title", doc["title"])
    return doc


def add_document(ledger: Ledger, *, title: str, text: str, url: str | None = None, outlet: str | None = None,
                 published: str | None = None) -> tuple[dict, bool]:
    """Ingest and extract one posted article; returns (its id and key, whether it is new).

    The key is derived from the text, so posting the same text twice stores it once and answers
    with the same document. A text already stored under another key is a ``Conflict``.
    """
    key = "api-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    document = Document(id=key, text=text, source="api", title=title, url=url, outlet=outlet, published=published)
    report = ledger.ingest([document])
    if report.failed:
        raise Invalid(str(report.failed[0]))
    stored = find_document(ledger, key)
    if stored is None:
        raise Conflict("this text is already in the ledger under another document id")
    return {"id": stored["id"], "key": stored["key"]}, report.stored > 0


# -- claims --------------------------------------------------------------------------------------


def claims_page(ledger: Ledger, *, kind: str | None = None, speaker: str | None = None,
                claimant: str | None = None, category: str | None = None, q: str | None = None,
                document: str | None = None, limit: int = DEFAULT_PAGE, offset: int = 0) -> dict:
    """Quotes, attributions and figures of current documents in text order, one page of them.

    ``speaker`` (a substring of a quote's speaker or an attribution's source) leaves out figures;
    ``claimant`` and ``category`` leave out quotes and attributions; ``kind`` is quote, direct,
    indirect, attribution or figure; ``q`` a case-insensitive substring of the claim's text;
    ``document`` one document's id or key.
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


def quotes_page(ledger: Ledger, *, speaker: str | None = None, kind: str | None = None,
                limit: int = DEFAULT_PAGE, offset: int = 0) -> dict:
    """Quotes (direct, indirect or both), optionally by speaker (one claims_page of kind quote)."""
    return claims_page(ledger, kind=kind or "quote", speaker=speaker, limit=limit, offset=offset)


def figures_page(ledger: Ledger, *, category: str | None = None, claimant: str | None = None,
                 document: str | None = None, limit: int = DEFAULT_PAGE, offset: int = 0) -> dict:
    """Figures with their claimants and group ids (one claims_page of kind figure)."""
    return claims_page(ledger, kind="figure", category=category, claimant=claimant, document=document,
                       limit=limit, offset=offset)


def tallies_page(ledger: Ledger, *, category: str | None = None, group: str | None = None, by: str | None = None,
                 limit: int = DEFAULT_PAGE, offset: int = 0) -> dict:
    """Casualty tallies with their claims and documents, or (``by``) totals per place, date, group or
    claimant with the documents' keys; a ``by`` outside those is ``Invalid``."""
    try:
        rows = ledger.tallies(category=category, group=group, by=by, limit=limit + 1, offset=offset)
    except Rejected as exc:
        raise Invalid(str(exc)) from None
    return page(rows, limit, offset)


# -- entities, groups, grades --------------------------------------------------------------------


def entities_page(ledger: Ledger, *, name: str | None = None, label: str | None = None,
                  limit: int = DEFAULT_PAGE, offset: int = 0) -> dict:
    """People and organisations merged across documents, most documents first."""
    rows = ledger.merged_entities(name=name, type=label, limit=limit + 1, offset=offset)
    return page(rows, limit, offset)


def entity_detail(ledger: Ledger, entity_id: int) -> dict:
    """An entity with all that it said (quotes), is credited with (attributions) and claims (figures)."""
    entity = ledger.entity(entity_id)
    if entity is None:
        raise NotFound(f"no entity {entity_id}")
    for name in ("quotes", "attributions", "figures"):
        _typed(entity[name], name[:-1])
    return entity


def contested_page(ledger: Ledger, *, category: str | None = None, include_all: bool = False,
                   limit: int = DEFAULT_PAGE, offset: int = 0, per_group: int | None = None) -> dict:
    """Contested figure groups, biggest first, each with low/best/high and each claimant's value: at most
    ``per_group`` figures (None: ``LISTED_FIGURES``; 0: all)."""
    shown = LISTED_FIGURES if per_group is None else per_group or None
    groups = ledger.contested(category=category, include_all=include_all, limit=limit + 1, offset=offset,
                              per_group=shown)
    return page(groups, limit, offset)


def group_detail(ledger: Ledger, group_id: int) -> dict:
    """One figure group: every claimant's value, low/best/high, and its timeline."""
    group = ledger.group(group_id)
    if group is None:
        raise NotFound(f"no figure group {group_id} (see 'claimledger contested --all' for group ids)")
    return group


def incidents_page(ledger: Ledger, *, place: str | None = None, since: str | None = None,
                   limit: int = DEFAULT_PAGE, offset: int = 0) -> dict:
    """Incidents, latest first: what, where, when, their reports, tallies and groups (as summaries);
    ``since`` is an ISO day (or year, or month) and anything else is ``Invalid``."""
    if since is not None and not _ISO_DAY.fullmatch(since):
        raise Invalid(f"since must be an ISO date such as 2020-01-31, not {since!r}")
    rows = ledger.incidents(place=place, since=since, limit=limit + 1, offset=offset)
    return page(rows, limit, offset)


def incident_detail(ledger: Ledger, incident_id: int) -> dict:
    """One incident: its reports in publication order, tallies, and groups with each claimant's value,
    revisions and contests marked."""
    found = ledger.incident(incident_id)
    if found is None:
        raise NotFound(f"no incident {incident_id} (see 'claimledger incidents' for incident ids)")
    return found


def grade_source(ledger: Ledger, source: str, reliability: str) -> dict:
    """Set a source's reliability (Admiralty A-F); a name no source can be made of is NotFound."""
    try:
        return ledger.grade(source, reliability)
    except Rejected as exc:
        raise NotFound(str(exc)) from None


# -- search and home -----------------------------------------------------------------------------


def search_page(ledger: Ledger, query: str, *, limit: int = 20, offset: int = 0,
                marks: tuple[str, str] | None = None) -> dict:
    """Full-text hits, best first, one page of them with the total."""
    if offset > SEARCH_MAX_OFFSET:
        raise Invalid(f"search pages end at offset {SEARCH_MAX_OFFSET}; narrow the query to see more")
    options = {} if marks is None else {"marks": marks}
    rows = ledger.search(query, limit=limit + 1, offset=offset, **options)
    return page(rows, limit, offset, total=ledger.search_total(query))


def overview(ledger: Ledger) -> dict:
    """What the home page shows: the ledger's counts and its most contested figures."""
    contested = ledger.contested(limit=HOME_GROUPS + 1)
    incidents = ledger.incidents(limit=HOME_INCIDENTS + 1)
    return {"stats": ledger.stats(), "contested": contested[:HOME_GROUPS],
            "more_contested": len(contested) > HOME_GROUPS, "analysed": True,
            "incidents": incidents[:HOME_INCIDENTS], "more_incidents": len(incidents) > HOME_INCIDENTS}
