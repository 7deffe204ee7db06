"""Finding who introduces a quote: the cue verb after it ('”, Kirby said'), the clause before it
that ends in a comma or colon ('X wrote on Twitter, “…”'), the nearest speech verb around it,
'according to X', or a 'X said:' line above it.

Every finder returns (cue token, subject token); the subject is named by the speaker index.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ._cache import doc_text, doc_tokens
from .marks import inside
from .cue_shapes import (CLOSING_MARKS, FINITE, NP_TAGS, SUBJECT_DEPS, aside_named_after, closing_end, governing,
                         named_after, nickname_tokens, read_after, said_after, signature, stranded_name)
from .misparses import speaking_it, subject_as_object
from .lexicon import (CLAUSE_CUES, COMMISSIVE_VERBS, PHRASAL_CUES, READING_NOUNS, REFERRING_VERBS, SPEECH_VERBS,
                      THAT_CUES)

PHRASAL_LEMMAS = frozenset(lemma for lemma, _ in PHRASAL_CUES)  # only these need their particles read


def is_cue(token: Token) -> bool:
    """A verb that introduces speech ("said", "told", "added", "wrote", "pointed out")."""
    if token.pos_ not in {"VERB", "AUX"}:
        return verb_tagged_noun(token)
    lemma = token.lemma_.lower()
    if lemma in SPEECH_VERBS:
        return True
    if lemma in THAT_CUES or lemma in CLAUSE_CUES:
        return not participle_alone(token) and (any(c.dep_ == "ccomp" and c.i > token.i
                   and (lemma in CLAUSE_CUES or any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
                   for c in token.children) or lemma in CLAUSE_CUES and clause_as_object(token))
    if lemma in COMMISSIVE_VERBS:  # "proposed to set limits" (the others are speech verbs already)
        return any(c.dep_ == "xcomp" and c.i > token.i and to_infinitive(c) for c in token.children)
    if lemma == "read":
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in READING_NOUNS for c in token.children) or read_after(token)
    return lemma in PHRASAL_LEMMAS and any((lemma, c.lower_) in PHRASAL_CUES for c in token.children if c.dep_ == "prt")


def to_infinitive(verb: Token) -> bool:
    """'to oppose', 'not to stage': a verb with the infinitive marker 'to'."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def clause_as_object(token: Token) -> bool:
    """'ruled the draft violated the Constitution': a clause whose subject the parser took for the
    verb's object (``misparses.subject_as_object``)."""
    obj = next((c for c in token.children if c.dep_ == "dobj" and c.left_edge.i == token.i + 1), None)
    return obj is not None and subject_as_object(token, obj, past_phrases=True)


def participle_alone(token: Token) -> bool:
    """A participle with no auxiliary: 'the towns mentioned as targets are X' describes, reports nothing."""
    return token.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in token.children)


