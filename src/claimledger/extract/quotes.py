"""Direct quotes (words inside quotation marks) and reported speech ("X said that C").

Each quote gets a speaker: the subject of the nearest cue verb outside the marks, the
speaker of the quote just before it when a paragraph simply goes on quoting, or the
speaker of the reported clause the quote sits in. Scare quotes and titles are dropped.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ._cache import doc_text
from ..records import Quote
from .lexicon import (
    NAMED_WORDS_NOUNS, NAMING_VERBS, NOT_REPORTING, OBJECT_CLAIM_VERBS, PHRASAL_CUES, PRONOUNS_GROUP, PRONOUNS_PERSON, REPORT_NOUNS,
    SPEECH_VERBS,
)
from .marks import quote_spans
from .speakers import Speaker, SpeakerIndex, text_of
from .turns import quote_label

SUBJECT_DEPS = frozenset({"nsubj"})
# The author's own voice ("As I conveyed", "we welcome") is not a reported source; nor is "it".
FIRST_PERSON = frozenset({"i", "we", "you", "me", "us", "it"})
# Subjects that name nobody who can be held to a claim ("the people said", "everyone says").
UNNAMED_CROWDS = frozenset({"the people", "people", "everyone", "everybody", "someone", "somebody", "who"})
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})


def extract_quotes(doc: Doc) -> list[Quote]:
    """Direct quotes first (their spans are off limits to reported speech), then reported speech."""
    spans = quote_spans(doc_text(doc))
    index = SpeakerIndex.build(doc, spans)
    direct = direct_quotes(doc, spans, index)
    indirect = reported_speech(doc, direct, index)
    attach_embedded_speakers(direct, indirect)
    direct += partial_quotes(doc_text(doc), spans, direct, indirect)
    return sorted(direct + indirect, key=lambda q: (q.start, q.kind))


# --- direct quotes -----------------------------------------------------------------------

def is_cue(token: Token) -> bool:
    """A verb that introduces speech ("said", "told", "added", "wrote", "pointed out")."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = token.lemma_.lower()
    return lemma in SPEECH_VERBS or any((lemma, c.lower_) in PHRASAL_CUES for c in token.children if c.dep_ == "prt")


def inside(char: int, spans: list[tuple[int, int]]) -> bool:
    """True when a character offset falls inside one of the quoted spans."""
    return any(start <= char < end for start, end in spans)


