"""Figure groups, the analysis step that groups figures and judges each group.

Why a module of its own: grouping is the one step that also runs on its own (after a user's merge
or split, ``run.regroup``); it gets what it needs as arguments (the new figures' facts, the groups
they touch, the entity ids this run resolved) and writes the groups with their members' rows.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import Connection, bindparam, delete, func, insert, or_, select, update

from ..ledger.schema import (
    canonical_entities, canonical_names, document_analysis, documents, figure_analysis, figure_groups, group_edits,
    group_estimates, outlets, term_counts,
)
from . import contest, corroboration, grades
from .aliases import normal_alias
from .clusters import Edit, NewIndex, apply_edits, cluster, day_number, reach
from .figures import FigureFacts, conflict
from .terms import TermWeights
from .incidents import evidence
from .text import fold
from .tx import PAGE, Tx, batched, chunks

MOST_SPANS = 40  # day spans one query for nearby figures names at most (see day_spans)


@dataclass
class DocInfo:
    """What group statistics need of a document."""

    id: int
    key: str
    outlet: str | None
    seen: str | None
    date: str | None
    story: int


class GroupStep(Tx):
    """Groups figures inside the analysis's transaction. ``entity_ids_known``: the canonical ids this
    run resolved (others are looked up); ``touched`` collects claimant entities to recount."""

    def __init__(self, connection: Connection, entity_ids_known: dict[str, int] | None = None,
                 touched: set[int] | None = None):
        super().__init__(connection)
        self.entity_ids_known = dict(entity_ids_known or {})
        self.touched: set[int] = touched if touched is not None else set()

    def weights(self, terms: Iterable[str]) -> TermWeights:
        """Rarity weights of these terms over the analysed documents."""
        t = term_counts
        counts = dict(self.rows_in(lambda part: select(t.c.term, t.c.documents).where(t.c.term.in_(part)), terms))
        n = self.c.scalar(select(func.count()).select_from(document_analysis))
        return TermWeights(counts, n)

    def doc_info(self, ids: Iterable[int]) -> dict[int, DocInfo]:
        d, da = documents, document_analysis
        rows = self.rows_in(lambda part: (
            select(d.c.id, d.c.key, outlets.c.name.label("outlet"), da.c.seen, da.c.date, da.c.story_id)
            .select_from(d.join(da, da.c.document_id == d.c.id).outerjoin(outlets, outlets.c.id == d.c.outlet_id))
            .where(d.c.id.in_(part))), ids)
        return {r.id: DocInfo(r.id, r.key, r.outlet, r.seen, r.date, r.story_id) for r in rows}

    def regroup(self, new_facts: list[FigureFacts], affected: set[int]) -> dict[int, bool]:
        """Group the new figures with those they link to, recompute the affected groups; returns
        {group id: contested} of the groups written."""
        fa = figure_analysis
        facts: dict[int, FigureFacts] = {f.id: f for f in new_facts}
        affected |= self.linked_groups(new_facts)
        edits = [Edit(r.kind, tuple(json.loads(r.figures))) for r in
                 self.c.execute(select(group_edits).order_by(group_edits.c.id))]
        # Close over the user's edits: a merge reaching into another group brings that group along.
        while True:
            members = self.group_members(affected)
            subset = set(facts) | set(members)
            extra = set()
            for edit in edits:
                if subset & set(edit.figures):
                    extra |= set(self.scalars(select(fa.c.group_id).distinct().where(fa.c.figure_id.in_(edit.figures))))
            if extra <= affected:
                break
            affected |= extra
        existing = {}
        for part in chunks([fid for fid in members if fid not in facts]):
            for row in self.c.execute(select(fa.c.figure_id, fa.c.features).where(fa.c.figure_id.in_(part))):
                existing[row.figure_id] = FigureFacts.from_json(row.features)
        subset_facts = [facts.get(fid) or existing[fid] for fid in sorted(subset) if fid in facts or fid in existing]
        if not subset_facts:
            self.drop_groups(affected)
            return {}
        places = self.document_places({f.document for f in subset_facts})
        weights = self.weights({t for f in subset_facts for t in f.terms})
        automatic = cluster(subset_facts, weights, places)
        groups = apply_edits(automatic, edits)
        unchanged = {tuple(g) for g in automatic}
        edited = {fid for g in groups if tuple(g) not in unchanged for fid in g}
        self.drop_groups(affected)
        return self.write_groups(groups, {f.id: f for f in subset_facts}, set(facts), edited)

    def linked_groups(self, new_facts: list[FigureFacts]) -> set[int]:
        """The groups of older figures that a new figure links to (shares a blocking key with, without a
        conflict, with some evidence). Only the older figures whose family and day a new figure could
        match are read (``reachable``), a page at a time, past an index of the new figures' keys; only
        the pairs sharing a key are scored, and nothing older is kept."""
        fa = figure_analysis
        blocked = [f for f in new_facts if f.family is not None]
        if not blocked:
            return set()
        loaded = {t for f in blocked for t in f.terms}
        weights = self.weights(loaded)
        index = NewIndex(blocked, weights)
        new_places = self.document_places({f.document for f in blocked})
        linked: set[int] = set()
        for page in batched(self.reachable(blocked), PAGE):
            ids = [figure_id for figure_id, group_id in page if group_id not in linked]
            olds = [(row.group_id, FigureFacts.from_json(row.features)) for row in self.rows_in(
                lambda part: select(fa.c.group_id, fa.c.features).where(fa.c.figure_id.in_(part)), ids)]
            places = {**new_places, **self.document_places({old.document for _, old in olds})}
            self.load_weights(weights, loaded, {t for _, old in olds for t in old.terms})
            for group_id, old in olds:
                if group_id not in linked and any(conflict(new, old, places) is None and evidence(new, old, weights) > 0
                                                  for new in index.partners(old)):
                    linked.add(group_id)
        return linked

    def reachable(self, facts: list[FigureFacts]) -> list[tuple[int, int]]:
        """(figure id, group id) of the analysed figures of these figures' families whose days are within
        reach of one of theirs (``clusters.reach``; a figure without a day is within reach of any), by the
        (family, day) index: a chunk of new documents reads the figures of nearby days, not the ledger."""
        fa = figure_analysis
        by_family: dict[str, list[FigureFacts]] = defaultdict(list)
        for fact in facts:
            by_family[fact.family].append(fact)
        found = []
        for family, members in sorted(by_family.items()):
            days = [day_number(f) for f in members]
            where = fa.c.family == family
            if None not in days:
                spans = day_spans(days, reach(members[0]))
                where = where & or_(fa.c.day.is_(None), *(fa.c.day.between(low, high) for low, high in spans))
            found += [(r.figure_id, r.group_id) for r in self.c.execute(select(fa.c.figure_id, fa.c.group_id).where(where))]
        return sorted(found)

    def load_weights(self, weights: TermWeights, loaded: set[str], terms: set[str]) -> None:
        """Add the document counts of terms not loaded yet to ``weights``."""
        t = term_counts
        missing = terms - loaded
        weights.counts.update(self.rows_in(lambda part: select(t.c.term, t.c.documents).where(t.c.term.in_(part)),
                                           missing))
        loaded |= missing

    def group_members(self, groups: set[int]) -> dict[int, int]:
        fa = figure_analysis
        rows = self.rows_in(lambda part: select(fa.c.figure_id, fa.c.group_id).where(fa.c.group_id.in_(part)), groups)
        return {r.figure_id: r.group_id for r in rows}

    def document_places(self, doc_ids: Iterable[int]) -> dict[int, set[str]]:
        da = document_analysis
        rows = self.rows_in(lambda part: select(da.c.document_id, da.c.places).where(da.c.document_id.in_(part)), doc_ids)
        return {r.document_id: set(json.loads(r.places)) for r in rows}

    def drop_groups(self, groups: set[int]) -> None:
        for part in chunks(sorted(groups)):
            self.c.execute(delete(group_estimates).where(group_estimates.c.group_id.in_(part)))
            self.c.execute(delete(figure_groups).where(figure_groups.c.id.in_(part)))

    def write_groups(self, groups: list[list[int]], facts: dict[int, FigureFacts], new: set[int],
                     edited: set[int]) -> dict[int, bool]:
        """Statistics, contest and corroboration of each group, written with its members' rows."""
        info = self.doc_info({f.document for f in facts.values()})
        info.update(self.doc_info({i.story for i in info.values()} - set(info)))
        ids = dict(self.entity_ids_known)
        missing_keys = {f.claimant for f in facts.values() if f.claimant and f.claimant not in ids}
        ids.update(self.entity_ids(missing_keys))
        outlet_keys = self.outlet_keys({i.outlet for i in info.values() if i.outlet})
        names = self.entity_names({f.claimant for f in facts.values() if f.claimant}
                                  | {k for f in facts.values() for k in f.places})
        written: dict[int, bool] = {}
        group_rows, estimate_rows, new_rows, updates = [], [], [], []
        for ids_ in groups:
            members = [facts[i] for i in ids_]
            claims = in_one_unit([self.claim(f, info) for f in members], members)
            verdict = contest.judge(claims)
            gid = ids_[0]
            written[gid] = verdict.contested
            seen = sorted(info[f.document].seen or "" for f in members if info[f.document].seen)
            group_rows.append({
                "id": gid, "category": verdict.category, "subject": _subject(members), "period": _period(members),
                "place": _place(members, names), "contested": verdict.contested, "low": verdict.low,
                "best": verdict.best, "high": verdict.high, "figures": len(members),
                "claimants": len({c.claimant for c in claims}), "documents": len({f.document for f in members}),
                "first_seen": seen[0] if seen else None, "last_seen": seen[-1] if seen else None,
                "edited": bool(edited & set(ids_)),
            })
            estimate_rows += [{"group_id": gid, "category": e.category, "contested": e.contested, "low": e.low,
                               "best": e.best, "high": e.high, "figures": e.figures} for e in verdict.estimates]
            listed = contest.listed_ranks(claims, verdict)
            for fact, claim in zip(members, claims):
                values = self.corroborate(fact, claim, members, claims, info)
                source = fact.claimant or outlet_keys.get(info[fact.document].outlet) or f"document:{fact.document}"
                values.update(group_id=gid, source=source, listed=listed.get(fact.id))
                if fact.id in new:
                    new_rows.append({"figure_id": fact.id, "document_id": fact.document, "family": fact.family,
                                     "measure": fact.measure, "claimant_id": ids.get(fact.claimant),
                                     "features": fact.to_json(), "day": day_number(fact), **values})
                else:
                    updates.append({"i": fact.id, **values})
        for part in chunks(group_rows):
            self.c.execute(insert(figure_groups), part)
        for part in chunks(estimate_rows):
            self.c.execute(insert(group_estimates), part)
        for part in chunks(new_rows):
            self.c.execute(insert(figure_analysis), part)
        if updates:
            columns = [k for k in updates[0] if k != "i"]
            self.c.execute(update(figure_analysis).where(figure_analysis.c.figure_id == bindparam("i"))
                           .values(**{k: bindparam(k) for k in columns}), updates)
        self.touched |= {r["claimant_id"] for r in new_rows if r["claimant_id"]}
        return written

    def claim(self, fact: FigureFacts, info: dict[int, DocInfo]) -> contest.Claim:
        """The figure as the contest rule sees it; an unattributed figure is its story's outlet's claim."""
        doc = info[fact.document]
        story = info.get(doc.story, doc)
        claimant = fact.claimant or (f"outlet:{fold(story.outlet)}" if story.outlet else f"document:{story.id}")
        return contest.Claim(fact.id, fact.measure, fact.low, fact.high, fact.qualifier, claimant, fact.stance,
                             fact.vague, fact.date or doc.date, (doc.seen or "", doc.id, fact.id), fact.day, fact.document,
                             fold(doc.outlet) if doc.outlet else None)

    @staticmethod
    def corroborate(fact: FigureFacts, claim: contest.Claim, members: list[FigureFacts], claims: list[contest.Claim],
                    info: dict[int, DocInfo]) -> dict:
        same = [(f, c) for f, c in zip(members, claims)
                if c.claimant == claim.claimant and c.measure == claim.measure and claim.counts and c.counts
                and not _apart(c, claim)] or [(fact, claim)]
        stories = [info[f.document].story for f, _ in same]
        outlets_ = corroboration.independent_outlets(stories, {s: info[s].outlet if s in info else None for s in stories})
        peers = [c for c in claims if c.measure == claim.measure]
        agree = len({c.claimant for c in peers if contest.agree(claim, c)})
        disagree = len({c.claimant for c in peers if contest.disagree(claim, c)})
        first, _ = min(same, key=lambda item: (info[item[0].document].seen or "", item[0].document, item[0].id))
        judgeable = claim.counts and not claim.vague
        value = grades.credibility(grades.Corroboration(agree, disagree, outlets_, judgeable))
        return {"outlets": outlets_, "agree": agree, "disagree": disagree, "credibility": value,
                "first_document_id": first.document, "first_seen": info[first.document].seen}

    def entity_ids(self, keys: set[str]) -> dict[str, int]:
        ce = canonical_entities
        return dict(self.rows_in(lambda part: select(ce.c.key, ce.c.id).where(ce.c.key.in_(part)), keys))

    def entity_names(self, keys: set[str]) -> dict[str, str]:
        ce = canonical_entities
        return dict(self.rows_in(lambda part: select(ce.c.key, ce.c.name).where(ce.c.key.in_(part)), keys))

    def outlet_keys(self, names: set[str]) -> dict[str, str]:
        """The canonical entity key each outlet name resolved to (for grades)."""
        cn, ce = canonical_names, canonical_entities
        found = {}
        for name in names:
            key = self.c.scalar(select(ce.c.key).where(ce.c.name == name, ce.c.type == "outlet").limit(1)) or \
                self.c.scalar(select(ce.c.key).join(cn, cn.c.canonical_id == ce.c.id)
                              .where(cn.c.normal == normal_alias(name)).order_by(ce.c.id).limit(1))
            found[name] = key or f"outlet:{normal_alias(name)}"
        return found


