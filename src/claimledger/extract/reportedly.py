"""'Reportedly', 'allegedly': a report with no named source, whose content is the clause the
adverb sits in. The clause is the adverb's verb with its subject and complements, not the
whole sentence: an opening 'In total,' or 'As of yesterday,', a subordinate clause it sits
beside ('Although C, main clause') and a closing ', leaving …' participle are the writer's.
PolNeAR train: the narrower scope changes 6 spans, 2 statements newly matched, none lost (the
other 4 are not annotated either way); tune: 4 spans change, 1 statement newly matched, none lost.
The clause of an auxiliary or a later conjunct is its verb's, or its first conjunct's; the
clause of 'With X reportedly doing Y, …' is 'X reportedly doing Y'; a clause that is already
the content of a speech verb ('X allegedly did Y, the paper reported') is that report's; a
comma-and-conjunction clause with its own subject (', but they had left') and a clause past a
';' are the writer's. PolNeAR train: these change 8 spans, 3 to the gold span (1 newly matched),
2 duplicates of a speech verb's report dropped, 1 reported match lost (that speech verb's own
span ends early); tune: unchanged.
Passives with no agent do the same: 'X is said to have fled' (said_to), 'residents were advised to
stay indoors' (told_to), 'X was accused of inciting the murder' (accused_of).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ._cache import doc_text, span_tokens
from ..records import Attribution
from .cues import to_infinitive
from .marks import inside
from .lexicon import ACCUSED, PASSIVE_DIRECTIVES, REPORTED_TO, REPORTEDLY, SPEECH_VERBS

# Clauses whose own scope is the report: the sentence's main verb, a subordinate clause opening
# the sentence ('Although X reportedly …, C') and a parenthetical clause.
OWN_SCOPE = frozenset({"ROOT", "parataxis"})


def reportedly(sent: Span, quoted: list[tuple[int, int]]) -> list[Attribution]:
    """'reportedly conducted by the Taliban', 'There are reportedly 5000 troops': unnamed reports."""
    out = []
    for token in span_tokens(sent):
        if token.lower_ not in REPORTEDLY or inside(token.idx, quoted):
            continue
        head = token.head
        if head.lemma_.lower() in SPEECH_VERBS:
            continue  # "a source reportedly said ...": the speech verb carries it
        head = clause_head(head)
        if head.dep_ in {"ccomp", "parataxis"} and head.head.lemma_.lower() in SPEECH_VERBS:
            continue  # "X allegedly sent Y, the paper reported": that report holds it already
        content = [t for t in head.subtree if t.i != token.i]
        if head.dep_ == "pcomp" and head.head.lower_ == "with" and head.i > token.i:
            content = list(sent.doc[head.head.i + 1 : head.right_edge.i + 1])  # "With X reportedly doing Y, …"
        elif head.pos_ in {"NOUN", "PROPN", "NUM"} and head.i > token.i and not opens(token, sent):
            content = [t for t in head.subtree if t.i > token.i]  # "— reportedly the first deaths in X"
        elif head.dep_ in OWN_SCOPE or head.dep_ == "advcl" and head.i < head.head.i:
            content = own_clause(head)
        elif head.dep_ not in {"acl", "relcl", "advcl"}:
            content = [t for t in sent if not t.is_space and not semicolon_between(t, token)]
        if len(content := trimmed(content)) >= 2:
            out.append(unnamed(content, token.lower_))
    return out


def opens(token: Token, sent: Span) -> bool:
    """'Reportedly over 400 firefighters took part': an adverb opening its sentence speaks for all of
    it, even when the parser hangs it on the number or noun after it (the bundled corpus without
    check documents: 14 sentences open on 'Reportedly' or 'Allegedly')."""
    return all(t.is_space or t.is_punct for t in sent.doc[sent.start : token.i])


def passive_without_agent(token: Token, lemmas: frozenset[str], quoted: list[tuple[int, int]]) -> bool:
    """A passive of one of ``lemmas`` outside quotes with no 'by' agent ('was said', 'is accused'):
    what it reports comes from a source the text does not name."""
    if token.lemma_.lower() not in lemmas or token.tag_ != "VBN" or inside(token.idx, quoted):
        return False
    deps = {c.dep_ for c in token.children}
    return "auxpass" in deps and "agent" not in deps


def agentless_passive(token: Token, lemmas: frozenset[str], quoted: list[tuple[int, int]]) -> Token | None:
    """The to-infinitive of a passive with no agent ('was said to X', 'were advised to X') whose verb is
    one of ``lemmas``, outside quotes; None for any other token. The shape said_to and told_to share."""
    if not passive_without_agent(token, lemmas, quoted):
        return None
    return next((c for c in token.children if c.dep_ == "xcomp" and to_infinitive(c)), None)


def said_to(sent: Span, quoted: list[tuple[int, int]]) -> list[Attribution]:
    """'He was reported to be in stable condition', 'X, who is said to have pressed for Y': a passive
    speech verb with a to-infinitive and no agent credits its clause (the passive's subject with the
    infinitive) to unnamed reports, as 'reportedly' does. PolNeAR train: 7 new statements, 3 of them
    the gold's (1 more overlaps one), 3 not annotated; tune: 2 new, both the gold's; the bundled corpus
    without the check gold's documents holds 8 such passives (say 4, report 3, allege 1)."""
    out = []
    for token in span_tokens(sent):
        if agentless_passive(token, REPORTED_TO, quoted) is None:
            continue
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in SPEECH_VERBS:
            continue  # "X said Y was reported to ...": that report holds it already
        content = own_clause(token) if token.dep_ in OWN_SCOPE else [t for t in token.subtree if not t.is_space]
        if len(content := trimmed(content)) >= 4:
            out.append(unnamed(content, f"{token.lower_} to"))
    return out


