"""Repairs for parses that hide a report's parts: a that-clause hung on a noun before it, a
clause subject taken as the verb's object, a speaker's name the parser did not make the subject.
Each looks only at dependency shapes and entity labels, never at particular words of a text.
"""

from __future__ import annotations

from spacy.tokens import Token

from .cue_shapes import FINITE, SUBJECT_DEPS, without_end_punct
from .lexicon import NAMING_VERBS, READING_NOUNS
from .names import NAMED_ENTS


# Subordinators of time and manner: a clause they open says when or how, never what was said.
CIRCUMSTANCE_MARKS = frozenset("as while whereas before after until although though".split())


def stray_that_clause(verb: Token) -> Token | None:
    """'said for the first time that C', 'said in a statement Monday that C': the parser hangs the
    that-clause on the noun of a phrase between cue and clause (a relative clause has no 'that'
    marker, so a marked one there is the cue's complement)."""
    for child in verb.children:
        if child.i < verb.i or child.dep_ not in {"prep", "npadvmod"} and not bare_participle(child):
            continue
        for token in child.subtree:
            if token.dep_ == "relcl" and any(marked_that(c, token) for c in token.children):
                return token
    return None


def marked_that(that: Token, clause: Token) -> bool:
    """'that' opening a clause with its own subject: the subordinator, whether the parser calls it
    a marker or an adverb ('said for the first time that some emails were found': a relative
    'that' would be the clause's subject or object, and a clause with a subject after it is full).
    PolNeAR train: fires once, right once (with ``bare_participle``; rare, but it only ever
    replaces no report or a phrase that is not one)."""
    if that.lower_ != "that" or that.dep_ not in {"mark", "advmod"} or that.i > clause.i:
        return False
    return that.dep_ == "mark" or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} and c.i > that.i for c in clause.children)


def bare_participle(child: Token) -> bool:
    """'said in an interview taped before the attacks that C': a participle with no subject that
    the parser made the cue's complement, though it only describes the phrase before it."""
    return child.dep_ == "ccomp" and child.tag_ == "VBN" and not any(
        c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in child.children
    )


def medium_participle(child: Token) -> bool:
    """'said in a statement issued before the event', 'told X in an interview aired on Sunday': a verb
    with no subject of its own right after the writing or interview the cue names, which the parser
    made the cue's complement (even tagged past tense): it says when or how that writing came out.
    PolNeAR train: fires twice, a false report gone and a partial quote's speaker found."""
    before = child.doc[child.i - 1] if child.i > 0 else None
    return child.dep_ == "ccomp" and child.tag_ in {"VBN", "VBD"} and before is not None \
        and before.dep_ == "pobj" and before.lemma_.lower() in READING_NOUNS and before.head.head == child.head \
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "expl"} for c in child.children)


def circumstance(child: Token) -> bool:
    """'“…,” she said as some in the crowd jeered', '… she said of workers whose cards were returned': a
    clause the parser made the cue's complement though a subordinator of time or manner opens it, or a
    relative pronoun hangs it on the noun before it. It tells when the words were said, or of whom.
    PolNeAR train: fires 3 times, 3 false reports gone; not "said that, after X, C" (a 'that' opens it)."""
    if child.dep_ != "ccomp" or child.i < child.head.i or any(c.lower_ == "that" for c in child.children):
        return False
    return opened_by_circumstance(child) or any(c.tag_ == "WP$" and c.i < child.i or c.dep_ in {"nsubj", "nsubjpass"}
                                                and any(w.tag_ == "WP$" for w in c.children) for c in child.children)


def opened_by_circumstance(clause: Token) -> bool:
    """A clause a subordinator of time or manner opens ('as some jeered', 'while members were meeting')."""
    return any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS for c in clause.children)


def about_the_saying(child: Token) -> bool:
    """A clause the parser made a cue's complement that tells when, how or of whom the words were said
    (``medium_participle``, ``circumstance``): never what was said."""
    return medium_participle(child) or circumstance(child)


def adjoins(obj: Token, first: Token) -> bool:
    """The object ends where the clause starts, or only prepositional phrases the parser hung on
    the verb lie between ('announced the recorder from Flight 610 has been recovered')."""
    gap = set(range(obj.right_edge.i + 1, first.i))
    for child in obj.head.children:
        if child.dep_ == "prep" and child.left_edge.i > obj.right_edge.i and child.right_edge.i < first.i:
            gap -= {t.i for t in child.subtree}
    return not gap


