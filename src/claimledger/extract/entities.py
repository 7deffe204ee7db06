"""Entities."""
from spacy.tokens import Doc
from ..records import Entity, Quote


def extract_entities(doc: Doc, quotes: list[Quote]) -> list[Entity]:
    """(work in progress)"""
    return []
