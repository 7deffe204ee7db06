"""Attributions."""
from spacy.tokens import Doc
from ..records import Attribution, Quote


def extract_attributions(doc: Doc, quotes: list[Quote]) -> list[Attribution]:
    """(work in progress)"""
    return []
