"""Attributions: content credited to a source without a speaking verb.

"According to X, C", "C, according to X", "as reported by X, C", "in a report by X, C",
"C, citing X", and the impersonal "it was reported that C" (source unnamed).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ._cache import doc_sents, doc_text, span_tokens
from ..records import Attribution, Quote
from .lexicon import AS_CUES, INFORMANT_NOUNS, REPORT_NOUNS, SPEECH_VERBS
from .marks import inside, quote_spans
from .noun_reports import noun_reports
from .cue_shapes import QUOTE_MARKS, closing_end
from .cues import subject_of
from .quote_fit import fit_to_quotes
from .quotes import partial_quotes
from .extent import object_run
from .reported import clause_tokens
from .reportedly import accused_of, reportedly, said_to, told_to
from .findings import findings
from .names import is_named
from .speakers import SpeakerIndex, addressed

# The words that head an attribution phrase in ``attribution_at`` (besides AS_CUES lemmas).
HEAD_WORDS = frozenset({"according", "citing", "in", "by"})


def extract_attributions(doc: Doc, quotes: list[Quote]) -> list[Attribution]:
    """Every attribution phrase with the clause it credits."""
    direct = [q for q in quotes if q.kind == "direct"]
    quoted = sorted((q.start, q.end) for q in direct)
    index = SpeakerIndex.build(doc, quote_spans(doc_text(doc)))  # the quotes component's index, copied
    found: list[Attribution] = []
    for sent in doc_sents(doc):
        for token in span_tokens(sent):
            if inside(token.idx, quoted):
                continue
            item = attribution_at(token, sent)
            if item is None:
                continue
            phrase, source_token, cue = item
            content = main_clause(sent, phrase, source_token)
            if not content:
                continue
            span = fit_to_quotes(doc_text(doc), content[0].idx, content[-1].idx + len(content[-1]), direct)
            if span is None or covered_by_quote(*span, quotes) and not nesting(cue, span, quotes):
                continue
            start, end = span
            if source_token is not None and interviewed(source_token) and "?" in doc_text(doc)[start : end + 2]:
                continue  # "As you said C, what should ...?": the interviewer's question, no statement
            source = index.resolve(source_token).name if source_token is not None else None
            found.append(Attribution(start, end, doc_text(doc)[start:end], source, cue))
        found.extend(impersonal(sent, quoted))
        found.extend(cited_claims(sent, quoted, index))
        found.extend(findings(sent, quoted, index))
        found.extend(reportedly(sent, quoted))
        found.extend(a for a in said_to(sent, quoted) + told_to(sent, quoted) + accused_of(sent, quoted)
                     if not overlapped(a, found) and not covered_by_quote(a.start, a.end, quotes))
    found += [a for a in noun_reports(doc, direct, index) if not covered_by_quote(a.start, a.end, quotes)]
    return dedupe(found)


def woven_quotes(doc: Doc, quotes: list[Quote], found: list[Attribution]) -> list[Quote]:
    """Quoted words inside an attributed clause are its source's ('according to X, the contest is one
    of the “social elevators”'), as inside a reported clause (``quotes.partial_quotes``): too short to
    pass for speech alone. One word is a scare quote, as the guide's “guards” ('the regime's “guards”,
    according to X'). Corpus without the check gold: 9 such quotes of two words or more in 8 documents."""
    text = doc_text(doc)
    holders = [Quote("indirect", a.start, a.end, a.text, a.source, None, a.cue) for a in found if a.source]
    woven = partial_quotes(text, quote_spans(text), [q for q in quotes if q.kind == "direct"], holders)
    return [q for q in woven if len(q.text.split()) >= 2]


OPINION_NOUNS = frozenset({"view", "opinion", "estimation"})  # "In his view, C" (opinion_of)
# Reports from many hands name no one source ("according to varying reports"); "according to local
# reports", "according to a pool report", "according to the survey" name their report, as the tune
# gold and PolNeAR do (tune: 4 sources more right; PolNeAR train: 8, dev 1).
MANY_SOURCES = frozenset({"varying", "various", "conflicting", "differing", "several", "multiple", "some", "many"})