def told_to(sent: Span, quoted: list[tuple[int, int]]) -> list[Attribution]:
    """'Residents were advised to stay indoors', 'travelers were told to contact their airlines': a
    passive directive with no agent reports what was asked of them, its to-infinitive, from a source
    the text does not name (PolNeAR train: 11 of 14 such passives in its texts annotated; tune: 2 of 2;
    the bundled corpus without check documents: 9, 5 of them outside quotes)."""
    out = []
    for token in span_tokens(sent):
        deed = agentless_passive(token, PASSIVE_DIRECTIVES, quoted)
        if deed is None or deed.i < token.i:
            continue
        if len(content := trimmed([t for t in deed.subtree if not t.is_space])) >= 3:
            out.append(unnamed(content, f"{token.lower_} to"))
    return out


def accused_of(sent: Span, quoted: list[tuple[int, int]]) -> list[Attribution]:
    """'X was accused of inciting the murder', 'who is accused of killing nine people': a passive
    accusation with no agent reports the deed it names, the gerund after 'of' (with any 'and of …'
    coordinated after it), from a source the text does not name. A noun after 'of' ('accused of a
    massacre') and 'suspected' or 'convicted of' name no claim. Tune 2 of 2 such passives annotated,
    PolNeAR train 2 of 3 and dev 2 of 2; the bundled corpus without check documents holds 6."""
    out = []
    for token in span_tokens(sent):
        if not passive_without_agent(token, ACCUSED, quoted):
            continue
        ofs = [c for c in token.children if c.lower_ == "of"]  # in text order: the first deed, the last 'and of …'
        deeds = [c for c in ofs if any(g.tag_ == "VBG" for g in c.children)]
        if not deeds or any(c.dep_ == "neg" for c in token.children):
            continue
        content = [t for t in sent.doc[deeds[0].i + 1 : ofs[-1].right_edge.i + 1] if not t.is_space]
        if len(content := trimmed(content)) >= 2:
            out.append(unnamed(content, f"{token.lower_} of"))
    return out


def trimmed(content: list[Token]) -> list[Token]:
    """A clause without the punctuation at its ends, the relative word or conjunction opening it ('who
    is said to …', 'Though X was forecast to …') or the adverb that opens it ('Reportedly, C')."""
    while content and (content[-1].is_punct or content[-1].is_space or content[-1].dep_ == "cc"):
        content = content[:-1]  # and a conjunction left dangling by a clause cut before its conjunct
    while content and (content[0].is_punct or content[0].tag_ in {"WDT", "WP"} or content[0].lower_ in REPORTEDLY
                       or content[0].dep_ == "mark"):
        content = content[1:]
    return content


def unnamed(content: list[Token], cue: str) -> Attribution:
    """A report of the clause with no named source."""
    start, end = content[0].idx, content[-1].idx + len(content[-1])
    return Attribution(start, end, doc_text(content[0].doc)[start:end], None, cue)


def semicolon_between(one: Token, other: Token) -> bool:
    """A ';' between two tokens of a sentence: they sit in different clauses of it."""
    low, high = sorted((one.i, other.i))
    return any(t.text == ";" for t in one.doc[low : high + 1])


def clause_head(head: Token) -> Token:
    """The verb whose clause the adverb qualifies: past an auxiliary it sits on ('who reportedly has
    been itching') and from a later conjunct to the first ('X gained acclaim and was reportedly
    targeted', 'is a Republican, but has reportedly been critical'): the clause's subject and
    opening belong to every conjunct."""
    for _ in range(4):
        if head.dep_ in {"aux", "auxpass"} or head.dep_ == "conj" and head.head.pos_ in {"VERB", "AUX"}:
            head = head.head
        else:
            break
    return head


def own_clause(head: Token) -> list[Token]:
    """The verb's clause as a contiguous run: its subtree less the subordinating word ('Although'),
    modifiers set off by a comma before the subject ('In total,'), and subordinate clauses or
    coordinated clauses with their own subject set off by a comma on either side."""
    doc = head.doc
    cut: set[int] = set()
    subject = min((c.i for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), default=head.i)
    for child in head.children:
        opening = child.left_edge.i
        if child.dep_ == "conj" and doc[opening - 1].dep_ == "cc" and doc[opening - 1].head == head:
            opening -= 1  # ", but they had returned": the comma stands before the conjunction
        edge_before = doc[opening - 1] if opening > 0 else None
        edge_after = doc[child.right_edge.i + 1] if child.right_edge.i + 1 < len(doc) else None
        if child.dep_ == "mark" and child.i < subject:
            cut.add(child.i)
        elif child.right_edge.i < subject and edge_after is not None and edge_after.text == ",":
            cut.update(range(child.left_edge.i, child.right_edge.i + 2))
        elif child.i > head.i and child.dep_ in {"advcl", "conj"} and edge_before is not None and edge_before.text == "," \
                and (child.dep_ == "advcl" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children)):
            cut.update(range(opening - 1, child.right_edge.i + 1))
    ids = {t.i for t in head.subtree} - cut
    first = last = head.i
    while first - 1 in ids:
        first -= 1
    while last + 1 in ids:
        last += 1
    return [t for t in doc[first : last + 1] if not t.is_space]
