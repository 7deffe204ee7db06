"""Migration ``m008_figure_references``: the phrases that point back to a figure ("the 36", "all four").

Why: extraction now keeps a definite phrase that counts again what a figure counted as a
``records.Reference`` rather than dropping it (the guide says it is no figure) or counting it twice
(as a new figure); the ledger stores them so the figure's group and the document page show them.
Documents stored before this migration have none until they are ingested again (a reference is the
extractor's business, not the schema's). Registered in ``migrations.py`` after
``m007_document_bands``; frozen once shipped.
"""

from __future__ import annotations

from sqlalchemy import Column, Connection, Float, ForeignKey, Index, Integer, MetaData, Table, Text

from .schema import NAMING


def m008_figure_references(connection: Connection) -> None:
    """The ``figure_references`` table, indexed by document."""
    md = MetaData(naming_convention=NAMING)
    Table("documents", md, Column("id", Integer, primary_key=True))
    references = Table(
        "figure_references", md,
        Column("id", Integer, primary_key=True),
        Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
        Column("low", Float, nullable=False),
        Column("high", Float, nullable=False),
        Column("figure_start", Integer, nullable=False),
        Column("figure_end", Integer, nullable=False),
        Index(None, "document_id"),
    )
    references.create(connection)
