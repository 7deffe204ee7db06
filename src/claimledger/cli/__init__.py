"""The ``claimledger`` command: parse options, call the library, render the result.

One module per command group (``ingesting``, ``reading``, ``analysis``, ``serving``), one for what
they share (``base``) and two for rendering (``render``: the formats; ``tables``: rich tables, loaded
only when one is drawn). Commands are registered here, in the order of a session, which is the
order ``--help`` lists them. Data goes to stdout; progress bars and error messages go to stderr.
"""

from __future__ import annotations

from . import analysis, incidents, ingesting, reading, serving
from .base import app

COMMANDS = (
    ingesting.ingest_cli, ingesting.watch_cli, ingesting.extract_cli,
    reading.documents_cli, reading.quotes_cli, reading.figures_cli, reading.tallies_cli, reading.search_cli,
    reading.stats_cli, ingesting.evaluate_cli, ingesting.demo_cli,
    serving.serve_cli, analysis.analyze_cli, analysis.contested_cli,
    analysis.group_cli, analysis.timeline_cli, incidents.incidents_cli, incidents.incident_cli, reading.entities_cli,
    analysis.grade_cli, analysis.alias_cli, analysis.export_cli,
)
for _command in COMMANDS:
    app.add_command(_command)


def main() -> None:
    """Console-script entry point (``claimledger``)."""
    app(prog_name="claimledger")


__all__ = ["app", "main"]
