"""Reading what ``claimledger evaluate`` scores: prediction JSONL and gold annotation files.

Kept apart from the scoring so each half reads in one sitting. Every problem with an input is one
``InputError`` naming the file and line, never a traceback; JSONL is split on "\\n" only, since
texts may hold U+2028 or U+0085, which ``str.splitlines`` would split inside a JSON string.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import InputError

GOLD_SUFFIX = ".gold.json"
GOLD_SECTIONS = ("direct_quotes", "reported", "figures")
NAME_FIELDS = {"direct_quotes": "speaker", "reported": "source", "figures": "claimant"}
PREDICTION_SECTIONS = ("quotes", "attributions", "figures")


def load_predictions(path: str | Path) -> list[dict[str, Any]]:
    """Read extraction JSONL, naming the file and line of anything the scorer cannot use."""
    path = Path(path)
    try:
        # "\n" only: str.splitlines would also split at U+2028 or U+0085 inside a JSON string
        lines = path.read_text(encoding="utf-8").split("\n")
    except FileNotFoundError:
        raise InputError(str(path), "prediction file not found") from None
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read prediction file: {exc.strerror}") from None
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"not valid JSON: {exc.msg} at column {exc.colno}", number) from None
        problem = record_problem(record)
        if problem:
            raise InputError(str(path), problem, number)
        records.append(record)
    return records


def record_problem(record: Any) -> str | None:
    """Say what makes a prediction unusable (None when it is fine), so errors are specific."""
    if not isinstance(record, dict):
        return f"expected a JSON object per line, got {type(record).__name__}"
    if not isinstance(record.get("id"), (str, int)) or isinstance(record.get("id"), bool):
        return 'record has no "id" (a string naming the document)'
    for section in PREDICTION_SECTIONS:
        items = record.get(section, [])
        if not isinstance(items, list):
            return f'"{section}" must be a list, got {type(items).__name__}'
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                return f'"{section}"[{index}] must be an object'
            for key in ("start", "end"):
                if not is_number(item.get(key)):
                    return f'"{section}"[{index}] has no numeric "{key}"'
    return None


def is_number(value: Any) -> bool:
    """True for ints and floats but not booleans, which JSON keeps distinct."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def load_gold(gold_dir: str | Path) -> list[dict[str, Any]]:
    """Read every ``*.gold.json`` in a directory, in file-name order."""
    gold_dir = Path(gold_dir)
    if not gold_dir.exists():
        raise InputError(str(gold_dir), "gold directory not found")
    if not gold_dir.is_dir():
        raise InputError(str(gold_dir), "gold path is not a directory")
    paths = sorted(gold_dir.glob(f"*{GOLD_SUFFIX}"))
    if not paths:
        raise InputError(str(gold_dir), f"no *{GOLD_SUFFIX} files in the gold directory")
    return [read_gold_file(path) for path in paths]


def read_gold_file(path: Path) -> dict[str, Any]:
    """Parse and check one gold file, so a broken annotation is reported by name."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"gold file is not valid JSON: {exc}") from None
    if not isinstance(gold, dict) or not isinstance(gold.get("document"), str):
        raise InputError(str(path), 'gold file must be an object with a "document" id')
    for section in GOLD_SECTIONS:
        items = gold.get(section)
        if not isinstance(items, list):
            raise InputError(str(path), f'gold file has no "{section}" list')
        for index, item in enumerate(items):
            problem = gold_item_problem(section, item)
            if problem:
                raise InputError(str(path), f'"{section}"[{index}] {problem}')
    problem = ignore_problem(gold)
    if problem:
        raise InputError(str(path), problem)
    return gold


def gold_item_problem(section: str, item: Any) -> str | None:
    """Say what a gold item lacks for its layer (None when complete)."""
    if not isinstance(item, dict):
        return "must be an object"
    for key in ("start", "end"):
        if not is_number(item.get(key)):
            return f'has no numeric "{key}"'
    names = item.get(NAME_FIELDS[section])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return f'"{NAME_FIELDS[section]}" must be a list of names'
    if section == "figures" and not {"low", "high", "category"} <= item.keys():
        return 'needs "low", "high" and "category"'
    return None


def ignore_problem(gold: Mapping[str, Any]) -> str | None:
    """Say what is wrong with an optional ``ignore`` list (None when absent or fine)."""
    spans = gold.get("ignore", [])
    if not isinstance(spans, list):
        return '"ignore" must be a list of spans'
    for index, span in enumerate(spans):
        if not isinstance(span, dict) or not all(is_number(span.get(key)) for key in ("start", "end")):
            return f'"ignore"[{index}] has no numeric "start" and "end"'
    return None


# --- matching ------------------------------------------------------------------------------
