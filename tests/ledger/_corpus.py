"""Real documents and hand-built records for the ledger tests (the corpus itself: tests/_bundled.py).

The ingest corpus is re3d (75 documents) plus every 6th Wikinews article (50): enough batches for
the idempotence tests while keeping the suite fast. Set CLAIMLEDGER_TEST_FULL_CORPUS=1 to use all
370 re3d + Wikinews documents. kill -9 is tested once, in tests/reliability/test_kill9.py.
"""

from __future__ import annotations

import os

from claimledger.records import Attribution, Document, Entity, Figure, Quote, Record

from _bundled import RE3D, WIKINEWS, jsonl_documents

FULL = os.environ.get("CLAIMLEDGER_TEST_FULL_CORPUS") == "1"


def ingest_corpus() -> list[Document]:
    """The documents the idempotence tests ingest."""
    documents = [doc for path in RE3D for doc in jsonl_documents(path)]
    wikinews = jsonl_documents(WIKINEWS)
    return documents + (wikinews if FULL else wikinews[::6])


def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def example_record(document: Document) -> Record:
    """What the extractors should find in the example article, built by hand at real offsets."""
    text = document.text

    def quote(kind, phrase, speaker, title=None, cue="said"):
        return Quote(kind, *span(text, phrase), phrase, speaker, title, cue)

    def figure(phrase, low, qualifier, unit, category, claimant, stance="asserts", period=None):
        return Figure(*span(text, phrase), phrase, low, low, qualifier, unit, category, None, period, claimant, stance)

    return Record(
        id=document.id, source=document.source, text=text,
        title=document.title, url=document.url, outlet=document.outlet, published=document.published,
        quotes=[
            quote("direct", "The accounts of the Russians seeking Syrian fighters to augment their forces in "
                  "Ukraine, we do believe there’s truth to that", "John Kirby", "Pentagon spokesperson"),
            quote("indirect", "there is no confirmation of how many fighters have been recruited",
                  "John Kirby", "Pentagon spokesperson", "disclosed"),
            quote("direct", "The president (Putin) took the right decision, and we will carry out his orders "
                  "under any circumstances", "Ramzan Kadyrov", "Chechen leader"),
        ],
        attributions=[
            Attribution(*span(text, "the Kremlin is recruiting Syrian volunteers to fight in their invasion of "
                              "Ukraine"), "the Kremlin is recruiting Syrian volunteers to fight in their "
                        "invasion of Ukraine", "US intelligence reports", "according to"),
        ],
        figures=[
            figure("almost 12,000 casualties", 12000, "almost", "casualties", "casualties", "Ukrainian news sources"),
            figure("about 500 casualties", 500, "about", "casualties", "casualties", "The Russians",
                   "disputes", "last week"),
            figure("4,000 Russian troops", 4000, None, "troops", "deaths", "the Pentagon"),
        ],
        entities=[
            Entity("John Kirby", "PERSON", ["Kirby"], ["Pentagon spokesperson"]),
            Entity("Ramzan Kadyrov", "PERSON", ["Kadyrov"], ["Chechen leader"]),
            Entity("Pentagon", "ORG"),
        ],
    )
