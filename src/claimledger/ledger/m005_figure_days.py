"""Migration ``m005_figure_days``: the day each analysed figure refers to, indexed with its family
(and indexes on figures' claimants and quotes' speakers).

Why: the analysis compares a chunk's new figures only with older figures whose days could still
match (``analyze.grouping``: two days more than ``REVISION_DAYS`` apart never share a group), so it
looks them up by (family, day) instead of reading every older figure of the family. Registered in
``migrations.py`` after ``m004_incidents``; frozen once shipped: a later change is a later migration.
Older rows get no day (unknown: compared with every new figure, as before) until analysed again.
"""

from __future__ import annotations

from sqlalchemy import Column, Connection, Index, Integer, MetaData, String, Table
from sqlalchemy.schema import CreateColumn

from .schema import NAMING


def m005_figure_days(connection: Connection) -> None:
    """``figure_analysis.day`` (proleptic day number, None when unknown) and an index on (family, day);
    indexes on the claimant of a figure and the speaker of a quote, which each chunk counts the
    documents of (``analyze.resolve.EntityStep.refresh_counts``) and which were read by whole-table scans."""
    day = CreateColumn(Column("day", Integer)).compile(dialect=connection.dialect)  # as migrations.add_column,
    connection.exec_driver_sql(f"ALTER TABLE figure_analysis ADD COLUMN {day}")  # which this module cannot import
    md = MetaData(naming_convention=NAMING)
    figure_analysis = Table("figure_analysis", md, Column("figure_id", Integer, primary_key=True),
                            Column("family", String), Column("day", Integer), Column("claimant_id", Integer))
    quote_analysis = Table("quote_analysis", md, Column("quote_id", Integer, primary_key=True),
                           Column("speaker_id", Integer))
    for index in (Index(None, figure_analysis.c.family, figure_analysis.c.day),
                  Index(None, figure_analysis.c.claimant_id), Index(None, quote_analysis.c.speaker_id)):
        index.create(connection)
