"""Casualty mentions: each place a text says people were killed, injured, detained or missing.

A mention is one group of people and what happened to them ("killed two insurgents",
"Two suspected insurgents were detained", "ten insurgent deaths"), with how many they were
as the casualty coders count (numbers, vague words with fixed floors, a named or singular
person is 1), whose people they were (civilians, armed groups, security forces) and whether
the words point back at people already counted ("the insurgents", "both men", "them").
How many and who the people were is ``extract.victims``; ``extract.tallies`` merges mentions
into per-incident tallies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from ._cache import doc_text, doc_tokens
from .fate_gates import background, illness, natural, natural_cause, not_an_event
from .lexicon import WORD_NUMBERS
from .tally_words import CUSTODY_WORDS, MEDICAL_ARRESTS, TALLY_ADJECTIVES, TALLY_NOUNS, TALLY_VERBS
from .victims import PRONOUNS, count_of, group_of, is_people, person_inside, side_of, vague_words

VERB_FATES = {lemma: fate for fate, lemmas in TALLY_VERBS.items() for lemma in lemmas}
# Every lemma ``fate_victims`` reads (with TALLY_ADJECTIVES by form): a cheap test before the parse is read.
FATE_LEMMAS = frozenset(VERB_FATES) | frozenset(TALLY_NOUNS) | {"take", "lose"}


@dataclass
class Mention:
    """People in one place of the text, what happened to them and how many they were."""

    category: str
    group: str
    low: float
    high: float
    start: int
    end: int
    token: int  # index of the head noun (or the fate word when there is none)
    anaphoric: bool = False
    side: str | None = None
    negated: bool = False
    lemma: str = ""  # the head noun's lemma, to tell a restatement from other people
    vague: bool = False  # counted from a vague word ("several"): a floor, not a number
    new: bool = False  # "additional", "other", "another", "also": people not yet counted
    refers_to: int | None = None  # offset of the earlier words a reference back points at
    parts: int = 1  # coordinated people in the phrase: "two facilitators and several insurgents" is 2
    lemmas: tuple[str, ...] = ()  # every part's head lemma
    back_low: float = 0.0  # of ``low``, the people parts that point back ("the leader and two others")
    mixed: bool = False  # the same people told of two fates ("killed and detained"): no split given
    fate: int = -1  # index of the word that tells what happened

    @property
    def bare(self) -> bool:
        """A number with no noun ("as many as 32", "seven died"): it counts whoever the text is about."""
        return not any(ch.isalpha() for ch in self.lemma) or self.lemma in WORD_NUMBERS


def find_mentions(doc: Doc, anchor: date | None = None) -> list[Mention]:
    """Every casualty mention in text order (negated ones kept, flagged, for stance)."""
    found: dict[tuple[int, str], Mention] = {}
    for token in doc_tokens(doc):
        for category, victims in fate_victims(token):
            if not_an_event(token) or background(token, anchor) or category == "deaths" and natural(token, doc) \
                    or category == "injuries" and illness(token, doc):
                continue
            for victim in victims:
                mention = describe(victim, category, token)
                if mention is not None:
                    found.setdefault((mention.token, category), mention)
    mentions = hurt_and_killed(sorted(found.values(), key=lambda m: m.start))
    categories: dict[int, set[str]] = {}
    for mention in mentions:
        categories.setdefault(mention.token, set()).add(mention.category)
    for mention in mentions:
        mention.mixed = len(categories[mention.token]) > 1  # "were killed and detained"
    inherit_victims(mentions, doc_text(doc))
    return mentions


def hurt_and_killed(mentions: list[Mention]) -> list[Mention]:
    """The same people told of an injury and then a death: 'were shot and killed', 'stabbed and killed' is
    what killed them, a death only, as the coders count a wounded person who died. The other order ('attacks
    which have killed and injured more civilians') gives no split and stays mixed."""
    deaths = {m.token: m.fate for m in mentions if m.category == "deaths"}
    return [m for m in mentions if not (m.category == "injuries" and m.fate < deaths.get(m.token, -1))]


def inherit_victims(mentions: list[Mention], text: str) -> None:
    """'suffering almost 12,000 casualties' and 'two civilians were killed and one injured'
    name no victims: they are those the same paragraph names ('4,000 Russian troops had
    died'), when it names any; a bare number takes them from close by only."""
    for mention in mentions:
        bare = mention.bare
        if mention.group != "unspecified" or mention.side or not (mention.lemma in TALLY_NOUNS or bare):
            continue
        paragraph = text.rfind("\n", 0, mention.start)
        near = [m for m in mentions if m is not mention and (m.group != "unspecified" or m.side)
                and text.rfind("\n", 0, m.start) == paragraph and (not bare or abs(m.start - mention.start) < 200)]
        if near:
            nearest = min(near, key=lambda m: abs(m.start - mention.start))
            mention.group, mention.side = nearest.group, nearest.side


# --- what happened, to whom ------------------------------------------------------------------

def fate_victims(token: Token) -> list[tuple[str, list[Token]]]:
    """(category, victim heads) for a word that says what happened to people."""
    lemma, lower = token.lemma_.lower(), token.lower_
    if lemma not in FATE_LEMMAS and lower not in TALLY_ADJECTIVES:  # most words: nothing below can match
        return []
    if token.pos_ in {"VERB", "AUX"} and lemma in VERB_FATES:
        if any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children):
            return []  # "shot down a passenger jet": an aircraft
        fate = VERB_FATES[lemma]
        if fate == "injuries" and (any(c.lower_ in {"dead", "death"} for c in token.subtree if c.i > token.i and c.i - token.i <= 3)
                                   or any(c.lower_ in {"mortally", "fatally"} for c in token.children)):
            fate = "deaths"  # "stabbed to death", "shot dead", "mortally wounded"
        return [(fate, verb_victims(token, lemma))]
    if lemma == "take" and any(c.lower_ in CUSTODY_WORDS for c in token.subtree):
        return [("detained", verb_victims(token, lemma))]  # "taken into custody"
    if lemma == "take" and any(c.lemma_.lower() == "hospital" for c in token.subtree) and not natural_cause(token):
        return [("injuries", verb_victims(token, lemma))]  # "three children were taken to hospital"
    if lemma == "lose" and any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in token.children):
        return [("deaths", [c for c in token.children if c.dep_ == "nsubj"])]  # "a dozen people lost their lives"
    if token.pos_ in {"ADJ", "VERB"} and lower in TALLY_ADJECTIVES:
        return [(TALLY_ADJECTIVES[lower], adjective_victims(token))]
    if token.pos_ == "NOUN" and lemma in TALLY_NOUNS and token.dep_ == "compound" and token.head.lemma_.lower() == "toll":
        return [(TALLY_NOUNS[lemma], toll_count(token.head))]  # "the death toll rose to 22"
    if token.pos_ == "NOUN" and lemma in TALLY_NOUNS and token.dep_ != "compound" and not any(
            c.lower_ in MEDICAL_ARRESTS for c in token.children if c.dep_ in {"amod", "compound"}) and not animal_fate(token):
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        people = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
        if not people and token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.pos_ in {"NOUN", "PROPN"}:
            people = [token.head.head]  # "13 students with minor injuries"
        return [(TALLY_NOUNS[lemma], people or [token])]  # "the arrest of a leader", "ten deaths"
    return []


