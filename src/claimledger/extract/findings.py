"""Findings: what a study, a poll, footage, a court or named researchers established, credited to
them ('the study found that C', 'C, the research showed', 'the video showed X doing Y', 'the jury
decided C', 'Roe and colleagues found C'). Evidence and investigators only: 'police found the car'
reports nothing.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ._cache import doc_text, span_tokens
from ..records import Attribution
from .cue_shapes import FINITE
from .marks import inside
from .lexicon import EVIDENCE_NOUNS, FINDING_VERBS, FIRST_PERSON
from .names import Speaker, is_named
from .reported import clause_tokens
from .speakers import SpeakerIndex


def findings(sent: Span, quoted: list[tuple[int, int]], index: SpeakerIndex) -> list[Attribution]:
    """'The study found that C', 'C, the research showed': what a study, a poll or researchers
    established, credited to them. Only evidence nouns count: 'police found the car' reports nothing."""
    out = []
    for verb in span_tokens(sent):
        if verb.lemma_.lower() not in FINDING_VERBS or verb.pos_ != "VERB" or inside(verb.idx, quoted):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        subject = subjects[-1] if subjects else None
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)  # "found that C" / "C, it found"
        if subject is None:
            continue
        speaker = index.resolve(subject)  # once: the tests below and the source read the same speaker
        if not (evidence(subject, speaker) or clause is not None and investigator(subject, verb, speaker)):
            continue
        if clause is None and len(subjects) > 1:  # "C, the research showed" parsed as two subjects
            clause = subjects[0]
        shown = None if clause is not None else small_clause(verb)
        if clause is not None:
            content = clause_tokens(clause, set())
        elif shown is not None:
            content = list(verb.doc[shown.left_edge.i : shown.right_edge.i + 1])
        elif verb.dep_ == "parataxis" and verb.head.pos_ in {"VERB", "AUX"} and verb.head.i < verb.i:
            content = clause_tokens(verb.head, {t.i for t in verb.subtree})
        else:
            continue
        if len(content) >= 3:
            start, end = content[0].idx, content[-1].idx + len(content[-1])
            cue = f"{subject.lower_} {verb.lower_}"
            out.append(Attribution(start, end, doc_text(sent.doc)[start:end], speaker.name, cue))
    return out


def evidence(subject: Token, speaker: Speaker) -> bool:
    """A study, poll or researchers, or a pronoun standing for them ('The researchers observed flies
    around zebras, and they found C'): ``speaker`` is what the speaker index resolved the subject to.
    PolNeAR train: 2 more findings (both in passages its gold leaves aside); tune: 1, the gold's."""
    if subject.lemma_.lower() in EVIDENCE_NOUNS or subject.lower_ in EVIDENCE_NOUNS:
        return True
    return subject.lower_ in {"they", "it"} and speaker.head in EVIDENCE_NOUNS


INVESTIGATING = frozenset("find establish determine".split())


def small_clause(verb: Token) -> Token | None:
    """'The video showed a police officer surrounded by protesters', 'the jury decided two participants
    performed best': an object right after the verb with a verb of its own hung on it is what was
    shown or found (the parser reads the clause as a noun and its participle)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1), None)
    return obj if obj is not None and any(t.dep_ in {"acl", "pcomp"} and t.pos_ == "VERB" for t in obj.subtree) else None


def investigator(subject: Token, verb: Token, speaker: Speaker) -> bool:
    """A named person or body, or 'they'/'he'/'she' standing for one, whose finite 'found C',
    'established C' or 'determined C' reports a finding: 'Roe and colleagues found C', 'the inquiry's
    chair determined C' (with a clause only: 'Roe found the keys' reports nothing). Not 'showed' ('Roe
    showed he is serious' shows by deed) nor 'decided' (a decision): PolNeAR train credits neither.
    The project's gold counts these (tune: 2 of 2 such clauses); PolNeAR train annotates few
    ('Pew found C', 'the Department of Justice found C' are not; 9 such in its texts)."""
    if subject.lower_ in FIRST_PERSON or verb.lemma_.lower() not in INVESTIGATING or verb.tag_ not in FINITE:
        return False
    if subject.lower_ in {"they", "he", "she"}:
        return speaker.is_person or speaker.label == "ORG" or speaker.head in EVIDENCE_NOUNS
    return is_named(subject)