RELATIVE_OPENERS = frozenset("who whose which whom".split())
SPEAKER_ENTS = NAMED_ENTS


def fronted_name(verb: Token) -> Token | None:
    """'Senator X, the minority leader, said C' / 'Mr. X, whose start-up uses data, said C':
    a finite cue heading its sentence with no subject because the parser hung the name on an
    earlier phrase. The speaker is the nearest named entity before the cue when all that lies
    between is an aside set off by commas (an apposition or a relative clause) or adverbs."""
    if verb.dep_ != "ROOT" or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    doc, sent = verb.doc, verb.sent
    for ent in reversed([e for e in doc.ents if sent.start <= e.start and e.end <= verb.i and e.label_ in SPEAKER_ENTS]):
        between = [t for t in doc[ent.end : verb.i] if not t.is_space]
        if all(t.pos_ == "ADV" for t in between) or aside(between):
            return ent.root
    return None


def fronted_subject(verb: Token) -> Token | None:
    """'Okafor, meanwhile, who holds no seat of his own, said C', 'Maria Lindqvist, a teacher helping
    to run the shelter, said C', 'In an interview with X, the mayor stated that C': a finite
    cue heading its sentence with no subject, the parser having taken an aside for the cue's clause
    or hung the subject on an opening phrase (``fronted_name`` covers a named entity before a short
    aside). The subject is the noun phrase opening the sentence (or following an opening phrase and
    its comma) that an aside set off by commas or dashes separates from the cue, else such a phrase
    right before the cue (its adverbs aside: 'last week said')."""
    if verb.dep_ != "ROOT" or verb.tag_ not in {"VBD", "VBZ", "VBP"} \
            or any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in verb.children):
        return None
    doc, sent = verb.doc, verb.sent
    end = verb.i
    for child in sorted((c for c in verb.children if c.i < verb.i), key=lambda c: -c.i):
        if child.dep_ not in {"advmod", "npadvmod", "aux", "neg"} or child.right_edge.i != end - 1:
            break
        end = child.left_edge.i
    chunks = [c for c in sent.noun_chunks if c.end <= end and c.root.pos_ in {"NOUN", "PROPN"} and opens_clause(c)]
    if chunks and chunks[-1].end == end:
        return chunks[-1].root
    if end - 1 < sent.start or doc[end - 1].text not in ASIDE_MARKS:
        return None
    for chunk in chunks:
        between = doc[chunk.end : end]
        if chunk.end < end - 1 and doc[chunk.end].text in ASIDE_MARKS \
                and not any(t.text in {";", ":", "\"", "“", "”"} for t in between):
            return chunk.root
    return None


ASIDE_MARKS = frozenset({",", "-", "--", "—", "–"})


def opens_clause(chunk) -> bool:
    """A noun phrase at its sentence's start (past opening quote marks) or right after a comma."""
    before = [t for t in chunk.doc[chunk.sent.start : chunk.start] if not t.is_space and t.text not in QUOTE_OPENERS]
    return not before or before[-1].text == ","


QUOTE_OPENERS = frozenset({"\"", "“", "'", "‘"})


def aside(tokens: list[Token]) -> bool:
    """', the club's president,' or ', whose firm uses data,': set off by commas, with no verb of
    its own unless it is a relative clause."""
    if len(tokens) < 3 or tokens[0].text != "," or tokens[-1].text != ",":
        return False
    inner = tokens[1:-1]
    if any(t.text in {";", ":", "\"", "“", "”"} for t in inner):
        return False
    return inner[0].lower_ in RELATIVE_OPENERS or not any(t.pos_ in {"VERB", "AUX"} for t in inner)