def toll_count(toll: Token) -> list[Token]:
    """The number a toll stands at: 'a death toll of 300', 'the death toll rose to 22 people', 'stands at
    40', 'increased the death toll from five to six' (the last count), 'the death toll is 22'."""
    of = [o for p in toll.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    verb = toll.head if toll.dep_ in {"nsubj", "nsubjpass", "dobj"} else None
    if of or verb is None:
        return of
    preps = [p for p in verb.children if p.dep_ == "prep"]
    preps += [t for p in preps if p.lower_ == "from" for t in p.children if t.dep_ == "prep"]  # "from five to six"
    reached = [o for p in preps if p.lower_ in {"to", "at"} for o in p.children if o.dep_ == "pobj"]
    stated = [c for c in verb.children if c.dep_ == "attr" or c.dep_ == "dobj" and c.like_num]
    return [v for v in (reached or stated)[-1:] if v.like_num or any(c.dep_ == "nummod" for c in v.children)]


def animal_fate(noun: Token) -> bool:
    """'the elephant's death', 'the elephant's injuries': a fate whose owner is a thing or an animal, a
    common noun that names no person (corpus and PolNeAR train: 4 possessors of a fate noun, the 2
    relatives ('his sister's death') people, the 2 others an elephant)."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    return owner is not None and owner.pos_ == "NOUN" and not is_people(owner)


def verb_victims(verb: Token, lemma: str) -> list[Token]:
    """The people a fate verb happened to: its object, its passive subject, or who died."""
    victims = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if lemma == "die" or lemma == "perish":
        victims += [c for c in verb.children if c.dep_ == "nsubj"]
    if not victims and verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        passive = verb.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in verb.children)
        if passive or lemma == "die":
            victims = [verb.head]  # "insurgents killed in the strike", "the men who died"
        if verb.head.lemma_.lower() in TALLY_NOUNS:  # "56 deaths and over 200 people injured": the people
            victims = [c for c in verb.head.conjuncts if c.i < verb.i][-1:]
    if not victims and verb.dep_ in {"oprd", "xcomp", "ccomp"} and verb.tag_ == "VBN":
        victims = [c for c in verb.head.children if c.dep_ == "nsubjpass"]  # "was confirmed killed"
    if not victims:
        absolute = verb.tag_ == "VBN" and verb.dep_ in {"pcomp", "advcl"}  # "with 25 others injured"
        victims = [c for c in verb.children if c.dep_ == "nsubj" and (c.pos_ == "NUM" or absolute)]  # "and one injured"
    passive = any(c.dep_ == "auxpass" for c in verb.children) or verb.tag_ == "VBN"
    wanted = {"nsubjpass", "nsubj"} if passive else {"nsubjpass"}
    shared = verb
    while not victims and shared.dep_ == "conj" and shared.head.pos_ in {"VERB", "AUX"}:
        shared = shared.head  # "threatened the force and were killed", "turned to fire ... and was shot and killed"
        victims = [c for c in shared.children if c.dep_ in wanted]
    victims = [verb.head if v.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl" else v for v in victims]  # "who was killed"
    victims = [v for v in victims if not glued_to_next(v)]  # "sub-commander" parsed as three objects
    return [v for v in victims if v.pos_ in {"NOUN", "PROPN", "PRON", "NUM", "ADJ"}]


def glued_to_next(token: Token) -> bool:
    """'sub' and '-' in 'sub-commander': pieces of the word that ends after them."""
    doc = token.doc
    return token.text == "-" or (not token.whitespace_ and token.i + 1 < len(doc) and doc[token.i + 1].text == "-")


def adjective_victims(adj: Token) -> list[Token]:
    """'two dead', 'wounded insurgents', 'X was found dead'; not an adjective inside a modifier ('a
    missing persons report', 'Grateful Dead drummer X': bundled corpus and PolNeAR train, 4 such, none a
    victim)."""
    if adj.dep_ == "amod":
        noun = adj.head
        inside_modifier = noun.dep_ == "compound" or not is_people(noun) and any(
            c.dep_ == "compound" and adj.i < c.i for c in noun.children)
        return [] if inside_modifier else [noun]
    if adj.dep_ in {"acomp", "oprd", "attr"}:
        objects = [c for c in adj.head.children if c.dep_ == "dobj"]
        if adj.dep_ == "oprd" and objects:
            return objects  # "the officers shot him dead": the one shot
        return [c for c in adj.head.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    if any(c.dep_ in {"nummod", "det"} for c in adj.children) or adj.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj"}:
        return [adj]  # "left two dead", "the wounded were taken"
    return []


# --- how many, and who -------------------------------------------------------------------------

def describe(victim: Token, category: str, fate: Token) -> Mention | None:
    """The mention for one victim head (and the people coordinated with it)."""
    phrase = victim
    if count_of(victim) is None:
        victim = person_inside(victim) or victim  # "an Islamic Movement of Uzbekistan leader"
    if any(c.dep_ == "prep" and c.lower_ == "per" for c in victim.children):
        return None  # a rate ("18.9 deaths per 100,000 people", "three people per day"): nobody in particular
    heads = [victim] + conjuncts(phrase, category)  # "... Uzbekistan facilitator and several other insurgents"
    low = high = 0.0
    anaphoric, negated, vague = True, False, False
    groups: list[str] = []
    back_low = 0.0
    for head in heads:
        counted = count_of(head)
        if counted is None:
            continue
        low, high = low + counted.low, high + counted.high
        back_low += counted.low if counted.back else 0.0
        anaphoric = anaphoric and counted.back
        negated = negated or counted.negated
        vague = vague or counted.vague
        groups.append(group_of(head))
    if low == 0 and not negated:
        return None
    earlier = antecedent(victim) if anaphoric and len(heads) == 1 else None
    if earlier is not None:
        before = count_of(earlier)
        if before is not None and not before.back and not before.negated and victim.pos_ != "PRON":
            low, high = before.low, before.high  # "the armed militants" were "several armed militants"
    if any(c.dep_ == "neg" for c in fate.children):
        negated = True
    heads = [h for h in heads if count_of(h) is not None]
    start = min(h.left_edge.idx for h in heads)
    end = max(h.idx + len(h) for h in heads)
    group = next((g for g in groups if g != "unspecified"), "unspecified")
    if category in TALLY_NOUNS.values() and fate.pos_ == "NOUN" and fate.i == victim.i:
        group = group_of(fate)
    return Mention(category, group, low, high, start, end, victim.i, anaphoric, side_of(heads), negated,
                   lemma=victim.lemma_.lower(), vague=vague, new=is_new(victim, fate),
                   refers_to=earlier.idx if earlier is not None else None, parts=len(heads),
                   lemmas=tuple(h.lemma_.lower() for h in heads), back_low=back_low if len(heads) > 1 else 0.0,
                   fate=fate.i)


def antecedent(head: Token, depth: int = 3) -> Token | None:
    """The earliest words the people were named by: 'he' after 'the facilitator' after 'a
    Haqqani facilitator'; 'the armed militants' after 'several armed militants' (a few
    sentences back at most)."""
    doc = head.doc
    window = doc[max(0, head.sent.start - 80) : head.i]
    for token in reversed(window):
        if token.dep_ in {"compound", "amod", "poss", "nmod"}:
            continue
        if head.pos_ == "PRON":
            singular = PRONOUNS.get(head.lower_) == 1
            found = token.pos_ in {"NOUN", "PROPN"} and token.tag_ in ({"NN", "NNP"} if singular else {"NNS", "NNPS"}) and is_people(token)
        else:
            found = token.lemma_ == head.lemma_ and token.pos_ == head.pos_ and (token.tag_ in {"NNS", "NNPS"}) == (head.tag_ in {"NNS", "NNPS"})
        if found:
            counted = count_of(token)
            further = antecedent(token, depth - 1) if depth > 1 and counted is not None and counted.back else None
            return further or token
    return None


NEW_WORDS = frozenset("additional other another also further more second".split())


def is_new(victim: Token, fate: Token) -> bool:
    """'one additional suspect', 'also detained': people on top of those already counted."""
    words = [c for c in victim.children if c.i < victim.i]
    return victim.lower_ in {"others", "another"} or any(w.lower_ in NEW_WORDS for w in words)


def conjuncts(head: Token, category: str) -> list[Token]:
    """'a leader and two associates', 'a commander along with a number of insurgents': the
    other people coordinated with the head, without those another fate is told of ('ten
    hostages freed')."""
    found: list[Token] = []
    linked = {head.i}
    for token in head.subtree:
        joined = token.dep_ == "conj" and token.head.i in linked or (
            token.dep_ == "pobj" and token.head.lower_ == "with" and (token.head.head.i in linked or token.head.head.head.i in linked))
        if not joined:
            continue
        linked.add(token.i)
        if token.pos_ not in {"NOUN", "PROPN", "PRON", "NUM"} and not vague_words(token):
            continue  # "a facilitator and two of his associates", "... and several of his associates"
        own = [c for c in token.children if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB" or c.lower_ in TALLY_ADJECTIVES]
        if any(fate_category(c) != category for c in own) or head.lemma_.lower() in TALLY_NOUNS and token.lemma_.lower() not in TALLY_NOUNS:
            continue  # "56 deaths and over 200 people injured": a fate noun counts its own people
        found.append(token)
    return found


def fate_category(word: Token) -> str | None:
    """The category a fate word names ('freed' names none)."""
    return VERB_FATES.get(word.lemma_.lower()) or TALLY_ADJECTIVES.get(word.lower_)


