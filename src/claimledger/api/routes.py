"""The REST endpoints: each one checks its input, calls one function of ``claimledger.pages`` and returns JSON.

Endpoints are plain ``def``: FastAPI runs them in its thread pool, so a slow query or an ingest
never blocks the event loop.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .. import __version__, pages
from ..analyze.contest import LISTED_FIGURES
from ..facade import Ledger
from .models import (
    Attribution, Created, DocumentDetail, DocumentSummary, Entity, EntityDetail, Figure, Grade, GradeIn, Group,
    GroupDetail, Health, Incident, NewDocument, Page, Problem, Quote, SearchHit, Tally, TallyTotal, ValidationProblem,
)
from ..pages import DEFAULT_PAGE, MAX_ID, MAX_MIXED_OFFSET, MAX_OFFSET, MAX_PAGE, blank_to_none, clean

ERRORS = {422: {"model": ValidationProblem, "description": "Invalid input"}}
NOT_FOUND = {404: {"model": Problem, "description": "Not found"}}
WRITE_ERRORS = {
    400: {"model": Problem, "description": "Malformed request (e.g. a Content-Length that is not a number)"},
    401: {"model": Problem, "description": "Missing or wrong bearer token"},
    403: {"model": Problem, "description": "The server is read-only (started without a token)"},
    413: {"model": Problem, "description": "Request body too large"},
}

router = APIRouter(prefix="/api", responses=ERRORS)
bearer = HTTPBearer(auto_error=False, description="The server's CLAIMLEDGER_TOKEN.")

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size (at most {MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
Filter = Annotated[str | None, Query(max_length=500)]
IdPath = Annotated[int, Path(ge=1, le=MAX_ID)]


def settings(request: Request):
    return request.app.state.settings


def ledger(request: Request) -> Ledger:
    return request.app.state.settings.ledger


def require_token(request: Request,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """Writes: 403 on a read-only server, 401 without the right bearer token."""
    config = settings(request)
    if config.read_only:
        raise HTTPException(403, "this server is read-only: start it with CLAIMLEDGER_TOKEN set to accept writes")
    if credentials is None or not config.token_matches(credentials.credentials):
        raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is required",
                            headers={"WWW-Authenticate": "Bearer"})


LedgerDep = Annotated[Ledger, Depends(ledger)]


@router.get("/health", response_model=Health, summary="Is the server up, and may it write")
def health(request: Request, db: LedgerDep) -> dict:
    return {"status": "ok", "version": __version__, "read_only": settings(request).read_only,
            "documents": db.stats()["documents"], "analysis": True}


@router.get("/stats", summary="Counts of documents, claims and entities, and the most quoted speakers")
def stats(db: LedgerDep) -> dict:
    return db.stats()


@router.get("/documents", response_model=Page[DocumentSummary], summary="Documents, oldest first")
def documents(db: LedgerDep, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict:
    return pages.documents_page(db, limit=limit, offset=offset)


@router.get("/documents/{document_id}", response_model=DocumentDetail, responses=NOT_FOUND,
            summary="One document: its text and every claim with character offsets")
def document(db: LedgerDep, document_id: Annotated[str, Path(max_length=500, description="Row id or key.")]) -> dict:
    return pages.document_detail(db, document_id)


@router.post("/documents", status_code=201, response_model=Created,
             responses={**WRITE_ERRORS, 200: {"model": Created, "description": "Text already stored: its document"},
                        409: {"model": Problem, "description": "Text already stored under another id"}},
             dependencies=[Depends(require_token)], summary="Ingest an article and extract its claims")
def add_document(request: Request, response: Response, db: LedgerDep, body: Annotated[NewDocument, Body()]) -> dict:
    with settings(request).write_lock:
        created, new = pages.add_document(db, title=body.title, text=body.text, url=body.url,
                                            outlet=body.outlet, published=body.published)
    if not new:
        response.status_code = 200
    return created


@router.get("/claims", response_model=Page[Quote | Attribution | Figure],
            summary="Quotes, attributions and figures of current documents, in text order")
def claims(
    db: LedgerDep,
    kind: Annotated[str | None, Query(pattern="^(quote|direct|indirect|attribution|figure)$",
                                      description="quote, direct, indirect, attribution or figure.")] = None,
    speaker: Annotated[str | None, Query(max_length=500, description="Substring (any case) of a quote's "
                                         "speaker or an attribution's source; leaves out figures.")] = None,
    claimant: Annotated[str | None, Query(max_length=500, description="Substring of a figure's claimant; "
                                          "leaves out quotes and attributions.")] = None,
    category: Annotated[str | None, Query(max_length=100, description="A figure category (deaths, money, ...); "
                                          "leaves out quotes and attributions.")] = None,
    q: Annotated[str | None, Query(max_length=500, description="Substring (any case) of the claim's text.")] = None,
    document: Annotated[str | None, Query(max_length=500, description="One document's id or key.")] = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0, le=MAX_MIXED_OFFSET, description=(
        f"Rows to skip (at most {MAX_MIXED_OFFSET}: page deeper through /api/figures or a narrower filter)."))] = 0,
) -> dict:
    return pages.claims_page(db, kind=kind, speaker=blank_to_none(speaker), claimant=blank_to_none(claimant),
                               category=blank_to_none(category), q=blank_to_none(q),
                               document=blank_to_none(document), limit=limit, offset=offset)


@router.get("/figures", response_model=Page[Figure], summary="Figures and who claims them")
def figures(
    db: LedgerDep,
    category: Annotated[str | None, Query(max_length=100)] = None,
    claimant: Filter = None,
    document: Filter = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict:
    return pages.figures_page(db, category=blank_to_none(category), claimant=blank_to_none(claimant),
                                document=blank_to_none(document), limit=limit, offset=offset)


@router.get("/tallies", response_model=Page[Tally | TallyTotal],
            summary="Casualty tallies with who counts them, or totals per place, date, group or claimant")
def tallies(
    db: LedgerDep,
    category: Annotated[str | None, Query(max_length=100, description="deaths, injuries, casualties, detained "
                                          "or missing.")] = None,
    group: Annotated[str | None, Query(max_length=100, description="civilians, armed groups, security forces "
                                       "or unspecified.")] = None,
    by: Annotated[str | None, Query(pattern="^(place|date|group|claimant)$", description=(
        "Totals per place, date, group or claimant (sums of low and high, tallies, documents) instead."))] = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict:
    return pages.tallies_page(db, category=blank_to_none(category), group=blank_to_none(group), by=by,
                              limit=limit, offset=offset)


@router.get("/contested", response_model=Page[Group], summary="Figure groups whose claimants disagree")
def contested(
    db: LedgerDep,
    category: Annotated[str | None, Query(max_length=100)] = None,
    all: Annotated[bool, Query(description="Every group of two or more figures, not only contested ones.")] = False,
    per_group: Annotated[int, Query(ge=0, le=10_000, description="Figures shown per group: each claimant's value "
                                    "once, extremes first (0: every figure).")] = LISTED_FIGURES,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict:
    return pages.contested_page(db, category=blank_to_none(category), include_all=all, limit=limit, offset=offset,
                                per_group=per_group)


@router.get("/groups/{group_id}", response_model=GroupDetail, responses=NOT_FOUND,
            summary="One figure group: each claimant's value, low/best/high and its timeline")
def group(db: LedgerDep, group_id: IdPath) -> dict:
    return pages.group_detail(db, group_id)


@router.get("/incidents", response_model=Page[Incident], summary="Incidents, latest first: reports, tallies, groups")
def incidents(
    db: LedgerDep,
    place: Annotated[str | None, Query(max_length=500, description="Substring (any case) of the place.")] = None,
    since: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
                                       description="Incidents lasting until this ISO day (or month, year) or later.")] = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict:
    return pages.incidents_page(db, place=blank_to_none(place), since=blank_to_none(since), limit=limit, offset=offset)


@router.get("/incidents/{incident_id}", response_model=Incident, responses=NOT_FOUND,
            summary="One incident: its reports in publication order, tallies, and groups with revisions and contests")
def incident(db: LedgerDep, incident_id: IdPath) -> dict:
    return pages.incident_detail(db, incident_id)


@router.get("/entities", response_model=Page[Entity], summary="People and organisations, most mentioned first")
def entities(
    db: LedgerDep,
    name: Annotated[str | None, Query(max_length=500, description="Substring of the name or an alias.")] = None,
    label: Annotated[str | None, Query(max_length=50)] = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict:
    return pages.entities_page(db, name=blank_to_none(name), label=blank_to_none(label), limit=limit,
                                 offset=offset)


@router.get("/entities/{entity_id}", response_model=EntityDetail, responses=NOT_FOUND,
            summary="An entity with what it said, is credited with and claims")
def entity(db: LedgerDep, entity_id: IdPath) -> dict:
    return pages.entity_detail(db, entity_id)


@router.get("/search", response_model=Page[SearchHit], summary="Full-text search, best first")
def search(
    db: LedgerDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description='Words and "phrases"; word* is a prefix.')],
    limit: Annotated[int, Query(ge=1, le=pages.SEARCH_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=pages.SEARCH_MAX_OFFSET, description="Hits to skip.")] = 0,
) -> dict:
    return pages.search_page(db, clean(q), limit=limit, offset=offset)


@router.put("/sources/{source_id}/grade", response_model=Grade,
            responses={**WRITE_ERRORS, **NOT_FOUND}, dependencies=[Depends(require_token)],
            summary="Set a source's reliability (Admiralty A-F)")
def grade(
    db: LedgerDep,
    source_id: Annotated[str, Path(min_length=1, max_length=500, description="The source: an entity id or name.")],
    body: Annotated[GradeIn, Body()],
) -> dict:
    return pages.grade_source(db, clean(source_id), body.reliability)
