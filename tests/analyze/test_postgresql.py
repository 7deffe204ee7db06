"""The analysis on PostgreSQL: the same groups, contest and exports as on SQLite."""

from __future__ import annotations

import io
import json

from claimledger import Ledger

from .conftest import CORPUS_KEYS
from .test_run import multi_groups, stored_pairs


def test_the_analysis_answers_the_same_on_postgresql(corpus, postgres_url):
    pairs = stored_pairs(corpus, ["syrian-fighters-recruitment", *CORPUS_KEYS])
    with Ledger(postgres_url) as pg:
        pg.add(pairs[:9])
        assert pg.analyze().documents == 9
        pg.add(pairs[9:])
        assert pg.analyze().documents == len(pairs) - 9
        assert multi_groups(pg) == multi_groups(corpus)
        strip = lambda groups: [{k: v for k, v in g.items() if k not in ("id", "figures", "first_seen", "last_seen")}  # noqa: E731
                                for g in groups]
        assert strip(pg.contested()) == strip(corpus.contested())
        assert [e["name"] for e in pg.merged_entities(limit=10)] == [e["name"] for e in corpus.merged_entities(limit=10)]
        incidents = lambda ledger: sorted((i["what"] or "", i["place"] or "", i["first"] or "", len(i["reports"]),  # noqa: E731
                                           len(i["tallies"]), len(i["groups"])) for i in ledger.incidents(limit=500))
        assert incidents(pg) == incidents(corpus) and pg.incidents(place="samoa")
        assert pg.grade("the Pentagon", "B")["source"] == "US Department of Defense"
        out = io.StringIO()
        pg.export("claimreview", out)
        assert {r["itemReviewed"]["author"]["name"] for r in json.loads(out.getvalue())} >= {"US Department of Defense"}
        group = pg.contested()[0]
        kept, apart = pg.split(group["id"], [group["figures"][-1]["id"]])
        assert pg.analyze(full=True).full
        assert len(pg.group(kept["id"])["figures"]) == len(group["figures"]) - 1
