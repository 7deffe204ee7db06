"""Direct quotes and reported speech."""
from spacy.tokens import Doc
from ..records import Quote


def extract_quotes(doc: Doc) -> list[Quote]:
    """(work in progress)"""
    return []
