"""The bundled corpus for every test: its files, rows and documents, from one place.

The corpus ships inside the package (``claimledger/corpus/``, its README has the sources and
licences) and the tests find it exactly as ``claimledger demo`` does, through
``claimledger.ingest.bundled.bundled_corpus``. Plain module (no pytest), so child processes that
the crash tests start can import it too (with ``tests/`` on their path).
"""

from __future__ import annotations

import json
from pathlib import Path

from claimledger.ingest.bundled import bundled_corpus
from claimledger.records import Document

CORPUS = bundled_corpus()
EXAMPLE = CORPUS / "dev" / "syrian-fighters-recruitment.txt"  # the article the project is built around
RE3D = sorted((CORPUS / "re3d").glob("*.jsonl"))
CENTCOM = CORPUS / "re3d" / "centcom.jsonl"
DFAT = CORPUS / "re3d" / "australia-dfat.jsonl"  # 4 short documents
WIKINEWS = CORPUS / "wikinews" / "wikinews-2019-2020.jsonl"


def source_of(path: Path) -> str:
    """A corpus file's name as documents record it: "corpus/re3d/centcom.jsonl", wherever it is installed."""
    return str(path.relative_to(CORPUS.parent))


def jsonl_rows(path: Path) -> list[dict]:
    """Every row of a corpus JSONL file, in file order."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def row_document(row: dict, source: str) -> Document:
    """A corpus row as a ``Document``, with the metadata the row has."""
    return Document(id=str(row["id"]), text=row["text"], source=source, title=row.get("title"), url=row.get("url"),
                    outlet=row.get("outlet"), published=row.get("published"))


def jsonl_documents(path: Path) -> list[Document]:
    """Every row of a corpus JSONL file as a ``Document``."""
    return [row_document(row, source_of(path)) for row in jsonl_rows(path)]


def corpus_documents(keys: list[str]) -> list[Document]:
    """The bundled JSONL articles with these ids, in the order given."""
    found = {doc.id: doc for path in sorted(CORPUS.glob("*/*.jsonl")) for doc in jsonl_documents(path) if doc.id in keys}
    missing = [key for key in keys if key not in found]
    assert not missing, f"not in the bundled corpus: {missing}"
    return [found[key] for key in keys]


def example_text() -> str:
    """The example article, exactly as its UTF-8 file holds it."""
    return EXAMPLE.read_bytes().decode("utf-8")


def example_document(**changes) -> Document:
    """The example article as a ``Document`` with made-up metadata (the file has none); ``changes`` override."""
    fields = dict(id=EXAMPLE.stem, text=example_text(), source=source_of(EXAMPLE),
                  title="Russia recruiting Syrian fighters", outlet="Example News",
                  url="https://example.org/syrian-fighters-recruitment")
    fields.update(changes)
    return Document(**fields)