def continued_content(verb: Token, content: list[Token]) -> list[Token]:
    """'said C1, but that C2' / 'said money is needed to develop X, educate Y and learn Z': the
    parser hangs the second half of the content on the cue. A later conjunct of the cue marked
    'that', or a bare infinitive continuing the content's own infinitive list, belongs to it."""
    if not content:
        return content
    doc, last = verb.doc, content[-1].i
    infinitives = any(t.tag_ == "VB" and t.dep_ == "xcomp" for t in content)
    for child in sorted(verb.children, key=lambda t: t.i):
        if child.left_edge.i <= last or any(not t.is_punct and t.dep_ != "cc" for t in doc[last + 1 : child.left_edge.i]):
            continue
        marked = child.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        listed = infinitives and child.dep_ in {"advcl", "conj"} and child.tag_ == "VB" and child.left_edge == child \
            and not any(c.dep_ in {"nsubj", "aux", "mark"} for c in child.children)
        if marked or listed:
            end = child.right_edge.i
            while end > child.i and doc[end].is_punct:
                end -= 1
            return list(doc[content[0].i : end + 1])
    return content


def inherited_subject(verb: Token) -> Token | None:
    """'went out of his way to say that C', 'criticised X and said C': an infinitive, participle or
    conjunct cue whose subject the parser left with a verb above it. The nearest verb up the tree
    with a subject before the cue lends it."""
    if verb.tag_ not in {"VBG", "VB", "VBD", "VBZ", "VBP"} or verb.dep_ in {"ROOT", "acl"}:
        return None  # a participle on a noun ('with officials saying C') is that noun's, not the clause's
    node = verb
    for _ in range(5):
        if node.head == node:
            return None
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            subjects = [c for c in node.children if c.dep_ == "nsubj" and c.i < verb.i and c.lower_ != "it"]
            if subjects:
                return subjects[-1]
            if node.dep_ in {"ccomp", "parataxis"}:
                return None  # the cue sits inside someone's content: not that speaker's own act
    return None


# Cues on which a subject 'it' is an organisation speaking ('The company … It said C'), not the
# expletive of 'it seems' or a thing shown ('it suggests'): the plain verbs of telling.
IT_TELLS = frozenset("say add announce state report tell write warn confirm deny claim read".split())


def speaking_it(verb: Token) -> Token | None:
    """The subject 'it' of a verb of telling (``subject_of`` passes over every 'it')."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and telling_it(verb, subject) else None


def telling_it(verb: Token, subject: Token) -> bool:
    """'It said C', 'It also added that C': 'it' standing for a company, agency or paper named
    before, the subject of an active verb of telling. PolNeAR train: fires 10 times, 9 right, the
    source resolved to the company, paper or campaign named before; the tenth cut short by a misparse."""
    return subject.lower_ == "it" and subject.dep_ == "nsubj" and subject.head == verb \
        and verb.lemma_.lower() in IT_TELLS and verb.tag_ in {"VBD", "VBZ", "VBP"} \
        and not any(c.lower_ in {"me", "us"} for c in verb.children)  # 'it tells me that C': it shows


CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "csubj"})


def subject_before(verb: Token) -> Token | None:
    """The verb's own subject when it comes before it ('C, the minister told …', 'C, she said: “Q”')."""
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)


