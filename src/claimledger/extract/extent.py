"""Where a reported statement begins and ends, beyond the complement clause the parse gives the
cue: the frame before a parenthetical cue ('If C1, X said, C2'), which reported.py's clause
finders leave out because the parser hangs it on the cue, and the phrases after a claimed object
that still belong to it ('blamed Iran for the attacks', 'estimated the toll at 40').
"""

from __future__ import annotations

from spacy.tokens import Token

from .cue_shapes import QUOTE_MARKS
from .cues import SUBJECT_DEPS, is_cue
from .lexicon import NAMING_VERBS, OBJECT_CLAIM_VERBS
from .misparses import other_subjects


def fronted_frame(verb: Token, content: list[Token]) -> list[Token]:
    """'If the law was never tested, the lawyer said, there is a simple reason', 'At times, aides
    said, the name made him fume', 'The permit, his campaign said, had been hard to get': a
    subject and cue set off by commas between the opening of the sentence and the rest of the
    statement. The opening belongs to what was said (the cue is an aside inside one sentence
    of the speaker's), so the statement starts with the sentence, the aside kept inside as
    ``reported.across_aside`` keeps it. A frame that holds a quotation mark, a ';' or ':', a
    speech verb or the sentence's main verb ('She compared them to X - all of whom, she
    explained, …') is left out.
    (PolNeAR train: fires 9 times, all 9 the gold span, 4 of them newly matched; tune: unchanged.)"""
    if not content or content[0].i <= verb.i:
        return content
    doc, sent = verb.doc, verb.sent
    if doc[verb.i + 1].text != "," or content[0].i != verb.i + 2:
        return content
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    if subject is None or any(not t.is_space and t.pos_ not in {"ADV", "AUX", "PART"} for t in doc[subject.right_edge.i + 1 : verb.i]):
        return content
    comma = subject.left_edge.i - 1
    first = sent.start
    while first < comma and (doc[first].is_punct or doc[first].is_space or doc[first].dep_ == "cc"):
        first += 1
    if comma <= first or doc[comma].text != ",":
        return content
    frame = doc[first:comma]
    if any(t.text in QUOTE_MARKS or t.text in {";", ":"} or is_cue(t) or t.head == t for t in frame):
        return content  # a quotation, a clause of the sentence's own or a report of its own
    anchors = {verb.i, content[0].head.i} | {t.i for t in content}
    if any(t.head.i not in anchors and not first <= t.head.i < comma for t in frame):
        return content  # part of some other phrase: not an opening of this sentence
    return list(doc[first : content[-1].i + 1])


def with_deed(verb: Token, content: list[Token]) -> list[Token]:
    """'called for a special prosecutor to review the case', 'calling on the states “to act now”':
    the infinitive after the one called on or for is what they are asked to do, part of the
    demand; the parser hangs it on 'call', past the object that ends the content, and a
    quotation mark opening it hides it from ``speech_acts.called_on``.
    (PolNeAR train: fires 5 times, all 5 the gold span, newly matched.)"""
    if not content:
        return content
    doc = verb.doc
    after = content[-1].i + 1
    while after < len(doc) and doc[after].text in QUOTE_MARKS:
        after += 1
    deed = next((c for c in verb.children if c.dep_ in {"xcomp", "advcl"} and c.left_edge.i == after
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if deed is None:
        return content
    return list(doc[content[0].i : last_word(deed) + 1])


def but_continued(verb: Token, content: list[Token]) -> list[Token]:
    """'said the process was fair, but required candidates to make an effort', 'said she wanted
    change, but found him too objectionable': a verb phrase with no subject of its own, joined
    by 'but' right after the content, goes on with the content's subject, though the parser
    hangs it on the cue. A speech or claim verb there ('…, but argued that C', 'but called it
    X', 'but went on to say C') or a verb with a clause of its own ('but agreed that C') is the
    speaker's next act, a report of its own, and stays out.
    (PolNeAR train: fires 14 times: 10 spans closer to the gold, 5 of them newly matched; one
    match longer than the gold; 3 matches lost where the phrase was the speaker's own act, 'but
    took issue with X'.)"""
    if not content:
        return content
    doc, last = verb.doc, content[-1].i
    for child in verb.children:
        if child.dep_ != "conj" or child.left_edge.i <= last or is_cue(child) \
                or child.lemma_.lower() in OBJECT_CLAIM_VERBS \
                or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} or c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}
                       or c.dep_ == "xcomp" and is_cue(c) for c in child.children):
            continue
        between = [t for t in doc[last + 1 : child.left_edge.i] if not t.is_space]
        if not between or any(not t.is_punct and t.lower_ != "but" for t in between) \
                or not any(t.lower_ == "but" and t.head == verb for t in between):
            continue
        return list(doc[content[0].i : last_word(child) + 1])
    return content