def frame(doc: Doc, start: int, end: int) -> list[Token]:
    """The sentences around a quote, within its paragraph: where its cue and speaker are written."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(max(start, end - 1), end, alignment_mode="expand")
    if first is None or last is None:
        return []
    low, high = paragraph_bounds(doc_text(doc), start, end)
    stop = last.sent.end
    after = next((t for t in doc[last.end :] if not t.is_space and not (t.is_punct and t.idx <= end + 1)), None)
    if after is not None and after.idx < high:
        stop = max(stop, after.sent.end)  # '..., ” Kirby said.' split off as a sentence of its own
    return [t for t in doc[first.sent.start : stop] if low <= t.idx < high]


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
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS and c.lower_ != "it"]
        if subjects:  # two subjects is a misparse ("Early opponent MP X said"): the nearer heads the phrase
            return min(subjects, key=lambda c: abs(c.i - node.i))
        for child in node.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if node.dep_ in {"conj", "advcl", "xcomp", "ccomp", "acl", "pcomp", "prep", "acomp"} and node.head is not node:
            came_by_acl = node.dep_ == "acl"
            node = node.head
            if came_by_acl and node.dep_ in {"dobj", "pobj"} and node.lemma_.lower() in REPORT_NOUNS | {"message"}:
                node = node.head if node.dep_ == "dobj" else node.head.head  # "released a statement saying"
        else:
            return None
    return None


def according_to(tokens: list[Token]) -> Token | None:
    """The source noun of 'according to X' among some tokens."""
    for token in tokens:
        if token.lower_ == "according":
            for prep in token.children:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    return None


NP_TAGS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PRON", "PART", "NUM"})


def surface_cue(doc: Doc, start: int, end: int) -> tuple[Token, Token] | None:
    """News style read off the surface: '”, Kirby said' / '”, said the official' / 'X said: “'.
    Used before the parse, which often garbles long quoted sentences."""
    span_after = doc.char_span(end, min(len(doc_text(doc)), end + 120), alignment_mode="expand")
    after = [t for t in (span_after or []) if t.idx >= end and not (t.is_punct and t.idx < end + 3) and not t.is_space]
    window = after[:8]
    for k, token in enumerate(window):
        if is_cue(token) and token.tag_ in {"VBD", "VBZ", "VBP"}:
            if any(c.dep_ in {"ccomp", "dobj"} and c.idx > token.idx for c in token.children):
                break  # 'BBC's X said questions remain ...': a new statement, not this quote's cue
            before, following = window[:k], window[k + 1 :]
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


def nickname_tokens(tokens: list[Token]) -> set[int]:
    """Token indices of a quoted nickname between two parts of a name ('John “J.D.” Dorrian')."""
    for k, token in enumerate(tokens[1:-1], start=1):
        if token.text in QUOTE_MARKS and tokens[k - 1].pos_ == "PROPN":
            close = next((m for m in range(k + 1, min(k + 5, len(tokens))) if tokens[m].text in QUOTE_MARKS), None)
            if close is not None and close + 1 < len(tokens) and tokens[close + 1].pos_ == "PROPN":
                return {t.i for t in tokens[k : close + 1]}
    return set()


def find_cue(doc: Doc, start: int, end: int, quoted: list[tuple[int, int]]) -> tuple[Token, Token] | None:
    """The cue verb and its subject for the quote at start:end, nearest first."""
    surface = surface_cue(doc, start, end + 1)
    if surface is not None:
        return surface
    introduced = introducer(doc, start, quoted)
    if introduced is not None:
        return introduced
    candidates = []
    text = doc_text(doc)
    for token in frame(doc, start, end):
        if inside(token.idx, quoted) or not is_cue(token) or any(c.dep_ == "neg" for c in token.children):
            continue  # "X did not disclose" introduces nothing
        if token.idx > end and ";" in text[end : token.idx]:
            continue  # '“…”; X said …' starts a new statement
        subject = subject_of(token)
        if subject is None or inside(subject.idx, quoted):
            continue
        distance = start - token.idx if token.idx < start else token.idx - end
        candidates.append((distance, token.i, token, subject))
    if candidates:
        _, _, verb, subject = min(candidates)
        return verb, subject
    source = according_to([t for t in frame(doc, start, end) if not inside(t.idx, quoted)])
    if source is not None:
        return source.head.head, source
    return colon_cue(doc, start)


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
    subject = subject_of(verb)
    if subject is None or inside(subject.idx, quoted) or subject.i > punct[0].i or subject.sent != punct[0].sent:
        return None
    return verb, subject


def clause_verb(punct: Token) -> Token | None:
    """The main verb of the clause a comma or colon closes: the highest verb with a subject on
    the way up from the words before it ('X indicated Y was disappointed by Z:' -> indicated)."""
    node = punct.doc[punct.i - 1] if punct.i > 0 else None
    best = None
    for _ in range(8):
        if node is None:
            break
        if node.i < punct.i and node.pos_ in {"VERB", "AUX"} and any(c.dep_ in SUBJECT_DEPS | {"agent"} for c in node.children):
            best = node
        if node.head is node:
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


def looks_like_speech(doc: Doc, start: int, end: int) -> bool:
    """Quoted words that form a statement, not a scare quote, a nickname or a title."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not t.is_punct]
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in words)
    if len(words) <= 3 and not has_verb:
        return False
    if len(words) <= 8 and all(t.is_title or t.is_stop or not t.is_alpha for t in words) and not has_verb:
        return False
    return len(words) >= 3 and (has_verb or len(words) >= 6)


def continues_previous(doc: Doc, previous: Quote | None, start: int) -> bool:
    """A quote that follows the last one closely with no new cue in between keeps its speaker."""
    if previous is None or previous.speaker is None:
        return False
    gap = doc_text(doc)[previous.end : start]
    return len(gap) < 400 and gap.count("\n\n") <= 2


