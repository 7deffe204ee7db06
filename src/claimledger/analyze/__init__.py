"""Cross-document analysis: merged entities, figure groups, contest, corroboration, grades, timelines.

It reads the ledger and writes its results back to it (docs/analysis.md). ``Ledger.analyze`` runs
it (and ``Ledger.ingest`` does, after storing); ``Ledger.contested``, ``group``, ``timeline``,
``merged_entities``, ``grade``, ``merge``, ``split`` and ``export`` read and edit the results.
"""

from .run import AnalysisReport, analyze

__all__ = ["AnalysisReport", "analyze"]
