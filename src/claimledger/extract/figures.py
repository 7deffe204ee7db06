"""Figures: every number that states an amount of something, with its claimant.

A figure is a number (digits or words, a range, a scale) with its qualifier ("almost",
"more than"), its counted noun and so its category, and the source of the quote or
attribution whose span holds it. Dates, years, times, ages, ordinals, unit designations
("141 motorized regiment") and names with digits ("Deir Ezzor 24") are left out.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ._cache import doc_ents, doc_sents, doc_text, span_tokens
from ..records import Attribution, Figure, Quote
from .lexicon import (
    CATEGORY_NOUNS, CURRENCY_SYMBOLS, CURRENCY_WORDS, DENY_VERBS, DESIGNATION_NOUNS, DISPUTE_VERBS,
    DISTANCE_COMPOUNDS, DISTANCE_UNITS, DURATION_UNITS, PERSON_FATE, QUALIFIERS, UNCERTAINTY_SIGNS, VAGUE_FLOORS,
)
from .numbers import is_number_start, read_number, shared_scale, token_range, uncertainty
from .turns import transcript_claims

NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "PRODUCT", "LAW", "EVENT", "WORK_OF_ART", "GPE", "LOC", "NORP"})
RANGE_WORDS = frozenset({"to", "-", "–", "—"})


def extract_figures(doc: Doc, quotes: list[Quote], attributions: list[Attribution]) -> list[Figure]:
    """All figures in text order, each credited to the innermost claim that contains it."""
    claims = [(q.start, q.end, q.speaker, q.cue) for q in quotes] + [
        (a.start, a.end, a.source, a.cue) for a in attributions
    ] + transcript_claims(doc)
    figures: list[Figure] = []
    for sent in doc_sents(doc):
        tokens = list(span_tokens(sent))
        i = 0
        while i < len(tokens):
            found = figure_at(tokens, i) or vague_at(tokens, i)
            if found is None:
                i += 1
                continue
            figure, i = found
            credit(figure, claims)
            figure.period = period_near(sent, figure)
            figures.append(figure)
    return figures


# --- reading one figure --------------------------------------------------------------------

def figure_at(tokens: list[Token], i: int) -> tuple[Figure, int] | None:
    """The figure whose number starts at tokens[i], and where scanning should resume."""
    token = tokens[i]
    if not is_number_start(token) or excluded(token):
        return None
    packed = token_range(token)
    read = (packed[0], i + 1) if packed else read_number(tokens, i)
    if read is None:
        return None
    low, j = read
    high, qualifier, unit = (packed[1] if packed else low), None, None
    error = uncertainty(tokens, j)
    if error is not None:
        low, high, j = round(low - error[0], 9), round(low + error[0], 9), error[1]
    start_i = i
    currency = currency_before(tokens, i)
    if currency:
        start_i, unit = i - 1, currency
    # ranges: "10-15", "$200 to $300", "between 10 and 15"
    between = i > 0 and tokens[start_i - 1].lower_ == "between"
    if j + 1 < len(tokens) and (tokens[j].text in RANGE_WORDS or between and tokens[j].lower_ == "and"):
        k = j + 1 + (1 if currency_before(tokens, j + 2) and tokens[j + 1].text in CURRENCY_SYMBOLS else 0)
        if k < len(tokens) and is_number_start(tokens[k]) and not excluded(tokens[k]):
            second = read_number(tokens, k)
            if second is not None:
                low, second = shared_scale(tokens, i, j, k, low, second)
            if second is not None and second[0] >= low:
                high, j = second
    if between:
        start_i -= 1
    # suffixes: "60-plus", "30%", "30 percent", "20 dollars"
    if j + 1 < len(tokens) and tokens[j].text == "-" and tokens[j + 1].lower_ == "plus" or j < len(tokens) and tokens[j].lower_ == "plus":
        qualifier = "more than"
        j += 2 if tokens[j].text == "-" else 1
    if j < len(tokens) and tokens[j].text in {"%", "percent"}:
        unit, j = "percent", j + 1
        if j + 2 < len(tokens) and tokens[j].lower_ in {"to", "-", "–"} and is_number_start(tokens[j + 1]):
            second = read_number(tokens, j + 1)  # "from 45% to 60%"
            if second is not None and second[0] >= low and second[1] < len(tokens) and tokens[second[1]].text in {"%", "percent"}:
                high, j = second[0], second[1] + 1
    elif j + 1 < len(tokens) and tokens[j].lower_ == "per" and tokens[j + 1].lower_ == "cent":
        unit, j = "percent", j + 2
    elif j < len(tokens) and tokens[j].lower_ in CURRENCY_WORDS and not unit:
        unit, j = CURRENCY_WORDS[tokens[j].lower_], j + 1
    noun = counted_noun(tokens, i, j) or (partitive_noun(tokens, j) if low > 1 else None)
    more = tokens[j] if j < len(tokens) and tokens[j].lower_ == "more" else None
    if more is not None and noun is None:
        j += 1
    if noun is None and unit is None and not meaningful_bare(tokens[i], low) and not meaningful_bare(tokens[j - 1], low):
        return None
    if noun is not None and not_a_count(noun, low, unit):
        return None
    if noun is None and unit is None and tokens[i].lower_ == "one":
        return None
    if i > 0 and tokens[i - 1].lower_ in {"the", "these", "those", "our", "their", "its", "his", "her", "my", "your"} and low < 10 and not unit and noun is not None and noun.tag_ == "NNS":
        return None  # "the two units": a reference back, not an amount
    if i > 0 and tokens[i - 1].pos_ == "PROPN" and tokens[i - 1].i > tokens[i - 1].sent.start and (noun is None or noun.tag_ != "NNS"):
        return None  # "Boeing 707", "Flight 610"
    if year_like(tokens[i], low, noun, unit):
        return None
    qualifier_found = qualifier_before(tokens, start_i) or (("about", start_i) if token.text.startswith("~") else None)
    if qualifier_found:
        qualifier, start_i = qualifier_found[0], qualifier_found[1]
    end_i = max(j, noun.i - tokens[0].i + 1 if noun is not None else j)
    doc = tokens[0].doc
    start, end = tokens[start_i].idx, tokens[end_i - 1].idx + len(tokens[end_i - 1])
    unit_name = unit or (noun.lemma_.lower() if noun is not None else None)
    kind = category(noun, unit) if noun is not None or unit else bare_fate(tokens[j - 1])
    if kind == "other" and more is not None:
        kind = bare_fate(tokens[i])
    if kind == "other" and tokens[i].lower_ == "one" and high == low:
        return None  # "one thing", "one site": the guide counts "one" only when it counts what matters
    figure = Figure(
        start=start, end=end, text=doc_text(doc)[start:end], low=low, high=high, qualifier=qualifier,
        unit=unit_name, category=kind, subject=subject_of(tokens, j, noun),
    )
    return figure, max(end_i, j)


def excluded(token: Token) -> bool:
    """Numbers that are dates, times, ordinals or parts of names."""
    if token.ent_type_ == "ORDINAL":
        return True
    if token.ent_type_ in NAME_LABELS and token.ent_iob_ != "O":
        return True
    head = token.head
    if head.pos_ == "PROPN" and head.i < token.i and token.dep_ in {"nummod", "appos", "npadvmod", "compound"}:
        return True  # "Deir Ezzor 24", "Task Force 50"
    if token.ent_type_ in {"DATE", "TIME"}:
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        tail = token.doc[token.i : min(len(token.doc), token.i + 5)].text.lower()
        if "old" in tail.split("-") or " old" in tail or "ago" in tail:
            return True
        reach = token.i + (6 if nxt is not None and nxt.text in UNCERTAINTY_SIGNS else 4)  # "1010 ± 195 light years"
        unit = next((t for t in token.doc[token.i + 1 : reach] if t.lemma_.lower() in DURATION_UNITS), None)
        return unit is None
    if token.i >= 2 and token.doc[token.i - 1].text in {"-", "/"} and (token.doc[token.i - 2].pos_ == "PROPN" or (
            token.i >= 3 and token.doc[token.i - 2].like_num and token.doc[token.i - 3].pos_ == "PROPN")):
        return True  # "Boeing 737-800", "F-16"
    text = doc_text(token.doc)
    line_start = text.rfind("\n", 0, token.idx) + 1
    after = token.doc[token.i + 1].text if token.i + 1 < len(token.doc) else ""
    return not text[line_start : token.idx].strip() and after in {".", ")"}  # a numbered list


def currency_before(tokens: list[Token], i: int) -> str | None:
    """'$' / '£' / 'US$' just before a number."""
    if 0 < i < len(tokens) + 1 and i - 1 < len(tokens) and tokens[i - 1].text in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[tokens[i - 1].text]
    return None


def qualifier_before(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """The qualifier phrase ending just before position i, longest first."""
    for words, normal in QUALIFIERS:
        n = len(words)
        if i - n >= 0 and tuple(t.lower_ for t in tokens[i - n : i]) == words:
            return normal, i - n
    return None


def counted_noun(tokens: list[Token], i: int, j: int) -> Token | None:
    """The noun a number counts: its syntactic head just after it ('56 Chechen tanks')."""
    number = tokens[i]
    fates = set().union(*PERSON_FATE.values())
    for candidate in (tokens[j - 1].head, number.head):
        if (candidate.pos_ in {"NOUN", "PROPN"} or candidate.pos_ == "ADJ" and candidate.lower_ in fates) and candidate.i >= tokens[0].i + j and candidate.i - (tokens[0].i + j) <= 4:
            if tokens[0].i + i != candidate.i:
                return candidate
    if j < len(tokens) and (tokens[j].pos_ == "NOUN" or tokens[j].lower_ in DISTANCE_UNITS):
        return tokens[j]  # "~415 km2", tagged a proper noun
    if j + 1 < len(tokens) and tokens[j].text == "-" and tokens[j + 1].pos_ in {"NOUN", "ADJ"}:
        return tokens[j + 1]  # "eight-year", "six-month"
    return None


def partitive_noun(tokens: list[Token], j: int) -> Token | None:
    """'Three of the victims': the plural noun a number takes a part of ('one of the' is no figure)."""
    if j + 2 < len(tokens) and tokens[j].lower_ == "of" and tokens[j + 1].lower_ in {"the", "these", "those"}:
        return next((t for t in tokens[j + 2 : j + 5] if t.tag_ == "NNS"), None)
    return None


def not_a_count(noun: Token, value: float, unit: str | None) -> bool:
    """'141 motorized regiment', 'one of': a designation or a choice, not a quantity."""
    lemma = noun.lemma_.lower()
    if unit or lemma in DURATION_UNITS or lemma in DISTANCE_UNITS or distance_compound(noun):
        return False
    if lemma in DESIGNATION_NOUNS and noun.tag_ in {"NN", "NNP"} and value != 1:
        return True
    if noun.tag_ == "NNP" and not noun.ent_type_ == "NORP":
        return True  # "737 Max": a model name
    return False


def year_like(token: Token, value: float, noun: Token | None, unit: str | None) -> bool:
    """'in 2019', 'the 1973 building': a four-digit year, not an amount."""
    return (
        token.text.isdigit() and len(token.text) == 4 and 1800 <= value <= 2100 and not unit
        and (noun is None or noun.tag_ not in {"NNS", "NNPS"})
    )


def meaningful_bare(token: Token, value: float) -> bool:
    """A number with no counted noun that still counts people: 'killing 12', '39 are dead'."""
    if token.lower_ == "one":
        return False
    head = token.head
    lemma = head.lemma_.lower()
    fates = set().union(*PERSON_FATE.values())
    if token.dep_ in {"nsubj", "nsubjpass", "dobj"} and lemma in fates:
        return True
    if token.lower_ == "more" or token.nbor(1).lower_ == "more" if token.i + 1 < len(token.doc) else False:
        more = token if token.lower_ == "more" else token.nbor(1)
        if more.head.lemma_.lower() in fates or any(c.lower_ in fates for c in more.head.children):
            return True  # "injured at least 50 more"
    if token.dep_ == "nsubj" and any(c.dep_ in {"acomp", "attr"} and c.lower_ in fates for c in head.children):
        return True  # "190 were dead"
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.pos_ in {"AUX", "VERB"} and (nxt.lemma_.lower() in fates or any(
            c.dep_ in {"acomp", "attr"} and c.lower_ in fates for c in nxt.children)):
        return True  # "claimed 190 were dead", misparsed as an object
    if any(c.dep_ == "relcl" for c in token.children):
        return True  # "the 2.8 million who voted"
    if nxt is not None and nxt.lower_ == "strong":
        return True  # "turned out 2.9 million strong": a crowd of that many
    return any(t.lemma_.lower() == "toll" for t in token.sent) and token.dep_ in {"pobj", "attr", "dobj"}


def category(noun: Token | None, unit: str | None) -> str:
    """Category from the unit or counted noun, corrected by what happened to counted people."""
    if unit == "percent":
        return "percent"
    if unit:
        return "money"
    if noun is None:
        return "other"
    lemma = noun.lemma_.lower()
    if noun.lower_ in CURRENCY_WORDS or lemma in CURRENCY_WORDS:
        return "money"  # "100,000 Georgian lari"
    if noun.pos_ == "ADJ":  # "27 dead", "200 injured"
        return next((fate for fate, words in PERSON_FATE.items() if noun.lower_ in words), "other")
    if noun.ent_type_ == "NORP" and noun.tag_ in {"NNS", "NNPS"}:
        return fate_of(noun) or "people"  # "two Argentinians"
    if distance_compound(noun):
        return "distance"
    if lemma in DURATION_UNITS:
        return "duration"
    if lemma in DISTANCE_UNITS:
        return "distance"
    found = next((name for name, nouns in CATEGORY_NOUNS.items() if lemma in nouns or noun.lower_ in nouns), "other")
    if found in {"troops", "people", "other"}:
        fate = fate_of(noun)
        if fate and (found != "other" or lemma in {"member"}):
            return fate
    return found


def distance_compound(noun: Token) -> bool:
    """'astronomical units', 'light-years': a unit of length whose head alone is no such unit."""
    doc, lemma = noun.doc, noun.lemma_.lower()
    before = [doc[k].lower_ for k in range(max(0, noun.i - 2), noun.i) if doc[k].text != "-"]
    return bool(before) and (before[-1], lemma) in DISTANCE_COMPOUNDS


def bare_fate(number: Token) -> str:
    """'killed seven', '189 ... died': a number standing for people, by what happened to them."""
    words = [number.head] + [c for c in number.head.children if c.dep_ in {"acomp", "attr"}]
    nxt = number.nbor(1) if number.i + 1 < len(number.doc) else None
    if nxt is not None and nxt.pos_ in {"AUX", "VERB"}:
        words += [nxt] + [c for c in nxt.children if c.dep_ in {"acomp", "attr"}]
    for fate, lemmas in PERSON_FATE.items():
        if any(w.lemma_.lower() in lemmas or w.lower_ in lemmas for w in words):
            return fate
    if any(c.dep_ == "relcl" for c in number.children) or nxt is not None and nxt.lower_ == "strong":
        return "people"
    if any(t.lower_ == "toll" for t in number.sent):
        return "deaths"
    return "other"


def fate_of(noun: Token) -> str | None:
    """deaths / injuries / detained when the sentence says so about these people."""
    while noun.dep_ == "conj" and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head  # "150 security forces, 95 civilians, and hundreds of Taliban killed"
    for stated in (c for c in noun.head.children if c.dep_ == "nsubj") if noun.dep_ == "attr" else ():
        named = next((f for f in ("deaths", "injuries", "casualties", "detained") if stated.lemma_.lower() in CATEGORY_NOUNS[f]), None)
        if named:
            return named  # "the confirmed deaths are fourteen civilians"
    words = [noun.head] if noun.dep_ in {"nsubj", "nsubjpass", "dobj"} else []
    last = noun.right_edge
    for conj in noun.subtree:
        if conj.dep_ == "conj":
            last = max(last, conj.right_edge, key=lambda t: t.i)
    if last.i + 1 < len(noun.doc) and noun.doc[last.i + 1].tag_ in {"VBN", "JJ"}:
        words.append(noun.doc[last.i + 1])
    words += [c for c in noun.children if c.dep_ in {"amod", "acl", "relcl", "oprd"}]
    words += [c for c in noun.head.children if c.dep_ in {"oprd", "ccomp", "acomp", "xcomp"} and c.i > noun.i]
    if noun.head.dep_ == "xcomp":
        words.append(noun.head.head)
    if noun.i + 1 < len(noun.doc) and noun.nbor(1).tag_ in {"VBN", "JJ"}:
        words.append(noun.nbor(1))  # "200 people injured", "six soldiers dead"
    for word in words:
        for fate, lemmas in PERSON_FATE.items():
            if word.lemma_.lower() in lemmas or word.lower_ in lemmas:
                return fate
    return None


def subject_of(tokens: list[Token], j: int, noun: Token | None) -> str | None:
    """Whose figure it is, when the words say so: 'Russian troops', 'members of the tribe'."""
    if noun is None:
        return None
    doc = noun.doc
    first = tokens[0].i + j
    if noun.i < first:
        return None
    words = doc[first : noun.i + 1]
    text = words.text
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and of.i == noun.i + 1:
        text = doc[first : of.right_edge.i + 1].text
    return text or None


def vague_at(tokens: list[Token], i: int) -> tuple[Figure, int] | None:
    """'dozens of', 'hundreds of thousands', 'several': a figure flagged vague with its floor."""
    lower = tokens[i].lower_
    phrase, j = lower, i + 1
    if lower in {"tens", "hundreds"} and i + 2 < len(tokens) and tokens[i + 1].lower_ == "of" and tokens[i + 2].lower_ in {"thousands", "millions"}:
        phrase, j = f"{lower} of {tokens[i + 2].lower_}", i + 3
    if phrase not in VAGUE_FLOORS:
        return None
    rest = tokens[j:]
    noun = None
    if rest and rest[0].lower_ == "of" and len(rest) > 1:
        noun = next((t for t in rest[1:4] if t.pos_ in {"NOUN", "PROPN"}), None)
    elif rest and rest[0].pos_ in {"NOUN", "ADJ"}:
        noun = next((t for t in rest[:3] if t.pos_ == "NOUN"), None)
    if noun is None and tokens[i].dep_ == "nsubj" and bare_fate(tokens[i]) != "other":
        noun = tokens[i]  # "Dozens died in the attack"
    if noun is None:
        return None
    doc = tokens[0].doc
    start, end = tokens[i].idx, noun.idx + len(noun)
    floor = float(VAGUE_FLOORS[phrase])
    kind = bare_fate(noun) if noun.i == tokens[i].i else category(noun, None)
    figure = Figure(start, end, doc_text(doc)[start:end], floor, None, "at least", noun.lemma_.lower(), kind, vague=True)
    return figure, noun.i - tokens[0].i + 1


# --- context ---------------------------------------------------------------------------------

def credit(figure: Figure, claims: list[tuple[int, int, str | None, str | None]]) -> None:
    """Claimant and stance from the innermost quote or attribution holding the figure. A claim
    holds a figure that starts inside it (a span may stop short of a trailing '%'); an unnamed
    claim inside a named one ('according to X, the five firearms he allegedly used — two
    shotguns') is carried by the named source, which reports it."""
    holding = [c for c in claims if c[0] <= figure.start and figure.end <= c[1]] or [
        c for c in claims if c[0] <= figure.start < c[1]]
    if not holding:
        return
    named = [c for c in holding if c[2]]
    start, end, source, cue = min(named or holding, key=lambda c: c[1] - c[0])
    figure.claimant = source
    lemma = (cue or "").split()[0].lower() if cue else ""
    if lemma.rstrip("sd").rstrip("e") in {v.rstrip("e") for v in DENY_VERBS}:
        figure.stance = "denies"
    elif any(lemma.startswith(v[:-1]) for v in DISPUTE_VERBS):
        figure.stance = "disputes"


def period_near(sent: Span, figure: Figure) -> str | None:
    """A stated period for the figure: a date phrase in the same sentence ('last week')."""
    best = None
    for ent in doc_ents(sent.doc):
        if ent.start < sent.start or ent.end > sent.end:
            continue
        if ent.label_ != "DATE" or not any(t.is_alpha for t in ent) or (ent.start_char < figure.end and figure.start < ent.end_char):
            continue
        distance = abs(ent.start_char - figure.end) if ent.start_char >= figure.end else abs(figure.start - ent.end_char)
        if distance < 80 and (best is None or distance < best[0]):
            best = (distance, ent.text)
    return best[1] if best else None