def verb_tagged_noun(token: Token) -> bool:
    """A speech verb the tagger took for a noun though the parse gives it a subject and a clause
    ('Estimates by the ministry state C', 'The mayor claims C', 'C, the analyst notes'). PolNeAR
    train and tune: 3 such tokens, all 3 reports."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in SPEECH_VERBS \
        and any(c.dep_ == "nsubj" for c in token.children) and any(c.dep_ == "ccomp" for c in token.children)


def frame(doc: Doc, start: int, end: int) -> list[Token]:
    """The sentences around a quote, within its paragraph: where its cue and speaker are written."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(max(start, end - 1), end, alignment_mode="expand")
    if first is None or last is None:
        return []
    low, high = paragraph_bounds(doc_text(doc), start, end)
    stop = last.sent.end
    after = next((t for t in doc_tokens(doc)[last.end :] if not t.is_space and not (t.is_punct and t.idx <= end + 1)), None)
    if after is not None and after.idx < high:
        stop = max(stop, after.sent.end)  # '..., ” Kirby said.' split off as a sentence of its own
    return [t for t in doc_tokens(doc)[first.sent.start : stop] if low <= t.idx < high]


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Character range of the paragraph(s) holding start:end (paragraphs split on newlines)."""
    low = text.rfind("\n", 0, start) + 1
    high = text.find("\n", end)
    return low, len(text) if high < 0 else high


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, climbing through 'adding', 'and said' and xcomp chains."""
    node: Token | None = verb
    for _ in range(4):
        if node is None:
            return None
        # 'X was joined by Y and joked': X (but 'X was taken to hospital and is reported to be ...': nobody)
        shared = SUBJECT_DEPS if node is verb or is_cue(node) or verb.tag_ == "VBN" else SUBJECT_DEPS | {"nsubjpass"}
        subjects = [c for c in node.children if c.dep_ in shared and c.lower_ != "it"]
        if subjects and node is not verb and reported_clause(node):
            subjects = []  # 'X said Y is Z, noting that C': the parser hung the noting on what X said
        if subjects:  # two subjects is a misparse ("Early opponent MP X said"): a person's name, else
            # a proper noun, else the nearer one heads the phrase
            return min(subjects, key=lambda c: (c.ent_type_ != "PERSON", c.pos_ != "PROPN", abs(c.i - node.i)))
        for child in node.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if node is verb and (counted := counted_subject(node)) is not None:
            return counted  # 'About 4 in 10 say C', 'Most voters going to the polls said C'
        if node is verb and node.dep_ == "xcomp" and (controller := controlled_by(node)) is not None:
            return controller  # 'X was prompted to say', 'prompted X to state': who is made to speak
        if node.dep_ in {"conj", "advcl", "xcomp", "ccomp", "acl", "pcomp", "prep", "acomp"} and node.head != node:
            came_by_acl = node.dep_ == "acl"
            node = node.head
            if came_by_acl and node.dep_ in {"dobj", "pobj"} and node.lemma_.lower() in READING_NOUNS:
                node = node.head if node.dep_ == "dobj" else node.head.head  # "released a statement saying", "sent a letter saying"
        else:
            return None
    return None


def reported_clause(node: Token) -> bool:
    """A clause a speech verb reports ('Y is Z' in 'X said Y is Z'): its subject is what X spoke of,
    not who speaks a cue the parser hung on the clause. PolNeAR train: 13 more speakers and sources
    match the gold, 3 lost to misparses; tune unchanged."""
    return node.dep_ == "ccomp" and node.head.pos_ in {"VERB", "AUX"} and is_cue(node.head)


def counted_subject(verb: Token) -> Token | None:
    """A subject the parser hung on the verb as something else: a share of people ('About 4 in 10 say',
    'Nearly a third say': a number or fraction before the verb) or the noun of a clause it made the
    subject ('Most voters going to the polls said': the voters). PolNeAR train: 3 reported sources, all
    the gold's; tune none."""
    for child in verb.children:
        if child.i > verb.i:
            break
        if child.dep_ in {"nummod", "amod"} and child.ent_type_ in {"CARDINAL", "PERCENT"} and child.i == verb.i - 1:
            return child
        if child.dep_ == "csubj" and child.tag_ == "VBG":
            return next((c for c in child.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}), None)
    return None


def controlled_by(xcomp: Token) -> Token | None:
    """The one an infinitive's verb makes act: the passive subject or the object before it."""
    return next((c for c in xcomp.head.children if c.dep_ in {"dobj", "nsubjpass"} and c.i < xcomp.i), None)


def according_to(tokens: list[Token]) -> Token | None:
    """The source noun of 'according to X' among some tokens."""
    for token in tokens:
        if token.lower_ == "according":
            for prep in token.children:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    return None


