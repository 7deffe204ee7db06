"""From documents to records: parse with spaCy in batches and collect what the components found."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .nlp import DEFAULT_MODEL, load_nlp, records_from_doc
from .extract.dates import parse_iso
from .records import Document, Record, Tally


def extract_documents(
    documents: Iterable[Document],
    *,
    model: str = DEFAULT_MODEL,
    processes: int = 1,
    batch_size: int = 16,
) -> Iterator[tuple[Document, Record]]:
    """Stream (document, record) pairs; the model loads once per process."""
    nlp = load_nlp(model)
    pairs = ((doc.text, doc) for doc in documents)
    for parsed, document in nlp.pipe(pairs, as_tuples=True, n_process=processes, batch_size=batch_size):
        yield document, record_from(parsed, document)


def record_from(parsed, document: Document) -> Record:
    """Assemble the record-format object for one parsed document."""
    quotes, attributions, figures, entities, tallies = records_from_doc(parsed)
    publish_tallies(tallies, document.outlet, document.published)
    return Record(
        id=document.id,
        source=document.source,
        text=document.text,
        quotes=quotes,
        attributions=attributions,
        figures=figures,
        entities=entities,
        tallies=tallies,
        title=document.title,
        url=document.url,
        outlet=document.outlet,
        published=document.published,
    )


def extract(text: str, *, id: str = "text", model: str = DEFAULT_MODEL) -> Record:
    """Extract quotes, attributions, figures and entities from one string."""
    document = Document(id=id, text=text, source="<string>")
    return next(extract_documents([document], model=model))[1]


def publish_tallies(tallies: list[Tally], outlet: str | None, published: str | None) -> None:
    """Credit the publisher for accounts nobody else is named for; date undated incidents.

    The parse knows only the text; the reader knows who published it and when.
    """
    for tally in tallies:
        for claim in tally.claims:
            if claim.claimant is None:
                claim.claimant = outlet
        if tally.date is None and published:
            found = parse_iso(published)
            tally.date = found.isoformat() if found else None
