"""Tallies: per report, how many people it says were killed, injured, detained or missing.

Casualty recorders count each person once, as a conservative minimum. From the casualty
mentions (``extract.casualties``) of one document:

- mentions are grouped by category and victims' group, then by claimant (the speaker or
  source whose quote or attribution holds the mention; the publisher when nobody is named);
- within a claimant's account, words that point back ("the insurgents", "both men", "them")
  and restatements of an earlier count (a headline and the body, a lead and a summary) add
  nobody; a lead that equals the sum of the details after it is the sum, not extra people;
- ``low`` is the least any asserting claimant's account supports, ``high`` the most any says;
  denied or disputed accounts stay as claims and raise neither.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc

from ..records import Attribution, Figure, Quote, Tally, TallyClaim
from ._cache import doc_sents, doc_text, doc_tokens, span_tokens
from .casualties import Mention, find_mentions
from .dates import anchor_date, resolve
from .lexicon import DENY_VERBS, DISPUTE_VERBS
from .places import find_places, place_for
from .tally_words import WAR_WORDS

Claim = tuple[int, int, str | None, str | None]
Key = tuple[str, str | None]
FIGURE_FATES = frozenset({"deaths", "injuries", "detained", "casualties"})
PEOPLE_CATEGORIES = frozenset({"troops", "people", "other", "casualties", "deaths", "injuries", "detained"})  # victims' group and, when the text names two, their side


def extract_tallies(
    doc: Doc,
    quotes: Iterable[Quote] = (),
    attributions: Iterable[Attribution] = (),
    figures: Iterable[Figure] = (),
    *,
    outlet: str | None = None,
    published: str | None = None,
) -> list[Tally]:
    """The document's tallies, one per category and victims' group."""
    text = doc_text(doc)
    credited = [(f.start, f.end, f.claimant, f.stance) for f in figures if f.claimant]
    claims = [(q.start, q.end, q.speaker, q.cue) for q in quotes] + [
        (a.start, a.end, a.source, a.cue) for a in attributions
    ]
    body = body_start(doc)
    anchor = anchor_date(text, published)
    mentions = find_mentions(doc, anchor)
    if not mentions:
        return []
    places = find_places(doc)
    eventful = [(doc[m.token].sent.start_char, doc[m.token].sent.end_char) for m in mentions]
    lead = next((sent for sent in doc_sents(doc) if sent.start_char >= body and any(t.pos_ == "VERB" for t in span_tokens(sent))), None)
    if lead is not None:
        eventful.append((lead.start_char, lead.end_char))
    by_category: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_category[mention.category].append(mention)
    tallies = []
    for category, found in by_category.items():
        for tally, first in category_tallies(category, found, claims, credited, outlet, body):
            sentence = doc[first.token].sent
            tally.place = place_for(places, first.start, (sentence.start_char, sentence.end_char), eventful)
            when = resolve(sentence.text, anchor)
            tally.date = when.isoformat() if when else None
            tallies.append(tally)
    return civilians_by_default(doc, tallies)


def civilians_by_default(doc: Doc, tallies: list[Tally]) -> list[Tally]:
    """Outside war reporting, people no word ties to the security forces or an armed group are
    civilians, as the coders file them ('a second man arrested', 'Bryant and seven others died'; the
    tally gold: 'an attacker tied to no armed group is a civilian'). In a report of fighting (an armed
    group or the military named anywhere in it) an unnamed side stays unspecified: 'more than 10
    suspects' detained by coalition forces may be either."""
    unnamed = [t for t in tallies if t.group == "unspecified"]
    if not unnamed or any(t.group == "armed groups" for t in tallies) or any(
            t.lemma_.lower() in WAR_WORDS for t in doc_tokens(doc)):
        return tallies
    for tally in unnamed:
        tally.group = "civilians"
    return tallies


