"""Learned report frames: a verb whose complement of one grammatical kind is, in annotated news,
usually what somebody reported ("defended the new tax plan", "warned of the dangers", "recalled
going to conventions"). Hand-listed cue lemmas miss most of these on unseen text; the table
``data/report_frames.json`` lists the (lemma, frame) pairs with their counts instead.

The table is built by ``scripts/train_report_frames.py`` from PolNeAR's train split: every verb
and each of its complements (``dobj``, ``ccomp``, an ``-ing`` or ``to`` ``xcomp``, ``prep:<word>``
with its object) is counted, and counted positive when a gold reported statement covers the
complement (the scorer's overlap >= 0.5). Pairs seen often enough and positive often enough, and
not mostly beliefs or intentions (PolNeAR's ignored spans), are kept, a verb no hand-written cue list
names needing more sightings: 64 frames, 3,340 positives of 4,415 complements on PolNeAR train. ``candidate`` and ``complements`` are shared by the training
script and the extractor, so the table measures exactly the verbs and spans the extractor reports.
It only adds: a verb gets a frame's complement when the hand-written rules gave it no content.
PolNeAR dev reported+source 0.647 -> 0.655, tune unchanged.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from spacy.tokens import Token

from .cues import subject_of
from .extent import run_around
from .lexicon import FIRST_PERSON, NOT_REPORTING
from .cues import to_infinitive
from .speech_acts import negated

TABLE = "report_frames.json"
# Prepositions whose object can be what was said ("talk about X", "warned of X", "cited X as Y").
FRAME_PREPS = frozenset("about on of at for to against over as with into from regarding in".split())


def frame_tokens(head: Token) -> list[Token]:
    """A complement as the contiguous run of its subtree around its head, without edge
    punctuation, a leading 'that' or a leading relative pronoun."""
    run = run_around(head, {t.i for t in head.subtree})
    while run and (run[0].is_punct or run[0].is_space or run[0].dep_ == "mark" and run[0].head == head):
        run = run[1:]
    while run and (run[-1].is_space or run[-1].is_punct and run[-1].text not in {"”", "\"", ")"}):
        run = run[:-1]
    return run


# Forms another module reads already: 'X, citing Y, said C' and 'C, citing Y' are attributions.py's
# (an informant or a cited claim); the table would credit the same words twice.
OWNED_FORMS = frozenset({"citing"})


def candidate(verb: Token) -> bool:
    """A verb whose complement could be a report: finite or participial (a bare 'to defend X' is a
    purpose or plan), with a subject that names a source, not negated, not a belief verb."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in NOT_REPORTING or to_infinitive(verb):
        return False
    if verb.lower_ in OWNED_FORMS:
        return False
    if verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False  # passive or a participle ('when asked to leave', 'the plan proposed by X'): no teller
    subject = subject_of(verb)
    return subject is not None and subject.lower_ not in FIRST_PERSON and not negated(verb, subject)


# Phrases the parser hangs on the verb that still belong to its object: "cited the tax as a reason",
# "criticized X for Y", "defended his call to raise Z" (the to-clause).
OBJECT_TAILS = frozenset({"as", "for", "against", "over", "of"})


def object_span(verb: Token, obj: Token) -> list[Token]:
    """A direct object with the verb's later phrases that continue it without a break."""
    tokens = frame_tokens(obj)
    if not tokens:
        return tokens
    last = tokens[-1].i
    for child in sorted(verb.children, key=lambda t: t.i):
        if child.i <= obj.i or child.left_edge.i != last + 1:
            continue
        if child.dep_ == "prep" and child.lower_ in OBJECT_TAILS or (
                child.dep_ in {"xcomp", "advcl"} and to_infinitive(child)):
            last = child.right_edge.i
    run = list(verb.doc[tokens[0].i : last + 1])
    while run and (run[-1].is_space or run[-1].is_punct and run[-1].text not in {"”", "\"", ")"}):
        run = run[:-1]
    return run


def stance_clause(noun: Token) -> bool:
    """'concern that C', 'confidence that C': a noun with its own that-clause."""
    return any(c.dep_ in {"acl", "ccomp"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               for c in noun.children)


def complements(verb: Token) -> list[tuple[str, list[Token]]]:
    """Each complement of a verb as (frame, tokens), in text order: 'dobj', 'ccomp', 'xcomp:ing',
    'xcomp:to' and 'prep:<word>' (its pobj or pcomp). Only complements after the verb: a fronted
    phrase is the sentence's topic, not what the verb reports."""
    found: list[tuple[str, list[Token]]] = []
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ == "dobj":
            if not stance_clause(child):  # 'expressed concern that C': noun_reports.py reports C
                found.append(("dobj", object_span(verb, child)))
        elif child.dep_ == "ccomp":
            found.append(("ccomp", frame_tokens(child)))
        elif child.dep_ == "xcomp" and (child.tag_ == "VBG" or to_infinitive(child)):
            found.append(("xcomp:ing" if child.tag_ == "VBG" else "xcomp:to", frame_tokens(child)))
        elif child.dep_ == "prep" and child.lower_ in FRAME_PREPS:
            objects = [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
            if objects:
                found.append((f"prep:{child.lower_}", frame_tokens(objects[0])))
    return [(name, tokens) for name, tokens in found if tokens]


@cache
def frame_table() -> dict[tuple[str, str], tuple[int, int]]:
    """(lemma, frame) -> (positives, total) from the shipped table, read once per process."""
    text = resources.files(__package__).joinpath("data", TABLE).read_text(encoding="utf-8")
    return {(row["lemma"], row["frame"]): (row["positives"], row["total"]) for row in json.loads(text)["frames"]}


def has_frame(verb: Token) -> bool:
    """Whether the verb's lemma has any learned frame (a cheap test before parsing complements)."""
    return verb.lemma_.lower() in frame_lemmas()


@cache
def frame_lemmas() -> frozenset[str]:
    return frozenset(lemma for lemma, _frame in frame_table())


def frame_content(verb: Token) -> list[Token]:
    """The first complement (in text order) whose frame the table lists for the verb's lemma."""
    if not has_frame(verb):
        return []
    table, lemma = frame_table(), verb.lemma_.lower()
    return next((tokens for name, tokens in complements(verb) if (lemma, name) in table), [])


def without_nested(found: list, learned: dict[tuple[int, int], int], quoted: list[tuple[int, int]]) -> list:
    """Statements less those the frame table gave whose verb lies inside another statement: 'X
    said Y defended Z' reports what X said; Y's defending is part of it, not a second report."""
    spans = [(q.start, q.end) for q in found] + quoted
    return [q for q in found if (q.start, q.end) not in learned or not any(
        start <= learned[(q.start, q.end)] < end and (start, end) != (q.start, q.end) for start, end in spans)]
