"""Extractors: each a function from a parsed spaCy ``Doc`` to plain records."""
