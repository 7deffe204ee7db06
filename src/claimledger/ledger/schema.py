"""The ledger's tables as they are now, for building queries (SQLAlchemy Core).

The database gets these tables through ``migrations.py``, never from here: a change to a table
is a new migration *and* an edit here; ``tests/ledger/test_migrations.py`` checks the two agree.

Every claim row (quote, attribution, figure) keeps its document and its character ``start``/``end``
in that document's ``text`` (Python str offsets, end exclusive), so any claim can be shown in context.
A document's ``identity`` is its URL, or its key when it has none: a new text under the same
identity is a new *revision* (a new row; the old one stays, with ``is_current`` false).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text,
    UniqueConstraint,
)

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)


def _document_id() -> Column:
    return Column("document_id", Integer, ForeignKey("documents.id"), nullable=False)


outlets = Table(
    "outlets", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String, nullable=False, unique=True),
)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String, nullable=False),  # file stem or the id given in JSONL/CSV input
    Column("identity", String, nullable=False),  # url, else key: the lineage of revisions
    Column("revision", Integer, nullable=False),
    Column("is_current", Boolean, nullable=False),  # the latest revision of its identity
    Column("content_hash", String(64), nullable=False, unique=True),  # sha256 of text
    Column("url", String),
    Column("title", String),
    Column("outlet_id", Integer, ForeignKey("outlets.id")),
    Column("published", String),
    Column("author", String),
    Column("source", String),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("identity", "revision"),
    Index(None, "key"),
    Index(None, "is_current"),
    Index(None, "outlet_id"),
)

entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String, nullable=False),
    Column("label", String, nullable=False),
    UniqueConstraint("name", "label"),
)

entity_aliases = Table(
    "entity_aliases", metadata,
    Column("id", Integer, primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("alias", String, nullable=False),
    UniqueConstraint("entity_id", "alias"),
    Index(None, "alias"),
)

entity_titles = Table(
    "entity_titles", metadata,
    Column("id", Integer, primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("title", String, nullable=False),
    UniqueConstraint("entity_id", "title"),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True),
    _document_id(),
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
    UniqueConstraint("document_id", "entity_id"),
    Index(None, "entity_id"),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True),
    _document_id(),
    Column("kind", String, nullable=False),  # direct | indirect
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("speaker", String),
    Column("speaker_title", String),
    Column("cue", String),
    Index(None, "document_id"),
    Index(None, "speaker"),
    Index(None, "kind"),
)

attributions = Table(
    "attributions", metadata,
    Column("id", Integer, primary_key=True),
    _document_id(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("source", String),
    Column("cue", String),
    Index(None, "document_id"),
    Index(None, "source"),
)

figures = Table(
    "figures", metadata,
    Column("id", Integer, primary_key=True),
    _document_id(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("low", Float),
    Column("high", Float),
    Column("qualifier", String),
    Column("unit", String),
    Column("category", String, nullable=False),
    Column("subject", String),
    Column("period", String),
    Column("claimant", String),
    Column("stance", String, nullable=False),
    Column("vague", Boolean, nullable=False),
    Index(None, "document_id"),
    Index(None, "category"),
    Index(None, "claimant"),
)

CLAIM_TABLES = {"quotes": quotes, "attributions": attributions, "figures": figures}
