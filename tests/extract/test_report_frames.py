"""The learned report-frame table (extract/report_frames.py, data/report_frames.json) and the
script that builds it (scripts/train_report_frames.py). Invented sentences only: CI has no
PolNeAR, so the labelling is checked on a tiny made-up example."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from claimledger.extract.report_frames import complements, frame_table

from .support import assert_reported, reported

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train_report_frames.py"


@pytest.fixture(scope="module")
def trainer():
    """The training script as a module (it is a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("train_report_frames", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_table_loads_with_its_counts():
    table = frame_table()
    assert len(table) >= 20
    assert all(0 < positives <= total for positives, total in table.values())
    assert ("reject", "dobj") in table  # a frame the hand-listed cues never had


@pytest.mark.parametrize(("text", "content", "source"), [
    pytest.param("The senator rejected the new tax plan on Monday.", "the new tax plan", "The senator",
                 id="object-frame"),
    pytest.param("The consultant advised the board on the proposed merger.", "the proposed merger",
                 "The consultant", id="preposition-frame"),
])
def test_a_learned_frame_reports_its_complement(run, text, content, source):
    """A verb whose (lemma, frame) the table lists reports that complement, credited to its subject."""
    assert_reported(reported(run(text)), content, source)


@pytest.mark.parametrize("text", [
    "The senator painted the old fence on Monday.",  # no frame of 'paint' is learned
    "The senator did not reject the new tax plan.",  # negated: nothing reported
    "I rejected the new tax plan on Monday.",  # the author's own voice
])
def test_no_statement_without_a_learned_frame(run, text):
    assert reported(run(text)) == []


def test_a_statement_inside_another_is_not_reported_twice(run):
    """'X said Y rejected Z': the rejecting is part of what X said."""
    items = reported(run("The governor said the council rejected the new tax plan on Monday."))
    assert [content for content, _source, _cue in items] == ["the council rejected the new tax plan on Monday"]


def test_complements_name_their_frames(nlp):
    parsed = nlp("The minister warned of the dangers and cited the tax as a reason.")
    frames = {name: " ".join(t.text for t in tokens) for verb in parsed for name, tokens in complements(verb)}
    assert frames["prep:of"] == "the dangers"
    assert frames["dobj"] == "the tax as a reason"


def test_the_labelling_counts_an_invented_example(nlp, trainer):
    """Positive when a gold statement covers the complement, skipped inside an ignore span,
    negative otherwise."""
    text = "The minister rejected the proposal. The dog chased the ball. The aide asked for the file."
    gold = {
        "reported": [{"start": text.index("the proposal"), "end": text.index("the proposal") + 12}],
        "ignore": [{"start": text.index("the file"), "end": text.index("the file") + 8}],
        "direct_quotes": [],
    }
    counts, positives = Counter(), Counter()
    trainer.count_doc(nlp(text), gold, counts, positives)
    assert (counts[("reject", "dobj")], positives[("reject", "dobj")]) == (1, 1)
    assert (counts[("chase", "dobj")], positives[("chase", "dobj")]) == (1, 0)
    assert counts[("ask", "prep:for")] == 0  # inside an ignore span: neither right nor wrong


def test_the_scorer_overlap_and_thresholds(trainer):
    assert trainer.label((0, 10), [(0, 10)], []) is True
    assert trainer.label((0, 10), [(0, 4)], []) is False  # overlap 0.4 < 0.5
    assert trainer.label((0, 10), [(0, 10)], [(0, 6)]) is None
    counts, positives = Counter({("a", "dobj"): 10, ("b", "dobj"): 10, ("c", "dobj"): 2}), \
        Counter({("a", "dobj"): 6, ("b", "dobj"): 4, ("c", "dobj"): 2})
    assert [row["lemma"] for row in trainer.table(counts, positives, 5, 0.5)] == ["a"]