def day_spans(days: list[int], reach_: int, most: int = MOST_SPANS) -> list[tuple[int, int]]:
    """The days within ``reach_`` of these days as a few (low, high) spans: overlapping ones joined, and
    all of them one span when there would be more than ``most`` (a query's conditions stay few)."""
    spans: list[list[int]] = []
    for day in sorted(set(days)):
        if spans and day - reach_ <= spans[-1][1] + 1:
            spans[-1][1] = day + reach_
        else:
            spans.append([day - reach_, day + reach_])
    if len(spans) > most:
        spans = [[spans[0][0], spans[-1][1]]]
    return [(low, high) for low, high in spans]


def _apart(a: contest.Claim, b: contest.Claim) -> bool:
    (a_low, a_high), (b_low, b_high) = contest.interval(a), contest.interval(b)
    return a_high < b_low or b_high < a_low


def _subject(members: list[FigureFacts]) -> str | None:
    """The most specific subject among the figures (most sides, then most words, then first)."""
    best = _subject_member(members)
    return best.subject if best is not None else None


def _subject_member(members: list[FigureFacts]) -> FigureFacts | None:
    subjects = [f for f in members if f.subject]
    return max(subjects, key=lambda f: (len(f.sides), len(f.subject.split()), -f.id)) if subjects else None


