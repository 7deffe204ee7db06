"""The ``claimledger`` command: parse options, call the library, render the result.

One module per command group (``ingesting``, ``reading``, ``analysis``, ``serving``), one for what
they share (``base``) and one for rendering (``render``). Commands are registered here, in the
order of a session, which is the order ``--help`` lists them. Data goes to stdout; progress bars
and error messages go to stderr.
"""

from __future__ import annotations

from . import analysis, incidents, ingesting, reading, serving
from .base import app

COMMANDS = (
    ("ingest", ingesting.ingest_cli), ("watch", ingesting.watch_cli), ("extract", ingesting.extract_cli),
    ("documents", reading.documents_cli), ("quotes", reading.quotes_cli), ("figures", reading.figures_cli),
    ("tallies", reading.tallies_cli), ("search", reading.search_cli),
    ("stats", reading.stats_cli), ("evaluate", ingesting.evaluate_cli), ("demo", ingesting.demo_cli),
    ("serve", serving.serve_cli), ("analyze", analysis.analyze_cli), ("contested", analysis.contested_cli),
    ("group", analysis.group_cli), ("timeline", analysis.timeline_cli), ("incidents", incidents.incidents_cli),
    ("incident", incidents.incident_cli), ("entities", reading.entities_cli),
    ("grade", analysis.grade_cli), ("alias", analysis.alias_cli), ("export", analysis.export_cli),
)
for _name, _command in COMMANDS:
    app.command(_name)(_command)


def main() -> None:
    """Console-script entry point (``claimledger``)."""
    app()


__all__ = ["app", "main"]
