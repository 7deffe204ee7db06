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
    BigInteger, Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table, Text,
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

figure_references = Table(  # phrases that point back to a figure ("the 36": records.Reference)
    "figure_references", metadata,
    Column("id", Integer, primary_key=True),
    _document_id(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("low", Float, nullable=False),
    Column("high", Float, nullable=False),
    Column("figure_start", Integer, nullable=False),  # the figure it points back to, by its offsets in the same
    Column("figure_end", Integer, nullable=False),  # document (figure ids are not known when a record is stored)
    Index(None, "document_id"),
)

tallies = Table(  # casualty tallies (records.Tally) of a document
    "tallies", metadata,
    Column("id", Integer, primary_key=True),
    _document_id(),
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

tally_claims = Table(  # one claimant's account of a tally (records.TallyClaim)
    "tally_claims", metadata,
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

# -- cross-document analysis (claimledger.analyze; docs/analysis.md) -----------------------------------

canonical_entities = Table(
    "canonical_entities", metadata,
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

canonical_names = Table(
    "canonical_names", metadata,
    Column("id", Integer, primary_key=True),
    Column("canonical_id", Integer, ForeignKey("canonical_entities.id"), nullable=False),
    Column("kind", String, nullable=False),  # alias | abbreviation | title
    Column("name", String, nullable=False),
    Column("normal", String, nullable=False),  # folded, for look-ups
    UniqueConstraint("canonical_id", "kind", "name"),
    Index(None, "normal"),
)

entity_links = Table(
    "entity_links", metadata,
    Column("entity_id", Integer, ForeignKey("entities.id"), primary_key=True),
    Column("canonical_id", Integer, ForeignKey("canonical_entities.id"), nullable=False),
    Index(None, "canonical_id"),
)

alias_rules = Table(
    "alias_rules", metadata,
    Column("id", Integer, primary_key=True),
    Column("alias", String, nullable=False),
    Column("normal", String, nullable=False, unique=True),
    Column("canonical", String, nullable=False),
    Column("type", String),
    Column("side", String),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

document_analysis = Table(
    "document_analysis", metadata,
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True),
    Column("signature", LargeBinary, nullable=False),  # MinHash of the text (near-duplicate detection)
    Column("story_id", Integer, nullable=False),  # first-seen document of its near-duplicate story
    Column("date", String),  # published, else the first date the title or lead states (ISO; --MM-DD)
    Column("seen", String),  # published, else ingested: orders documents in time
    Column("places", Text, nullable=False),  # JSON list of the place keys the text names
    Column("analyzed_at", DateTime(timezone=True), nullable=False),
    Index(None, "story_id"),
)

document_bands = Table(  # a document's LSH bucket per MinHash band: finds its near duplicates (analyze.stories)
    "document_bands", metadata,
    Column("band", BigInteger, nullable=False),  # 64-bit hash of the band's values
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Index(None, "band"),
    Index(None, "document_id"),
)

term_counts = Table(
    "term_counts", metadata,
    Column("term", String, primary_key=True),
    Column("documents", Integer, nullable=False),
)

figure_groups = Table(
    "figure_groups", metadata,
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

group_estimates = Table(
    "group_estimates", metadata,
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

figure_analysis = Table(
    "figure_analysis", metadata,
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
    Column("day", Integer),  # the day it refers to (date.toordinal; None: unknown): older figures a new one may match
    Column("listed", Integer),  # its place among the figures a list of groups shows (None: not shown)
    Index(None, "group_id"),
    Index(None, "document_id"),
    Index(None, "family"),
    Index(None, "family", "day"),
    Index(None, "claimant_id"),
    Index(None, "group_id", "listed"),
)

quote_analysis = Table(
    "quote_analysis", metadata,
    Column("quote_id", Integer, ForeignKey("quotes.id"), primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("speaker_id", Integer, ForeignKey("canonical_entities.id")),
    Column("claim", String(64), nullable=False),  # sha256 of speaker entity + folded words
    Column("outlets", Integer, nullable=False),
    Column("first_document_id", Integer, nullable=False),
    Column("first_seen", String),
    Index(None, "claim"),
    Index(None, "document_id"),
    Index(None, "speaker_id"),
)

group_edits = Table(
    "group_edits", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String, nullable=False),  # merge | split
    Column("figures", Text, nullable=False),  # JSON list of figure ids
    Column("created_at", DateTime(timezone=True), nullable=False),
)

source_grades = Table(
    "source_grades", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String, nullable=False, unique=True),  # canonical entity key (or folded outlet name)
    Column("name", String, nullable=False),
    Column("reliability", String(1), nullable=False),  # Admiralty A-F
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

ANALYSIS_TABLES = (
    canonical_entities, canonical_names, entity_links, alias_rules, document_analysis, document_bands, term_counts,
    figure_groups, group_estimates, figure_analysis, quote_analysis, group_edits, source_grades,
)

CLAIM_TABLES = {"quotes": quotes, "attributions": attributions, "figures": figures}

# -- incidents (claimledger.analyze.incident_objects; records.Incident) ----------------------------

incidents = Table(  # one event at one place over a few days: the tallies and figures of its items
    "incidents", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # the smallest item id in it
    Column("what", String),  # event kind (extract.tally_words.EVENT_KINDS), None when no report says
    Column("place", String),
    Column("first", String),  # ISO day: the earliest day its counts refer to
    Column("last", String),
    Column("documents", Integer, nullable=False),
    Column("items", Integer, nullable=False),
    Index(None, "last"),
    Index(None, "place"),
)

incident_items = Table(  # a tally or a casualty figure with what the incident rule reads of it
    "incident_items", metadata,
    Column("id", Integer, primary_key=True),
    Column("incident_id", Integer),  # None until the incidents are built
    Column("kind", String, nullable=False),  # tally | figure
    Column("ref", Integer, nullable=False),  # tallies.id or figures.id
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("category", String, nullable=False),  # deaths, injuries, casualties, detained, missing, cases
    Column("what", String),
    Column("place", String),  # as the text names it ("Andar district, Ghazni province")
    Column("date", String),  # ISO day it refers to (a day without a year: '--MM-DD')
    Column("sentence", Integer, nullable=False),  # where in its document (for nearness)
    UniqueConstraint("kind", "ref"),
    Index(None, "incident_id"),
    Index(None, "document_id"),
    Index(None, "date"),  # the items near a new one in time
)
