"""Categories of figures: what a counted noun, a unit, or the fate of counted people makes a number.

The annotation guide's categories (casualties, deaths, injuries, detained, troops, people,
equipment, money, percent, duration, distance, events, other) from the unit or counted noun,
corrected by what the sentence says happened to the people counted.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .lexicon import (
    CATEGORY_NOUNS, CURRENCY_WORDS, DISTANCE_COMPOUNDS, DISTANCE_UNITS, DURATION_UNITS, LIFE_TAKING_VERBS,
    COUNT_NOUNS, MASSES, MULTIPLIER_WORDS, PERSON_FATE, POPULATION_NOUNS, REACHING_VERBS, SPEED_UNITS,
)


def category(noun: Token | None, unit: str | None) -> str:
    """Category from the unit or counted noun, corrected by what happened to counted people."""
    if unit == "percent":
        return "percent"
    if unit:
        return "money"
    if noun is None:
        return "other"
    lemma = noun.lemma_.lower()
    if weight_pounds(noun):
        return "other"  # a weight, like "37 kg"
    if noun.lower_ in CURRENCY_WORDS or lemma in CURRENCY_WORDS:
        return "money"  # "100,000 Georgian lari"
    if noun.pos_ == "ADJ":  # "27 dead", "200 injured"
        return next((fate for fate, words in PERSON_FATE.items() if noun.lower_ in words), "other")
    if noun.ent_type_ == "NORP" and noun.tag_ in {"NNS", "NNPS"}:
        return fate_of(noun) or "people"  # "two Argentinians"
    if distance_compound(noun):
        return "distance"
    if speed(noun):
        return "other"  # a speed is neither a length nor an area
    if lemma == "time" and noun.lower_ == "times":
        return "other" if multiplier(noun) else "events"  # "champion five times"; "2.6 times more lethal"
    if lemma == "life" and noun.head.lemma_.lower() in LIFE_TAKING_VERBS or lives_of(noun):
        return "deaths"  # "claimed about 3000 lives", "claimed the lives of 20 people"
    if lemma in DURATION_UNITS:
        return "duration"
    if lemma in DISTANCE_UNITS:
        return "distance"
    found = next((name for name, nouns in CATEGORY_NOUNS.items() if lemma in nouns or noun.lower_ in nouns
                  or capitalised_plural(noun) in nouns), "other")
    if found in {"troops", "people", "other"}:
        fate = fate_of(noun)
        if fate and (found != "other" or lemma in {"member"}):
            return fate
    return found


def capitalised_plural(noun: Token) -> str | None:
    """'11 Justices', 'Two Democratic Representatives': a capitalised plural the tagger takes for
    a proper noun keeps its plural as its lemma; its singular is what the word lists hold.
    (Bundled corpus without check documents: 3 such figures, all people by reading, 'other'
    before.)"""
    if noun.pos_ == "PROPN" and noun.tag_ == "NNPS" and noun.lower_.endswith("s"):
        return noun.lower_[:-1]
    return None


# What makes "pounds" a weight and not money: the mass unit of a bracketed conversion after it.
# (the metric words of lexicon.MASSES, plus the one-letter symbols a bracket uses)
MASS_UNITS = "|".join(sorted({w for w, (key, _) in MASSES.items() if key != "lb"} | {"g", "t"}, key=len, reverse=True))
MASS_CONVERSION = re.compile(rf"\s*\(\s*(?:~|about\s+|approx\.?\s+)?[\d.,]+\s*(?:{MASS_UNITS})s?\b", re.I)


def weight_pounds(word: Token) -> bool:
    """'300 pounds of cocaine', 'weighs more than 100,000 pounds', '82 pounds (37 kg)': pounds of
    weight. Money is written '£300', '300 pounds' alone or 'pounds sterling'; weight is what 'of' +
    a substance, the verb 'weigh' or a kilogram conversion in brackets says. (PolNeAR train, tune and
    dev texts: 1 "pounds" after a number outside '£', a weight governed by 'weighs'.)"""
    if word.lower_ not in {"pound", "pounds"}:
        return False
    doc = word.doc
    if word.i + 1 < len(doc) and doc[word.i + 1].lower_ == "of" and word.i + 2 < len(doc) \
            and doc[word.i + 2].pos_ in {"NOUN", "ADJ"} and doc[word.i + 2].lemma_.lower() not in CURRENCY_WORDS:
        return True
    if any(t.lemma_.lower() == "weigh" for t in (word.head, word.head.head)):
        return True
    return bool(MASS_CONVERSION.match(doc.text[word.idx + len(word.text) : word.idx + len(word.text) + 30]))


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
        if nxt.dep_ in {"aux", "auxpass"} and nxt.head.i > nxt.i:  # "a total of 39 are confirmed dead"
            words += [nxt.head] + [c for c in nxt.head.children if c.dep_ in {"acomp", "oprd"}]
    for fate, lemmas in PERSON_FATE.items():
        if any(w.lemma_.lower() in lemmas or w.lower_ in lemmas for w in words):
            return fate
    if any(c.dep_ == "relcl" for c in number.children) or nxt is not None and nxt.lower_ == "strong":
        return "people"
    if any(t.lemma_.lower() == "toll" for t in number.sent):
        return "deaths"
    if counts_a_population(number):
        return "people"
    return reached_count(number) or "other"


def reached_count(number: Token) -> str | None:
    """'deaths surpassed 100,000', 'the number of casualties rose to at least 1,035', 'cases topping
    2,000': a bare number that a count of some fate reaches is a count of that fate (of cases: people,
    as the guide files infections)."""
    verb = number.head
    if number.dep_ == "pobj" and verb.lower_ in {"to", "at", "past"}:
        verb = verb.head
    elif number.dep_ not in {"dobj", "attr"}:
        return None
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in REACHING_VERBS:
        return None
    counted = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), verb.head if verb.dep_ == "acl" else None)
    if counted is not None and counted.lemma_.lower() in COUNT_NOUNS:
        counted = next((o for p in counted.children if p.dep_ == "prep" and p.lower_ == "of"
                        for o in p.children if o.dep_ == "pobj"), None)
    if counted is None:
        return None
    return named_fate(counted) or ("people" if counted.lemma_.lower() == "case" else None)


def counts_a_population(number: Token) -> bool:
    """'the population is about 7.5 million', 'a crowd of a hundred thousand', 'estimated the population at
    just over one million': a bare number that measures a body of people. (Bundled corpus without check
    documents: 4 such, all people by reading, 'other' before.)"""
    head = number.head
    if number.dep_ == "attr":
        return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in POPULATION_NOUNS for c in head.children)
    if number.dep_ == "pobj" and head.lower_ in {"of", "at"}:
        owner = head.head
        return owner.lemma_.lower() in POPULATION_NOUNS or any(
            c.dep_ == "dobj" and c.lemma_.lower() in POPULATION_NOUNS for c in owner.children)
    return False


FATE_NOUNS = ("deaths", "injuries", "casualties", "detained")


def named_fate(word: Token) -> str | None:
    """The fate a noun names itself: 'deaths', 'the arrest', 'casualties'."""
    return next((f for f in FATE_NOUNS if word.lemma_.lower() in CATEGORY_NOUNS[f]), None)


def fate_of(noun: Token) -> str | None:
    """deaths / injuries / detained when the sentence says so about these people."""
    while noun.dep_ == "conj" and noun.head.pos_ in {"NOUN", "PROPN"} or noun.dep_ == "appos" and noun.head.dep_ in {
            "nsubj", "nsubjpass", "dobj"}:  # an apposition shares its head's fate ("two thirds ..., over 1800 people, have died")
        noun = noun.head  # "150 security forces, 95 civilians, and hundreds of Taliban killed"
    passed_on = fate_through_preposition(noun)
    if passed_on:
        return passed_on
    stating = noun.dep_ == "attr" or noun.dep_ == "dobj" and noun.head.lemma_.lower() == "include"
    for stated in (c for c in noun.head.children if c.dep_ == "nsubj") if stating else ():
        named = named_fate(stated)
        if named:
            return named  # "the confirmed deaths are fourteen civilians", "the fatalities included four males"
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
    words += [o for p in noun.head.subtree if p.dep_ == "prep" and p.lower_ == "among" and noun.head in (p.head, p.head.head)
              for o in p.children if o.dep_ == "pobj"]  # "one child was (, according to X,) among the dead"
    after = noun.i + 1
    while after < len(noun.doc) - 1 and noun.doc[after].tag_ == "RB":
        after += 1  # "one passenger seriously injured"
    if after < len(noun.doc) and noun.doc[after].tag_ in {"VBN", "JJ"}:
        words.append(noun.doc[after])  # "200 people injured", "six soldiers dead"
    for word in words:
        for fate, lemmas in PERSON_FATE.items():
            if word.lemma_.lower() in lemmas or word.lower_ in lemmas:
                return fate
    return None


def fate_through_preposition(noun: Token) -> str | None:
    """What a preposition says happened to counted people: "the deaths of 29 miners", "the arrest of
    36 people" (a fate noun's 'of'); "the death toll rose to 22 people", "raised the toll from five
    people to six" (a toll's verb); "at least seven, including four children, died", "killed 62,
    including 54 children" (those included share the fate of those they are among). Bundled corpus
    without the check documents: 7 counts of people in such a frame, all 7 deaths by reading,
    all 7 filed as 'people' before."""
    if noun.dep_ != "pobj":
        return None
    prep, governor = noun.head, noun.head.head
    word = prep.lower_
    if word == "of" and governor.pos_ == "NOUN":
        return named_fate(governor)
    if word in {"to", "from", "at"} and governor.pos_ in {"VERB", "AUX"} and any(
            c.lemma_.lower() == "toll" and c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in governor.children):
        return "deaths"
    if word == "including":
        if governor.pos_ in {"VERB", "AUX"}:
            return next((f for f, lemmas in PERSON_FATE.items() if governor.lemma_.lower() in lemmas), None)
        if governor.pos_ == "NUM":
            fate = bare_fate(governor)
            return fate if fate in FATE_NOUNS else None
        if governor.pos_ in {"NOUN", "PROPN"}:
            return fate_of(governor)
    return None


def speed(noun: Token) -> bool:
    """'100 mph', '161 km/h', '75 miles per hour': a unit of speed."""
    doc, lemma = noun.doc, noun.lemma_.lower()
    after = [doc[k].lower_ for k in range(noun.i + 1, min(len(doc), noun.i + 3))]
    return lemma in SPEED_UNITS or lemma in DISTANCE_UNITS and (after[:1] == ["/"] or after[:2] in (["per", "hour"], ["an", "hour"]))


def multiplier(word: Token) -> bool:
    """'times' or 'twice' that multiplies ('twice the size', 'ten times harder', 'four times as many')
    rather than counts ('four times as captain')."""
    doc = word.doc
    nxt = doc[word.i + 1] if word.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "as":
        return word.i + 2 < len(doc) and doc[word.i + 2].pos_ in {"ADJ", "ADV"}
    return nxt is not None and (nxt.lower_ in MULTIPLIER_WORDS or nxt.tag_ in {"JJR", "RBR"})


def lives_of(noun: Token) -> bool:
    """'claimed the lives of 20 people': the people counted are the lives taken."""
    of = noun.head
    lives = of.head
    return of.dep_ == "prep" and of.lower_ == "of" and lives.lemma_.lower() == "life" \
        and lives.head.lemma_.lower() in LIFE_TAKING_VERBS