def in_one_unit(claims: list[contest.Claim], members: list[FigureFacts]) -> list[contest.Claim]:
    """A group that gives one quantity in several units ('1 au (150 million km, 93 million miles)')
    has its claims restated in one unit, so the contest compares like with like (raw, 1 and 150
    million "disagree") and low/best/high read in one unit: the unit of the figure whose subject
    the group shows, else the one most of its figures use."""
    scaled = [f for f in members if f.scale]
    if len({f.unit for f in scaled}) < 2:
        return claims
    shown = _subject_member(members)
    if shown is not None and shown.scale:
        unit, scale, dimension = shown.unit, shown.scale, shown.dimension
    else:
        unit, scale, dimension = Counter((f.unit, f.scale, f.dimension) for f in scaled).most_common(1)[0][0]
    out = []
    for claim, fact in zip(claims, members):
        if fact.scale and fact.dimension == dimension and fact.unit != unit:
            ratio = fact.scale / scale
            claim = replace(claim, low=None if claim.low is None else claim.low * ratio,
                            high=None if claim.high is None else claim.high * ratio)
        out.append(claim)
    return out


def _period(members: list[FigureFacts]) -> str | None:
    """The days the figures refer to (ISO day or interval), else their most common period phrase."""
    days = sorted({f.day or f.date for f in members if f.day or f.date}, key=lambda d: d.lstrip("-"))
    if days:
        return days[0] if len(days) == 1 else f"{days[0]}/{days[-1]}"
    phrases = Counter(f.period for f in members if f.period)
    if not phrases:
        return None
    first = {f.period: f.id for f in sorted(members, key=lambda f: -f.id) if f.period}
    return max(phrases, key=lambda p: (phrases[p], -first[p]))


def _place(members: list[FigureFacts], names: dict[str, str]) -> str | None:
    counts = Counter(key for f in members for key in f.places)
    if not counts:
        return None
    key = max(counts, key=lambda k: (counts[k], k))
    return names.get(key, key.split(":", 1)[-1])


