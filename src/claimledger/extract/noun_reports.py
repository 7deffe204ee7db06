"""Reports carried by a noun: "Trump's claim that C", "her assertion that C", "despite
complaints that C", "he expressed concern that C".

The noun names a speech act and its complement clause ("that C", a clause with the
subordinator "that", not a relative clause) is the content. The source is the noun's
possessor, else the subject of the verb the noun is the object of, else nobody named.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ._cache import doc_text
from ..records import Attribution, Quote
from .lexicon import ANSWER_NOUNS, CLAIM_NOUNS, FIRST_PERSON
from .cue_shapes import FINITE
from .cues import subject_of
from .marks import inside
from .quote_fit import fit_to_quotes
from .reported import clause_tokens
from .speakers import SpeakerIndex, tokens_spelled

PREDICATED_NOUNS = CLAIM_NOUNS | ANSWER_NOUNS
# The claim nouns as written (singular or plural), to find candidates without visiting every token.
CLAIM_WORDS = re.compile(r"\b(?:" + "|".join(sorted(PREDICATED_NOUNS)) + r")s?\b", re.I)


def noun_reports(doc: Doc, direct: list[Quote], index: SpeakerIndex) -> list[Attribution]:
    """One attribution per claim noun with a 'that' complement clause outside quotation marks."""
    quoted = sorted((q.start, q.end) for q in direct)
    found = []
    claims = [t for t in tokens_spelled(doc, CLAIM_WORDS) if t.lemma_.lower() in CLAIM_NOUNS or predicated(t)]
    for token in claims + voiced_feelings(doc):
        if token.pos_ != "NOUN" or inside(token.idx, quoted):
            continue
        clause = that_clause(token)
        if clause is None:
            continue
        content = clause_tokens(clause, set())
        if len(content) < 2:
            continue
        span = fit_to_quotes(doc_text(doc), content[0].idx, content[-1].idx + len(content[-1]), direct)
        if span is None:
            continue
        source = claimant_of(token)
        name = None
        if source is not None and source.lower_ not in FIRST_PERSON:
            name = index.resolve(source).name
        found.append(Attribution(span[0], span[1], doc_text(doc)[span[0] : span[1]], name, token.lower_))
    return found


VOICING_VERBS = frozenset({"express", "voice"})
VOICING_WORDS = re.compile(r"\b(?:express|voic)(?:e|es|ed|ing)?\b", re.I)


def voiced_feelings(doc: Doc) -> list[Token]:
    """'expressed concern that C', 'voiced confidence that C': the object of a verb of voicing
    names a stance put into words, and its 'that' clause is what was said, like a claim noun's.
    (PolNeAR train: fires 12 times, 10 the gold span, newly matched, 9 with the gold's source; 1
    longer than the gold, 1 without gold: 'voiced confidence that C', a report all the same.)"""
    found = []
    for token in tokens_spelled(doc, VOICING_WORDS):
        if token.lemma_.lower() in VOICING_VERBS and token.pos_ == "VERB":
            found += [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() not in CLAIM_NOUNS]
    return found


def predicated(noun: Token) -> bool:
    """'The senator's answer was that C', 'His argument is that C': a claim or answer noun as the
    subject of 'be', whose 'that' clause after the copula is what was said.
    (PolNeAR train: fires 9 times, 8 the gold span, newly matched; 1 'contention' without gold.)"""
    return noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and noun.lemma_.lower() in PREDICATED_NOUNS


def that_clause(noun: Token) -> Token | None:
    """The complement clause 'that C' of a noun (its 'that' is a subordinator, not a relative
    pronoun), or of the copula it is the subject of ('the claim is that C')."""
    clauses = [c for c in noun.head.children if c.dep_ in {"ccomp", "attr", "acomp"}] if predicated(noun) else []
    clauses += [c for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"}]
    return next((c for c in clauses if c.i > noun.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)),
                None) or thatless_clause(noun)


# What makes a clause complete: an object or complement of its own, so no word of it is missing for
# the noun before it to fill ('allegations he beat his ex-wife', not 'a claim Clinton made').
COMPLETE_DEPS = frozenset({"dobj", "xcomp", "ccomp", "attr", "acomp", "oprd"})


def thatless_clause(noun: Token) -> Token | None:
    """'allegations he beat his ex-wife', 'after an allegation he assaulted X': a complete clause right
    after the noun, its subject first, is the claim with 'that' left out; the parser makes it a
    relative clause. Not 'a claim Clinton made' (a relative clause: its verb lacks the object the noun
    is). Tune gold: 3 such clauses, all annotated, 2 now found; PolNeAR train: fires once, the gold's."""
    clause = next((c for c in noun.children if c.dep_ in {"relcl", "acl"} and c.left_edge.i == noun.i + 1), None)
    if clause is None or clause.tag_ not in FINITE:
        return None
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.left_edge.i != noun.i + 1 or subject.tag_ in {"WP", "WDT"}:
        return None
    return clause if any(c.dep_ in COMPLETE_DEPS for c in clause.children) else None


def claimant_of(noun: Token) -> Token | None:
    """Whose claim: 'Trump's claim', 'a claim by X', else the subject of 'X made the claim that'."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "from"}:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if noun.dep_ in {"dobj", "attr"} and noun.head.pos_ in {"VERB", "AUX"}:
        return subject_of(noun.head)
    return prepositional_claimant(noun)


def prepositional_claimant(noun: Token) -> Token | None:
    """'X said in a statement that C', 'X opened with an assertion that C': a claim
    noun in a phrase hanging on the verb is the verb's subject's claim. Only 'in' and 'with': 'resigned
    after allegations that C', 'despite complaints that C' are other people's claims. PolNeAR
    train: fires 7 times, 5 now match gold, 1 wrong (assurances given to the subject), 1 half right
    (the organisation for its director). Tune: none."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in {"in", "with"} \
            or prep.head.pos_ not in {"VERB", "AUX"}:
        return None
    return subject_of(prep.head)