def category_tallies(category: str, mentions: list[Mention], claims: list[Claim], credited: list[Claim],
                     outlet: str | None, body: int) -> list[tuple[Tally, Mention]]:
    """Tallies of one category, one per victims' group, each with one claim per claimant."""
    accounts: dict[str | None, list[Mention]] = defaultdict(list)
    stances: dict[str | None, str] = {}
    for mention in mentions:
        figure = next((c for c in credited if c[0] < mention.end and mention.start < c[1]), None)
        if figure is not None:  # the figure extractor already credited these words
            claimant, stance = figure[2], figure[3] or "asserts"
        else:
            source, cue = holder(mention, claims)
            claimant, stance = (source if source is not None or cue is not None else outlet), stance_of(cue)
        accounts[claimant].append(mention)
        if stances.get(claimant, "asserts") == "asserts":
            stances[claimant] = stance
    combined = count_account([m for m in mentions if accounts_stance(m, accounts, stances)], body)
    key_at = {(start, end): key for key, (_people, spans) in combined.items() for start, end in spans}
    by_key: dict[Key, list[TallyClaim]] = defaultdict(list)
    stated: dict[Key, dict[str, set[float]]] = defaultdict(lambda: defaultdict(set))  # stated counts by noun
    for claimant, said in accounts.items():
        for own_key, (people, spans) in count_account(said, body).items():
            key = next((key_at[(m.start, m.end)] for m in people if (m.start, m.end) in key_at), own_key)
            low, high = sum(m.low for m in people), sum(m.high for m in people)
            by_key[key].append(TallyClaim(claimant, low, high, stances[claimant], spans))
            if stances[claimant] == "asserts" and all(explicit(m) for m in people):
                stated[key][None if people[0].bare else people[0].lemma].add(low)
    result = []
    for key, (people, _spans) in combined.items():
        tally_claims = by_key.get(key, [])
        total = sum(m.low for m in people)
        if contested(stated[key]):
            total = min(c.low for c in tally_claims if c.stance == "asserts")
        high = max([total] + [c.high for c in tally_claims])
        side = key[1] or next((m.side for m in people if m.side), None)
        result.append((Tally(category, key[0], total, high, side, claims=tally_claims), people[0]))
    return result


def contested(stated: dict[str | None, set[float]]) -> bool:
    """Whether claimants give different numbers of the same people: "12,000 casualties" and "500
    casualties", or "24 people" and a bare "as many as 32" (a number with no noun counts the people
    already told of); "three children" and "13 students" are different people."""
    bare = stated.get(None, set())
    return len(bare) >= 2 or any(len(counts | bare) >= 2 for lemma, counts in stated.items() if lemma is not None)


def explicit(mention: Mention) -> bool:
    """A stated number of several people: what claimants contest ('almost 12,000', 'about 500')."""
    return not mention.vague and not mention.anaphoric and not mention.new and mention.low >= 2


def accounts_stance(mention: Mention, accounts: dict[str | None, list[Mention]], stances: dict[str | None, str]) -> bool:
    """Whether the mention belongs to an asserting account (denials never raise a tally)."""
    return any(mention in said and stances[claimant] == "asserts" for claimant, said in accounts.items())


def count_account(mentions: list[Mention], body: int) -> dict[Key, tuple[list[Mention], list[list[int]]]]:
    """People one claimant's account counts, by group: new people once, references back merged.

    Returns, per victims' group, the mentions that count people and the spans of every mention
    merged into them.
    """
    live = [m for m in mentions if not m.negated and not m.mixed]  # "killed and detained": no split given
    in_body = [m for m in live if m.start >= body]
    counted = in_body or live  # a headline only counts when the body says nothing
    kept: list[Mention] = []
    spans: dict[int, list[list[int]]] = {}
    for mention in counted:
        if mention.anaphoric and mention.refers_to is not None and not any(
                m.start <= mention.refers_to < m.end for m in counted if m is not mention):
            mention = replace(mention, anaphoric=False)  # points at people no mention counted yet
        earlier = next((k for k in reversed(kept) if compatible(k, mention) and (mention.anaphoric or restates(k, mention))), None)
        if earlier is None and mention.back_low and any(compatible(k, mention) for k in kept):
            mention = replace(mention, low=mention.low - mention.back_low, high=mention.high - mention.back_low)
        if earlier is None:  # "the leader and two of his associates": the associates are new
            kept.append(mention)
            spans[id(mention)] = [[mention.start, mention.end]]
            continue
        spans[id(earlier)].append([mention.start, mention.end])
        better = earlier
        if earlier.vague and not mention.vague and not mention.anaphoric and mention.low >= 2:
            better = replace(better, low=mention.low, high=mention.high, vague=False)  # "several" were "three"
        if earlier.group == "unspecified" and mention.group != "unspecified":
            better = replace(better, group=mention.group, side=better.side or mention.side)
        if better is not earlier:
            kept[kept.index(earlier)] = better
            spans[id(better)] = spans.pop(id(earlier))
    for m in live:
        if m not in counted:  # headline spans join the body's tally of the same group
            target = next((k for k in kept if compatible(k, m)), None)
            if target is not None:
                spans[id(target)].append([m.start, m.end])
    kept = drop_summaries(kept)
    groups: dict[Key, tuple[list[Mention], list[list[int]]]] = {}
    for mention in kept:
        people, group_spans = groups.setdefault(key_of(mention, kept), ([], []))
        people.append(mention)
        group_spans.extend(sorted(spans.get(id(mention), [[mention.start, mention.end]])))
    return groups


