"""The claim tables store every field of the record types: the record is the one declaration."""

from __future__ import annotations

import pytest

from claimledger.ledger.writer import CLAIMS
from claimledger.records import field_names


@pytest.mark.parametrize("table, name, record_type", CLAIMS, ids=[name for _, name, _ in CLAIMS])
def test_every_record_field_has_a_column(table, name, record_type):
    missing = [field for field in field_names(record_type) if field not in table.c]
    assert not missing, f"{name}: add a migration and a column for {missing}"
