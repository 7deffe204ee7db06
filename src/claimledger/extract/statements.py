"""Press-release statements: a line 'Minister X said:' and the unquoted paragraphs under it, which
are X's statement. News uses the same colon for other things ('X tweeted the transcript:', 'X
argued that:' over bullet points), so only a line that ends on its cue introduces a statement.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ._cache import doc_text
from ..records import Quote
from .cues import is_cue, sent_tokens, subject_of
from .speakers import SpeakerIndex


def colon_statements(doc: Doc, direct: list[Quote], index: SpeakerIndex) -> list[Quote]:
    """Press-release style: a line 'Minister X said:' then unquoted paragraphs that are the statement."""
    text = doc_text(doc)
    out: list[Quote] = []
    lines = list(re.finditer(r"[^\n]+", text))
    for n, line in enumerate(lines):
        if not line.group().rstrip().endswith(":"):
            continue
        in_line = sent_tokens(doc, line.start(), line.end())
        cues = [t for t in in_line if is_cue(t) and subject_of(t) is not None and subject_of(t) in in_line]
        if not cues or any(0 <= q.start - line.end() < 5 for q in direct):
            continue
        if not ends_in_cue(cues[-1], in_line):
            continue
        speaker = index.resolve(subject_of(cues[-1]))
        for following in lines[n + 1 :]:
            start, end = following.start(), following.end()
            chunk = text[start:end]
            if not chunk.strip():
                continue
            if chunk.lstrip()[:1] in "“\"«" or chunk.lstrip().startswith("''") or chunk.rstrip().endswith(":"):
                break
            start += len(chunk) - len(chunk.lstrip())
            end = start + len(chunk.strip())
            out.append(Quote("indirect", start, end, text[start:end], speaker.name, speaker.title, cues[-1].lower_))
    return out


SETTING_PREPS = frozenset({"in", "on", "at", "during", "after", "before", "via", "through", "from", "with"})


def ends_in_cue(cue: Token, line: list[Token]) -> bool:
    """'Minister X said:' / 'X said in a statement:' end on the cue (or where and how it was
    said), so the next lines are what was said. 'X tweeted the transcript for context:',
    'X argued that:' or 'X noted the sparse attendance:' announce something else."""
    after = [t for t in line if t.i > cue.i and not t.is_punct and not t.is_space]
    allowed = set()
    for child in cue.children:
        if child.i > cue.i and (child.dep_ in {"advmod", "npadvmod", "prt"} or child.dep_ == "prep" and child.lower_ in SETTING_PREPS):
            allowed.update(t.i for t in child.subtree)
    return all(t.i in allowed for t in after)
