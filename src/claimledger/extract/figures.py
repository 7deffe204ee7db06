"""Figures: every number that states an amount of something, with its claimant.

A figure is a number (digits or words, a range, a scale) with its qualifier ("almost",
"more than"), its counted noun and so its category, and the source of the quote or
attribution whose span holds it. Dates, years, times, ages, ordinals, unit designations
("141 motorized regiment") and names with digits ("Deir Ezzor 24") are left out.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ._cache import doc_sents, doc_text, span_tokens
from ..records import Attribution, Figure, Quote, Reference
from .bare_counts import meaningful_bare
from .categories import bare_fate, category, distance_compound, multiplier, weight_pounds
from .figure_context import credit, period_near
from .lexicon import (
    COUNT_ADVERBS, CURRENCY_SYMBOLS, CURRENCY_WORDS, DESIGNATION_NOUNS,
    DISTANCE_UNITS, GLUED_UNITS, DURATION_UNITS, FRACTION_WORDS, LABEL_NOUNS, PERCENT_WORDS, PERSON_FATE, QUALIFIERS, SPEED_UNITS,
    UNCERTAINTY_SIGNS, VAGUE_FLOORS,
)
from .numbers import (
    currency_before, currency_code, digit_value, glued, halved, is_number_start, money_scale, read_number, scaled_range, shared_scale,
    token_range, uncertainty,
)
from .references import determiner_before, refers_back
from .score_pairs import score_pair_at
from .turns import transcript_claims

NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "PRODUCT", "LAW", "EVENT", "WORK_OF_ART", "GPE", "LOC", "NORP"})
RANGE_WORDS = frozenset({"to", "-", "–", "—"})
MEASURE_UNITS = DURATION_UNITS | DISTANCE_UNITS  # units written between a number and its noun ("a forty minute team")
LENGTH_OR_SPEED = DISTANCE_UNITS | SPEED_UNITS


def extract_figures(doc: Doc, quotes: list[Quote], attributions: list[Attribution]) -> list[Figure]:
    """All figures in text order, each credited to the innermost claim that contains it."""
    return read_figures(doc, quotes, attributions)[0]


def read_figures(doc: Doc, quotes: list[Quote], attributions: list[Attribution]) -> tuple[list[Figure], list[Reference]]:
    """All figures in text order, each credited to the innermost claim that contains it, and the
    definite phrases that point back to one of them ("the 36", "all four": ``extract.references``)."""
    claims = [(q.start, q.end, q.speaker, q.cue) for q in quotes] + [
        (a.start, a.end, a.source, a.cue) for a in attributions
    ] + transcript_claims(doc)
    figures: list[Figure] = []
    references: list[Reference] = []
    for sent in doc_sents(doc):
        tokens = list(span_tokens(sent))
        i = 0
        while i < len(tokens):
            back = reference_at(tokens, i, figures)
            if back is not None:
                reference, i = back
                references.append(reference)
                continue
            pair = score_pair_at(tokens, i)
            found = pair or figure_at(tokens, i) or glued_at(tokens, i) or vague_at(tokens, i) or (
                adverb_count_at(tokens, i) if tokens[i].lower_ in COUNT_ADVERBS else None)
            if found is None:
                i += 1
                continue
            read, i = found
            for figure in read if pair else [read]:
                credit(figure, claims)
                figure.period = period_near(sent, figure)
                figures.append(figure)
    return figures, references


def reference_at(tokens: list[Token], i: int, earlier: list[Figure]) -> tuple[Reference, int] | None:
    """A back-reference whose number starts at tokens[i] (after "the", "all" ...) to one of the
    ``earlier`` figures, and where scanning should resume; None when the number is no reference."""
    determiner = determiner_before(tokens, i) if is_number_start(tokens[i]) else None
    found = figure_at(tokens, i, definite=True) if determiner is not None else None
    reference = refers_back(found[0], determiner, earlier) if found is not None else None
    return None if reference is None else (reference, found[1])


# --- reading one figure --------------------------------------------------------------------

def figure_at(tokens: list[Token], i: int, definite: bool = False) -> tuple[Figure, int] | None:
    """The figure whose number starts at tokens[i], and where scanning should resume.

    ``definite``: the number follows "the", "all" ...; it is read even with no counted noun ("all
    four") and however small, so that ``extract.references`` can see whether it points back."""
    token = tokens[i]
    if not is_number_start(token) or excluded(token):
        return None
    packed = token_range(token)
    read = (packed[0], i + 1) if packed else read_number(tokens, i)
    if read is None:
        return None
    low, j = read
    high, qualifier, unit = (packed[1] if packed else low), None, None
    if packed:
        low, high, j = scaled_range(tokens, j, low, high)
    error = uncertainty(tokens, j)
    if error is not None:
        low, high, j = round(low - error[0], 9), round(low + error[0], 9), error[1]
    start_i = i
    if halved(tokens, i, low):
        low, high, start_i = low / 2, high / 2, i - 1
    currency = currency_before(tokens, i)
    if currency:
        start_i, unit = i - 1, currency
        scale = money_scale(tokens, j) if low == high else None
        if scale is not None:  # "$4M"
            low = high = low * scale
            j += 1
    unit = unit or currency_code(token.text)
    # ranges: "10-15", "$200 to $300", "between 10 and 15", "forty or fifty"
    between = i > 0 and tokens[start_i - 1].lower_ == "between"
    if j + 1 < len(tokens) and (tokens[j].text in RANGE_WORDS or tokens[j].lower_ == "or" or between and tokens[j].lower_ == "and"):
        k = j + 1 + (1 if currency_before(tokens, j + 2) and tokens[j + 1].text in CURRENCY_SYMBOLS else 0)
        if k < len(tokens) and is_number_start(tokens[k]) and not excluded(tokens[k]) and not (
                tokens[j].lower_ == "or" and currency_code(tokens[k].text)):  # "GBP738 thousand or USD910 thousand"
            second = read_number(tokens, k)
            if second is not None:
                low, second = shared_scale(tokens, i, j, k, low, second)
            if second is not None and second[0] >= low:
                high, j = second
            elif second is not None and second[1] < len(tokens) and tokens[second[1]].text in {"%", "percent"}:
                unit = "percent"  # "51.3 to 43.5 percent": two shares, the unit written once
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
    elif (points := percentage_points(tokens, j)) is not None:
        unit, j = "percent", points  # "3 percentage points", "a 10 percentage-point increase"
    elif j < len(tokens) and tokens[j].lower_ in CURRENCY_WORDS and not unit and not weight_pounds(tokens[j]):
        unit, j = CURRENCY_WORDS[tokens[j].lower_], j + 1
    noun = counted_noun(tokens, i, j) or (partitive_noun(tokens, j, owned=not unit) if low > 1 else None)
    more = tokens[j] if j < len(tokens) and tokens[j].lower_ == "more" else None
    if more is not None and noun is None:
        j += 1
    if noun is None and unit is None and not definite and not meaningful_bare(tokens[i], low) and not meaningful_bare(tokens[j - 1], low):
        return None
    if noun is not None and not_a_count(noun, low, unit):
        return None
    if tokens[i].lower_ == "one" and noun is not None and noun.lemma_.lower() == "day" and noun.dep_ == "npadvmod" and not qualifier_before(tokens, i):
        return None  # "one day Asad ... will face justice": some day, not a duration
    if noun is None and unit is None and tokens[i].lower_ == "one" and low <= 1:  # "one million" is an amount
        return None
    if not definite and i > 0 and tokens[i - 1].lower_ in {"the", "these", "those"} and low < 10 and not unit and noun is not None \
            and noun.tag_ == "NNS" and not whole_of_part(tokens, i):
        return None  # "the two units": a reference back, not an amount ("their two sons" says how many)
    if i > 0 and tokens[i - 1].pos_ == "PROPN" and tokens[i - 1].i > tokens[i - 1].sent.start and (noun is None or noun.tag_ != "NNS") \
            and unit != "percent":
        return None  # "Boeing 707", "Flight 610"; not "Melbourne 0.5%, Victoria 1.6%"
    if i > 0 and tokens[i - 1].lemma_.lower() in LABEL_NOUNS and not unit:
        return None  # "a category 3 hurricane", "round 3": a label, not an amount
    if year_like(tokens[i], low, noun, unit):
        return None
    qualifier_found = qualifier_before(tokens, start_i) or (("about", start_i) if token.text.startswith("~") else None)
    if qualifier_found:
        qualifier, start_i = qualifier_found[0], qualifier_found[1]
    part_of = noun is not None and j < len(tokens) and (tokens[j].lower_ == "out" or whole_of_part(tokens, j + 2))
    # "17 out of 18 districts", "three of the twelve lanes": the whole (18, 12) is read next
    end_i = j if part_of else max(j, noun.i - tokens[0].i + 1 if noun is not None else j)
    doc = tokens[0].doc
    start, end = tokens[start_i].idx, tokens[end_i - 1].idx + len(tokens[end_i - 1])
    unit_name = unit or (noun.lemma_.lower() if noun is not None else None)
    kind = category(noun, unit) if noun is not None or unit else bare_fate(tokens[j - 1])
    if kind == "other" and more is not None or kind in {"people", "other"} and noun is not None and noun.i - tokens[i].i > 2 and tokens[j].lower_ == "of":
        fate = bare_fate(tokens[i])
        kind = fate if fate != "other" else kind  # "two of Khan's victims died"
    if kind in {"other", "people"} and tokens[i].lower_ == "one" and high == low <= 1:
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
    if token.i > 0 and token.nbor(-1).lower_ == "per":
        return True  # a rate's denominator: "seven per 100,000 people" (8 in the corpus without the check gold)
    if currency_code(token.text):
        return False  # "USD910", often taken for a place
    share = token.i + 1 < len(token.doc) and token.nbor(1).lower_ in PERCENT_WORDS  # "Victoria 1.6%": no name
    money = token.i > 0 and token.nbor(-1).text in CURRENCY_SYMBOLS  # nor "Ohio (about $500,000)"
    amount = share or money
    if token.ent_type_ in NAME_LABELS and token.ent_iob_ != "O" and not amount:
        return True
    head = token.head
    if head.pos_ == "PROPN" and head.i < token.i and token.dep_ in {"nummod", "appos", "npadvmod", "compound"} \
            and not amount:
        return True  # "Deir Ezzor 24", "Task Force 50"
    if token.ent_type_ in {"DATE", "TIME"} and not bare_count(token):
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        tail = token.doc[token.i : min(len(token.doc), token.i + 5)].text.lower()
        if ("old" in tail.split("-") or " old" in tail or " of age" in tail) and not beyond_a_lifetime(token):
            return True  # an age: "42 years old", "a 42-year-old", "at 103 years of age"
        wide = nxt is not None and (nxt.text in UNCERTAINTY_SIGNS or nxt.lower_ in RANGE_WORDS | {"and", "or"})
        reach = token.i + (6 if wide else 4)  # "1010 ± 195 light years", "between 15 and 70 million years"
        unit = next((t for t in token.doc[token.i + 1 : reach] if t.lemma_.lower() in DURATION_UNITS), None)
        return unit is None
    if token.i >= 2 and token.doc[token.i - 1].text in {"-", "/"} and (token.doc[token.i - 2].pos_ == "PROPN" or (
            token.i >= 3 and token.doc[token.i - 2].like_num and token.doc[token.i - 3].pos_ == "PROPN")):
        return True  # "Boeing 737-800", "F-16"
    text = doc_text(token.doc)
    line_start = text.rfind("\n", 0, token.idx) + 1
    after = token.doc[token.i + 1].text if token.i + 1 < len(token.doc) else ""
    return not text[line_start : token.idx].strip() and after in {".", ")"}  # a numbered list


def percentage_points(tokens: list[Token], j: int) -> int | None:
    """Where "percentage point(s)" / "percentage-point" starting at ``j`` ends: a difference of
    two shares is a share too (category percent), never a count of "points"."""
    if j + 1 >= len(tokens) or tokens[j].lower_ != "percentage":
        return None
    k = j + 2 if tokens[j + 1].text == "-" else j + 1
    return k + 1 if k < len(tokens) and tokens[k].lemma_.lower() == "point" else None


def bare_count(token: Token) -> bool:
    """'2741 confirmed cases' tagged a date: a number alone in its date entity that cannot be a year."""
    if token.ent_iob_ != "B" or token.i + 1 >= len(token.doc) or token.nbor(1).ent_iob_ == "I":
        return False  # not alone in its entity
    value = digit_value(token.text)
    return value is not None and ("," in token.text or not 1000 <= value <= 2100) and token.nbor(1).tag_ in {"NNS", "VBN", "JJ"}


def beyond_a_lifetime(token: Token) -> bool:
    """'about 50 thousand years old', '15–75 million years old': an age no person or animal reaches
    is an amount of time, not an age."""
    tokens = list(token.doc[token.i : token.i + 4])
    packed = token_range(token)
    read = (packed[1], 1) if packed else read_number(tokens, 0)
    return read is not None and scaled_range(tokens, read[1], read[0], read[0])[1] >= 1000


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
            between = tokens[j : candidate.i - tokens[0].i]
            if tokens[0].i + i != candidate.i and not any(t.text in {"(", "[", ";"} for t in between):
                # not across a bracket ("2.48 (6.12 acres)"); a unit before the noun is what is counted ("a forty minute team")
                return next((t for t in between if t.tag_ == "NN" and t.lemma_.lower() in MEASURE_UNITS), candidate)
    k = j + 1 if j + 1 < len(tokens) and tokens[j].is_space else j  # "165\u00a0ft"
    if k < len(tokens) and (tokens[k].pos_ == "NOUN" or tokens[k].lower_ in LENGTH_OR_SPEED):
        return tokens[k]  # "~415 km2", "120 kph", tagged proper nouns
    if j + 1 < len(tokens) and tokens[j].tag_ in {"VBN", "VBD", "JJ"} and tokens[j + 1].tag_ == "NNS":
        return tokens[j + 1]  # "37 confirmed cases", the number parsed as the participle's subject
    if j + 1 < len(tokens) and tokens[j].text == "-" and tokens[j + 1].pos_ in {"NOUN", "ADJ"}:
        return tokens[j + 1]  # "eight-year", "six-month"
    return None


def whole_of_part(tokens: list[Token], i: int) -> bool:
    """The number at i counts the whole a part is taken of: 'three of the twelve lanes', 'five of its
    nine servers' (bundled corpus without the check gold's documents: 5 such, the gold's one annotated
    as two figures)."""
    return 2 < i < len(tokens) and tokens[i - 2].lower_ == "of" and tokens[i - 1].lower_ in {"the", "its", "their"} \
        and tokens[i - 3].like_num and is_number_start(tokens[i])


def partitive_noun(tokens: list[Token], j: int, owned: bool = True) -> Token | None:
    """'Three of the victims', 'four of Trump's children' (owned), '17 out of 18 districts': the plural noun a
    number takes a part of ('one of the' is no figure). ('N out of M': bundled corpus without check documents,
    3 such, whose N was dropped before.)"""
    if j + 3 < len(tokens) and tokens[j].lower_ == "out" and tokens[j + 1].lower_ == "of" and is_number_start(tokens[j + 2]):
        return next((t for t in tokens[j + 3 : j + 9] if t.tag_ == "NNS"), None)
    if j + 2 < len(tokens) and tokens[j].lower_ == "of" and tokens[j + 1].lower_ in {"the", "these", "those"}:
        return next((t for t in tokens[j + 2 : j + 5] if t.tag_ == "NNS"), None)
    if owned and j + 2 < len(tokens) and tokens[j].lower_ == "of" and (tokens[j + 1].tag_ == "PRP$" or any(t.tag_ == "POS" for t in tokens[j + 1 : j + 4])):
        owner = next((t.i - tokens[0].i for t in tokens[j + 1 : j + 4] if t.tag_ == "POS"), j + 1)
        noun = next((t for t in tokens[owner + 1 : j + 6] if t.tag_ == "NNS"), None)  # "four of Trump's children"
        return noun if noun is not None and not any(t.like_num for t in tokens[j + 1 : noun.i - tokens[0].i]) else None
    return None


def not_a_count(noun: Token, value: float, unit: str | None) -> bool:
    """'141 motorized regiment', 'one of': a designation or a choice, not a quantity."""
    lemma = noun.lemma_.lower()
    if lemma in FRACTION_WORDS:
        return True  # "two thirds": the guide counts no fractions in words
    if unit or lemma in DURATION_UNITS or lemma in LENGTH_OR_SPEED or distance_compound(noun):
        return False
    if hyphen_compound(noun):
        return True  # "the two-party vote", "a ten-storey building", "three-dimensional": it describes, counts nothing
    if lemma in DESIGNATION_NOUNS and noun.tag_ in {"NN", "NNP"} and value != 1:
        return True
    if noun.tag_ == "NNP" and not noun.ent_type_ == "NORP":
        return True  # "737 Max": a model name
    return False


def hyphen_compound(noun: Token) -> bool:
    """A singular word glued to a number by a hyphen ("two-party", "ten-storey", "three-judge"): an
    attribute of what follows, unlike a plural counted noun ("two ISIL-held buildings") or a unit of
    measure ("an eight-year sentence", ruled out before)."""
    if noun.i < 2 or noun.tag_ in {"NNS", "NNPS"} or not noun.is_alpha:  # "230-to-198": a vote's tally
        return False
    hyphen, number = noun.nbor(-1), noun.nbor(-2)
    return hyphen.text == "-" and number.like_num and not number.whitespace_ and not hyphen.whitespace_


def year_like(token: Token, value: float, noun: Token | None, unit: str | None) -> bool:
    """'in 2019', 'the 1973 building': a four-digit year, not an amount."""
    return (
        token.text.isdigit() and len(token.text) == 4 and 1800 <= value <= 2100 and not unit
        and (noun is None or noun.tag_ not in {"NNS", "NNPS"})
    )


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


def glued_at(tokens: list[Token], i: int) -> tuple[Figure, int] | None:
    """'1au', '60km' (of '60km/s'): a number and its unit written as one token (``numbers.glued``)."""
    read = glued(tokens[i].text) if tokens[i].text[:1].isdigit() else None
    if read is None or tokens[i].ent_type_ in NAME_LABELS:  # the tagger takes "1au" for an ordinal: no date, no name
        return None
    value, unit = read
    found = qualifier_before(tokens, i)
    start_i = found[1] if found else i
    start, end = tokens[start_i].idx, tokens[i].idx + len(tokens[i])
    text = doc_text(tokens[0].doc)[start:end]
    figure = Figure(start, end, text, value, value, found[0] if found else None, unit, GLUED_UNITS[unit])
    return figure, i + 1


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


def adverb_count_at(tokens: list[Token], i: int) -> tuple[Figure, int] | None:
    """'re-elected twice': an adverb that counts occurrences (events), unless it multiplies ('twice the size')."""
    token = tokens[i]
    if token.lower_ not in COUNT_ADVERBS or multiplier(token):
        return None  # checked on every token: the set look-up comes first
    value = float(COUNT_ADVERBS[token.lower_])
    figure = Figure(token.idx, token.idx + len(token), token.text, value, value, None, "time", "events")
    return figure, i + 1