def direct_quotes(doc: Doc, spans: list[tuple[int, int]], index: SpeakerIndex) -> list[Quote]:
    """One Quote per quoted passage that someone is said to have said."""
    quotes: list[Quote] = []
    previous: Quote | None = None
    previous_cue: int | None = None
    for start, end in spans:
        if names_words(doc, start):
            continue
        found = find_cue(doc, start, end, spans)
        if found is not None and gives_a_name(doc, start, end, found[0]):
            continue  # 'an airfield, also called “Q-West”': a name given, not words said
        if found is None and not looks_like_speech(doc, start, end):
            continue
        if found is not None and not looks_like_speech(doc, start, end) and not governed_by(doc, start, end, found[0]):
            continue
        quote = Quote("direct", start, end, doc_text(doc)[start:end])
        label = quote_label(doc_text(doc), start, end)
        if label is not None:  # '“PENCE: Well, look ...”': a transcript turn inside marks
            quote.speaker, quote.cue = index.label_name(label), "transcript"
        elif found is not None and previous is not None and previous_cue == found[0].i and previous.speaker:
            # '“…,” she said, “…”': both halves hang on one cue, so they share its speaker
            quote.speaker, quote.speaker_title, quote.cue = previous.speaker, previous.speaker_title, previous.cue
        elif found is not None:
            verb, subject = found
            speaker = index.resolve(subject)
            if speaker.name.lower() in PRONOUNS_PERSON | PRONOUNS_GROUP:
                speaker = unresolved_pronoun(doc, start, spans, index, previous) or speaker
            quote.speaker, quote.speaker_title, quote.cue = speaker.name, speaker.title, verb.lower_
            if speaker.name.lower() in FIRST_PERSON | UNNAMED_CROWDS:
                quote.speaker = None  # the author ("I said"), or nobody in particular: not a speaker
            else:
                index.remember(speaker)
        elif continues_previous(doc, previous, start):
            quote.speaker, quote.speaker_title, quote.cue = previous.speaker, previous.speaker_title, previous.cue
        quotes.append(quote)
        previous, previous_cue = quote, found[0].i if found is not None else None
    return quotes


def unresolved_pronoun(doc: Doc, start: int, spans: list[tuple[int, int]], index: SpeakerIndex,
                       previous: Quote | None) -> Speaker | None:
    """'X indicated the decision: “…,” he said' when NER missed X: the subject of the clause that
    introduced the quote, else the speaker of the quote just before (the previous attribution)."""
    introduced = introducer(doc, start, spans)
    if introduced is not None and introduced[1].lower_ not in PRONOUNS_PERSON | PRONOUNS_GROUP:
        return index.resolve(introduced[1])
    if previous is not None and previous.speaker and continues_previous(doc, previous, start):
        return Speaker(previous.speaker, previous.speaker_title, True)
    return None


def gives_a_name(doc: Doc, start: int, end: int, verb: Token) -> bool:
    """'X, also called “Y”': a naming verb with the quote as its predicate and nothing named
    as its object (unlike 'called the plan “a disaster”', where someone judges something)."""
    if verb.lemma_.lower() not in NAMING_VERBS or any(c.dep_ == "dobj" for c in verb.children):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.head == verb and t.dep_ in {"oprd", "attr"} for t in span)


def names_words(doc: Doc, start: int) -> bool:
    """Quoted words right after 'the saying', 'the slogan', 'the hashtag': named, not said."""
    before = doc.char_span(max(0, start - 40), start, alignment_mode="contract")
    words = [t for t in (before or []) if not t.is_punct and not t.is_space]
    return bool(words) and words[-1].lemma_.lower() in NAMED_WORDS_NOUNS and words[-1].pos_ == "NOUN"


