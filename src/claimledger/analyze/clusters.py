"""Clustering figures into groups: strongest links first, never across a hard constraint, then the
user's merges and splits replayed on top (the rule is in ``figures.py`` and docs/analysis.md).

Why a module of its own: ``figures.py`` says what one figure is and when two figures can or must
share a group; this module turns those pairwise answers into groups, deterministically.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from .figures import REVISION_DAYS, RUNNING, FigureFacts, conflict, days_may_match
from .incidents import conversion_pairs, evidence, incident_keys, value_keys
from .periods import Day
from .terms import TermWeights

BLOCK_DOCUMENTS = 50  # documents a word may be in and still propose pairs (a cost bound; see index_keys)
NEIGHBOURS = 64  # figures of one key each figure is compared with, in day order (the bundled corpus's largest key: 47)
NO_DAY = -1  # sorts a figure without a day first


@dataclass(frozen=True)
class Edit:
    """A user's correction: ``merge`` puts the groups of these figures together, ``split`` takes these
    figures out of their group(s) into one group of their own."""

    kind: str
    figures: tuple[int, ...]


def cluster(facts: list[FigureFacts], weights: TermWeights, places: dict[int, set[str]],
            edits: Iterable[Edit] = ()) -> list[list[int]]:
    """Groups of figure ids (each sorted; groups sorted by their smallest id). Deterministic."""
    by_id = {f.id: f for f in facts}
    weights = KnownWeights(weights)
    conflicts: dict[tuple[int, int], bool] = {}  # only what joining asks: millions of candidate pairs are not kept

    def clashing(a: FigureFacts, b: FigureFacts) -> bool:
        return a.measure != b.measure or conflict(a, b, places) is not None  # casualties, deaths: never one group

    def clash(x: int, y: int) -> bool:
        key = (x, y) if x < y else (y, x)
        if key not in conflicts:
            conflicts[key] = clashing(by_id[x], by_id[y])
        return conflicts[key]

    links = []
    candidates = chain.from_iterable(candidate_pairs(block, weights) for block in blocks(facts).values())
    for a, b in chain(candidates, conversion_pairs(facts)):  # scored as they come, never all held
        if not clashing(a, b) and (score := evidence(a, b, weights)) > 0:
            links.append((score, a.id, b.id))
    return apply_edits(join_strongest(by_id, links, clash), edits)


class KnownWeights(TermWeights):
    """Term weights whose answers are kept: a chunk scores each term of its figures thousands of times.
    Only for a ledger's weights whose counts are all loaded (``cluster``'s)."""

    def __init__(self, weights: TermWeights):
        super().__init__(weights.counts, weights.documents)
        self._distinctive: dict[str, bool] = {}
        self._weight: dict[str, float] = {}

    def distinctive(self, term: str) -> bool:
        found = self._distinctive.get(term)
        if found is None:
            found = self._distinctive[term] = super().distinctive(term)
        return found

    def weight(self, term: str) -> float:
        found = self._weight.get(term)
        if found is None:
            found = self._weight[term] = super().weight(term)
        return found


def join_strongest(ids: Iterable[int], links: Iterable[tuple[float, int, int]],
                   clash: Callable[[int, int], bool], joined: Iterable[list[int]] = ()) -> list[list[int]]:
    """Clusters of ``ids`` from scored ``links`` (score, a, b), strongest first (ties by ids): two
    clusters join only if no pair across them clashes, so a chain of links never carries a member
    into a cluster it contradicts. ``joined``: sets of ids that start as one cluster (built before;
    never split, never checked again). Each cluster sorted, clusters by their smallest id.
    Deterministic. Figure groups and incidents are both built this way."""
    parent = {i: i for i in ids}
    members = {i: [i] for i in parent}
    for together in joined:
        root = min(together)
        for i in together:
            if i != root:
                parent[i] = root
                members[root].extend(members.pop(i))
    apart: set[tuple[int, int]] = set()  # clusters found to clash: they still do once either grows

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, x, y in sorted((-score, a, b) for score, a, b in links):
        rx, ry = sorted((find(x), find(y)))
        if rx == ry or (rx, ry) in apart:
            continue
        if any(clash(p, q) for p in members[rx] for q in members[ry]):
            apart.add((rx, ry))
        else:
            parent[ry] = rx
            members[rx].extend(members.pop(ry))
    return sorted(sorted(found) for found in members.values())


def blocks(facts: Iterable[FigureFacts]) -> dict[str, list[FigureFacts]]:
    found: dict[str, list[FigureFacts]] = defaultdict(list)
    for fact in sorted(facts, key=lambda f: f.id):
        if fact.family is not None:
            found[fact.family].append(fact)
    return found


def index_keys(fact: FigureFacts, weights: TermWeights) -> list[tuple]:
    """The blocking keys of a figure within its block: two figures sharing one are a candidate pair.
    A distinctive word is a key only while it is in at most ``BLOCK_DOCUMENTS`` documents: in a large
    ledger a word in more documents proposes pairs by the ten thousand (cost grows with the square of
    the ledger) while pairs that really share a context share rarer words too; every distinctive
    word still counts when a pair is scored (``figures.link``)."""
    keys: list[tuple] = [("doc", fact.document)]
    if fact.cluster is not None:
        keys.append(("cluster", fact.cluster))
    keys += [("term", term) for term in fact.terms if blocking_term(term, weights)]
    return keys + incident_keys(fact) + value_keys(fact)


def blocking_term(term: str, weights: TermWeights) -> bool:
    return weights.distinctive(term) and weights.counts.get(term, 0) <= BLOCK_DOCUMENTS


def day_number(fact: FigureFacts) -> int | None:
    """The day a figure refers to as a number (``date.toordinal``); None when unknown or without a year."""
    return day_number_of(fact.date)


@lru_cache(maxsize=8192)
def day_number_of(text: str | None) -> int | None:
    """An ISO day as a number (``date.toordinal``); None when unknown or without a year."""
    day = Day.parse(text)
    when = day.as_date() if day is not None and day.year else None
    return when.toordinal() if when is not None else None


def reach(fact: FigureFacts) -> int:
    """Days from a figure's day within which a figure of another document may still share its group:
    ``REVISION_DAYS`` for a running count, the same day for any other (``figures.conflict``, 'dates')."""
    return REVISION_DAYS if fact.family in RUNNING else 0


def within_reach(a: FigureFacts, a_day: int | None, b: FigureFacts, b_day: int | None) -> bool:
    """False only for pairs whose days ``figures.conflict`` forbids ('dates'): a cheap test first."""
    if a_day is None or b_day is None:
        return True
    return days_may_match(abs(a_day - b_day), a.family in RUNNING, a.document == b.document)


def candidate_pairs(block: list[FigureFacts], weights: TermWeights) -> Iterable[tuple[FigureFacts, FigureFacts]]:
    """Pairs worth scoring: same document, same near-duplicate cluster, a blocking word in common, or
    one incident's blocking key (place x measure x date window): those sharing an ``index_keys`` key,
    whose days may still match (``within_reach``). The members of a key are compared in day order,
    each with its ``NEIGHBOURS`` next (a document's figures with all of its others), so a key shared
    by thousands of figures costs pairs in proportion to them, not to their square."""
    index: dict[tuple, list[int]] = defaultdict(list)
    for i, fact in enumerate(block):
        for key in index_keys(fact, weights):
            index[key].append(i)
    days = [day_number(fact) for fact in block]
    seen: set[int] = set()  # pair (i, j) as i * len(block) + j: a block may propose millions
    for key, positions in index.items():
        if len(positions) > 1:
            for i, j in _near_pairs(positions, block, days, None if key[0] == "doc" else NEIGHBOURS):
                if (code := i * len(block) + j) not in seen:
                    seen.add(code)
                    yield block[i], block[j]


def _near_pairs(positions: list[int], block: list[FigureFacts], days: list[int | None],
                most: int | None) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) of these positions within reach of each other, each with its ``most`` next in day
    order (figures without a day first, in position order; None: with every later one)."""
    ordered = sorted(positions, key=lambda p: (days[p] is not None, days[p] or 0, p))
    for x, p in enumerate(ordered):
        for q in ordered[x + 1 : None if most is None else x + 1 + most]:
            if days[p] is not None and days[q] - days[p] > REVISION_DAYS:
                break
            if within_reach(block[p], days[p], block[q], days[q]):
                yield (p, q) if p < q else (q, p)


class NewIndex:
    """The blocking keys of a chunk's new figures, to find the partners of older figures streaming
    past (``grouping.GroupStep.linked_groups``): per key the new figures in day order, of which an
    older figure meets the ``NEIGHBOURS`` nearest to its day on either side, as in ``candidate_pairs``."""

    def __init__(self, facts: Iterable[FigureFacts], weights: TermWeights):
        self.weights = weights
        buckets: dict[tuple, list[tuple[int, int, FigureFacts]]] = defaultdict(list)
        for fact in facts:
            if fact.family is not None:
                day = day_number(fact)
                for key in index_keys(fact, weights):
                    buckets[(fact.family, key)].append((NO_DAY if day is None else day, fact.id, fact))
        self.buckets = {key: sorted(members, key=lambda m: m[:2]) for key, members in buckets.items()}
        self.days = {key: [m[0] for m in members] for key, members in self.buckets.items()}

    def partners(self, old: FigureFacts) -> list[FigureFacts]:
        """New figures sharing a key with ``old`` near its day, whose days may match its (``within_reach``)."""
        day = day_number(old)
        found: dict[int, FigureFacts] = {}
        for key in index_keys(old, self.weights):
            members = self.buckets.get((old.family, key))
            if not members:
                continue
            if key[0] == "doc" or day is None:
                near = members if key[0] == "doc" else members[: 2 * NEIGHBOURS]
            else:
                at = bisect_left(self.days[(old.family, key)], day)
                near = members[max(0, at - NEIGHBOURS) : at + NEIGHBOURS]
            for new_day, _, new in near:
                if new.id not in found and within_reach(new, None if new_day == NO_DAY else new_day, old, day):
                    found[new.id] = new
        return list(found.values())


def apply_edits(groups: list[list[int]], edits: Iterable[Edit]) -> list[list[int]]:
    """Replay the user's merges and splits, in order, on automatic groups."""
    where = {fid: i for i, group in enumerate(groups) for fid in group}
    sets = [set(group) for group in groups]
    for edit in edits:
        present = [fid for fid in edit.figures if fid in where]
        if not present:
            continue
        if edit.kind == "merge":
            target = min(where[fid] for fid in present)
            for fid in present:
                source = where[fid]
                if source != target:
                    for moved in sets[source]:
                        where[moved] = target
                    sets[target] |= sets[source]
                    sets[source] = set()
        elif edit.kind == "split":
            new = len(sets)
            sets.append(set())
            for fid in present:
                sets[where[fid]].discard(fid)
                sets[new].add(fid)
                where[fid] = new
    return sorted((sorted(s) for s in sets if s), key=lambda g: g[0])