def surface_cue(doc: Doc, start: int, end: int) -> tuple[Token, Token] | None:
    """News style read off the surface: '”, Kirby said' / '”, said the official' / 'X said: “'.
    Used before the parse, which often garbles long quoted sentences."""
    span_after = doc.char_span(end, min(len(doc_text(doc)), end + 120), alignment_mode="expand")
    after = [t for t in (span_after or []) if t.idx >= end and not (t.is_punct and t.idx < end + 3) and not t.is_space]
    window = after[:8]
    continues = doc_text(doc)[:end].rstrip(CLOSING_MARKS + " ").endswith((",", "?", "!"))
    for k, token in enumerate(window):
        if (is_cue(token) or continues and said_after(token, window[:k])) \
                and (token.tag_ in FINITE or read_after(token)):  # 'read' tagged VB
            before, following = window[:k], window[k + 1 :]
            # 'BBC's X said questions remain ...': a new statement, not this quote's cue. Right after
            # the quote ('”, said a New Hampshire Democrat') the words name the speaker, whatever
            # clause or object the parser made of them (PolNeAR train +13 speakers, 1 lost).
            if before and any(c.dep_ in {"ccomp", "dobj"} and c.idx > token.idx for c in token.children):
                break
            if before and all(t.pos_ in NP_TAGS or t.text in {"-", "."} for t in before):
                return token, before[-1]
            if not before:
                run = []
                nickname = nickname_tokens(following)
                for t in following:
                    if t.i in nickname:
                        continue  # 'Col. John “J.D.” Dorrian': the quoted nickname sits inside the name
                    if t.is_punct and t.text not in {"-", "."} or t.pos_ in {"ADP", "VERB", "AUX", "SCONJ", "CCONJ"}:
                        break
                    if t.text == "." and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN"):
                        break
                    run.append(t)
                names = [t for t in run if t.pos_ == "PROPN"] or [t for t in run if t.pos_ in {"NOUN", "PRON"}]
                if names:
                    return token, names[-1]
            break
        if token.is_punct or token.pos_ in {"VERB", "AUX", "ADP", "SCONJ"}:
            break
    return None


def find_cue(doc: Doc, start: int, end: int, quoted: list[tuple[int, int]]) -> tuple[Token, Token] | None:
    """The cue verb and its subject for the quote at start:end, nearest first."""
    surface = surface_cue(doc, start, end + 1) or signature(doc, end)
    if surface is not None:
        return surface
    introduced = introducer(doc, start, quoted) or referred_as(doc, start, end)
    if introduced is not None:
        return introduced
    candidates = []
    text = doc_text(doc)
    for token in frame(doc, start, end):
        if inside(token.idx, quoted) or not is_cue(token) or any(c.dep_ == "neg" for c in token.children):
            continue  # "X did not disclose" introduces nothing
        if token.idx > end and ";" in text[end : token.idx]:
            continue  # '“…”; X said …' starts a new statement
        subject = subject_of(token) or stranded_name(token, quoted)
        if subject is None or inside(subject.idx, quoted):
            continue
        distance = start - token.idx if token.idx < start else token.idx - end
        candidates.append((distance, token.i, token, subject))
    if candidates:
        _, _, verb, subject = governing(doc, start, end, candidates) or min(candidates)
        return verb, subject
    source = according_to([t for t in frame(doc, start, end) if not inside(t.idx, quoted)])
    if source is not None:
        return source.head.head, source
    return named_after(doc, end) or aside_named_after(doc, end, closing_end(text, end)) or colon_cue(doc, start) \
        or name_label(doc, start)


def referred_as(doc: Doc, start: int, end: int) -> tuple[Token, Token] | None:
    """'X referred to Y as “Q”', 'which X has referred to as “Q”': the words X calls Y by, though
    'refer' is no cue on its own ('referred to the report' says nothing)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    words = [t for t in span or [] if not t.is_punct and not span.start <= t.head.i < span.end]
    prep = first_conjunct(words[0]).head if words else None  # '… as “a stunt” and “a ploy”'
    if prep is None or prep.lower_ != "as" or prep.dep_ != "prep" or prep.head.lemma_.lower() not in REFERRING_VERBS:
        return None
    verb = prep.head
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    # 'has referred', 'having referred': a perfect; a bare participle with no subject is a passive
    passive = verb.tag_ == "VBN" and not any(c.dep_ in SUBJECT_DEPS | {"aux"} for c in verb.children)
    if passive or to is None or not any(c.dep_ == "pobj" for c in to.children) and verb.dep_ != "relcl":
        return None  # 'The inn, often referred to as “The Old Mill”': a name it goes by, nobody's words
    subject = subject_of(verb)
    return (verb, subject) if subject is not None else None


def first_conjunct(token: Token) -> Token:
    """The first of coordinated words ('“gamesmanship” and a “stunt”'), which hangs where all of them do."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


LABEL_LINE = 200  # characters: a headline or a one-line lead, not a paragraph
LABEL_WORDS = 5