def governed_by(doc: Doc, start: int, end: int, verb: Token) -> bool:
    """True when the quoted words are the object or complement of the cue verb itself."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.head == verb for t in span)


# --- reported speech -----------------------------------------------------------------------

def clause_tokens(head: Token, exclude: set[int]) -> list[Token]:
    """A complement clause as the contiguous run around its head, minus 'that', relative
    pronouns, nested cues and edge punctuation."""
    ids = {t.i for t in head.subtree if t.i not in exclude} - trailing_asides(head)
    if head.i not in ids:
        return []
    first = last = head.i
    while first - 1 in ids:
        first -= 1
    while last + 1 in ids:
        last += 1
    run = list(head.doc[first : last + 1])
    while run and (run[0].is_punct or run[0].is_space or run[0].tag_ in {"WDT", "WP"} or (
        run[0].dep_ in {"mark", "cc"} and run[0].lower_ in {"that", "and", "but"} and run[0].head == head
    )):
        run = run[1:]
    while run and (run[-1].is_space or run[-1].is_punct and run[-1].text not in {"”", "\"", ")"} or run[-1].dep_ == "cc"):
        run = run[:-1]
    return run


ASIDE_MARKS = frozenset("without before after".split())


def trailing_asides(head: Token) -> set[int]:
    """What follows a reported clause but belongs to the telling: '…; other news' and a closing
    'without elaborating' / 'before reversing course' participle."""
    skip: set[int] = set()
    semicolon = next((c for c in head.children if c.text == ";" and c.i > head.i), None)
    if semicolon is not None:
        skip.update(t.i for t in head.subtree if t.i >= semicolon.i)
    for child in head.children:
        if child.i > head.i and child.right_edge.i == head.right_edge.i and child.left_edge.lower_ in ASIDE_MARKS \
                and any(t.tag_ == "VBG" for t in child.subtree):
            skip.update(t.i for t in child.subtree)
    return skip


def nested_cues(head: Token, verb: Token) -> set[int]:
    """Tokens of other reports inside a clause: a coordinated cue ('but he said ...', 'but denied
    that ...') or a 'saying ...' participle. Each is a report of its own, not this one's content."""
    skip: set[int] = set()
    for token in head.subtree:
        if token is verb or token is head or not is_cue(token):
            continue
        coordinated = token.dep_ == "conj" and (
            any(c.dep_ in SUBJECT_DEPS for c in token.children) or any(c.dep_ in CONTENT_DEPS for c in token.children)
        )
        participle = token.tag_ == "VBG" and token.dep_ in {"advcl", "xcomp", "conj"} and token.i > head.i
        if coordinated or participle:
            skip.update(t.i for t in token.subtree)
            for child in token.head.children:
                if child.i < token.i and (child.dep_ == "cc" or child.text == "," and child.i == token.left_edge.i - 1):
                    skip.add(child.i)
    return skip


def reported_content(verb: Token) -> list[Token]:
    """What a cue verb reports: its complement clause, else (for claim verbs) its object."""
    lemma = verb.lemma_.lower()
    clauses = [c for c in verb.children if c.dep_ in {"ccomp", "parataxis"} and not own_cue(c)]
    if clauses:
        after = [c for c in clauses if c.i > verb.i and c.dep_ == "ccomp"]
        chosen = after[0] if after else next((c for c in clauses if c.dep_ == "ccomp"), clauses[0])
        content = clause_tokens(chosen, nested_cues(chosen, verb))
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if content and obj is not None and lemma not in {"tell", "inform", "ask", "brief", "assure", "warn", "urge"} \
                and obj.right_edge.i + 1 == content[0].i and not any(c.dep_ in SUBJECT_DEPS for c in chosen.children):
            return list(verb.doc[obj.left_edge.i : content[-1].i + 1])  # parser took the clause's subject as object
        return with_stranded_subject(chosen, content)
    for child in verb.children:
        if child.dep_ == "xcomp" and lemma in {"report", "claim"} and verb.dep_ != "relcl":
            return clause_tokens(child, set())
        if child.dep_ == "advcl" and lemma == "call" and any(m.lower_ == "for" and m.dep_ == "mark" for m in child.children):
            return clause_tokens(child, set())
    for child in verb.children:
        if child.dep_ == "dobj":
            for grandchild in child.children:
                if child.lemma_.lower() in REPORT_NOUNS and grandchild.dep_ in {"acl", "ccomp", "relcl"} and grandchild.i > child.i:
                    return clause_tokens(grandchild, set())
            later_verb = next((t for t in verb.doc[child.right_edge.i + 1 : verb.sent.end] if t.pos_ in {"VERB", "AUX"}), None)
            if is_cue(verb) and child.left_edge.i == verb.i + 1 and later_verb is not None \
                    and later_verb.tag_ in {"VBD", "VBZ", "VBP", "MD"} and later_verb.dep_ != "relcl" \
                    and not any(c.dep_ in SUBJECT_DEPS | {"nsubjpass"} for c in later_verb.children):
                return trailing_clause(verb)  # "X said Adamowicz required ...", misparsed as an object
            if lemma in OBJECT_CLAIM_VERBS:
                return object_run(verb, child)
    if verb.dep_ == "parataxis" and is_cue(verb) and verb.head.pos_ in {"VERB", "AUX"}:
        return clause_tokens(verb.head, {t.i for t in verb.subtree})  # "In Syria, the secretary said, forces ..."
    if verb.dep_ == "acl" and not any(c.dep_ == "agent" for c in verb.children) and verb.head.dep_ == "nsubj" and verb.head.head.i > verb.i:
        return trailing_clause(verb)  # "The chief, X, announced on Tuesday there were suspects"
    if lemma in {"call"}:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects:
                    return clause_tokens(objects[0], set())
    if lemma in {"blame", "accuse"}:
        for child in verb.children:
            if child.dep_ in {"dobj", "pobj"}:
                return object_run(verb, child)
    return []


def with_stranded_subject(clause: Token, content: list[Token]) -> list[Token]:
    """'announced on Twitter the FAA and the NTSB were to investigate': a clause with no subject
    whose subject the parser hung on a preceding phrase gets that noun phrase back."""
    if not content or content[0].i != clause.i or any(c.dep_ in SUBJECT_DEPS | {"nsubjpass", "expl"} for c in clause.children):
        return content
    before = clause.doc[clause.i - 1] if clause.i > 0 else None
    while before is not None and before.dep_ == "conj" and before.head.i < before.i:
        before = before.head
    if before is None or before.pos_ not in {"NOUN", "PROPN"} or before.right_edge.i + 1 != clause.i:
        return content
    first = next((t.i for t in before.subtree if t.dep_ == "det" and t.i <= before.i), before.left_edge.i)
    return list(clause.doc[first : content[-1].i + 1])


def own_cue(clause: Token) -> bool:
    """A complement that is itself a cue with its own subject: a separate report, not content."""
    return is_cue(clause) and any(c.dep_ in SUBJECT_DEPS for c in clause.children) and clause.i < min(
        (c.i for c in clause.head.children if c.dep_ in SUBJECT_DEPS), default=clause.i + 1
    )


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


OBJECT_PREPS = frozenset({"for", "of", "against", "on", "in", "as", "over", "to"})


def object_run(verb: Token, obj: Token) -> list[Token]:
    """An object with the verb's later complements ('500 casualties last week', 'Iran for the attacks')."""
    doc = verb.doc
    last = obj.right_edge.i
    for child in sorted(verb.children, key=lambda t: t.i):
        if child.i <= obj.i or child.left_edge.i != last + 1:
            continue
        if child.dep_ == "npadvmod" or child.dep_ == "prep" and child.lower_ in OBJECT_PREPS or (
            child.dep_ in {"oprd", "xcomp", "ccomp", "advcl"} and verb.lemma_.lower() in NAMING_VERBS
        ):
            last = child.right_edge.i
    tokens = list(doc[obj.left_edge.i : last + 1])
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return tokens


def passive_claim(verb: Token) -> tuple[list[Token], Token] | None:
    """'The attack was claimed by X': the passive subject is the claim, the agent its source."""
    if verb.lemma_.lower() not in OBJECT_CLAIM_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if subject is None and agent is not None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        head = verb.head  # "one in Baghdad claimed by Daesh": the noun phrase is the claim
        objects = [c for c in agent.children if c.dep_ == "pobj"]
        first = head.i
        while first > 0 and verb.doc[first - 1].head == head and verb.doc[first - 1].dep_ in {"det", "amod", "compound", "nummod", "poss"}:
            first -= 1
        phrase = list(verb.doc[first : verb.i])
        while phrase and phrase[-1].is_punct:
            phrase = phrase[:-1]
        return (phrase, objects[0]) if objects and phrase else None
    if subject is None or agent is None or subject.lower_ == "it":
        return None
    objects = [c for c in agent.children if c.dep_ == "pobj"]
    if not objects:
        return None
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if xcomp is not None:  # "X were reported by Y to have visited ..."
        return list(verb.doc[subject.left_edge.i : xcomp.right_edge.i + 1]), objects[0]
    return list(subject.subtree), objects[0]


QUOTE_MARKS = frozenset({'"', "“", "”", "«", "»", "„", "''", "``"})


def negated(verb: Token, subject: Token) -> bool:
    """'did not mention', 'No organization claimed': nothing was reported."""
    return any(c.dep_ == "neg" for c in verb.children) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in subject.children
    )




