"""Migration ``m007_document_bands``: each analysed document's LSH buckets, indexed.

Why: a chunk of new documents found its near duplicates by streaming every stored MinHash past its
buckets, so each chunk read the whole ledger and the analysis grew with the ledger's square. With a
row per (bucket, document) and an index on the bucket, a chunk reads only the documents that share
a bucket with it (``analyze.stories``). The rows are written by the analysis; ledgers analysed
before this migration get theirs at the next analysis (``StoryStep.backfill``), since computing a
bucket is the analysis's business, not the schema's. Registered in ``migrations.py`` after
``m006_listed_figures``; frozen once shipped.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Connection, ForeignKey, Index, Integer, MetaData, Table

from .schema import NAMING


def m007_document_bands(connection: Connection) -> None:
    """The ``document_bands`` table (band, document_id) with an index on each column."""
    md = MetaData(naming_convention=NAMING)
    Table("documents", md, Column("id", Integer, primary_key=True))
    bands = Table(
        "document_bands", md,
        Column("band", BigInteger, nullable=False),
        Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
        Index(None, "band"),
        Index(None, "document_id"),
    )
    bands.create(connection)
