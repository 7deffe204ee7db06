"""Reported speech: the clause a speech verb reports ("X said (that) C", "C, X said", "X
claimed C", "C was claimed by X"), credited to the verb's subject, with the press-release
statements of statements.py ("Minister X said:" over unquoted paragraphs).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ._cache import doc_text, doc_tokens
from ..records import Quote
from .cue_shapes import KEPT_CLOSERS, QUOTE_MARKS, without_end_punct
from .cues import SUBJECT_DEPS, first_conjunct, is_cue, subject_of, to_infinitive, verb_tagged_noun
from .marks import inside
from .lexicon import (
    CLAUSE_CUES, COMMISSIVE_VERBS, DIRECTIVE_VERBS, FIRST_PERSON, NAMING_VERBS, NOT_REPORTING, OBJECT_CLAIM_VERBS, QUESTION_WORDS,
    REPORT_NOUNS,
)
from .speakers import SpeakerIndex, addressed
from .quote_fit import fit_to_quotes
from .misparses import (
    FINITE_OR_MODAL, about_the_saying, adjoins, bare_participle, closing_conjunct, continued_content, fronted_name,
    fronted_subject, inherited_subject, misparsed_predicate, opens_quote, speaking_it, stray_that_clause,
    subject_as_object, telling_it, verb_of_deed, with_reporter,
)
from .questions import asks, unnamed_asker
from .report_frames import candidate, frame_content, has_frame, without_nested
from .statements import colon_statements
from .extent import (
    after_aside, but_continued, fronted_frame, object_run, predicate_run, run_around, trailing_clause, with_deed,
    with_detail,
)
from .speech_acts import (
    admitted_deed, called_for, called_on, clause_tokens_between, directive, hypothetical, names_its_object, negated,
    names_nothing, no_commitment, phoned, same_form, says_something, telling_cue, took_lives, withholds,
)

# Verbs that report a claim without being speech cues ("praised X for", "called on", "blamed X").
CLAIM_VERBS = OBJECT_CLAIM_VERBS | {"praise", "call", "blame"}


CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})


def clause_tokens(head: Token, exclude: set[int]) -> list[Token]:
    """A complement clause as the contiguous run around its head, minus 'that', relative
    pronouns, nested cues and edge punctuation."""
    ids = {t.i for t in head.subtree if t.i not in exclude} - trailing_asides(head)
    if head.i not in ids:
        return []
    run = run_around(head, ids)
    while run and (run[0].is_punct or run[0].is_space or run[0].tag_ in {"WDT", "WP"} or (
        run[0].dep_ in {"mark", "cc"} and run[0].lower_ in {"that", "and", "but"} and run[0].head == head
    )):
        run = run[1:]
    while run and (run[-1].is_space or run[-1].is_punct and run[-1].text not in KEPT_CLOSERS or run[-1].dep_ == "cc"):
        run = run[:-1]
    return run


ASIDE_MARKS = frozenset("without before after".split())


def trailing_asides(head: Token) -> set[int]:
    """What follows a reported clause but belongs to the telling: '…; other news', a closing
    'without elaborating' / 'before reversing course' participle and a closing 'according to Y'."""
    skip: set[int] = set()
    semicolon = next((c for c in head.children if c.text == ";" and c.i > head.i), None)
    if semicolon is not None:
        skip.update(t.i for t in head.subtree if t.i >= semicolon.i)
    for child in head.children:
        if child.i > head.i and child.right_edge.i == head.right_edge.i and child.left_edge.lower_ in ASIDE_MARKS \
                and any(t.tag_ == "VBG" for t in child.subtree):
            skip.update(t.i for t in child.subtree)
        if child.i > head.i and child.lower_ == "according" and child.right_edge.i >= head.right_edge.i - 1:
            skip.update(t.i for t in child.subtree)  # "…, according to Y": Y's attribution, not the content
    return skip


def nested_cues(head: Token, verb: Token) -> set[int]:
    """Tokens of other reports inside a clause: a coordinated cue ('but he said ...', 'but denied
    that ...') or a 'saying ...' participle. Each is a report of its own, not this one's content."""
    skip: set[int] = set()
    for token in head.subtree:
        if token == verb or token == head or not is_cue(token) or second_that_clause(token):
            continue
        coordinated = token.dep_ == "conj" and (
            any(c.dep_ in SUBJECT_DEPS for c in token.children) or any(c.dep_ in CONTENT_DEPS for c in token.children)
            or same_form(token, verb)  # "said they planned X and asked for Y": the telling goes on
        )
        participle = token.tag_ == "VBG" and token.dep_ in {"advcl", "xcomp", "conj"} and token.i > head.i
        contrasted = token.dep_ == "advcl" and token.i > head.i and any(c.dep_ in SUBJECT_DEPS for c in token.children) \
            and token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text == ","
        if coordinated or participle or contrasted:  # "…, while other voters said …": theirs
            skip.update(t.i for t in token.subtree)
            for child in token.head.children:
                if child.i < token.i and (child.dep_ == "cc" or child.text == "," and child.i == token.left_edge.i - 1):
                    skip.add(child.i)
    return skip


def second_that_clause(token: Token) -> bool:
    """'said C1 and that C2': a conjunct with its own 'that' is a second clause of the same
    report, even when its verb could be a cue ('and that the committee would continue …').
    (PolNeAR train sample: fires once, right once.)"""
    return token.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)


def reported_content(verb: Token) -> list[Token]:
    """What a cue verb reports: its complement clause, else (for claim verbs) its object."""
    lemma = verb.lemma_.lower()
    if phoned(verb) or names_nothing(verb) or took_lives(verb):
        return []  # "called both candidates Tuesday night", "called off the deal", "claimed 18 lives": no words reported
    stray = stray_that_clause(verb)
    clauses = [c for c in verb.children if c.dep_ in {"ccomp", "parataxis"} and not own_cue(c) and not about_the_saying(c)
               and not (stray is not None and bare_participle(c)) and not (c.i < verb.i and names_its_object(verb))]
    if clauses:
        after = [c for c in clauses if c.i > verb.i and c.dep_ == "ccomp" and not opens_quote(c, verb)]
        chosen = after[0] if after else quoted_before(verb, clauses) \
            or next((c for c in clauses if c.dep_ == "ccomp"), clauses[0])
        content = clause_tokens(chosen, nested_cues(chosen, verb))
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if content and obj is not None and lemma not in {"tell", "inform", "ask", "brief", "assure", "warn", "urge"} \
                and adjoins(obj, content[0]) and not any(c.dep_ in SUBJECT_DEPS for c in chosen.children):
            return list(verb.doc[obj.left_edge.i : content[-1].i + 1])  # parser took the clause's subject as object
        return but_continued(verb, continued_content(verb, with_stranded_subject(chosen, content)))
    if stray is not None and is_cue(verb):
        return clause_tokens(stray, set())
    for child in verb.children:
        if child.dep_ == "xcomp" and lemma in {"report", "claim"} and verb.dep_ != "relcl":
            return clause_tokens(child, set())
        if child.dep_ == "xcomp" and lemma in COMMISSIVE_VERBS and child.i > verb.i and to_infinitive(child):
            return clause_tokens(child, set())  # "pledged to oppose legal status": the deed promised
        if child.dep_ == "xcomp" and lemma in DIRECTIVE_VERBS and to_infinitive(child):
            addressee = next((c for c in verb.children if c.dep_ in {"dobj", "dative"} and verb.i < c.i < child.i), None)
            if addressee is not None:  # "asked them not to stage protests"
                return clause_tokens_between(verb.doc, addressee.left_edge.i, child.right_edge.i)
        if child.dep_ == "xcomp" and child.tag_ == "VBG" and child.i == verb.i + 1 and is_cue(verb) and any(
            t.tag_ in FINITE_OR_MODAL for t in child.subtree
        ):
            return trailing_clause(verb)  # "said legalizing it could put ...": a clause whose subject is a gerund
        if child.dep_ == "advcl" and lemma == "call" and any(m.lower_ == "for" and m.dep_ == "mark" for m in child.children):
            return clause_tokens(child, set())
    if (deed := admitted_deed(verb)) is not None:
        return clause_tokens(deed, set())  # "confessed to killing his sister": the deed owned up to
    for child in verb.children:
        if child.dep_ == "dobj":
            for grandchild in child.children:
                if child.lemma_.lower() in REPORT_NOUNS and grandchild.dep_ in {"acl", "ccomp", "relcl"} and grandchild.i > child.i:
                    return clause_tokens(grandchild, set())
            if is_cue(verb) and child.left_edge.i == verb.i + 1 and subject_as_object(verb, child, lemma in CLAUSE_CUES):
                return trailing_clause(verb)  # "X said Adamowicz required ...", misparsed as an object
            if is_cue(verb) and child.left_edge.i == verb.i + 1 and lemma not in {"tell", "ask", "inform"} and any(
                t.tag_ in FINITE_OR_MODAL and t.dep_ in {"ccomp", "conj"} for t in child.subtree
            ):
                return trailing_clause(verb)  # "X said a law allowing Y marked a sad day": a clause, not an object
            if lemma in OBJECT_CLAIM_VERBS and not withholds(verb):
                return object_run(verb, child)
    if (verb.dep_ == "parataxis" or closing_conjunct(verb)) and is_cue(verb) and verb.head.pos_ in {"VERB", "AUX"}:
        return across_aside(verb) or clause_tokens(verb.head, {t.i for t in verb.subtree})  # "C, X said."
    if is_cue(verb) and set_off_by_commas(verb):
        return around_aside(verb)  # "Many of the cultures, the complaint pointed out, have a concept ..."
    if misparsed_predicate(verb) and not any(c.dep_ == "agent" for c in verb.children) and verb.head.head.i > verb.i:
        return predicate_run(verb)  # "The chief, X, announced on Tuesday there were suspects"
    if lemma in {"call"}:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects:
                    return with_deed(verb, clause_tokens(objects[0], set()))
            if prep.dep_ == "prep" and prep.lower_ == "on" and prep.i == verb.i + 1:
                return with_deed(verb, called_on(verb, prep))  # not "On Thursday, X called for ..."
    if lemma in {"blame", "accuse"}:
        for child in verb.children:
            if child.dep_ in {"dobj", "pobj"}:
                return object_run(verb, child)
    return []


def across_aside(verb: Token) -> list[Token]:
    """'C1, he said, C2': a cue set off by commas with content on both sides. The content is one
    statement running across the aside (PolNeAR keeps the aside inside the span), not C2 alone;
    when C2 opens a direct quote ('C1, he said, “…”') the quote speaks for itself and C1 is the
    report. Empty when the cue is not such an aside."""
    head, doc = verb.head, verb.doc
    first, last = verb.left_edge.i, verb.right_edge.i
    while first < verb.i and doc[first].is_punct:
        first += 1
    while last > verb.i and doc[last].is_punct:
        last -= 1
    if first < 1 or last + 2 >= len(doc) or doc[first - 1].text != "," or doc[last + 1].text != ",":
        return []
    content = clause_tokens(head, set())
    stop = max((k + 1 for k, t in enumerate(content) if t.i < first and t.text in {";", ":"}), default=0)
    content = content[stop:]  # "C0; they had, his father says, paid …": C0 is not part of it
    before = [t for t in content if t.i < first - 1]
    after = [t for t in content if t.i > last + 1]
    if not any(not t.is_punct for t in before) or not any(not t.is_punct for t in after):
        return []
    if after[0].text in QUOTE_MARKS:  # 'Asked about X, he said, “…”', 'In Miami, he said, “…”': a
        # frame without a clause of its own is not a report
        if not any(t.dep_ in SUBJECT_DEPS | {"nsubjpass"} and t.head in before for t in before):
            return []
        return before[:-1] if before[-1].text == "," else before
    return content


def with_stranded_subject(clause: Token, content: list[Token]) -> list[Token]:
    """'announced on Twitter the FAA and the NTSB were to investigate': a clause with no subject
    whose subject the parser hung on a preceding phrase gets that noun phrase back."""
    if not content or content[0].i != clause.i or any(c.dep_ in SUBJECT_DEPS | {"nsubjpass", "expl"} for c in clause.children):
        return content
    before = first_conjunct(clause.doc[clause.i - 1]) if clause.i > 0 else None
    if before is None or before.pos_ not in {"NOUN", "PROPN"} or before.right_edge.i + 1 != clause.i:
        return content
    first = next((t.i for t in before.subtree if t.dep_ == "det" and t.i <= before.i), before.left_edge.i)
    return list(clause.doc[first : content[-1].i + 1])


def set_off_by_commas(verb: Token) -> bool:
    """'…, the complaint pointed out, …': a subject and its cue between two commas mid-sentence."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.i > verb.i:
        return False
    doc, sent = verb.doc, verb.sent
    last = max([verb.i] + [c.i for c in verb.children if c.dep_ == "prt"])
    before, after = subject.left_edge.i - 1, last + 1
    return before > sent.start and after < sent.end - 2 and doc[before].text == "," and doc[after].text == ","


def around_aside(verb: Token) -> list[Token]:
    """The whole sentence a parenthetical cue sits in (the content surrounds it), edge punctuation
    off, less a closing 'adding that …' participle: that is a report of its own."""
    tail = {t.i for c in verb.children if c.i > verb.i and c.tag_ == "VBG" and is_cue(c) for t in c.subtree}
    return without_end_punct([t for t in verb.sent if not t.is_space and (not tail or t.i < min(tail))])


def quoted_before(verb: Token, clauses: list[Token]) -> Token | None:
    """'C: “Q,” he said', 'C, telling X, “Q,” he said': the quote right before the cue is what it
    reports, not the writer's clause before the quote (which the parser also hangs on the cue).
    PolNeAR train: 5 false statements gone, none of the gold's lost."""
    before = [c for c in clauses if c.dep_ == "ccomp" and c.i < verb.i]
    if len(before) < 2:
        return None
    nearest = max(before, key=lambda c: c.i)
    first = nearest.left_edge
    opened = first.text in QUOTE_MARKS or first.i > 0 and first.nbor(-1).text in QUOTE_MARKS
    return nearest if opened else None


def own_cue(clause: Token) -> bool:
    """A complement that is itself a cue with its own subject: a separate report, not content.
    A negated cue ('X did not complain that …, an official said') reports nothing: it is content."""
    return is_cue(clause) and not verb_of_deed(clause) and not any(c.dep_ == "neg" for c in clause.children) and any(c.dep_ in SUBJECT_DEPS for c in clause.children) and clause.i < min(
        (c.i for c in clause.head.children if c.dep_ in SUBJECT_DEPS), default=clause.head.i
    )


def passive_claim(verb: Token) -> tuple[list[Token], Token] | None:
    """'The attack was claimed by X': the passive subject is the claim, the agent its source. A participle
    after its noun ('early counts reported by two stations', 'the truce announced by X') names a thing and who
    gave it, no claim: PolNeAR train 15 such, none the gold's; tune 1, the corpus 5, none a statement."""
    if verb.lemma_.lower() not in OBJECT_CLAIM_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if subject is None or agent is None or subject.lower_ == "it":
        return None
    objects = [c for c in agent.children if c.dep_ == "pobj"]
    if not objects:
        return None
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if xcomp is not None:  # "X were reported by Y to have visited ..."
        return list(verb.doc[subject.left_edge.i : xcomp.right_edge.i + 1]), objects[0]
    return list(subject.subtree), objects[0]


def interviewee(verb: Token, subject: Token | None, content: list[Token]) -> bool:
    """An interviewer's "you said C", the interviewee's words (``speakers.addressed``; the speaker
    index names them): a past report ("you mentioned", "you had said"), not a question ("can you
    explain C?", "you wrote X — how do you plan to do that?")."""
    return subject is not None and subject.lower_ == "you" and (verb.tag_ in {"VBD", "VBN"} or declarative(subject, verb)) \
        and content[0].lower_ not in QUESTION_WORDS and addressed(subject) is not None


def declarative(subject: Token, verb: Token) -> bool:
    """'You mention C; what …?', 'You suggest C.': a present-tense statement opening the sentence
    with no auxiliary recalls the interviewee's words as a past form does; 'do you suggest …',
    'can you tell …' ask. Corpus without the check gold: 4 such openings in interviewer turns."""
    return verb.tag_ == "VBP" and subject.i == subject.sent.start and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


def reported_speech(doc: Doc, direct: list[Quote], index: SpeakerIndex,
                    namings: list[Quote] | None = None) -> list[Quote]:
    """Indirect quotes: the clause a speech verb reports, credited to the verb's subject.
    'described the raid as “…”' is not reported speech (the quote says it), but it says whose
    the quoted words are: such clauses go to ``namings`` when a list is given."""
    quoted = sorted((q.start, q.end) for q in direct)
    found: list[Quote] = []
    learned: dict[tuple[int, int], int] = {}  # span -> verb offset, of statements only the frame table gave
    for verb in doc_tokens(doc):
        if verb.pos_ not in {"VERB", "AUX"} and not verb_tagged_noun(verb):  # checked first: most tokens are not verbs
            continue
        learned_only = not is_cue(verb) and verb.lemma_.lower() not in CLAIM_VERBS  # only the learned table may fire
        if learned_only and not has_frame(verb):
            continue
        if inside(verb.idx, quoted) or verb.lemma_.lower() in NOT_REPORTING:
            continue
        infinitive = verb.tag_ == "VB" and to_infinitive(verb)
        if infinitive and not says_something(verb):
            continue  # "to confirm if ...": a purpose, not a report
        passive, from_table, reporter = None if learned_only else passive_claim(verb), False, None
        if passive is not None:
            content, source_token = passive
        else:
            content = [] if learned_only else after_aside(verb, fronted_frame(verb, reported_content(verb)))
            reporter = None if learned_only else with_reporter(verb)  # '…, with local media reporting C'
            content = reporter[0] if reporter is not None and not content else content
            from_table = not content and candidate(verb)
            content = frame_content(verb) if from_table else content
            teller = telling_cue(verb)
            source_token = (reporter[1] if reporter is not None else None) or subject_of(teller or verb) \
                or (verb.head if misparsed_predicate(verb) else None) \
                or fronted_name(verb) or inherited_subject(verb) or speaking_it(verb) or fronted_subject(verb)
        if not content or len(content) < 2 and content[0].pos_ not in {"NOUN", "PROPN"}:
            continue
        if infinitive and content[0].lower_ in QUESTION_WORDS:
            continue  # "declined to say whether ...": nothing said
        if asks(verb, content):
            continue  # "asked whether C": a question, no claim of anyone's
        asked = interviewee(verb, source_token, content)
        if source_token is None or source_token.lower_ in FIRST_PERSON and not telling_it(verb, source_token) and not asked \
                or negated(verb, source_token) or hypothetical(verb) or no_commitment(verb, source_token, content):
            continue
        if source_token.lower_ == "that" and source_token.i == verb.i - 1 and verb.i + 1 < len(doc) \
                and doc[verb.i + 1].text == ",":
            continue  # "That said, C": the idiom for "even so", nobody speaking
        if verb.lemma_.lower() in NAMING_VERBS and not called_for(verb, content) and not directive(verb) and (content[0].pos_ == "PRON" or any(
            t.text in QUOTE_MARKS for t in content
        )):  # 'named it "Operation X"', 'described the attacks as a "dastardly act"': the quote says it
            if namings is not None and content[0].pos_ != "PRON":
                speaker = index.resolve(source_token)
                start, end = content[0].idx, content[-1].idx + len(content[-1])
                namings.append(Quote("indirect", start, end, doc_text(doc)[start:end], speaker.name, speaker.title, verb.lower_))
            continue
        content = with_detail(content)
        span = fit_to_quotes(doc_text(doc), content[0].idx, content[-1].idx + len(content[-1]), direct, verb.idx + len(verb))
        if span is None and namings is not None and called_for(verb, content):
            speaker = index.resolve(source_token)  # 'called for “G7 action”': the quote is the demand
            start, end = content[0].idx, content[-1].idx + len(content[-1])
            namings.append(Quote("indirect", start, end, doc_text(doc)[start:end], speaker.name, speaker.title, verb.lower_))
        if span is None or any(q.start == span[0] and q.end == span[1] for q in found):
            continue
        start, end = span
        if from_table:
            learned[span] = verb.idx
        if unnamed_asker(verb):
            found.append(Quote("indirect", start, end, doc_text(doc)[start:end], None, None, verb.lower_))
            continue
        speaker = index.resolve(source_token, verb.i)  # 'officials', not 'officials reporting …'
        if not from_table:  # the table adds statements; it leaves whom later pronouns name alone
            index.remember(speaker)
        found.append(Quote("indirect", start, end, doc_text(doc)[start:end], speaker.name, speaker.title, verb.lower_))
    found = without_nested(found, learned, quoted)
    statements = colon_statements(doc, direct, index)
    found = [q for q in found if not any(s.start <= q.start < s.end for s in statements)]
    return found + statements
