"""extract() output follows the record format (docs/record-format.md) on real articles.

Every record has the required fields with the documented types and values, serialises to
JSON and back, and every quote, attribution and figure points into `text` by its offsets:
text[start:end] == item text. Checked on the example article and on 20 corpus documents.
"""

from __future__ import annotations

import json

import pytest

from claimledger import Record

from _bundled import RE3D, WIKINEWS, example_text, jsonl_rows

QUALIFIERS = {None, "almost", "about", "nearly", "more than", "at least", "up to", "over", "fewer than"}
CATEGORIES = {"casualties", "deaths", "injuries", "detained", "troops", "people", "equipment", "money",
              "percent", "duration", "distance", "events", "other"}
STANCES = {"asserts", "disputes", "denies"}


def corpus_documents() -> list[dict]:
    """20 documents, the same every run: two from each re3d file, twelve short Wikinews articles."""
    chosen: list[dict] = []
    for path in RE3D:
        chosen += sorted(jsonl_rows(path), key=lambda row: row["id"])[:2]
    rows = sorted(jsonl_rows(WIKINEWS), key=lambda row: row["id"])
    short = [row for row in rows if len(row["text"]) < 5000]
    step = len(short) // 12
    chosen += short[::step][:12]
    return chosen


DOCUMENTS = [pytest.param(example_text(), id="syrian-fighters-recruitment")] + [
    pytest.param(row["text"], id=row["id"]) for row in corpus_documents()
]


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def optional_str(value) -> bool:
    return value is None or isinstance(value, str)


def span_problems(kind: str, n: int, item: dict, text: str) -> list[str]:
    problems = []
    start, end = item.get("start"), item.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return [f"{kind}[{n}] offsets {start!r}:{end!r} outside the text"]
    if text[start:end] != item.get("text"):
        problems.append(f"{kind}[{n}] text {item.get('text')!r} != text[{start}:{end}] {text[start:end]!r}")
    return problems


def record_problems(data: dict, text: str) -> list[str]:
    """Everything in one record-format object that breaks the documented contract."""
    problems = []
    for key, kind in (("id", str), ("source", str), ("text", str), ("quotes", list), ("attributions", list),
                      ("figures", list), ("entities", list)):
        if not isinstance(data.get(key), kind):
            problems.append(f"{key} missing or not {kind.__name__}")
    if data.get("text") != text:
        problems.append("text is not the input text")
    for n, quote in enumerate(data.get("quotes", [])):
        problems += span_problems("quotes", n, quote, text)
        if quote.get("kind") not in {"direct", "indirect"}:
            problems.append(f"quotes[{n}] kind {quote.get('kind')!r}")
        for key in ("speaker", "speaker_title", "cue"):
            if key not in quote or not optional_str(quote[key]):
                problems.append(f"quotes[{n}] {key} {quote.get(key)!r}")
    for n, item in enumerate(data.get("attributions", [])):
        problems += span_problems("attributions", n, item, text)
        for key in ("source", "cue"):
            if key not in item or not optional_str(item[key]):
                problems.append(f"attributions[{n}] {key} {item.get(key)!r}")
    for n, figure in enumerate(data.get("figures", [])):
        problems += span_problems("figures", n, figure, text)
        low, high, vague = figure.get("low"), figure.get("high"), figure.get("vague")
        if not isinstance(vague, bool):
            problems.append(f"figures[{n}] vague {vague!r}")
        if not is_number(low) or not (is_number(high) or vague and high is None):
            problems.append(f"figures[{n}] low/high {low!r}/{high!r} ({figure.get('text')!r})")
        elif is_number(high) and high < low:
            problems.append(f"figures[{n}] high {high} < low {low} ({figure.get('text')!r})")
        if figure.get("qualifier") not in QUALIFIERS:
            problems.append(f"figures[{n}] qualifier {figure.get('qualifier')!r}")
        if figure.get("category") not in CATEGORIES:
            problems.append(f"figures[{n}] category {figure.get('category')!r}")
        if figure.get("stance") not in STANCES:
            problems.append(f"figures[{n}] stance {figure.get('stance')!r}")
        for key in ("unit", "subject", "period", "claimant"):
            if key not in figure or not optional_str(figure[key]):
                problems.append(f"figures[{n}] {key} {figure.get(key)!r}")
    for n, entity in enumerate(data.get("entities", [])):
        if not isinstance(entity.get("name"), str) or not entity["name"] or not isinstance(entity.get("label"), str):
            problems.append(f"entities[{n}] name/label {entity.get('name')!r}/{entity.get('label')!r}")
        for key in ("aliases", "titles"):
            if not isinstance(entity.get(key), list) or not all(isinstance(v, str) for v in entity[key]):
                problems.append(f"entities[{n}] {key} {entity.get(key)!r}")
    return problems


@pytest.mark.parametrize("text", DOCUMENTS)
def test_record_follows_the_format(run, text):
    record = run(text)
    data = json.loads(json.dumps(record.to_dict(), ensure_ascii=False))
    problems = record_problems(data, text)
    assert not problems, "\n".join(problems)
    assert Record.from_dict(data).to_dict() == data
