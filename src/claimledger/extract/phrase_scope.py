"""What an attribution phrase credits: the clause around "according to X" or "as X said".

Why a module of its own: ``attributions`` finds the phrase and its source; which words it credits
depends on where it stands (opening or closing the sentence, an aside after an adverb, a
subordinator or a conjunction, closing a clause mid-sentence, inside a phrase), a question of
sentence shape alone.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .cue_shapes import without_end_punct


def main_clause(sent: Span, phrase: list[Token], source: Token | None = None) -> list[Token]:
    """The sentence without the attribution phrase when it stands at either end (or, as an aside
    between commas, what follows it)."""
    ids = {t.i for t in phrase}
    first = min(ids)
    if source is not None and first > sent.start and max(ids) >= text_end(sent) - 2:
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
    elif (opened := after_conjunction(tokens, ids)) is not None:
        start_i = opened
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
    return without_end_punct(run)


def text_end(sent: Span) -> int:
    """The sentence's end less the line breaks after it: a paragraph's last sentence ends in them."""
    end = sent.end
    while end > sent.start and sent.doc[end - 1].is_space:
        end -= 1
    return end


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


def after_conjunction(tokens: list[Token], ids: set[int]) -> int | None:
    """'C0, but, according to his agent, C', 'C0 and according to the ministry C': an 'according to'
    phrase right after a coordinating conjunction credits the conjunct it opens, not the writer's
    clause before the conjunction. The index in ``tokens`` where that conjunct starts, else None.
    (Every such phrase of the bundled corpus without check documents: 5, in 4 articles; 4 of them in
    the tune and held-out gold, each crediting the conjunct alone; PolNeAR train has none.)"""
    inside = [k for k, t in enumerate(tokens) if t.i in ids]
    if not inside or tokens[inside[0]].lower_ != "according":
        return None
    before = inside[0] - 1 - (inside[0] > 0 and tokens[inside[0] - 1].text == ",")
    if before < 1 or tokens[before].pos_ != "CCONJ":
        return None
    source = next((c for k in inside for c in tokens[k].children if c.dep_ == "pobj"), None)
    source_end = source.i if source is not None else tokens[inside[0]].i + 1
    start = next((k + 1 for k in range(inside[0], len(tokens)) if tokens[k].i > source_end and tokens[k].text in ASIDE_PUNCT),
                 None)  # the phrase's closing comma; without one ('and according to X he died'), X's last word
    if start is None:
        start = next((k + 1 for k, t in enumerate(tokens) if t.i == source.right_edge.i), None) if source is not None else None
        ends = [k for k in inside if k >= (start or 0)]
        if start is None or ends:
            return None  # the parser hung the rest on the source: no telling where the phrase stops
    while start < len(tokens) and tokens[start].is_punct:
        start += 1
    return start if start < len(tokens) else None


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
    the content is the clause before the phrase (net +4 statements over 840 articles). A clause
    left at its copula or auxiliary ('Six of the murders were, according to X, “sexual in nature”',
    'One child was, according to X, among the dead') goes on after the phrase: the whole sentence
    is the content (the corpus without check documents: 2 such, one in the tune gold, whole there)."""
    inside = [k for k, t in enumerate(tokens) if t.i in ids]
    if not inside or inside[0] < 3 or tokens[inside[0] - 1].text != "," or tokens[inside[0]].lower_ != "according":
        return False  # 'the result, as he later explained, was C': an 'as' aside sits inside its clause
    before = tokens[: inside[0] - 1]
    if before[-1].pos_ in {"ADP", "SCONJ", "CCONJ", "AUX"}:
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