def key_of(mention: Mention, kept: list[Mention]) -> Key:
    """(group, side) of the tally a mention counts into. Sides split a group only when the
    text names two ('Russian troops' and 'the National Guard'); a mention that names no
    side joins the side named last before it."""
    if mention.group == "unspecified":  # "one additional suspect" joins the leader's tally
        before = [m for m in kept if m.start < mention.start and m.group != "unspecified" and compatible(m, mention)]
        if before:
            return key_of(before[-1], kept)
    sides = [m.side for m in kept if m.group == mention.group and m.side]
    if all(same_side(sides[0], other) for other in sides):
        return mention.group, None
    if mention.side:
        return mention.group, mention.side
    before = [m.side for m in kept if m.group == mention.group and m.side and m.start <= mention.start]
    return mention.group, (before[-1] if before else sides[0])


def compatible(a: Mention, b: Mention) -> bool:
    """Mentions that may name the same people: the same group, or one that does not say."""
    return same_side(a.side, b.side) and (a.group == b.group or "unspecified" in (a.group, b.group))


def same_side(a: str | None, b: str | None) -> bool:
    """Sides that may be one: unnamed, or one name inside the other ('Haqqani', 'Haqqani Network')."""
    if a is None or b is None:
        return True
    a, b = a.lower().removeprefix("the "), b.lower().removeprefix("the ")
    return a in b or b in a


def restates(earlier: Mention, later: Mention) -> bool:
    """A later mention that restates an earlier count ('killed three insurgents' twice)."""
    if later.parts > 1 and later.low == earlier.low and later.high == earlier.high:
        return True  # "a facilitator and two associates" ... "the leader and two associates"
    if earlier.vague and later.vague and later.lemma in (earlier.lemmas or (earlier.lemma,)):
        # "two facilitators and several insurgents" ... "several additional insurgents" (beyond
        # the facilitators) restates; "several insurgents" ... "several more insurgents" does not
        return not later.new or earlier.parts > 1
    if later.new:
        return False
    if earlier.vague and later.vague:
        return earlier.low == later.low
    if earlier.vague:
        # "several insurgents" ... "three individuals", "the leader": among them; but not after
        # "several other insurgents", which counted people besides someone
        return not (earlier.new and later.low == 1)
    if later.vague:
        return earlier.low >= 2  # "a leader" ... "multiple insurgents": more people
    same = earlier.low == later.low and earlier.high == later.high
    if later.low == 1 and earlier.low >= 2:
        return True  # "detained 11 suspected insurgents" ... "a facilitator was detained": one of them
    return same and (earlier.lemma == later.lemma or "unspecified" in (earlier.group, later.group))


def drop_summaries(kept: list[Mention]) -> list[Mention]:
    """A lead count that equals the sum of the details after it is their sum, not more people."""
    for i, lead in enumerate(kept[:-1]):
        rest = [m for m in kept[i + 1 :] if compatible(m, lead)]
        if len(rest) >= 2 and sum(m.low for m in rest) == lead.low:
            return [m for m in kept if m is not lead]
    return kept


def holder(mention: Mention, claims: list[Claim]) -> tuple[str | None, str | None]:
    """Source and cue of the innermost quote or attribution holding the mention."""
    holding = [c for c in claims if c[0] <= mention.start and mention.end <= c[1]]
    if not holding:
        return None, None
    start, end, source, cue = min(holding, key=lambda c: c[1] - c[0])
    return source, cue or ""


def stance_of(cue: str | None) -> str:
    """asserts, or denies / disputes when the cue or the words reject the deaths."""
    word = (cue or "").split()[0].lower() if cue else ""
    if any(word.startswith(v[:-1]) for v in DENY_VERBS):
        return "denies"
    if any(word.startswith(v[:-1]) for v in DISPUTE_VERBS):
        return "disputes"
    return "asserts"


def body_start(doc: Doc) -> int:
    """Offset where the report's body begins: after a headline line, if the text opens with one."""
    text = doc_text(doc)
    line_end = text.find("\n")
    first_line = text[: line_end if line_end >= 0 else len(text)].strip()
    looks_like_headline = 0 < len(first_line) < 160 and not first_line.endswith((".", "\"", "”"))
    return line_end + 1 if looks_like_headline and line_end >= 0 else 0


__all__ = ["extract_tallies"]


def recategorise(figures: list[Figure], tallies: list[Tally]) -> None:
    """Figures of people inherit the fate their tally found: 'several insurgents were killed'
    is deaths, not troops; 'three additional wounded insurgents' injuries, not other."""
    counted = [(start, end, tally.category) for tally in tallies for claim in tally.claims for start, end in claim.spans]
    for figure in figures:
        if figure.category not in PEOPLE_CATEGORIES:
            continue
        fate = next((category for start, end, category in counted if start <= figure.start < end or figure.start <= start < figure.end), None)
        if fate in FIGURE_FATES:  # "missing" is a tally category, not a figure category
            figure.category = fate