def last_word(head: Token) -> int:
    """The index where ``head``'s phrase ends, trailing punctuation and space left out (a closing
    quotation mark kept): the end of a phrase a statement is extended over."""
    doc, end = head.doc, head.right_edge.i
    while end > head.i and (doc[end].is_punct or doc[end].is_space) and doc[end].text not in QUOTE_MARKS:
        end -= 1
    return end


TAIL_OPENERS = frozenset("according without before after".split())


def continues(first: Token, content: list[Token]) -> bool:
    """Words after an aside that carry on a statement: a subordinator ('because he prizes …'), an
    infinitive ('to take cues …'), 'including', or the 'by' of a passive in the statement ('would
    be aided, X said, by the calendar'). A participle (', wiping sweat off his face', ', citing a
    source'), a noun phrase in apposition (', a policy that …') or another phrase ('on condition
    of anonymity') tells of the telling; a coordinated clause (', and should not have taken off')
    may be the writer's (tune gold leaves it out, PolNeAR's takes it in)."""
    if first.lower_ in TAIL_OPENERS:
        return False
    if first.pos_ == "SCONJ" or first.lower_ == "including" or first.dep_ == "aux" and first.lower_ == "to":
        return True
    return first.lower_ == "by" and any(t.dep_ == "auxpass" for t in content)


def after_aside(verb: Token, content: list[Token]) -> list[Token]:
    """'He leans toward X, he said, because he prizes electability', 'Nor has she any plans, aides
    say, to take cues from them': a statement that runs on past a trailing 'X said,' aside.
    The parser hangs the rest of the sentence on the cue; when the content ends right before the
    aside and the cue's own words after its comma hold no report of their own, a quotation or a
    frame of the telling ('…, he said, without elaborating', ', according to Y'), they are more
    of the statement.
    (PolNeAR train: fires 8 times, all 8 the gold span, 6 of them newly matched.)"""
    if not content or content[-1].i >= verb.i:
        return content
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and content[-1].i < c.i < verb.i), None)
    if subject is None or doc[subject.left_edge.i - 1].text != "," or subject.left_edge.i - 1 > content[-1].i + 1:
        return content
    comma = verb.i + 1
    while comma < len(doc) and doc[comma].head == verb and doc[comma].dep_ in {"npadvmod", "advmod"} and not doc[comma].is_punct:
        comma += 1  # ', the candidate said Friday, …'
    last = verb.right_edge.i
    if comma >= last or doc[comma].text != ",":
        return content
    tail = list(doc[comma + 1 : last + 1])
    if not tail or not continues(tail[0], content) or any(is_cue(t) or t.text in QUOTE_MARKS or t.text in {";", ":"} for t in tail):
        return content
    while tail and (tail[-1].is_punct or tail[-1].is_space):
        tail = tail[:-1]
    return list(doc[content[0].i : tail[-1].i + 1]) if tail else content


