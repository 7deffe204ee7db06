"""The HTML pages: the same ``claimledger.pages`` functions as the API, rendered with Jinja2 (autoescaped).

Pages work without JavaScript; htmx (vendored in ``static/``) adds the claim panel on the
document page and search as you type. Article text only reaches a page through
``highlight.highlight`` (which escapes it) or through autoescaped template variables.
"""

from __future__ import annotations

from pathlib import Path as FilePath
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from .. import pages
from ..errors import NotFound
from ..facade import Ledger
from ..pages import DEFAULT_PAGE, MAX_ID, MAX_OFFSET, MAX_PAGE, blank_to_none
from ..records import value_text
from .chart import group_chart, number
from .highlight import Span, highlight

HERE = FilePath(__file__).resolve().parent
SEARCH_MARKS = ("\x02", "\x03")  # never in escaped text, so they can become <mark> after escaping

environment = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
templates = Jinja2Templates(env=environment)

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
IdPath = Annotated[int, Path(ge=1, le=MAX_ID)]


def ledger(request: Request) -> Ledger:
    return request.app.state.settings.ledger


LedgerDep = Annotated[Ledger, Depends(ledger)]


def mount(app: FastAPI) -> None:
    """Add the pages and the static files to ``app``."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")


def render(request: Request, template: str, status_code: int = 200, headers: dict | None = None, **context):
    context.setdefault("read_only", request.app.state.settings.read_only)
    return templates.TemplateResponse(request, template, context, status_code=status_code, headers=headers)


def error_page(request: Request, status: int, detail: str, headers: dict | None = None):
    return render(request, "error.html", status_code=status, headers=headers, status=status, detail=detail)


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


# -- filters -------------------------------------------------------------------------------------


def _query(**params) -> str:
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


def snippet(text: str | None) -> Markup:
    """A search snippet: escaped, with the ledger's match marks turned into <mark> tags."""
    escaped = str(escape(text or ""))
    return Markup(escaped.replace(SEARCH_MARKS[0], '<mark class="hit">').replace(SEARCH_MARKS[1], "</mark>"))


def when(value: str | None) -> str:
    """An ISO timestamp as '2021-03-04 10:30 UTC'; a date or anything else as it is."""
    if not value or "T" not in value:
        return value or ""
    day, _, rest = value.partition("T")
    return f"{day} {rest[:5]} UTC" if rest.endswith(("+00:00", "Z")) else f"{day} {rest[:5]}"


def web_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) link, else None: a stored ``javascript:`` URL never becomes a link."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


environment.filters.update(number=number, value_text=value_text, chart=group_chart, snippet=snippet, web_url=web_url,
                           when=when)
environment.globals.update(query=_query, max_page=MAX_PAGE)


# -- pages ---------------------------------------------------------------------------------------


@router.get("/")
def home(request: Request, db: LedgerDep):
    return render(request, "home.html", **pages.overview(db))


@router.get("/documents")
def documents(request: Request, db: LedgerDep, limit: Limit = DEFAULT_PAGE, offset: Offset = 0):
    return render(request, "documents.html", page=pages.documents_page(db, limit=limit, offset=offset))


@router.get("/documents/{document_id}")
def document(request: Request, db: LedgerDep, document_id: Annotated[str, Path(max_length=500)]):
    doc = pages.document_detail(db, document_id)
    return render(request, "document.html", doc=doc, article=highlighted(doc))


@router.get("/documents/{document_id}/claims/{kind}/{claim_id}")
def claim(request: Request, db: LedgerDep, document_id: Annotated[str, Path(max_length=500)],
          kind: Annotated[str, Path(pattern="^(quote|attribution|figure)$")], claim_id: IdPath):
    """One claim's details: the panel the document page loads with htmx (or a page of its own)."""
    doc = pages.document_detail(db, document_id)
    found = next((c for c in doc[kind + "s"] if c["id"] == claim_id), None)
    if found is None:
        raise NotFound(f"no {kind} {claim_id} in document {document_id}")
    template = "_claim.html" if is_htmx(request) else "claim.html"
    return render(request, template, doc=doc, claim=found)


@router.get("/claims")
def claims(
    request: Request,
    db: LedgerDep,
    kind: Annotated[str | None, Query(pattern="^(quote|direct|indirect|attribution|figure)?$")] = None,
    speaker: Annotated[str | None, Query(max_length=500)] = None,
    claimant: Annotated[str | None, Query(max_length=500)] = None,
    category: Annotated[str | None, Query(max_length=100)] = None,
    q: Annotated[str | None, Query(max_length=500)] = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
):
    filters = {"kind": kind or None, "speaker": blank_to_none(speaker), "claimant": blank_to_none(claimant),
               "category": blank_to_none(category), "q": blank_to_none(q)}
    page = pages.claims_page(db, **filters, limit=limit, offset=offset)
    return render(request, "claims.html", page=page, filters=filters)


@router.get("/contested")
def contested(request: Request, db: LedgerDep, category: Annotated[str | None, Query(max_length=100)] = None,
              limit: Limit = DEFAULT_PAGE, offset: Offset = 0):
    page = pages.contested_page(db, category=blank_to_none(category), limit=limit, offset=offset)
    return render(request, "contested.html", page=page, category=blank_to_none(category),
                  analysed=True)