def attribution_at(token: Token, sent: Span) -> tuple[list[Token], Token | None, str] | None:
    """Recognise an attribution phrase headed by this token: (its tokens, source, cue)."""
    lower = token.lower_
    if lower not in HEAD_WORDS and token.lemma_.lower() not in AS_CUES:  # most words head no attribution
        return None
    if lower == "according":
        for prep in token.children:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if prep.lower_ == "to" and objects:
                source = objects[0]
                if source.lower_ == "you":  # an interviewer's "What, according to you, ...?" asks, reports nothing
                    return None  # (bundled corpus without check documents: 5 such, all questions; none in the gold)
                if source.lemma_.lower() in REPORT_NOUNS:  # "according to a report by X": X is the source
                    owner = report_source(source)
                    if owner is None and any(c.lower_ in MANY_SOURCES for c in source.children):
                        return list(token.subtree), None, "according to"  # "according to varying reports": unnamed
                    source = owner or source
                return list(token.subtree), source, "according to"
    if token.lemma_.lower() in AS_CUES and any(c.lower_ == "as" and c.dep_ == "mark" for c in token.children):
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        objects = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
        if objects:
            return list(token.subtree), objects[0], f"as {lower} by"
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.lower_ not in {"i", "we", "you"} or interviewed(subject)):
            return list(token.subtree), subject, f"as {subject.text} {lower}"  # "As X announced today, C"
    if lower == "citing" and token.dep_ in {"advcl", "prep", "xcomp"}:
        objects = [c for c in token.children if c.dep_ in {"dobj", "pobj"}]
        if objects and informant(objects[0]):
            return list(token.subtree), objects[0], "citing"
    if token.dep_ == "prep" and lower in {"in", "by"} and token.head.dep_ == "ROOT":  # not 'the figures cited in X's tweet'
        objects = [c for c in token.children if c.dep_ == "pobj"]
        if objects and (holder := opinion_of(token, objects[0])) is not None:
            return list(token.subtree), holder, "in the view of"  # "In his view, C"
        if objects and objects[0].lemma_.lower() in REPORT_NOUNS:
            noun = objects[0]
            source = report_source(noun)
            if source is not None or lower == "by":
                return list(token.subtree), source, f"{lower} a {noun.lemma_.lower()}"
    return None


def opinion_of(prep: Token, noun: Token) -> Token | None:
    """Whose view an opening 'In his view, C', 'In Roe's opinion, C' gives: the possessor, not the
    writer's 'in my view'. Opening the sentence only ('deserved, in his view, a trial' qualifies a
    phrase). Tune gold: 4 of 4 such openings annotated (one article); PolNeAR train holds 2, one
    annotated, neither opening the sentence the parser gives; the bundled corpus without check documents 3."""
    if noun.lemma_.lower() not in OPINION_NOUNS or prep.i != prep.sent.start:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    return owner if owner is not None and owner.lower_ not in {"my", "our", "your"} else None


def interviewed(you: Token) -> bool:
    """An interviewer's "you" ("((WN)) As you mentioned, C"): the one interviewed, whom the speaker index names."""
    return you.lower_ == "you" and addressed(you) is not None


def informant(noun: Token) -> bool:
    """'citing officials', 'citing Reuters', 'citing a report': the cited is a source of information."""
    return noun.lemma_.lower() in INFORMANT_NOUNS or noun.lower_ in INFORMANT_NOUNS or is_named(noun)


def cited_claims(sent: Span, quoted: list[tuple[int, int]], index: SpeakerIndex) -> list[Attribution]:
    """'X condemned the move, citing its cost': what is cited is X's claim (in PolNeAR train, 10 of
    12 such objects that are not sources of information are annotated as the reported content)."""
    out = []
    for token in span_tokens(sent):
        if token.lower_ != "citing" or token.dep_ not in {"advcl", "xcomp", "conj"} or inside(token.idx, quoted):
            continue
        if token.i < token.head.i:
            continue  # "X, citing local groups, reported C": an aside naming where C came from
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        actor = token.head
        while actor.dep_ in {"ccomp", "xcomp"} and actor.head != actor:
            actor = actor.head  # "X claimed the vote should decide, citing C": X cites C, not the vote
        source = subject_of(actor)
        if obj is None or informant(obj) or source is None or source.lower_ in {"i", "we", "you"}:
            continue
        content = object_run(token, obj)
        if len(content) >= 2:
            start, end = content[0].idx, content[-1].idx + len(content[-1])
            if sum(t.text in QUOTE_MARKS for t in content) % 2:  # 'as “contrary to law”': the closing mark too
                end = closing_end(doc_text(sent.doc), end)
            out.append(Attribution(start, end, doc_text(sent.doc)[start:end], index.resolve(source).name, "citing"))
    return out


