"""Whether a fate a text tells of is a casualty of the report's incident: not a death from illness or
age, not an outbreak's toll, not planned, suspected or habitual, not background dated well before the
report. ``extract.casualties`` asks these of every fate word before counting its people.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Token

from ._cache import doc_ents, doc_sents, span_tokens
from .dates import explicit_date
from .tally_words import INCIDENT_WORDS, NATURAL_CAUSES, NOT_AN_EVENT

MODALS = frozenset("will would could might may shall should can".split())
QUIET_DEATHS = frozenset("die death dead perish".split())


def natural(fate: Token, doc: Doc) -> bool:
    """A death from illness or age ('died of the coronavirus', 'dies aged 79', 'natural causes'),
    or a 'died' / 'death' that no incident word stands beside."""
    if natural_cause(fate) or illness(fate, doc):
        return True
    if fate.lemma_.lower() in QUIET_DEATHS and not any(
            t.lemma_.lower() in INCIDENT_WORDS or t.lower_ in INCIDENT_WORDS for t in context(fate, doc)):
        return True
    after = " ".join(t.lower_ for t in fate.doc[fate.i + 1 : fate.i + 5])
    return after.startswith(("aged", "at age", "at the age", "of natural", "of old age"))


def illness(fate: Token, doc: Doc) -> bool:
    """An outbreak's toll: an illness named in the fate's sentence or the one before ('a total of 5667 cases
    during the outbreak. Out of these, 1846 persons were hospitalized ... while 81 had lost their lives')
    and no incident word there."""
    near = context(fate, doc, lead=False)
    named = lambda words: any(t.lower_ in words or t.lemma_.lower() in words for t in near)
    return named(NATURAL_CAUSES) and not named(INCIDENT_WORDS)


def natural_cause(fate: Token) -> bool:
    """The fate's sentence names an illness: 'died of pneumonia', 'was taken ill ... and taken to hospital',
    'suffered a cardiac arrest'."""
    return any(t.lower_ in NATURAL_CAUSES or t.lemma_.lower() in NATURAL_CAUSES for t in fate.sent)


def context(fate: Token, doc: Doc, lead: bool = True) -> list[Token]:
    """Where an incident word may stand: the sentence, the one before, and the report's lead."""
    sentences = doc_sents(doc)
    index = next(i for i, sent in enumerate(sentences) if sent.start <= fate.i < sent.end)
    near = sentences[max(0, index - 1) : index + 1] + sentences[: 2 if lead else 0]
    return [t for sent in near for t in span_tokens(sent)]


def not_an_event(token: Token) -> bool:
    """A fate that did not happen in this report: planned, suspected, modal, habitual."""
    chain = [token]
    while chain[-1].dep_ in {"conj", "xcomp"} and chain[-1].head != chain[-1] and len(chain) < 4:
        chain.append(chain[-1].head)  # "will continue to capture or kill"
    for verb in chain:
        if any(c.lower_ in MODALS and c.dep_ == "aux" for c in verb.children):
            return True
        if any(c.tag_ == "TO" and c.dep_ == "aux" for c in verb.children):
            return True  # "an operation to detain a leader": a purpose, not an event
    if token.tag_ in {"VBZ", "VBP"} or any(c.dep_ in {"aux", "auxpass"} and c.lemma_ == "be" and c.tag_ in {"VBZ", "VBP"} for c in token.children):
        return True  # "civilians are killed by these devices": what happens, not what happened
    seen = token
    for _ in range(6):
        if seen.lemma_.lower() in NOT_AN_EVENT and seen != token:
            return True
        if seen.head == seen:
            break
        seen = seen.head
    return False


BACKGROUND_DAYS = 3  # an incident dated further back than this is background to the report
PAST_PERIOD = re.compile(
    r"\b(since|last (year|month)|past (year|month|week|\w+ (months|weeks|years))|earlier this (year|month)"
    r"|beginning of the year|(19|20)\d\d)\b|^(in )?(january|february|march|april|may|june|july|august|september"
    r"|october|november|december)$", re.I)


def background(fate: Token, anchor: date | None) -> bool:
    """A fate told as background: its sentence dates it to a past period ('since June',
    'last year', 'in 2009') or to a day well before the report ('the July 2 attack'); a sentence
    that names no date goes on from the one before it in its paragraph ('In June, insurgents
    engaged the assault force ... The assault force responded killing more than 30 insurgents')."""
    sent = fate.sent
    dates = [ent for ent in doc_ents(fate.doc) if ent.label_ == "DATE"]
    if not any(sent.start <= ent.start < sent.end for ent in dates) and sent.start > 0:
        before = fate.doc[sent.start - 1].sent
        if "\n" not in fate.doc[before.end - 1 : sent.start + 1].text:
            sent = before
    for ent in dates:
        if not sent.start <= ent.start < sent.end or (dates_another_verb(ent.root, fate) if sent == fate.sent else not dates_root(ent.root)):
            continue
        text = ent.text.strip()
        day = any(t.like_num and len(t.text) <= 2 for t in ent)
        if PAST_PERIOD.search(text) and not day:
            return True
        when = explicit_date(text, anchor) if day and anchor else None
        if when is not None and (anchor - when).days > BACKGROUND_DAYS:
            return True
    return False


def dates_root(date: Token) -> bool:
    """The date dates its sentence's main clause ('In June, insurgents engaged ...'), not a noun in it ('responsible
    for the January and May, 2012 suicide bombings')."""
    head = date.head.head if date.dep_ == "pobj" else date.head
    return head.dep_ == "ROOT" and date.dep_ in {"pobj", "npadvmod", "advmod", "tmod"}


def dates_another_verb(date: Token, fate: Token) -> bool:
    """The date belongs to a clause of another verb inside the fate's sentence: 'Police detained eight
    people, including X, who warned of the outbreak in December' dates the warning, not the detention
    (a clause about the incident itself still dates it: 'killed in a bombing that happened on June 27')."""
    token = date
    while token.i != fate.i and token.head.i != token.i:
        if token.dep_ in {"relcl", "acl"} and token.pos_ in {"VERB", "AUX"} and not token.left_edge.i <= fate.i <= token.right_edge.i:
            return token.head.lemma_.lower() not in INCIDENT_WORDS  # 'a bombing that happened on June 27' dates the fate
        token = token.head
    return False