def fit_to_quotes(text: str, start: int, end: int, direct: list[Quote]) -> tuple[int, int] | None:
    """A reported clause's span, stretched over a quote it runs into ('said he is “not the man”'),
    or None when it is a direct quote's words, not paraphrase holding a partial quote."""
    for quote in direct:
        if quote.start <= start + 1 < quote.end <= end or abs(start - quote.start) <= 1 and end > quote.end:
            return None  # begins inside quoted words: the parse took the quote for the clause
        if start < quote.start < end < quote.end:
            end = closing_mark_end(text, quote.end)
    if unquoted_words(text, start, end, direct) < 2:
        return None
    return start, end


def closing_mark_end(text: str, end: int) -> int:
    """The offset after a quote's closing mark (the quote's own end when none follows)."""
    for mark in ("''", "”", '"', "»", "’", "'"):
        if text.startswith(mark, end):
            return end + len(mark)
    return end


def unquoted_words(text: str, start: int, end: int, direct: list[Quote]) -> int:
    """How many words of start:end lie outside every direct quote."""
    chars = list(text[start:end])
    for quote in direct:
        for i in range(max(start, quote.start), min(end, quote.end)):
            chars[i - start] = " "
    return len(re.findall(r"\w+", "".join(chars)))




def reported_speech(doc: Doc, direct: list[Quote], index: SpeakerIndex) -> list[Quote]:
    """Indirect quotes: the clause a speech verb reports, credited to the verb's subject."""
    quoted = [(q.start, q.end) for q in direct]
    found: list[Quote] = []
    for verb in doc:
        if not is_cue(verb) and verb.lemma_.lower() not in OBJECT_CLAIM_VERBS | {"praise", "call", "blame"}:
            continue
        if verb.pos_ not in {"VERB", "AUX"} or inside(verb.idx, quoted) or verb.lemma_.lower() in NOT_REPORTING:
            continue
        if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            continue  # "to confirm if ...": a purpose, not a report
        passive = passive_claim(verb)
        if passive is not None:
            content, source_token = passive
        else:
            content = reported_content(verb)
            misparsed = verb.dep_ == "acl" and verb.head.dep_ == "nsubj"
            source_token = subject_of(verb) or (verb.head if misparsed else None)
        if not content or len(content) < 2 and content[0].pos_ not in {"NOUN", "PROPN"}:
            continue
        if source_token is None or source_token.lower_ in FIRST_PERSON or negated(verb, source_token):
            continue
        if verb.lemma_.lower() in NAMING_VERBS and (content[0].pos_ == "PRON" or any(
            t.text in QUOTE_MARKS for t in content
        )):
            continue  # 'named it "Operation X"', 'described the attacks as a "dastardly act"': the quote says it
        span = fit_to_quotes(doc_text(doc), content[0].idx, content[-1].idx + len(content[-1]), direct)
        if span is None or any(q.start == span[0] and q.end == span[1] for q in found):
            continue
        start, end = span
        speaker = index.resolve(source_token)
        index.remember(speaker)
        found.append(Quote("indirect", start, end, doc_text(doc)[start:end], speaker.name, speaker.title, verb.lower_))
    statements = colon_statements(doc, direct, index)
    found = [q for q in found if not any(s.start <= q.start < s.end for s in statements)]
    return found + statements


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


def sent_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens inside a character range."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def partial_quotes(text: str, spans: list[tuple[int, int]], direct: list[Quote], indirect: list[Quote]) -> list[Quote]:
    """Short quoted words woven into a reported clause ('called the deal “a disaster”'): too short
    to pass for speech alone, but the clause says whose words they are."""
    taken = {q.start for q in direct}
    out = []
    for start, end in spans:
        if start in taken or not re.search(r"\w", text[start:end]):
            continue
        holder = next((r for r in indirect if r.start <= start and end <= r.end and r.speaker), None)
        if holder is not None:
            out.append(Quote("direct", start, end, text[start:end], holder.speaker, holder.speaker_title, holder.cue))
    return out


def attach_embedded_speakers(direct: list[Quote], indirect: list[Quote]) -> None:
    """A short direct quote inside a reported clause belongs to that clause's speaker."""
    for quote in direct:
        if quote.speaker is not None:
            continue
        for report in indirect:
            if report.start <= quote.start and quote.end <= report.end and report.speaker:
                quote.speaker, quote.speaker_title, quote.cue = report.speaker, report.speaker_title, report.cue
                break
