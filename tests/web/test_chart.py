"""A figure group as an SVG chart: every claim drawn, every ledger string escaped, scales that fit."""

from __future__ import annotations

import pytest

from claimledger.records import value_text
from claimledger.web.chart import Scale, group_chart, number

# The example article's contest: almost 12,000 casualties (Ukrainian news sources), about 500 (the Russians)
EXAMPLE_GROUP = {"subject": "casualties", "low": 500, "best": 500, "high": 12000, "figures": [
    {"claimant": "Ukrainian news sources", "low": 12000, "high": 12000, "qualifier": "almost"},
    {"claimant": "The Russians", "low": 500, "high": 500, "qualifier": "just about"},
]}


def test_chart_escapes_claimants_and_draws_each_claim():
    group = {"subject": "<deaths>", "low": 10, "best": 10, "high": 300, "figures": [
        {"claimant": '<script>alert("c")</script>', "low": 10, "high": 10, "qualifier": None},
        {"claimant": "Ministry", "low": 200, "high": 300, "qualifier": None},
        {"claimant": "Monitor", "low": 150, "high": 150, "qualifier": "more than"},
        {"claimant": "No value", "low": None, "high": None},
    ]}
    svg = str(group_chart(group))
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&lt;deaths&gt;" in svg
    assert svg.count('<g class="claim"') == 3
    assert 'class="range"' in svg and 'class="bound"' in svg and "low = best" in svg
    assert group_chart({"figures": []}) == ""


def test_the_example_contest_draws_one_row_per_claimant_on_a_log_scale():
    svg = str(group_chart(EXAMPLE_GROUP))
    assert svg.count('<g class="claim"') == 2
    assert 'data-claimant="Ukrainian news sources"' in svg and "almost 12,000" in svg
    assert "low = best" in svg and ">high<" in svg
    assert "Each claimant&#39;s value for casualties" in svg


@pytest.mark.parametrize("values, log", [([500, 12000], False), ([4, 12000], True), ([0, 0], False)])
def test_scale_turns_logarithmic_only_past_two_decades(values, log):
    scale = Scale(values, 100, 600)
    assert scale.log is log
    assert scale(min(values)) <= scale(max(values))
    assert 100 <= scale(max(values)) <= 600
    ticks = scale.ticks()
    assert ticks == sorted(ticks) and len(ticks) >= 2


def test_numbers_print_as_the_record_format_writes_them():
    assert number(12000.0) == "12,000" and number(2.5) == "2.5" and number(None) == "?"
    assert value_text({"low": 200, "high": 300, "qualifier": None}) == "200 – 300"
    assert value_text({"low": 12000, "high": 12000, "qualifier": "almost"}) == "almost 12,000"
