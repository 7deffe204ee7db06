"""Schema migrations: an append-only list, each run once and recorded in ``_migrations``.

As in simonw/llm: every function decorated with ``@migration`` runs, in order, the first time
a ledger is opened without it, inside one transaction together with its ``_migrations`` row
(name, applied_at), so a migration is either fully applied and recorded, or not at all.

Never edit or reorder a migration that has shipped: a new column later is a new function at the
end of this file (use ``add_column``), plus the matching edit to ``schema.py``. Migrations define
their own tables rather than importing ``schema.py``, which describes the *latest* shape.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from sqlalchemy import (
    Boolean, Column, Connection, DateTime, Engine, Float, ForeignKey, Index, Integer, LargeBinary, MetaData,
    String, Table, Text, UniqueConstraint, insert, inspect, select,
)
from sqlalchemy.schema import CreateColumn

from . import (
    dialect, m001_search, m004_incidents, m005_figure_days, m006_listed_figures, m007_document_bands,
    m008_figure_references,
)
from .schema import NAMING

Migration = Callable[[Connection], None]
MIGRATIONS: list[Migration] = []

_migrations_table = Table(
    "_migrations", MetaData(),
    Column("name", String, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)


def migration(function: Migration) -> Migration:
    """Append a migration to the list (its name is the function's name, so keep names unique)."""
    MIGRATIONS.append(function)
    return function


def migrate(engine: Engine) -> list[str]:
    """Apply every pending migration; returns the names applied now (empty when up to date)."""
    done = applied(engine)
    pending = [function for function in MIGRATIONS if function.__name__ not in done]
    if not pending:
        return []
    with dialect.writing(engine) as connection:
        _migrations_table.create(connection, checkfirst=True)
    applied_now = []
    for function in pending:
        name = function.__name__
        # Check again under the write lock: another process may have applied it meanwhile.
        with dialect.writing(engine) as connection:
            recorded = select(_migrations_table.c.name).where(_migrations_table.c.name == name)
            if connection.scalar(recorded) is None:
                function(connection)
                connection.execute(
                    insert(_migrations_table).values(name=name, applied_at=datetime.now(timezone.utc))
                )
                applied_now.append(name)
    return applied_now


def applied(engine: Engine) -> dict[str, datetime]:
    """Names of the migrations recorded in this database, with when they ran."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(_migrations_table.name):
            return {}
        rows = connection.execute(select(_migrations_table.c.name, _migrations_table.c.applied_at))
        return {row.name: row.applied_at for row in rows}


def add_column(connection: Connection, table: str, column: Column) -> None:
    """``ALTER TABLE ... ADD COLUMN`` compiled for the connection's dialect (for later migrations)."""
    ddl = CreateColumn(column).compile(dialect=connection.dialect)
    quoted = connection.dialect.identifier_preparer.quote(table)
    connection.exec_driver_sql(f"ALTER TABLE {quoted} ADD COLUMN {ddl}")


# -- the migrations, oldest first -------------------------------------------------------------------


@migration
def m001_initial(connection: Connection) -> None:
    """Outlets, documents (with revisions), entities, and the three claim tables; full-text index."""
    md = MetaData(naming_convention=NAMING)

    def document_id() -> Column:
        return Column("document_id", Integer, ForeignKey("documents.id"), nullable=False)

    Table(
        "outlets", md,
        Column("id", Integer, primary_key=True),
        Column("name", String, nullable=False, unique=True),
    )
    Table(
        "documents", md,
        Column("id", Integer, primary_key=True),
        Column("key", String, nullable=False),
        Column("identity", String, nullable=False),
        Column("revision", Integer, nullable=False),
        Column("is_current", Boolean, nullable=False),
        Column("content_hash", String(64), nullable=False, unique=True),
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
    Table(
        "entities", md,
        Column("id", Integer, primary_key=True),
        Column("name", String, nullable=False),
        Column("label", String, nullable=False),
        UniqueConstraint("name", "label"),
    )
    Table(
        "entity_aliases", md,
        Column("id", Integer, primary_key=True),
        Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
        Column("alias", String, nullable=False),
        UniqueConstraint("entity_id", "alias"),
        Index(None, "alias"),
    )
    Table(
        "entity_titles", md,
        Column("id", Integer, primary_key=True),
        Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
        Column("title", String, nullable=False),
        UniqueConstraint("entity_id", "title"),
    )
    Table(
        "mentions", md,
        Column("id", Integer, primary_key=True),
        document_id(),
        Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
        UniqueConstraint("document_id", "entity_id"),
        Index(None, "entity_id"),
    )
    Table(
        "quotes", md,
        Column("id", Integer, primary_key=True),
        document_id(),
        Column("kind", String, nullable=False),
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
    Table(
        "attributions", md,
        Column("id", Integer, primary_key=True),
        document_id(),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
        Column("source", String),
        Column("cue", String),
        Index(None, "document_id"),
        Index(None, "source"),
    )
    Table(
        "figures", md,
        Column("id", Integer, primary_key=True),
        document_id(),
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
    md.create_all(connection)
    m001_search.create(connection)  # the DDL as it was: frozen in m001_search.py


@migration
def m002_analysis(connection: Connection) -> None:
    """Cross-document analysis: canonical entities, near-duplicate stories, figure groups, grades."""
    md = MetaData(naming_convention=NAMING)
    # The tables reference documents, entities, figures and quotes: reflect-free stubs for the FKs.
    for name in ("documents", "entities", "figures", "quotes"):
        Table(name, md, Column("id", Integer, primary_key=True))
    Table(
        "canonical_entities", md,
        Column("id", Integer, primary_key=True),
        Column("key", String, nullable=False, unique=True),  # what the merge rules key it by (analyze/entities.py)
        Column("name", String, nullable=False),
        Column("type", String, nullable=False),  # person | organisation | government | outlet | unnamed | place | group
        Column("side", String),  # the country or party its names or titles state
        Column("affiliation", String),  # the organisation a title names ("Pentagon spokesperson")
        Column("documents", Integer, nullable=False),
        Index(None, "name"),
        Index(None, "type"),
    )

    Table(
        "canonical_names", md,
        Column("id", Integer, primary_key=True),
        Column("canonical_id", Integer, ForeignKey("canonical_entities.id"), nullable=False),
        Column("kind", String, nullable=False),  # alias | abbreviation | title
        Column("name", String, nullable=False),
        Column("normal", String, nullable=False),  # folded, for look-ups
        UniqueConstraint("canonical_id", "kind", "name"),
        Index(None, "normal"),
    )

    Table(
        "entity_links", md,
        Column("entity_id", Integer, ForeignKey("entities.id"), primary_key=True),
        Column("canonical_id", Integer, ForeignKey("canonical_entities.id"), nullable=False),
        Index(None, "canonical_id"),
    )

    Table(
        "alias_rules", md,
        Column("id", Integer, primary_key=True),
        Column("alias", String, nullable=False),
        Column("normal", String, nullable=False, unique=True),
        Column("canonical", String, nullable=False),
        Column("type", String),
        Column("side", String),
        Column("created_at", DateTime(timezone=True), nullable=False),
    )

    Table(
        "document_analysis", md,
        Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True),
        Column("signature", LargeBinary, nullable=False),  # MinHash of the text (near-duplicate detection)
        Column("story_id", Integer, nullable=False),  # first-seen document of its near-duplicate story
        Column("date", String),  # published, else the first date the title or lead states (ISO; --MM-DD)
        Column("seen", String),  # published, else ingested: orders documents in time
        Column("places", Text, nullable=False),  # JSON list of the place keys the text names
        Column("analyzed_at", DateTime(timezone=True), nullable=False),
        Index(None, "story_id"),
    )

    Table(
        "term_counts", md,
        Column("term", String, primary_key=True),
        Column("documents", Integer, nullable=False),
    )

    Table(
        "figure_groups", md,
        Column("id", Integer, primary_key=True, autoincrement=False),  # the smallest figure id in the group
        Column("category", String, nullable=False),
        Column("subject", String),
        Column("period", String),
        Column("place", String),
        Column("contested", Boolean, nullable=False),
        Column("low", Float),
        Column("best", Float),
        Column("high", Float),
        Column("figures", Integer, nullable=False),
        Column("claimants", Integer, nullable=False),
        Column("documents", Integer, nullable=False),
        Column("first_seen", String),
        Column("last_seen", String),
        Column("edited", Boolean, nullable=False),
        Index(None, "contested", "figures"),
        Index(None, "contested", "category", "figures"),
        Index(None, "category"),
        Index(None, "figures"),
    )

    Table(
        "group_estimates", md,
        Column("id", Integer, primary_key=True),
        Column("group_id", Integer, nullable=False),
        Column("category", String, nullable=False),
        Column("contested", Boolean, nullable=False),
        Column("low", Float),
        Column("best", Float),
        Column("high", Float),
        Column("figures", Integer, nullable=False),
        UniqueConstraint("group_id", "category"),
    )

    Table(
        "figure_analysis", md,
        Column("figure_id", Integer, ForeignKey("figures.id"), primary_key=True),
        Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
        Column("group_id", Integer, nullable=False),
        Column("family", String),  # the block it is compared within (None: never grouped automatically)
        Column("measure", String, nullable=False),  # its category, refined by the words around it
        Column("claimant_id", Integer, ForeignKey("canonical_entities.id")),
        Column("source", String, nullable=False),  # grade key: the claimant's entity, else the outlet's
        Column("features", Text, nullable=False),  # JSON FigureFacts: what later runs compare new figures to
        Column("outlets", Integer, nullable=False),  # independent outlets carrying the same claim
        Column("agree", Integer, nullable=False),
        Column("disagree", Integer, nullable=False),
        Column("credibility", Integer, nullable=False),  # Admiralty 1-6
        Column("first_document_id", Integer, nullable=False),  # where this claim was first seen
        Column("first_seen", String),
        Index(None, "group_id"),
        Index(None, "document_id"),
        Index(None, "family"),
    )

    Table(
        "quote_analysis", md,
        Column("quote_id", Integer, ForeignKey("quotes.id"), primary_key=True),
        Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
        Column("speaker_id", Integer, ForeignKey("canonical_entities.id")),
        Column("claim", String(64), nullable=False),  # sha256 of speaker entity + folded words
        Column("outlets", Integer, nullable=False),
        Column("first_document_id", Integer, nullable=False),
        Column("first_seen", String),
        Index(None, "claim"),
        Index(None, "document_id"),
    )

    Table(
        "group_edits", md,
        Column("id", Integer, primary_key=True),
        Column("kind", String, nullable=False),  # merge | split
        Column("figures", Text, nullable=False),  # JSON list of figure ids
        Column("created_at", DateTime(timezone=True), nullable=False),
    )

    Table(
        "source_grades", md,
        Column("id", Integer, primary_key=True),
        Column("key", String, nullable=False, unique=True),  # canonical entity key (or folded outlet name)
        Column("name", String, nullable=False),
        Column("reliability", String(1), nullable=False),  # Admiralty A-F
        Column("updated_at", DateTime(timezone=True), nullable=False),
    )
    md.create_all(connection, tables=[t for t in md.sorted_tables
                                      if t.name not in ("documents", "entities", "figures", "quotes")])


@migration
def m003_tallies(connection: Connection) -> None:
    """Casualty tallies per document (``records.Tally``) and each claimant's account of one
    (``records.TallyClaim``, its counted spans as JSON text): extraction made them, ingest dropped them."""
    md = MetaData(naming_convention=NAMING)
    Table("documents", md, Column("id", Integer, primary_key=True))
    Table(
        "tallies", md,
        Column("id", Integer, primary_key=True),
        Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
        Column("category", String, nullable=False),  # deaths | injuries | casualties | detained | missing
        Column("grp", String, nullable=False),  # the victims' group ("group" is an SQL keyword)
        Column("side", String),
        Column("low", Float, nullable=False),
        Column("high", Float, nullable=False),
        Column("place", String),
        Column("date", String),
        Index(None, "document_id"),
        Index(None, "category"),
    )
    Table(
        "tally_claims", md,
        Column("id", Integer, primary_key=True),
        Column("tally_id", Integer, ForeignKey("tallies.id"), nullable=False),
        Column("claimant", String),
        Column("low", Float, nullable=False),
        Column("high", Float, nullable=False),
        Column("stance", String, nullable=False),
        Column("spans", Text, nullable=False),  # JSON list of [start, end] in the document's text
        Index(None, "tally_id"),
        Index(None, "claimant"),
    )
    md.create_all(connection, tables=[md.tables["tallies"], md.tables["tally_claims"]])


migration(m004_incidents.m004_incidents)  # in a module of its own (this file is near its size limit)
migration(m005_figure_days.m005_figure_days)
migration(m006_listed_figures.m006_listed_figures)
migration(m007_document_bands.m007_document_bands)
migration(m008_figure_references.m008_figure_references)
