"""Fuzzing the extractors: any text gives a record whose every claim lies inside the text, never a crash.

The spaCy pipeline (quotes, attributions, figures, entities) runs on random unicode, real articles
cut and spliced with quote marks, numbers and junk, huge lines and NUL characters; the pure helpers
(quote-mark spans, number values) get many more inputs since they are cheap.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimledger.extract.marks import double_quote_spans, quote_spans, single_quote_spans
from claimledger.extract.numbers import digit_value
from claimledger.nlp import claims_from_doc, load_nlp
from claimledger.pipeline import extract_documents
from claimledger.records import Document

from _bundled import WIKINEWS, jsonl_rows

from ._budget import count, fuzz_settings, scaled

ROWS = jsonl_rows(WIKINEWS)
SENTENCES = [s.strip() + "." for row in ROWS[:80] for s in row["text"].split(".") if 20 < len(s) < 300]
MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "‟", "`", "``", "''", "—", ":", "\n\n", "\n", " said ",
         " told reporters ", " according to ", "(", ")"]
NUMBERS = ["12,000", "1.5 million", "a million", "3-4", "300 to 400", "$2bn", "40%", "½", "٣٤", "1e9", "10^12",
           "-7", "0", "9" * 40, "1,2,3,4", "twenty-five", "dozens", "hundreds of thousands", "Ⅻ", "１２３"]

junk = st.text(st.characters(codec="utf-8"), max_size=40)


@st.composite
def news_like(draw) -> str:
    """Real sentences with quote marks, numbers, speech cues and junk spliced between and inside them."""
    parts = []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.integers(0, 5))
        if kind <= 1:
            parts.append(draw(st.sampled_from(SENTENCES)))
        elif kind == 2:
            parts.append(draw(st.sampled_from(MARKS)))
        elif kind == 3:
            parts.append(draw(st.sampled_from(NUMBERS)))
        elif kind == 4:
            parts.append(draw(junk))
        else:
            sentence = draw(st.sampled_from(SENTENCES))
            at = draw(st.integers(0, len(sentence)))
            parts.append(sentence[:at] + draw(st.sampled_from(MARKS)) + sentence[at:])
    return draw(st.sampled_from([" ", "", "\n", "\n\n"])).join(parts)


texts = st.one_of(
    news_like(),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "replace").decode("utf-8")),  # no lone surrogates
    st.text(st.sampled_from("\"“”‘’'«» .,:;\n-—()[]0123456789saidtoldSaid"), max_size=300),
    news_like().map(lambda t: t.replace(" ", "\x00", 3)),
)


def check_record(text: str, record) -> None:
    """Every claim's offsets lie inside the text and its text is that slice (what the ledger stores)."""
    assert record.text == text
    for kind, items in (("quote", record.quotes), ("attribution", record.attributions), ("figure", record.figures)):
        for item in items:
            assert isinstance(item.start, int) and isinstance(item.end, int), (kind, item)
            assert 0 <= item.start <= item.end <= len(text), (kind, item, len(text))
            assert text[item.start:item.end] == item.text, (kind, item)
    for entity in record.entities:
        assert isinstance(entity.name, str) and entity.name and isinstance(entity.label, str)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def extract_all(text: str):
    (pair,) = extract_documents([Document(id="fuzz", text=text, source="fuzz")])
    return pair[1]


@fuzz_settings(ci=120, full=1500)
@given(texts)
def test_pipeline_on_generated_text(nlp, text):
    count("fuzz inputs")
    check_record(text, extract_all(text))


HUGE = scaled(30_000, 150_000)  # characters; spaCy parses ~15,000 a second here
RUN = 500  # characters without a space in the one-character lines


@fuzz_settings(ci=4, full=25)
@given(st.sampled_from(SENTENCES), st.sampled_from(["", " ", "\n", '"', "1", ","]),
       st.sampled_from(["", "x", "“", "\x00", "9"]))
def test_pipeline_on_huge_lines(nlp, sentence, joiner, filler):
    """One enormous line (no newline in it unless the joiner is one) of repeated text or of one character.

    The one-character lines are cut into "words" of RUN characters: spaCy's tokenizer is quadratic
    in the length of a run of punctuation without spaces (8,000 quote marks in a row take ~10 s to
    tokenize, 150,000 about an hour), a limit of spaCy itself, not of the extractors.
    """
    count("fuzz inputs")
    if filler == "":
        text = joiner.join([sentence] * (HUGE // len(sentence) + 1))[:HUGE]
    else:
        text = ((filler * RUN + " ") * (HUGE // RUN + 1))[:HUGE]
    check_record(text, extract_all(text))


@fuzz_settings(ci=60, full=700)
@given(st.lists(texts, min_size=1, max_size=8))
def test_components_one_by_one_in_a_batch(nlp, batch):
    """Several documents through nlp.pipe together: each component's output stays inside its own text."""
    count("fuzz inputs", len(batch))
    for text, doc in zip(batch, nlp.pipe(batch, batch_size=4)):
        claims = claims_from_doc(doc)
        for item in (*claims["quotes"], *claims["attributions"], *claims["figures"]):
            assert 0 <= item["start"] <= item["end"] <= len(text) and text[item["start"]:item["end"]] == item["text"], item
        for tally in claims["tallies"]:
            for claim in tally["claims"]:
                assert all(0 <= start < end <= len(text) for start, end in claim["spans"]), tally


@fuzz_settings(ci=400, full=2500)
@given(st.one_of(news_like(), st.text(st.sampled_from("\"“”‘’'«»„ a.\n"), max_size=200), st.text(max_size=200)))
def test_quote_mark_spans(text):
    count("fuzz inputs")
    spans = quote_spans(text)
    doubles = double_quote_spans(text)
    singles = single_quote_spans(text, doubles)
    for start, end in (*spans, *doubles, *singles):
        assert 0 <= start <= end <= len(text)


@fuzz_settings(ci=300, full=1500)
@given(st.one_of(st.sampled_from(NUMBERS), st.text(st.sampled_from("0123456789,.-+e½٣１ "), max_size=40),
                 st.text(max_size=30)))
def test_digit_value(text):
    count("fuzz inputs")
    value = digit_value(text)
    assert value is None or isinstance(value, float | int)
