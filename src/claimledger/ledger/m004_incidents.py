"""Migration ``m004_incidents``: incidents and the items (tallies, casualty figures) they are built of.

A module of its own because ``migrations.py`` is near its size limit; it is registered there, after
``m003_tallies``, like every migration. Frozen once shipped: a later change is a later migration.
"""

from __future__ import annotations

from sqlalchemy import Column, Connection, ForeignKey, Index, Integer, MetaData, String, Table, UniqueConstraint

from .schema import NAMING


def m004_incidents(connection: Connection) -> None:
    """``incidents`` (``records.Incident`` without its lists) and ``incident_items``."""
    md = MetaData(naming_convention=NAMING)
    Table("documents", md, Column("id", Integer, primary_key=True))
    Table(
        "incidents", md,
        Column("id", Integer, primary_key=True, autoincrement=False),
        Column("what", String),
        Column("place", String),
        Column("first", String),
        Column("last", String),
        Column("documents", Integer, nullable=False),
        Column("items", Integer, nullable=False),
        Index(None, "last"),
        Index(None, "place"),
    )
    Table(
        "incident_items", md,
        Column("id", Integer, primary_key=True),
        Column("incident_id", Integer),
        Column("kind", String, nullable=False),
        Column("ref", Integer, nullable=False),
        Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
        Column("category", String, nullable=False),
        Column("what", String),
        Column("place", String),
        Column("date", String),
        Column("sentence", Integer, nullable=False),
        UniqueConstraint("kind", "ref"),
        Index(None, "incident_id"),
        Index(None, "document_id"),
        Index(None, "date"),
    )
    md.create_all(connection, tables=[md.tables["incidents"], md.tables["incident_items"]])