def verb_of_deed(clause: Token) -> bool:
    """'Social media has added another link to the chain, she noted': a verb that can be a speech
    cue ('add', 'note', 'report') but here takes a plain object and no clause of its own is a
    deed, part of what the outer cue reports, not a report of its own ('He may add to the
    staff or change roles, he said' likewise, with a phrase after the verb).
    (PolNeAR train: 5 more reports, 4 of them the gold span newly matched, 1 a narrated
    sentence that overlaps a gold report; 1 unmatched report gone.)"""
    return any(c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"} or c.dep_ == "prep" and c.i > clause.i for c in clause.children) \
        and not any(c.dep_ in CLAUSE_DEPS for c in clause.children)


# Cues whose object is the one told ('told a Senate panel'), not what was said or done.
ADDRESSEE_CUES = frozenset("tell inform assure brief remind".split())


def closing_conjunct(verb: Token) -> bool:
    """'This includes a special force, the minister told a Senate panel.': a closing 'X said' /
    'X told Y' after a comma, which the parser joined to the sentence as a conjunct with no
    'and'. A conjunct with its own subject after a bare comma, ending the sentence and with no
    clause of its own, is the cue of the clause before it (a real coordination has its 'and',
    'but', or an 'and' after the clause before it: 'C, and though D, their smiles said a lot').
    (PolNeAR train: fires 5 times, all 5 the gold span, newly matched; 3 with the gold's source.)"""
    if verb.dep_ != "conj" or verb.i < verb.head.i or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return False
    subject = subject_before(verb)
    if subject is None or subject.left_edge.i < 1 or verb.doc[subject.left_edge.i - 1].text != ",":
        return False
    if any(c.dep_ in CLAUSE_DEPS or c.dep_ == "dobj" and verb.lemma_.lower() not in ADDRESSEE_CUES for c in verb.children):
        return False  # 'X continued his attacks': a deed, not a cue
    head = verb.head  # 'C1 and C2, X said' is fine; 'C, and though D, E said' is a coordination
    previous = max((c.i for c in head.children if c.dep_ == "conj" and c.i < verb.i), default=head.i)
    if any(c.dep_ in {"cc", "preconj"} and previous < c.i < verb.i for c in head.children):
        return False
    rest = verb.doc[verb.right_edge.i + 1 : verb.sent.end]
    return all(t.is_punct or t.is_space for t in rest)


OPENING_MARKS = frozenset({"“", "\"", "``", "‘", "''"})


def opens_quote(clause: Token, verb: Token) -> bool:
    """'C, she said: “Q.”': the parser gives the cue two clauses; the one after it opens a
    quotation, which speaks for itself, and the one before, ending at the comma before the
    speaker, is the report. (Without such a clause before, the quoted one stays the content:
    'he had stated of politicians, “Q”' reports nothing but Q.)
    (PolNeAR train: fires 2 times, both the gold span, newly matched.)"""
    first, doc = clause.left_edge, clause.doc
    if first.text not in OPENING_MARKS and not (first.i > 0 and doc[first.i - 1].text in OPENING_MARKS):
        return False
    subject = subject_before(verb)
    return subject is not None and any(
        c.dep_ == "ccomp" and c.i < subject.i and doc[c.right_edge.i + 1].text == "," and c.right_edge.i + 2 == subject.left_edge.i
        for c in verb.children
    )


# A finite verb or a modal: where a clause of its own begins ("the rebels had", "troops would").
# cue_shapes.FINITE, without the modal, tells whether a verb is itself finite.
FINITE_OR_MODAL = FINITE | {"MD"}


def subject_as_object(verb: Token, obj: Token, past_phrases: bool = False) -> bool:
    """'X said Adamowicz required ...': the parser took the subject of the reported clause for the
    verb's object, and the clause's finite verb follows with no subject of its own (not a relative
    clause, not a second predicate of the cue's subject: 'X thanked them and said ...').
    Not a clause of what went on meanwhile ('told volunteers in X, while members were meeting': PolNeAR
    train 12 such false reports gone or cut to their object, none of the gold's lost).
    ``past_phrases``: the finite verb may come after a participle inside the subject ('ruled the
    practice of registering men is unconstitutional'), and a second verb with no 'and' before it is
    the clause's ('ruled the draft violated X'); for verbs that take a clause, seldom an object."""
    tokens = obj.doc[obj.right_edge.i + 1 : verb.sent.end]
    if not past_phrases:
        later = next((t for t in tokens if t.pos_ in {"VERB", "AUX"}), None)
        main = later.head if later is not None and later.dep_ in {"aux", "auxpass"} else later  # 'were voting'
        return later is not None and later.tag_ in FINITE_OR_MODAL and later.dep_ != "relcl" \
            and not (later.dep_ == "conj" and later.head == verb) and not has_subject(later) \
            and not opened_by_circumstance(main)
    later = next((t for t in tokens if t.tag_ in FINITE_OR_MODAL), None)
    if later is not None and later.dep_ in {"aux", "auxpass"}:
        later = later.head
    coordinated = later is not None and any(c.dep_ == "cc" and obj.i < c.i < later.i for c in verb.children)
    return later is not None and later.i > obj.i and later.dep_ != "relcl" and not coordinated and not has_subject(later)


def has_subject(verb: Token) -> bool:
    """A verb with a subject of its own."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


# Words a 'with' phrase's reporter may hold before its participle: 'with local media reporting C',
# 'with 50 percent of voters saying C', 'with some in the party claiming C'.
REPORTER_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "ADV"})
REPORTER_PREPS = frozenset({"of", "in", "from"})
NOUN_MODIFIERS = frozenset({"det", "amod", "compound", "nummod", "poss"})


def with_reporter(verb: Token) -> tuple[list[Token], Token] | None:
    """'…, with local media reporting no-one was in the houses', '…, with local press reporting in 2004
    that the owner had applied': a reporter and its participle in a 'with' phrase, which the parser
    often leaves without its clause (the participle as the object of 'with', the clause hung on the
    noun before it). The content is the rest of the sentence after the participle, less a 'that' and a
    leading time phrase ('in 2004', 'at the time'); the reporter is the noun phrase's head.
    (PolNeAR train: 2 statements added, both the gold's; the corpus without check documents: 1, right by
    reading; tune none: its one such participle is tagged a noun.)"""
    if verb.tag_ != "VBG":
        return None
    k = verb.i - 1
    while k > verb.sent.start and verb.i - k <= 8 and verb.doc[k].lower_ != "with" and (
            verb.doc[k].pos_ in REPORTER_POS or verb.doc[k].lower_ in REPORTER_PREPS):
        k -= 1
    opener = verb.doc[k]
    if opener.lower_ != "with" or k == verb.i - 1:
        return None
    phrase = list(verb.doc[k + 1 : verb.i])
    nouns = [t for t in phrase if t.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}]
    if not nouns:
        return None
    source = next((t for t in nouns if t.head.i < k + 1 or t.head.i >= verb.i), nouns[-1])
    rest = without_time_phrase([t for t in verb.doc[verb.i + 1 : verb.sent.end] if not t.is_space])
    if not rest or rest[0].is_punct:
        return None  # 'With all precincts reporting, C': the phrase ends at the participle; C is the writer's
    if rest[0].lower_ == "that":
        rest = rest[1:]
    cut = next((n for n, t in enumerate(rest) if t.text == ";"), len(rest))
    rest = without_end_punct(rest[:cut])
    clause = next((n for n, t in enumerate(rest) if t.tag_ in FINITE and t.pos_ in {"VERB", "AUX"}), None)
    if clause is None or any(t.text == "," for t in rest[:clause]):
        return None  # 'with people saying goodbye', 'with X saying last week, “…”': no clause said
    return rest, source


def without_time_phrase(tokens: list[Token]) -> list[Token]:
    """Tokens less an opening prepositional phrase of time ('in 2004', 'at the time'): its object with
    that object's own modifiers, not a clause the parser hung on the object ('the time that C')."""
    if not tokens or tokens[0].pos_ != "ADP" or tokens[0].lower_ == "that":
        return tokens
    obj = next((c for c in tokens[0].children if c.dep_ == "pobj"), None)
    if obj is None:
        return tokens
    last = max([obj.i] + [m.right_edge.i for m in obj.children if m.dep_ in NOUN_MODIFIERS and m.i < obj.i])
    return [t for t in tokens if t.i > last]


def misparsed_predicate(verb: Token) -> bool:
    """'The chief, X, announced …' parsed as a participle hanging on the subject: the verb is the
    sentence's predicate. A participle right after its noun ('refugees admitted to X are C') is not."""
    return verb.dep_ == "acl" and verb.head.dep_ == "nsubj" and (
        verb.tag_ != "VBN" and not reduced_relative(verb)
        or verb.i > 0 and verb.doc[verb.i - 1].text == "," and verb.lemma_.lower() not in NAMING_VERBS
    )  # 'The Lost 52 Project, named after …, has located …' describes the subject


def reduced_relative(verb: Token) -> bool:
    """'Officials briefed on the talks said C': a participle right after its noun with nothing it
    tells or names is the noun's description, whatever tag the tagger gave it (past tense here),
    unless the verb the noun is subject of has a subject of its own ('The seller asked for time, but
    the buyer said C': 'asked' is a predicate the parser hung on its subject)."""
    return verb.i == verb.head.i + 1 and verb.tag_ == "VBD" and not any(
        c.dep_ in {"dobj", "dative", "ccomp", "xcomp", "iobj"} for c in verb.children
    ) and not other_subjects(verb)


def other_subjects(verb: Token) -> list[Token]:
    """The subjects the sentence's predicate has besides the noun a participle hangs on ('the buyer' of
    'The seller asked for time, but the buyer said C'): there the participle is a predicate of its own,
    and its report ends where such a subject begins (``extent.predicate_run``)."""
    return [c for c in verb.head.head.children if c.dep_ in SUBJECT_DEPS and c.i != verb.head.i]
