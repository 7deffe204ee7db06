"""Back-references: a definite phrase that counts again what a figure of the text already counted.

"Iran issued arrest warrants for 36 people ... the 36 must face trial"; "four of whom were hit ...
all four are in stable condition"; "Three of the victims were officers ... the three officers".
The annotation guide says such a phrase is no figure (it states no new amount: the figure gold lists
"the two units" and "the 36 arrest warrants" among its negatives), yet it speaks of the same quantity
as the figure it points back to. So it is kept apart, as a ``Reference`` to that figure: the ledger
puts it in the figure's group, and a reader sees where the text comes back to a number.

A reference needs an antecedent: an earlier figure of the same text with the same value and a
compatible kind. A definite number with none ("the 2.8 million who voted") stays what the figure
rules make of it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..records import Figure, Reference
from ._cache import doc_text
from .lexicon import BACK_REFERENCE_DETERMINERS, GENERIC_PERSON_NOUNS
from .numbers import currency_before

# Categories that are measures: two figures of one of them are the same quantity only in the same unit
# ("five miles" is not "five kilometres"); counts of people, things and events compare by category.
MEASURES = frozenset({"money", "percent", "duration", "distance"})
# How far back a number with no noun ("the two") may point: like a pronoun, to something recent. Of 33 bare
# references on the bundled corpus and PolNeAR train, 3 reached further; the one of them read in context
# ("seeing the two as distinct concepts", 14,000 characters after "two brothers") was wrong.
BARE_REACH = 3_000
FATES = frozenset({"deaths", "injuries", "casualties", "detained", "missing"})
PEOPLE = FATES | {"people", "troops"}


def determiner_before(tokens: list[Token], i: int) -> Token | None:
    """The definite determiner right before the number at ``tokens[i]`` (or before its currency sign):
    "the 36", "all four", "these five weeks", "the US$2 million bond"."""
    k = i - 1 if currency_before(tokens, i) is not None else i
    if k > 0 and tokens[k - 1].lower_ in BACK_REFERENCE_DETERMINERS:
        return tokens[k - 1]
    return None


def refers_back(candidate: Figure, determiner: Token, earlier: list[Figure]) -> Reference | None:
    """The reference that ``candidate`` (a figure read after a definite determiner) makes to the latest
    earlier figure of the same quantity; None when there is none, or the number is no count worth
    pointing at (one, a range, a decimal such as a magnitude "the 5.0 earthquake")."""
    if candidate.low is None or candidate.low != candidate.high or candidate.low < 2 or "." in candidate.text:
        return None
    doc = determiner.doc
    antecedent = next((f for f in reversed(earlier) if same_quantity(f, candidate, doc)), None)
    if antecedent is None:
        return None
    start = determiner.idx
    return Reference(start=start, end=candidate.end, text=doc_text(doc)[start:candidate.end], low=candidate.low,
                     high=candidate.high, figure={"start": antecedent.start, "end": antecedent.end,
                                                  "text": antecedent.text})


def same_quantity(figure: Figure, candidate: Figure, doc: Doc) -> bool:
    """Same value, and the same thing counted: the same measure in the same unit; for counts, no noun
    ("the 36", "all four"), the same noun, the same fate, a word for any person ("the nine men") after a
    count of people, or a noun the figure's sentence ties to it ("arrest warrants for 36 people ... the
    36 arrest warrants"; "three of the victims were officers ... the three officers").
    Two counts of different things that happen to be equal ("two debates", "the two parties") are not."""
    if figure.vague or figure.low != candidate.low or figure.high != candidate.high:
        return False
    if {figure.category, candidate.category} & MEASURES:
        return figure.category == candidate.category and figure.unit == candidate.unit
    if candidate.unit is None:
        return candidate.start - figure.end <= BARE_REACH
    if candidate.unit == figure.unit:
        return True
    if figure.category == candidate.category and figure.category in FATES:
        return True  # "three people were killed ... the three deceased": one fate, one count, one text
    if candidate.unit in GENERIC_PERSON_NOUNS and figure.category in PEOPLE:
        return True  # "nine suspects were arrested ... the nine men"
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() == candidate.unit and tied(t, span.root) for t in span.sent)


def tied(word: Token, root: Token) -> bool:
    """``word`` names what the figure rooted at ``root`` counts: the figure hangs from it through a
    preposition ("warrants for 36 people"), from its verb ("issued warrants for 36 people", as the
    parser often attaches the preposition), or a copula links them ("three of the victims were officers")."""
    if word == root:
        return False
    return word in (root.head, root.head.head) or word.head in (root.head, root.head.head) and word.dep_ in {
        "attr", "appos", "dobj"}
