"""The learned report-frame table and frame model (extract/report_frames.py, data/report_frames.json,
data/frame_model.json) and the script that builds them (scripts/train_report_frames.py). Invented sentences only: CI has no
PolNeAR, so the labelling is checked on a tiny made-up example."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from claimledger.extract.report_frames import (
    LISTED, MODEL_THRESHOLD, complements, frame_features, frame_model, frame_probability, frame_table,
)

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
    assert ("cite", "dobj") in table  # a frame of a verb the hand-listed cues never had


@pytest.mark.parametrize(("text", "content", "source"), [
    pytest.param("The senator cited the rising cost of housing on Monday.", "the rising cost of housing",
                 "The senator", id="object-frame"),
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


def test_the_shipped_model_loads_and_rates_a_listed_verbs_complements(nlp):
    """The model reads features the extractor computes; media speculating on a role rates above the
    threshold, a person recalled (an envoy called home) below it."""
    bias, weights, lemmas = frame_model()
    assert weights and all(isinstance(w, float) for w in weights.values())
    assert "recall" in LISTED and LISTED <= lemmas

    def rating(text: str, lemma: str, frame: str) -> float:
        parsed = nlp(text)
        verb = next(t for t in parsed if t.lemma_ == lemma)
        tokens = dict(complements(verb))[frame]
        assert f"lf={lemma}|{frame}" in frame_features(verb, frame, tokens)
        return frame_probability(verb, frame, tokens)

    assert rating("Recent media reports have speculated on the role that foreign troops will play in the operation.",
                  "speculate", "prep:on") >= MODEL_THRESHOLD
    assert rating("The government recalled its ambassador on Monday.", "recall", "dobj") < MODEL_THRESHOLD


@pytest.mark.parametrize(("text", "content", "source"), [
    pytest.param("Recent media reports have speculated on the role that foreign troops will play in the operation.",
                 "the role that foreign troops will play in the operation", "Recent media reports",
                 id="speculated-on"),
])
def test_the_model_reports_what_no_rule_or_table_frame_does(run, text, content, source):
    """A frame outside the table ('speculate on'), rated by the model (invented)."""
    assert_reported(reported(run(text)), content, source)


def test_the_model_never_rates_a_verb_no_cue_list_names(run):
    """'killed three fishermen in <a long place phrase>': a long complement with clauses of its own
    looks like a report to the model, but 'kill' is no cue (invented)."""
    text = ("The storm may have killed three fishermen in Dhaka, Bangladesh — a man from India who was found on "
            "the shore, and another man from Nepal who was reported missing — the first deaths from the storm in "
            "the city.")
    assert not any(source == "The storm" for _content, source, _kind in reported(run(text)))


def test_the_model_fit_on_an_invented_example(trainer):
    """fit_model writes a bias and rounded weights; a feature seen less than min_count is left out,
    and so are the lemmas of verbs the model never rates ('paint')."""
    examples = [(["lemma=say", "frame=ccomp"], True)] * 4 + [(["lemma=paint", "frame=dobj"], False)] * 4 \
        + [(["lemma=rare"], True)]
    model = trainer.fit_model(examples, 1.0, 2)
    assert model["weights"]["frame=ccomp"] > 0 > model["weights"]["frame=dobj"]
    assert model["weights"]["lemma=say"] > 0
    assert "lemma=rare" not in model["weights"] and "lemma=paint" not in model["weights"]


def test_the_verbs_the_model_rates_are_the_cues_and_frequent_reporting_verbs(trainer):
    """A verb no cue list names is rated when its complements are often reports and seldom beliefs
    ('criticize'), not when they seldom are ('paint') or are mostly beliefs ('hope')."""
    counts = Counter({("criticize", "dobj"): 12, ("paint", "dobj"): 20, ("hope", "ccomp"): 10})
    positives = Counter({("criticize", "dobj"): 6, ("paint", "dobj"): 1, ("hope", "ccomp"): 5})
    ignored = Counter({("hope", "ccomp"): 30})
    lemmas = trainer.rated_lemmas(counts, positives, ignored)
    assert "criticize" in lemmas and "say" in lemmas
    assert "paint" not in lemmas and "hope" not in lemmas
