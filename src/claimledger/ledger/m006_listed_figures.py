"""Migration ``m006_listed_figures``: which of a group's figures a list of groups shows, ranked.

Why: ``contested`` lists groups with the figures that make their contest. A running toll's group
holds hundreds of figures, and ranking them at read time (one per source and value, the extremes
first) read every figure of every group on the page: about a second on a 100,000-document ledger.
The analysis ranks them when it writes a group (``analyze.contest.listed_ranks``), so a page reads
its groups' first ``LISTED_FIGURES`` by the index on (group_id, listed). Older rows get no rank
until analysed again; a group without ranked figures is then read whole. Registered in
``migrations.py`` after ``m005_figure_days``; frozen once shipped.
"""

from __future__ import annotations

from sqlalchemy import Column, Connection, Index, Integer, MetaData, Table
from sqlalchemy.schema import CreateColumn

from .schema import NAMING


def m006_listed_figures(connection: Connection) -> None:
    """``figure_analysis.listed`` (1, 2, ...: the figure's place in its group's list; None: not listed)
    and an index on (group_id, listed)."""
    listed = CreateColumn(Column("listed", Integer)).compile(dialect=connection.dialect)
    connection.exec_driver_sql(f"ALTER TABLE figure_analysis ADD COLUMN {listed}")
    md = MetaData(naming_convention=NAMING)
    figure_analysis = Table("figure_analysis", md, Column("figure_id", Integer, primary_key=True),
                            Column("group_id", Integer), Column("listed", Integer))
    Index(None, figure_analysis.c.group_id, figure_analysis.c.listed).create(connection)
