"""Questions: 'X asked whether C', 'X was asked if C', 'Asked what C, X said …'. A question credits
no content to anyone (annotation guide: a reported statement is content credited to a source), so it
is not reported: 'Levinson asked whether Oakland was part of the US' would otherwise put 'Oakland was
part of the US' in the ledger as her claim. The tune gold counts none of the 3 questions of its
articles and the second annotations none either; PolNeAR counts them (train: 44 of 50), one of the
places its conventions and the guide's part. And 'asked' with no asker named ('Asked about X, Trump
claimed …', 'was asked to leave') names nobody who asked: the one asked did not ask.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import QUESTION_WORDS

QUESTION_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def unnamed_asker(verb: Token) -> bool:
    """'X was asked to …', 'Asked about C, X said …': an 'asked' with no asker named. Whatever it
    reports (a request; a question is not reported at all, see ``asks``) is credited to nobody: the one
    asked, whom the parse offers as the subject, did not ask it (measured while questions were still
    reported: PolNeAR train +19 sources, none lost). The tagger often reads the opening 'Asked' as a
    past tense; a subjectless adverbial clause is the participle all the same (then: PolNeAR train 10
    more, 9 matching gold, 1 without gold)."""
    participle = verb.tag_ == "VBN" or verb.tag_ == "VBD" and verb.dep_ == "advcl"
    return verb.lemma_.lower() == "ask" and participle and not any(c.dep_ in {"nsubj", "agent"} for c in verb.children)


def asks(verb: Token, content: list[Token]) -> bool:
    """'asked whether C', 'asked Roe if C', 'asked how C': the clause an 'ask' reports opens with 'if',
    'whether' or a wh-word (or the parse left that word just before it): a question put, not content
    anyone claimed. 'asked them to leave' (a request) is no question."""
    if verb.lemma_.lower() != "ask" or not content:
        return False
    first = content[0]
    before = first.doc[first.i - 1] if first.i > 0 else None
    return any(t is not None and (t.lower_ in QUESTION_WORDS or t.tag_ in QUESTION_TAGS) and t.i > verb.i
               for t in (first, before))