def run_around(head: Token, ids: set[int]) -> list[Token]:
    """The contiguous run of token ids around a clause's head: a subtree less what was cut from it
    (asides, nested cues) ends at the first gap, so a cut never leaves two pieces glued."""
    first = last = head.i
    while first - 1 in ids:
        first -= 1
    while last + 1 in ids:
        last += 1
    return list(head.doc[first : last + 1])


OBJECT_PREPS = frozenset({"for", "of", "against", "on", "in", "as", "over", "to"})


def object_run(verb: Token, obj: Token) -> list[Token]:
    """An object with the verb's later complements ('500 casualties last week', 'Iran for the attacks')."""
    doc = verb.doc
    last = obj.right_edge.i
    for child in sorted(verb.children, key=lambda t: t.i):
        if child.i <= obj.i or child.left_edge.i != last + 1:
            continue
        if child.dep_ == "npadvmod" or child.dep_ == "prep" and (child.lower_ in OBJECT_PREPS or valued_at(child)) or (
            child.dep_ in {"oprd", "xcomp", "ccomp", "advcl"} and verb.lemma_.lower() in NAMING_VERBS
        ):
            last = child.right_edge.i
    tokens = list(doc[obj.left_edge.i : last + 1])
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return tokens


def valued_at(prep: Token) -> bool:
    """'estimated the population at just over one million', 'his fortune at about $42 billion': the value
    the object is put at, not the manner ('at the slowest pace in 50 years') nor a place ('at a depth
    below 1400 feet'). PolNeAR train 1 such, tune 1: both estimates now hold their figure."""
    value = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return prep.lower_ == "at" and value is not None and (
        value.like_num or value.tag_ in {"$", "CD"} or any(c.dep_ in {"nummod", "quantmod"} for c in value.children))


def with_detail(content: list[Token]) -> list[Token]:
    """'warned of potential flash floods, with up to 30 inches of rain in the north': a ', with'
    phrase right after the statement details what was said (PolNeAR train gold keeps such a phrase
    inside a statement 32 times and ends before it 6; tune 5 and 0). Not an absolute clause with a
    verb of its own (', with X taking to Twitter to call …'), which is the writer's."""
    if not content:
        return content
    doc, last = content[0].doc, content[-1].i
    if last + 2 >= len(doc) or doc[last + 1].text != "," or doc[last + 2].lower_ != "with":
        return content
    detail = doc[last + 2]
    if detail.head.i > last or any(t.pos_ in {"VERB", "AUX"} for t in detail.subtree):
        return content  # hung on something later, or a clause of its own
    return list(doc[content[0].i : detail.right_edge.i + 1])


def trailing_clause(verb: Token) -> list[Token]:
    """The words after a cue up to the end of its clause (';' or the sentence end)."""
    rest = []
    for token in verb.doc[verb.i + 1 : verb.sent.end]:
        if token.text in {";", ":"}:
            break
        rest.append(token)
    while rest and rest[-1].is_punct:
        rest = rest[:-1]
    while rest and rest[0].dep_ == "prep" and rest[0].head == verb:
        rest = rest[rest[0].right_edge.i - rest[0].i + 1 :]
    return rest


def predicate_run(verb: Token) -> list[Token]:
    """What a predicate the parser hung on its subject reports: the rest of its clause, which ends
    where the sentence's predicate has a subject of its own ('The seller asked for time, but the buyer
    said C'). An -ing form is no predicate: its report ends with its phrase ('mayors declaring support
    for the plan met …')."""
    rest = trailing_clause(verb)
    if verb.tag_ == "VBG":
        return [t for t in rest if t.i <= verb.right_edge.i]
    other = min((c.left_edge.i for c in other_subjects(verb) if c.i > verb.i), default=None)
    rest = [t for t in rest if other is None or t.i < other]
    while rest and (rest[-1].is_punct or rest[-1].dep_ == "cc"):
        rest = rest[:-1]
    return rest
