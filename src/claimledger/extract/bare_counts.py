"""Numbers that count without a counted noun: 'killing 12', 'five of these', 'voted 66 to 27'.

The annotation guide counts a number whenever it states an amount, also when the sentence
leaves the noun out; these are the shapes in which it does, and the labels ('round 3',
'CentOS 7') and references back ('the 36 must face') that look alike but state none.
"""

from __future__ import annotations

from spacy.tokens import Token

from .categories import counts_a_population
from .lexicon import CHANGE_VERBS, DESIGNATION_NOUNS, FRACTION_WORDS, LABEL_NOUNS, PERSON_FATE
from .numbers import token_range
from .score_pairs import tally_pair

NOT_AMOUNT_WORDS = DESIGNATION_NOUNS | LABEL_NOUNS
# Scale words that make a bare number an amount of something. Bundled corpus without check documents: 14
# bare "N thousand / million / billion" with no counted noun and no figure before, all amounts by reading
# (populations, crowds, infections passing a million, protesters "100 thousand in London").
AMOUNT_SCALES = frozenset("thousand million billion trillion".split())


def meaningful_bare(token: Token, value: float) -> bool:
    """A number with no counted noun that still counts people: 'killing 12', '39 are dead'."""
    if token.lower_ == "one":
        return False
    if token.lower_ in AMOUNT_SCALES:  # "the population is about 7.5 million", "surpassed one million": an amount,
        return not fraction_of(token)  # but not the million of "a quarter of a million" (the guide's fractions)
    head = token.head
    lemma = head.lemma_.lower()
    fates = set().union(*PERSON_FATE.values())
    if token.dep_ in {"nsubj", "nsubjpass", "dobj"} and lemma in fates:
        return True
    if token.lower_ == "more" or token.nbor(1).lower_ == "more" if token.i + 1 < len(token.doc) else False:
        more = token if token.lower_ == "more" else token.nbor(1)
        if more.head.lemma_.lower() in fates or any(c.lower_ in fates for c in more.head.children):
            return True  # "injured at least 50 more"
    if token.dep_ == "nsubj" and any(c.dep_ in {"acomp", "attr"} and c.lower_ in fates for c in head.children):
        return True  # "190 were dead"
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.pos_ in {"AUX", "VERB"} and (nxt.lemma_.lower() in fates or any(
            c.dep_ in {"acomp", "attr"} and c.lower_ in fates for c in nxt.children)):
        return True  # "claimed 190 were dead", misparsed as an object
    if any(c.dep_ == "relcl" for c in token.children):
        return True  # "the 2.8 million who voted"
    if nxt is not None and nxt.lower_ == "strong":
        return True  # "turned out 2.9 million strong": a crowd of that many
    if elliptical(token) or counts_a_population(token):  # "a town with a population of 48,000", "a crowd of 900"
        return True
    return any(t.lemma_.lower() == "toll" for t in token.sent) and token.dep_ in {"pobj", "attr", "dobj"}


def fraction_of(scale: Token) -> bool:
    """'a quarter of a million', 'half of one million': the scale word is the whole a fraction takes part of."""
    before = [t.lower_ for t in scale.doc[max(0, scale.i - 4) : scale.i]]
    return "of" in before and any(w in FRACTION_WORDS or w.rstrip("s") in FRACTION_WORDS for w in before)


def elliptical(token: Token) -> bool:
    """A count whose noun the sentence leaves out: 'five of these', 'only 27 have ratified',
    'that number drops to six'. Labels, versions and references back are left out ('round 3 of',
    'CentOS 7 seems', 'the 36 must face')."""
    doc = token.doc
    prev = doc[token.i - 1] if token.i > 0 else None
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if prev is not None and (prev.pos_ == "PROPN" or prev.text in {"(", "[", "]", "#"} or prev.lower_ in {"the", "these", "those"}
                             or prev.lemma_.lower() in NOT_AMOUNT_WORDS):
        return False
    if nxt is not None and nxt.text in {")", ":", "/", "-"} or token_range(token) is not None and token.text[:2] in {"18", "19", "20"}:
        return False  # a list number, a ratio, a span of years ("2017–2018")
    if tally_pair(token):
        return True  # "an electoral count of 362 to 176", "45 points to 24"
    after = doc[token.i + 2 : token.i + 5]
    if nxt is not None and nxt.lower_ == "of" and after and (
            after[0].tag_ in {"DT", "PRP", "PRP$"} or any(t.tag_ == "POS" for t in after)):
        return True  # "five of these", "39 of the state's 40 delegates"
    head = token.head
    if token.dep_ in {"nsubj", "nsubjpass"} and head.pos_ == "VERB":
        return True  # "only 27 have ratified", "35 were rescued"
    verb = head.head if head.dep_ == "prep" else head
    return token.dep_ in {"dobj", "pobj"} and verb.lemma_.lower() in CHANGE_VERBS  # "rose to 58", "surpassed 100,000"
