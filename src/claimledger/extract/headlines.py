"""Who is quoted in a headline: 'Senator Jones: ‘We Will Not Back Down’'.

News headlines credit a quote by writing the speaker and a colon before it, with no verb. The
document's first line is its headline when it is short and a line break follows. PolNeAR train
(840 documents): fires on 41 quotes in 33 headlines; 37 are gold quotes credited to the words
before the colon, 1 is gold credited to a longer form of the same name (the converter's title
artefact), 3 are not annotated (the span, not the speaker, is then the false alarm); 26 of the 37
had no speaker or the wrong one before.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ._cache import doc_text
from .cues import OPENING_MARKS, sent_tokens
from .names import Speaker
from .speakers import SpeakerIndex

__all__ = ["dash_label", "headline_speaker"]

HEADLINE_CHARS = 200
PREFIX = re.compile(r"([^:\n“”‘’\"']{2,80}):\s")
# Labels that open a headline without naming anyone ("The Latest: …", "EXCLUSIVE: …").
KICKERS = frozenset("""
the latest|exclusive|breaking|breaking news|update|updated|watch|video|photos|live|analysis|opinion|
editorial|factbox|explainer|busted|wow|just in|first on
""".replace("\n", "").split("|"))
# Words that end the speaker's part of a prefix: "Gillibrand on Hillary's transcripts".
TOPIC_WORDS = frozenset({"on", "about"})


def headline_speaker(doc: Doc, start: int, end: int, index: SpeakerIndex) -> Speaker | None:
    """The speaker a headline names before its colon for a quote at ``start``, or None when the
    quote is not in a 'Name: ‘…’' headline (a span that runs past the line is no headline quote)."""
    text = doc_text(doc)
    line_end = text.find("\n")
    if line_end == -1 or line_end > HEADLINE_CHARS or end > line_end:
        return None
    match = PREFIX.match(text)
    if match is None or match.end() > start:
        return None
    name = text[:speaker_end(doc, match.end(1))].strip()
    words = name.split()
    if not words or name.lower() in KICKERS or not words[0][:1].isupper():
        return None
    if len(words) == 1:
        name = index.canonical(name)  # 'Trump: …' is the Donald Trump of the story
    return Speaker(name, None, True, words[-1].lower(), 0)


def speaker_end(doc: Doc, end: int) -> int:
    """Where the prefix's speaker ends: at a topic word or a verb ('X Endorses Y', 'X on Y'),
    which begin what the headline says, not who speaks."""
    for token in doc:
        if token.idx >= end:
            break
        if token.i > 0 and (token.lower_ in TOPIC_WORDS or token.pos_ in {"VERB", "AUX"}):
            return token.idx
    return end


DASH_LABEL = re.compile(r"\s[-–—]\s+([^-–—:\n]{2,60}):[\s\xa0]*$")


def dash_label(doc: Doc, start: int, index: SpeakerIndex) -> Speaker | None:
    """'Turnout rose - Jane Roe: “…”': a newsletter item gives a topic, a dash, then the source's
    name and a colon; the name speaks the quote, not the subject of the topic before the dash.
    The label must be a name (proper nouns, 'and'). PolNeAR train: fires 8 times, 7 now match
    gold, 1 without gold (right by reading), all in two newsletter roundups of one outlet. Tune: none."""
    text = doc_text(doc)
    before = len(text[:start].rstrip(OPENING_MARKS))
    match = DASH_LABEL.search(text, max(0, before - 80), before)
    if match is None:
        return None
    label = [t for t in sent_tokens(doc, match.start(1), match.end(1)) if not t.is_space]
    if not label or not all(t.pos_ == "PROPN" or t.lower_ == "and" or t.text == "." for t in label):
        return None
    name = " ".join(match.group(1).split())
    if len(label) == 1:
        name = index.canonical(name)
    return Speaker(name, None, True, label[-1].lower_, label[0].idx)
