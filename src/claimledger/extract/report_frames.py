"""Learned report frames: a verb whose complement of one grammatical kind is, in annotated news,
usually what somebody reported ("defended the new tax plan", "warned of the dangers", "recalled
going to conventions"). Hand-listed cue lemmas miss most of these on unseen text; the table
``data/report_frames.json`` lists the (lemma, frame) pairs with their counts instead.

The table is built by ``scripts/train_report_frames.py`` from PolNeAR's train split: every verb
and each of its complements (``dobj``, ``ccomp``, an ``-ing`` or ``to`` ``xcomp``, ``prep:<word>``
with its object) is counted, and counted positive when a gold reported statement covers the
complement (the scorer's overlap >= 0.5). Pairs seen often enough and positive often enough, and
not mostly beliefs or intentions (PolNeAR's ignored spans), are kept, a verb no hand-written cue list
names needing more sightings: 63 frames, 3,333 positives of 4,399 complements on PolNeAR train.
``candidate`` and ``complements`` are shared by the training script and the extractor, so the table
measures exactly the verbs and spans the extractor reports. It only adds: a verb gets a frame's
complement when the hand-written rules gave it no content.
PolNeAR dev reported+source 0.647 -> 0.655, tune unchanged.

Beside the table, a logistic model (``data/frame_model.json``, fitted by the same script with
scikit-learn, read here as plain weights) rates the other complements of the verbs the cue lists
name and of the verbs PolNeAR train shows reporting often ('criticize', 'cite', 'defend': the file's
``lemmas``), by ``frame_features``: lemma, frame, the verb's form and place, its subject's kind and the
complement's shape. It learns from PolNeAR train and from the project's tune gold (weighted 15 to 1,
so it learns this project's guide too), never from check or dev gold. Measured with the table
alone -> with the model: PolNeAR dev reported+source 0.654 -> 0.661, tune 0.790 -> 0.794, held-out
0.810 -> 0.821, the unseen check gold 0.612 -> 0.620; dev and ISAF unchanged.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources

from spacy.tokens import Token

from . import misparses
from .cue_shapes import without_end_punct
from .cues import subject_of, to_infinitive
from .extent import run_around
from .lexicon import FIRST_PERSON, NOT_REPORTING, OBJECT_CLAIM_VERBS, SPEECH_VERBS, THAT_CUES
from .speech_acts import negated

TABLE = "report_frames.json"
MODEL = "frame_model.json"  # the logistic model over frame_features, built by the same script
# A complement outside the table counts as a report when the model gives it at least this
# (PolNeAR train, 5-fold by document, all verbs: 1,212 complements outside the table rated so, 716
# of them gold; 0.4 and 0.5 measure alike on tune and PolNeAR dev, 0.6 lower on both).
MODEL_THRESHOLD = 0.5
# Verbs the hand-written rules know as cues. The model rates their complements and those of the
# verbs it learned as reporting (``model_lemmas``), no others: 'killed ... in X' is no report
# however its complement looks. For the table, a frame of an unlisted verb needs more sightings.
LISTED = SPEECH_VERBS | OBJECT_CLAIM_VERBS | THAT_CUES
# Prepositions whose object can be what was said ("talk about X", "warned of X", "cited X as Y").
FRAME_PREPS = frozenset("about on of at for to against over as with into from regarding in".split())


def frame_tokens(head: Token) -> list[Token]:
    """A complement as the contiguous run of its subtree around its head, without edge
    punctuation, a leading 'that' or a leading relative pronoun."""
    run = run_around(head, {t.i for t in head.subtree})
    while run and (run[0].is_punct or run[0].is_space or run[0].dep_ == "mark" and run[0].head == head):
        run = run[1:]
    return without_end_punct(run)


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
    return without_end_punct(list(verb.doc[tokens[0].i : last + 1]))


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
    """Whether the verb's lemma has a learned frame or is a listed cue, whose complements the
    frame model rates (a cheap test before parsing complements)."""
    lemma = verb.lemma_.lower()
    return lemma in frame_lemmas() or lemma in model_lemmas()


@cache
def frame_lemmas() -> frozenset[str]:
    return frozenset(lemma for lemma, _frame in frame_table())


def frame_content(verb: Token) -> list[Token]:
    """The first complement (in text order) whose frame the table lists for the verb's lemma, or
    that the frame model rates a report."""
    if not has_frame(verb):
        return []
    table, lemma = frame_table(), verb.lemma_.lower()
    return next((tokens for name, tokens in complements(verb) if (lemma, name) in table
                 or lemma in model_lemmas() and frame_probability(verb, name, tokens) >= MODEL_THRESHOLD), [])


@cache
def frame_model() -> tuple[float, dict[str, float], frozenset[str]]:
    """The frame model's bias, weights and the verbs it rates (the listed cues and the reporting
    verbs learned with it), read once per process."""
    data = json.loads(resources.files(__package__).joinpath("data", MODEL).read_text(encoding="utf-8"))
    return data["bias"], data["weights"], frozenset(data["lemmas"])


@cache
def model_lemmas() -> frozenset[str]:
    """The verbs the model rates: the cue lists as they are now (a cue added since the model was
    fitted is rated by its verb-independent weights) and the verbs learned with the model."""
    return LISTED | frame_model()[2]


def frame_probability(verb: Token, frame: str, tokens: list[Token]) -> float:
    """The model's probability that this complement of the verb is a reported statement."""
    bias, weights, _lemmas = frame_model()
    score = bias + sum(weights.get(f, 0.0) for f in frame_features(verb, frame, tokens))
    return 1 / (1 + math.exp(-score))


def length_class(n: int) -> str:
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8-15" if n <= 15 else "16+"


def subject_class(subject: Token | None) -> str:
    """What kind of source the verb's subject is: a named person or body, a pronoun, a noun."""
    if subject is None:
        return "none"
    if subject.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return subject.ent_type_
    if subject.pos_ == "PRON":
        return "pron:" + subject.lower_
    return subject.pos_


def frame_features(verb: Token, frame: str, tokens: list[Token]) -> list[str]:
    """The features the learned frame model reads for one complement: the verb's lemma and frame,
    its form and place in the sentence, its subject's kind and the complement's shape."""
    lemma, length = verb.lemma_.lower(), length_class(len(tokens))
    finite = any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in tokens)
    return [
        f"lemma={lemma}", f"frame={frame}", f"lf={lemma}|{frame}", f"tag={verb.tag_}", f"dep={verb.dep_}",
        f"subj={subject_class(subject_of(verb))}", f"len={length}", f"finite={finite}",
        f"fl={frame}|{length}", f"quote={tokens[0].text in QUOTE_OPENERS}",
        f"head={tokens[0].head.pos_ if tokens[0].head is not verb else 'verb'}",
        f"obj_pos={next((t.pos_ for t in tokens if t.head.i == verb.i or t.dep_ in {'pobj', 'pcomp'}), 'none')}",
    ]


# An opening quotation mark, also as the tokenizer writes PolNeAR's ``…'' quotes.
QUOTE_OPENERS = misparses.QUOTE_OPENERS | {"''", "``"}


def without_nested(found: list, learned: dict[tuple[int, int], int], quoted: list[tuple[int, int]]) -> list:
    """Statements less those the frame table gave whose verb lies inside another statement: 'X
    said Y defended Z' reports what X said; Y's defending is part of it, not a second report."""
    spans = [(q.start, q.end) for q in found] + quoted
    return [q for q in found if (q.start, q.end) not in learned or not any(
        start <= learned[(q.start, q.end)] < end and (start, end) != (q.start, q.end) for start, end in spans)]
