"""The four output formats behave the same for every listing (claimledger.cli.render)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from claimledger import Ledger
from claimledger.cli.base import Format
from claimledger.cli.render import emit_page
from claimledger.cli.tables import quotes_table

# Two quotes as Ledger.quotes returns them (from the bundled example article).
QUOTES = [
    {"id": 1, "document_id": 1, "kind": "direct", "start": 10, "end": 60, "speaker": "John Kirby",
     "speaker_title": "Pentagon spokesman", "cue": "said", "text": "We have seen them move in",
     "document": "syrian-fighters-recruitment", "title": None, "type": "quote"},
    {"id": 2, "document_id": 1, "kind": "indirect", "start": 80, "end": 120, "speaker": None,
     "speaker_title": None, "cue": "said", "text": "the fighters were recruited", "extra": ["a", "b"],
     "document": "syrian-fighters-recruitment", "title": None, "type": "quote"},
]
PAGE = {"items": QUOTES, "limit": 2, "offset": 0, "next_offset": 2, "total": 5}


def emitted(format: Format, capsys) -> str:
    emit_page(PAGE, format, quotes_table, "no quotes match")
    return capsys.readouterr().out


def test_json_is_the_page_as_the_api_returns_it(capsys):
    assert json.loads(emitted(Format.json, capsys)) == PAGE


def test_jsonl_is_one_item_per_line(capsys):
    lines = emitted(Format.jsonl, capsys).splitlines()
    assert [json.loads(line) for line in lines] == QUOTES


def test_csv_has_every_key_once_and_nested_values_as_json(capsys):
    rows = list(csv.DictReader(io.StringIO(emitted(Format.csv, capsys))))
    assert len(rows) == 2 and list(rows[0]) == list(QUOTES[0]) + ["extra"]
    assert rows[1]["extra"] == '["a", "b"]' and rows[1]["speaker"] == "" and rows[0]["extra"] == ""


def test_table_says_where_the_next_page_starts(capsys):
    out = emitted(Format.table, capsys)
    assert "John Kirby" in out and "--offset 2" in out


def test_an_empty_page_says_so(capsys):
    emit_page({**PAGE, "items": [], "next_offset": None}, Format.table, quotes_table, "no quotes match")
    assert capsys.readouterr().out.strip() == "no quotes match"


QUIET = """
import sys
from click.testing import CliRunner
from claimledger.cli import app
for command in ("stats", "contested", "figures"):
    for format in ("json", "csv"):
        result = CliRunner().invoke(app, [command, "--format", format, "--db", {db!r}])
        assert result.exit_code == 0, (command, result.output)
print(",".join(m for m in ("rich", "sqlalchemy", "typer") if m in sys.modules))
"""


def test_json_and_csv_load_neither_rich_nor_sqlalchemy(tmp_path):
    """A script reading a SQLite ledger gets its answer without the table renderer or the database toolkit."""
    src, db = Path(__file__).resolve().parents[2] / "src", tmp_path / "ledger.db"
    Ledger(db).close()  # made here: making a ledger is a write, which needs SQLAlchemy
    run = subprocess.run([sys.executable, "-c", QUIET.format(db=str(db))], capture_output=True,
                         text=True, timeout=120, env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == ""
