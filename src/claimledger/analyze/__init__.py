"""Cross-document analysis: merged entities, figure groups, contest, corroboration, grades, timelines.

It reads the ledger's storage and writes its results back to it (docs/analysis.md). The ``Ledger``
facade runs it (``analyze``, and ``ingest`` after storing) and reads and edits its results
(``contested``, ``group``, ``timeline``, ``merged_entities``, ``entity``, ``grade``, ``merge``,
``split``, ``export``). The package imports nothing by itself: ``run`` needs MinHash and numpy,
which the read-only commands never load.
"""
