"""Questions put by someone the text does not name: 'Asked whether C, X said …', 'X was asked
if C', 'when asked who C'. The question is reported speech (the asker's words, given
indirectly), its source unnamed; the one asked, whom the parse offers as the subject, did not
ask it.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import QUESTION_WORDS

QUESTION_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def unnamed_asker(verb: Token) -> bool:
    """'Asked whether C, X said …', 'X was asked why C': the question is the asker's, and the asker
    goes unnamed; the one asked, whom the parse offers as the subject, did not ask it
    (PolNeAR train: +19 sources, none lost, for the participle 'asked' with no asker named). The
    tagger often reads the opening 'Asked' as a past tense; a subjectless adverbial clause is the
    participle all the same (PolNeAR train: 10 more, 9 now match gold, 1 without gold)."""
    participle = verb.tag_ == "VBN" or verb.tag_ == "VBD" and verb.dep_ == "advcl"
    return verb.lemma_.lower() == "ask" and participle and not any(c.dep_ in {"nsubj", "agent"} for c in verb.children)


def asked_question(verb: Token) -> list[Token]:
    """The question an unnamed asker put: the clause after 'asked' opened by 'if', 'whether' or a
    wh-word, that word kept ('asked if she would run', 'Asked what he believed, …'), whether the
    parser makes it the participle's complement or, after an opening 'Asked', an adverbial clause.
    It ends at its first comma: the parser often runs it on into the answer ('when asked who led,
    the majority named X').
    A 'to' infinitive ('was asked to leave') is a request, not a question, and is left to the
    directive rules. Without a named asker the parse gave these no source and they were dropped.
    (PolNeAR train: 26 reports added, 14 replaced: 11 of those only gain the wh-word the gold
    keeps; 10 newly matched with the gold's empty source, 2 overlap a gold span without
    matching it, 3 questions without gold.)"""
    if not unnamed_asker(verb):
        return []
    for child in verb.children:
        if child.i <= verb.i or child.dep_ not in {"ccomp", "advcl"} or child.pos_ not in {"VERB", "AUX"}:
            continue
        first = child.left_edge
        if first.i != verb.i + 1 and not all(t.dep_ in {"npadvmod", "prep", "pobj", "det", "compound", "amod", "advmod"}
                                            for t in verb.doc[verb.i + 1 : first.i]):
            continue  # something other than 'on Monday', 'in Iowa recently' between cue and question
        if first.lower_ not in QUESTION_WORDS and first.tag_ not in QUESTION_TAGS:
            continue
        end = next((t.i - 1 for t in verb.doc[first.i + 1 : child.right_edge.i + 1] if t.text == ","), child.right_edge.i)
        while end > first.i and (verb.doc[end].is_punct or verb.doc[end].is_space):
            end -= 1
        return list(verb.doc[first.i : end + 1])
    return []