@router.get("/groups/{group_id}")
def group(request: Request, db: LedgerDep, group_id: IdPath):
    return render(request, "group.html", group=pages.group_detail(db, group_id))


@router.get("/incidents")
def incidents(request: Request, db: LedgerDep, place: Annotated[str | None, Query(max_length=500)] = None,
              since: Annotated[str | None, Query(max_length=10)] = None, limit: Limit = DEFAULT_PAGE,
              offset: Offset = 0):
    place, since = blank_to_none(place), blank_to_none(since)
    page = pages.incidents_page(db, place=place, since=since, limit=limit, offset=offset)
    return render(request, "incidents.html", page=page, place=place, since=since)


@router.get("/incidents/{incident_id}")
def incident(request: Request, db: LedgerDep, incident_id: IdPath):
    return render(request, "incident.html", incident=pages.incident_detail(db, incident_id))


@router.get("/entities")
def entities(request: Request, db: LedgerDep, name: Annotated[str | None, Query(max_length=500)] = None,
             limit: Limit = DEFAULT_PAGE, offset: Offset = 0):
    page = pages.entities_page(db, name=blank_to_none(name), limit=limit, offset=offset)
    return render(request, "entities.html", page=page, name=blank_to_none(name))


@router.get("/entities/{entity_id}")
def entity(request: Request, db: LedgerDep, entity_id: IdPath):
    return render(request, "entity.html", entity=pages.entity_detail(db, entity_id))


@router.get("/search")
def search(request: Request, db: LedgerDep, q: Annotated[str | None, Query(max_length=500)] = None,
           limit: Annotated[int, Query(ge=1, le=pages.SEARCH_LIMIT)] = 30):
    q = blank_to_none(q)
    hits = pages.search_page(db, q, limit=limit, marks=SEARCH_MARKS)["items"] if q else []
    template = "_search_results.html" if is_htmx(request) else "search.html"
    return render(request, template, q=q, hits=hits)


# -- the highlighted article ---------------------------------------------------------------------


def claim_url(doc: dict, kind: str, claim_id: int) -> str:
    return f"/documents/{doc['id']}/claims/{kind}/{claim_id}"


def highlighted(doc: dict) -> Markup:
    """The document's text with a <mark> per claim; hover shows who, click loads the claim panel."""
    spans = []
    for q in doc["quotes"]:
        who = q.get("speaker") or "unknown speaker"
        label = "direct quote" if q["kind"] == "direct" else "reported statement"
        spans.append(_span(doc, "quote", q, f"claim quote {q['kind']}",
                           f"{label} — {who}" + (f", {q['speaker_title']}" if q.get("speaker_title") else ""),
                           who=who))
    for a in doc["attributions"]:
        who = a.get("source") or "unnamed source"
        spans.append(_span(doc, "attribution", a, "claim attribution", f"attributed to {who}", who=who))
    for f in doc["figures"]:
        who = f.get("claimant") or "no claimant found"
        value = value_text(f)
        spans.append(_span(doc, "figure", f, "claim figure",
                           f"figure: {value} ({f.get('category')}) — claimed by {who}", who=who,
                           extra={"data-value": value, "data-label": who,
                                  "data-group": str(f["group"]) if f.get("group") else None}))
    spans += tally_spans(doc.get("tallies", []))
    spans += reference_spans(doc.get("references", []))
    return highlight(doc["text"], spans)


def reference_spans(references: list[dict]) -> list[Span]:
    """A mark for every phrase that points back to a figure ("the 36"); hover says which figure."""
    return [Span(kind="reference", claim=f"reference-{r['id']}", start=r["start"], end=r["end"], css="reference",
                 attrs={"title": f"refers back to the figure \u201c{r['figure']['text']}\u201d", "data-figure":
                        f"figure-{r['figure']['id']}", "data-group": str(r["group"]) if r.get("group") else None})
            for r in references]


def tally_spans(tallies: list[dict]) -> list[Span]:
    """A mark for every mention a tally counts, in the tally colour; hover says what it counts and whose count."""
    spans = []
    for t in tallies:
        n = 0
        for c in t["claims"]:
            who = c.get("claimant") or "no claimant found"
            title = f"{t['category']} of {t['group']}: {value_text(c)} — counted by {who}"
            for start, end in c["spans"]:
                spans.append(Span(kind="tally", claim=f"tally-{t['id']}-{n}", start=start, end=end, css="tally",
                                  attrs={"title": title, "data-who": who, "data-tally": str(t["id"])}))
                n += 1
    return spans


def _span(doc: dict, kind: str, claim: dict, css: str, title: str, *, who: str, extra: dict | None = None) -> Span:
    url = claim_url(doc, kind, claim["id"])
    attrs = {
        "title": title,
        "data-who": who,
        "tabindex": "0",
        "role": "button",
        "hx-get": url,
        "hx-target": "#claim-panel",
        "hx-swap": "innerHTML",
        "hx-trigger": "click consume, keyup[key=='Enter'] consume",
        **(extra or {}),
    }
    return Span(kind=kind, claim=f"{kind}-{claim['id']}", start=claim["start"], end=claim["end"], css=css,
                attrs=attrs)