def report_source(noun: Token) -> Token | None:
    """Who wrote a report: 'a report by X', 'X's report', 'a report from X'."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "from", "of"}:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and (child.lower_ != "of" or is_named(objects[0])):  # 'a release of documents': no author
                return objects[0]
        if child.dep_ == "acl":  # "a publication known as X"
            found = report_source(child)
            if found is not None:
                return found
    return None


def main_clause(sent: Span, phrase: list[Token], source: Token | None = None) -> list[Token]:
    """The sentence without the attribution phrase when it stands at either end (or, as an aside
    between commas, what follows it)."""
    ids = {t.i for t in phrase}
    first = min(ids)
    if source is not None and first > sent.start and max(ids) >= sent.end - 2:
        # the parser may hang the rest of the sentence on the source: the phrase ends at its comma
        end = leading_phrase_end(sent, source)
        if sent.doc[end].text == ",":
            ids = {i for i in ids if i < end}
    if source is not None and all(t.is_punct for t in sent.doc[sent.start : first]):
        # a leading phrase runs to the first comma after its source (and after the source's own
        # verb: 'As X announced today at Y, C'), whatever the parser attached to it
        end = leading_phrase_end(sent, source)
        ids = set(range(sent.start, end))
    tokens = [t for t in sent if not t.is_space]
    start_i, end_i = 0, len(tokens)
    if tokens and tokens[0].i in ids:
        while start_i < end_i and (tokens[start_i].i in ids or tokens[start_i].is_punct):
            start_i += 1
    elif tokens and tokens[-1].i in ids or (len(tokens) > 1 and tokens[-1].is_punct and tokens[-2].i in ids):
        while end_i > start_i and (tokens[end_i - 1].i in ids or tokens[end_i - 1].is_punct):
            end_i -= 1
    elif is_aside(tokens, ids):
        # "potentially, according to X, C": an aside set off by commas credits what follows it
        start_i = max(k for k, t in enumerate(tokens) if t.i in ids) + 1
        while start_i < end_i and tokens[start_i].is_punct:
            start_i += 1
    elif after_subordinator(tokens, ids) is not None:
        start_i = after_subordinator(tokens, ids)
    elif inside_phrase(tokens, ids):
        return []  # 'killed 62, including, according to X, 54 children': X speaks of the 54 alone, no clause
    elif closes_clause(tokens, ids):
        # "C, according to X, and more": the phrase closes the clause before it; what follows
        # is the writer's again
        end_i = min(k for k, t in enumerate(tokens) if t.i in ids)
        while end_i > start_i and tokens[end_i - 1].is_punct:
            end_i -= 1
    run = tokens[start_i:end_i]
    if start_i > 0:  # 'According to X, C1; C2': the phrase credits the clause it opens, not the next
        run = next((run[:k] for k, t in enumerate(run) if t.text == ";"), run)
    while run and run[-1].is_punct and run[-1].text not in {"”", "\"", ")"}:
        run = run[:-1]
    return run


def is_aside(tokens: list[Token], ids: set[int]) -> bool:
    """An attribution phrase between commas after an opening adverb ('Potentially, according to
    X, C'), so nothing before it is a clause of its own."""
    inside = [k for k, t in enumerate(tokens) if t.i in ids]
    if not inside or inside[0] == 0:
        return False
    before = tokens[: inside[0]]
    boundary = max((k for k, t in enumerate(before) if t.text in {":", ";"}), default=-1)
    before = before[boundary + 1 :]  # 'C1: potentially, according to X, C2': C1 stands apart
    return bool(before) and before[-1].text == "," and all(t.is_punct or t.pos_ in {"ADV", "CCONJ", "INTJ"} for t in before)


ASIDE_PUNCT = frozenset({",", "-", "--", "—", "–"})


def after_subordinator(tokens: list[Token], ids: set[int]) -> int | None:
    """'…, because, according to X, C', '… after, according to him, C', 'While C0, according to X,
    C': an 'according to' aside right after a subordinator, or closing a clause it opens, credits
    the clause that follows it, not the writer's sentence around it. The index in ``tokens`` where
    that clause starts, else None.
    (PolNeAR train: fires 4 times, 3 the gold span and newly matched, 1 closer to it.)"""
    inside = [k for k, t in enumerate(tokens) if t.i in ids]
    if not inside or inside[0] < 2 or tokens[inside[0] - 1].text not in ASIDE_PUNCT or tokens[inside[0]].lower_ != "according":
        return None
    source_end = next((k for k in inside if any(c.dep_ == "pobj" for c in tokens[k].children)), inside[0] + 1)
    close = next((k for k in range(source_end + 1, len(tokens)) if tokens[k].text in ASIDE_PUNCT), None)
    if close is None or close + 1 >= len(tokens):
        return None
    opener = tokens[inside[0] - 2]
    stretch = [t for t in tokens[: inside[0] - 1]]
    boundary = max((k for k, t in enumerate(stretch) if t.text in {",", ";", ":"}), default=-1)
    stretch = stretch[boundary + 1 :]
    left_open = opener.pos_ == "SCONJ" or opener.tag_ == "IN" and not any(c.dep_ == "pobj" for c in opener.children)
    if left_open or stretch and stretch[0].pos_ == "SCONJ" and stretch[0].dep_ == "mark" \
            and stretch[0].head.dep_ == "advcl" and any(finite(t) or t.tag_ in {"VBD", "VBZ", "VBP"} for t in stretch):
        start = close + 1
        while start < len(tokens) and tokens[start].is_punct:
            start += 1
        clause = any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in t.children)
                     for t in tokens[start:])
        return start if clause or opener.pos_ == "SCONJ" else None  # 'followed by, according to X, 2000 people'
    return None


