"""schemathesis against the OpenAPI schema, in-process (ASGI): every operation, generated valid and
invalid input, with the write token, and every check it has (above all: no 5xx, ever)."""

from __future__ import annotations

from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from _live_server import copy_ledger
from claimledger.server import create_app
from claimledger import Ledger

from .conftest import TOKEN

EXAMPLES = 40  # per operation; POST /api/documents parses every valid example, so keep it modest
TRIED: Counter = Counter()  # operation -> cases sent (reported at the end of the run)
STATUSES: Counter = Counter()


class _NoLedgerYet:
    """Stands in until the fixture below opens the real ledger (the schema itself needs no database)."""

    def __getattr__(self, name):
        raise RuntimeError("the test ledger is not open")


# A small body limit, so generated bodies also meet the 413 path.
app = create_app(_NoLedgerYet(), token=TOKEN, max_body=16 * 1024)
# 413 is a documented answer to any body over the limit, valid or not: both data checks accept it.
# (Each list is schemathesis's default for the check, plus 413.)
CONFIG = SchemathesisConfig.from_dict({"checks": {
    "negative_data_rejection": {"expected-statuses": [
        "400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429", "5xx"]},
    "positive_data_acceptance": {"expected-statuses": ["2xx", "3xx", "401", "403", "404", "409", "413", "429", "5xx"]},
}})
schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=CONFIG)


@pytest.fixture(scope="module", autouse=True)
def real_ledger(ledger_file, tmp_path_factory):
    """The app's ledger: a private copy of the test ledger, open for the whole module."""
    db = copy_ledger(ledger_file, tmp_path_factory.mktemp("schemathesis") / "ledger.db")
    ledger = Ledger(db)
    app.state.settings.ledger = ledger
    try:
        yield ledger
    finally:
        app.state.settings.ledger = _NoLedgerYet()
        ledger.close()


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_and_never_fails(case):
    TRIED[case.operation.label] += 1  # unsupported-method probes count under their operation
    response = case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"})
    STATUSES[response.status_code] += 1
    assert response.status_code < 500