def name_label(doc: Doc, start: int) -> tuple[Token, Token] | None:
    """'Marco Rubio: ‘You Don’t Win …’', 'OK Gov Fallin: Trump Is ‘Trying …’': a short line that
    opens with a name and a colon gives the quote on it to that name (a headline's way of saying
    'X says'). The colon stands in for the cue, the name's last proper noun is the subject."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    colon = text.find(":", line_start, start)
    if colon < 0 or line_end - line_start > LABEL_LINE or not text[line_start:colon].strip():
        return None
    label = sent_tokens(doc, line_start, colon)
    punct = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if not label or punct is None or len(label) > LABEL_WORDS or not all(t.pos_ == "PROPN" or t.text == "." for t in label):
        return None
    return punct[0], [t for t in label if t.pos_ == "PROPN"][-1]


OPENING_MARKS = "“\"«„'‘`"


def introducer(doc: Doc, start: int, quoted: list[tuple[int, int]]) -> tuple[Token, Token] | None:
    """'X reacted on Twitter, “…”', 'X disagreed with the findings: “…”': any verb whose clause ends
    in the comma or colon right before the opening mark introduces the quote, and its subject
    speaks. A comma must be on the quote's own line; a colon may end the line before."""
    text = doc_text(doc)
    before = text[:start].rstrip(OPENING_MARKS)
    stripped = before.rstrip()
    if not stripped.endswith((",", ":")) or stripped.endswith(",") and "\n" in before[len(stripped):]:
        return None
    punct = doc.char_span(len(stripped) - 1, len(stripped), alignment_mode="expand")
    if punct is None or inside(punct.start_char, quoted):
        return None
    verb = clause_verb(punct[0])
    if verb is None:
        return None
    subject = subject_of(verb) or speaking_it(verb)  # 'It read, “…”': the statement, or the body named before
    if subject is not None and subject.ent_type_ in PLACE_LABELS:
        subject = stranded_subject(punct[0]) or subject
    if subject is None or inside(subject.idx, quoted) or subject.i > punct[0].i or subject.sent != punct[0].sent:
        return None
    return verb, subject


PLACE_LABELS = frozenset({"GPE", "LOC"})


def stranded_subject(punct: Token) -> Token | None:
    """'X of the University of California, Los Angeles disagreed …:' parsed with the city as the
    subject: a person or organisation that is a subject on the way up from the clause wins."""
    node = punct.doc[punct.i - 1] if punct.i > 0 else None
    for _ in range(8):
        if node is None or node.head == node:
            return None
        node = node.head
        if node.i < punct.i and node.dep_ in SUBJECT_DEPS and node.ent_type_ in {"PERSON", "ORG"}:
            return node
    return None


def clause_verb(punct: Token) -> Token | None:
    """The main verb of the clause a comma or colon closes: the highest verb with a subject on
    the way up from the words before it ('X indicated Y was disappointed by Z:' -> indicated),
    unless only a lower one speaks ('X kicked a protester, with Y reportedly yelling: “…”' -> yelling;
    'X told Y the data suggested C: “…”' -> told). A speech verb whose subject is the verb above's ('was
    prompted to say, “…”') speaks; a coordinated clause with a subject of its own ('a woman asked for a
    photo and X said, “…”') stops the climb. PolNeAR train: 7 more quote speakers match the gold, none lost;
    tune unchanged."""
    node = punct.doc[punct.i - 1] if punct.i > 0 else None
    best = None
    for _ in range(8):
        if node is None:
            break
        if node.i < punct.i and node.pos_ in {"VERB", "AUX"}:
            own = any(c.dep_ in SUBJECT_DEPS | {"agent"} for c in node.children)
            speaks = is_cue(node) and (own or subject_of(node) is not None)  # 'was prompted to say, “…”'
            if speaks or own and (best is None or not is_cue(best)):
                best = node  # the highest speech verb, else the highest verb
            if speaks and own and node.dep_ == "conj":
                break  # 'a woman asked for a photo and Clinton said, “…”': a clause of its own
        if node.head == node:
            break
        node = node.head
    return best


def colon_cue(doc: Doc, start: int) -> tuple[Token, Token] | None:
    """'X commented:' / 'X writes:' on the line before a quote that opens a paragraph."""
    text = doc_text(doc)
    before = text[:max(0, start - 1)].rstrip()
    if not before.endswith(":"):
        return None
    line_start = before.rfind("\n") + 1
    tokens = sent_tokens(doc, line_start, len(before))
    for token in reversed(tokens):
        if is_cue(token):
            subject = subject_of(token)
            if subject is not None and subject.idx >= line_start:
                return token, subject
    return None


def sent_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens inside a character range."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []
