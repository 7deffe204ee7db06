"""Transcript turns: paragraphs that open with the speaker's label instead of a speech verb.

Interviews and debate transcripts write each turn as ``((Name)) words`` or ``NAME: words``.
The words are the labelled speaker's: a figure in an answer is the interviewee's claim, and
a quote that opens with a label ('“PENCE: Well, look ...”') is that speaker's. The turns
are not reported statements themselves (the guide's reported speech needs a cue or an
attribution phrase). The interviewer's turns are questions: a label whose turns mostly end
in "?" asks rather than claims, and its turns are left out.
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc

from ._cache import doc_text
from .marks import quote_spans
from .speakers import SpeakerIndex
from .transcripts import interviewers, labelled_turns


def transcript_claims(doc: Doc) -> list[tuple[int, int, str | None, str | None]]:
    """(start, end, speaker, cue) for labelled turns outside quotation marks, when at least two
    labels have two turns each: a conversation (two 'UPDATE: ...' lines are not a transcript)."""
    text = doc_text(doc)
    turns = labelled_turns(text)
    counts: dict[str, int] = defaultdict(int)
    for label, _, _ in turns:
        counts[label] += 1
    if sum(n >= 2 for n in counts.values()) < 2:
        return []
    quoted = quote_spans(text)
    index = SpeakerIndex.build(doc, quoted)
    asking = interviewers(turns, text)
    return [(start, end, index.label_name(label), "transcript") for label, start, end in turns
            if label not in asking and not any(s <= start < e for s, e in quoted)]


QUOTE_LABEL = re.compile(r"(?P<caps>[A-Z][A-Z.'’ -]{1,30}[A-Z]):[ \t]+(?=\S)")


def quote_label(text: str, start: int, end: int) -> str | None:
    """The speaker label a quoted passage opens with ('“PENCE: Well, look ...”'), if any."""
    match = QUOTE_LABEL.match(text, start, end)
    return match.group("caps").strip() if match else None