def inside_phrase(tokens: list[Token], ids: set[int]) -> bool:
    """An aside right after a preposition left without its object ('including, according to X, 54
    children'): it credits a phrase, not the clause around it. The bundled corpus without check
    documents: 1 such aside (its clause's toll had been credited to the reports); tune and PolNeAR
    train none."""
    first = min((k for k, t in enumerate(tokens) if t.i in ids), default=0)
    if first < 2 or tokens[first - 1].text not in ASIDE_PUNCT:
        return False
    opener = tokens[first - 2]
    return opener.dep_ == "prep" and not any(c.dep_ == "pobj" for c in opener.children)


def closes_clause(tokens: list[Token], ids: set[int]) -> bool:
    """'C, according to X, and more' mid-sentence after a whole clause (a finite verb with its
    subject before it, no conjunction or preposition left open at the comma). On PolNeAR train
    the content is the clause before the phrase (net +4 statements over 840 articles)."""
    inside = [k for k, t in enumerate(tokens) if t.i in ids]
    if not inside or inside[0] < 3 or tokens[inside[0] - 1].text != "," or tokens[inside[0]].lower_ != "according":
        return False  # 'the result, as he later explained, was C': an 'as' aside sits inside its clause
    before = tokens[: inside[0] - 1]
    if before[-1].pos_ in {"ADP", "SCONJ", "CCONJ"}:
        return False
    return any(finite(t) and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in t.children) for t in before)


def finite(verb: Token) -> bool:
    """A finite verb ('raised'), or a main-clause verb with a finite auxiliary ('has called',
    'would raise'): compound tenses close a clause too. Not inside a relative or subordinate
    clause ('One of the decisions they have made, according to X, is …', 'While most were
    elevated, according to X, …'): there the phrase sits mid-clause. PolNeAR train: the
    compound tenses fire 10 times: 5 statements newly matched, 4 matched either way, 1 lost
    ('C, according to X, and there were …', where the gold keeps the whole sentence)."""
    if verb.tag_ in {"VBD", "VBZ", "VBP", "MD"}:
        return True
    return verb.dep_ not in {"relcl", "acl", "advcl"} and any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBD", "VBZ", "VBP", "MD"} for c in verb.children
    )


