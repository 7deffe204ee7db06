"""The analysis's grades, aliases and group edits, read and written (figure groups are read by
``analyze.group_reads``, entities by ``analyze.entity_queries``).

Why a module of its own: ``Ledger`` stays a thin face; the SQL that joins the analysis tables to
the claims lives next to the code that writes them. Every function takes an open connection.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import Connection, delete, func, insert, select, update

from ..errors import Rejected
from ..ledger.schema import (
    alias_rules, canonical_entities, canonical_names, figure_analysis, group_edits, outlets, source_grades,
)
from . import grades
from .aliases import AliasRule, normal_alias, rule_table
from .entities import NameUse, Resolver
from .resolve import user_rules
from .text import iso_time


# -- entities -----------------------------------------------------------------------------------------


def source_key(connection: Connection, source: str) -> tuple[str, str]:
    """(grade key, display name) for a source named by the user: a known entity, an outlet, or a new name."""
    ce, cn = canonical_entities, canonical_names
    text = " ".join(source.split())
    if not text:
        raise ValueError("the source name is empty")
    row = connection.execute(select(ce.c.key, ce.c.name).where(func.lower(ce.c.name) == text.lower(),
                                                              ~ce.c.key.like("unnamed:%"))
                             .order_by(ce.c.documents.desc(), ce.c.id).limit(1)).first()
    if row is None:
        row = connection.execute(select(ce.c.key, ce.c.name).join(cn, cn.c.canonical_id == ce.c.id)
                                 .where(cn.c.normal == normal_alias(text), cn.c.kind != "title",
                                        ~ce.c.key.like("unnamed:%"))
                                 .order_by(ce.c.documents.desc(), ce.c.id).limit(1)).first()
    if row is not None:
        return row.key, row.name
    rules = rule_table(user_rules(connection))
    parsed = Resolver(rules).parse(NameUse(text, None, frozenset(), outlet=_is_outlet(connection, text)))
    if parsed is None:
        raise ValueError(f"cannot grade {source!r}: no name in it")
    return parsed.key, parsed.name


def _is_outlet(connection: Connection, name: str) -> bool:
    return connection.scalar(select(outlets.c.id).where(func.lower(outlets.c.name) == name.lower())) is not None


def set_grade(connection: Connection, source: str, reliability: str) -> dict:
    grade = grades.check_reliability(reliability)
    key, name = source_key(connection, source)
    now = datetime.now(timezone.utc)
    sg = source_grades
    if connection.scalar(select(sg.c.id).where(sg.c.key == key)) is None:
        connection.execute(insert(sg).values(key=key, name=name, reliability=grade, updated_at=now))
    else:
        connection.execute(update(sg).where(sg.c.key == key).values(name=name, reliability=grade, updated_at=now))
    figures_ = connection.scalar(select(func.count()).select_from(figure_analysis).where(figure_analysis.c.source == key))
    return {"source": name, "key": key, "reliability": grade, "meaning": grades.RELIABILITY[grade], "figures": figures_}


def list_grades(connection: Connection) -> list[dict]:
    sg = source_grades
    return [{"source": r.name, "key": r.key, "reliability": r.reliability, "meaning": grades.RELIABILITY[r.reliability],
             "updated_at": iso_time(r.updated_at)} for r in connection.execute(select(sg).order_by(sg.c.name))]


# -- aliases ------------------------------------------------------------------------------------------


def add_aliases(connection: Connection, rules: list[AliasRule]) -> int:
    """Store user rules (a rule for an alias already present replaces it); returns how many."""
    now = datetime.now(timezone.utc)
    for rule in rules:
        connection.execute(delete(alias_rules).where(alias_rules.c.normal == rule.normal))
        connection.execute(insert(alias_rules).values(alias=rule.alias, normal=rule.normal, canonical=rule.canonical,
                                                      type=rule.type, side=rule.side, created_at=now))
    return len(rules)


def remove_alias(connection: Connection, alias: str) -> bool:
    result = connection.execute(delete(alias_rules).where(alias_rules.c.normal == normal_alias(alias)))
    return result.rowcount > 0


def list_aliases(connection: Connection) -> list[dict]:
    """The alias table in effect: the defaults, overridden by the user's rules."""
    table = rule_table(user_rules(connection))
    return [{"alias": r.alias, "canonical": r.canonical, "type": r.type, "side": r.side, "origin": r.origin}
            for r in sorted(table.values(), key=lambda r: (r.canonical.lower(), r.alias.lower()))]


# -- edits --------------------------------------------------------------------------------------------


def record_edit(connection: Connection, kind: str, figure_ids: list[int]) -> None:
    connection.execute(insert(group_edits).values(kind=kind, figures=json.dumps(sorted(set(figure_ids))),
                                                  created_at=datetime.now(timezone.utc)))


def members_of(connection: Connection, group_id: int) -> list[int] | None:
    fa = figure_analysis
    ids = list(connection.execute(select(fa.c.figure_id).where(fa.c.group_id == group_id)).scalars())
    return sorted(ids) or None


def require_group(connection: Connection, group_id: int) -> list[int]:
    members = members_of(connection, group_id)
    if members is None:
        raise Rejected(f"no figure group {group_id} (see 'claimledger contested --all' for group ids)")
    return members



# -- entity edits -------------------------------------------------------------------------------------
