"""Figures."""
from spacy.tokens import Doc
from ..records import Attribution, Figure, Quote


def extract_figures(doc: Doc, quotes: list[Quote], attributions: list[Attribution]) -> list[Figure]:
    """(work in progress)"""
    return []