def leading_phrase_end(sent: Span, source: Token) -> int:
    """Token index where a sentence-initial attribution phrase stops (its closing comma), skipping
    an apposition of the source ('According to a report by X, a cybersecurity firm, C') or a relative
    clause about it ('According to X, which cited sources close to the inquiry, C'; the bundled corpus
    without check documents: 2 such, PolNeAR train none)."""
    anchor = source.i  # not its right edge: the parser may hang the whole clause on the source
    if source.dep_ in {"nsubj", "nsubjpass"} and source.head.i > anchor:
        anchor = source.head.i
    commas = [t.i for t in sent if t.text == "," and t.i > anchor]
    if not commas:
        return source.right_edge.i + 1
    if len(commas) > 1:
        between = sent.doc[commas[0] + 1 : commas[1]]
        if 0 < len(between) <= 6 and between[0].lower_ in {"a", "an"} and not any(
            t.pos_ in {"VERB", "AUX"} for t in between
        ):
            return commas[1]
        if between and between[0].lower_ in {"who", "which"}:
            return commas[1]  # 'According to X, who chairs the committee, C': the relative clause describes X
    return commas[0]


def impersonal(sent: Span, quoted: list[tuple[int, int]]) -> list[Attribution]:
    """'It was reported that C', 'it is said that C': a claim with no named source."""
    out = []
    for token in span_tokens(sent):
        if token.lemma_.lower() not in SPEECH_VERBS or inside(token.idx, quoted):
            continue
        children = list(token.children)
        expletive = any(c.dep_ in {"nsubjpass", "expl"} and c.lower_ == "it" for c in children)
        passive = any(c.dep_ == "auxpass" for c in children)
        has_agent = any(c.dep_ == "agent" for c in children)
        clause = next((c for c in children if c.dep_ == "ccomp"), None)
        if expletive and passive and not has_agent and clause is not None:
            content = clause_tokens(clause, set())
            if content:
                start, end = content[0].idx, content[-1].idx + len(content[-1])
                out.append(Attribution(start, end, doc_text(sent.doc)[start:end], None, f"it was {token.lower_}"))
    return out


def covered_by_quote(start: int, end: int, quotes: list[Quote]) -> bool:
    """The same content already credited by a speech verb: the same span, or a reported clause
    covering most of it ('X said C in an interview' is one report, not two)."""
    return any(abs(q.start - start) < 3 and abs(q.end - end) < 3 or q.kind == "indirect" and half_inside(start, end, q)
               for q in quotes)


def nesting(cue: str, span: tuple[int, int], quotes: list[Quote]) -> bool:
    """'X said C, according to Y', 'As reported by Y, X said C': Y's report of what X said holds X's
    report whole, speaker and verb too; the two are two claims, not one said twice (PolNeAR train: 12
    more reported statements with the gold's source, 5 new ones without gold; tune: 2 more)."""
    start, end = span
    return cue.startswith(("according", "as ")) and any(
        q.kind == "indirect" and start < q.start and q.end <= end + 2 and q.speaker for q in quotes)


def overlapped(item: Attribution, found: list[Attribution]) -> bool:
    """Half of an unnamed report already credited by another attribution ('In a report by X, Y was
    said to C' is X's report)."""
    return any(half_inside(item.start, item.end, a) for a in found)


def half_inside(start: int, end: int, other: Quote | Attribution) -> bool:
    """At least half of start:end lies inside the other claim's span."""
    return min(other.end, end) - max(other.start, start) >= 0.5 * (end - start)


def dedupe(items: list[Attribution]) -> list[Attribution]:
    """One attribution per span."""
    seen: set[tuple[int, int]] = set()
    out = []
    for item in items:
        if (item.start, item.end) not in seen:
            seen.add((item.start, item.end))
            out.append(item)
    return out
