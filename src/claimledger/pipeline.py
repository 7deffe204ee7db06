"""From documents to records: parse with spaCy in batches and collect what the components found."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .nlp import DEFAULT_MODEL, load_nlp, records_from_doc
from .records import Document, Record


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
    quotes, attributions, figures, entities = records_from_doc(parsed)
    return Record(
        id=document.id,
        source=document.source,
        text=document.text,
        quotes=quotes,
        attributions=attributions,
        figures=figures,
        entities=entities,
        title=document.title,
        url=document.url,
        outlet=document.outlet,
        published=document.published,
    )


def extract(text: str, *, id: str = "text", model: str = DEFAULT_MODEL) -> Record:
    """Extract quotes, attributions, figures and entities from one string."""
    document = Document(id=id, text=text, source="<string>")
    return next(extract_documents([document], model=model))[1]
