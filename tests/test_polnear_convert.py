"""The PolNeAR conversion wrapper: repairs annotation lines broken by a newline, refuses the test split."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "polnear_convert.py"
spec = importlib.util.spec_from_file_location("polnear_convert", SCRIPT)
polnear_convert = importlib.util.module_from_spec(spec)
spec.loader.exec_module(polnear_convert)


def test_a_span_text_broken_over_two_lines_is_joined():
    broken = "T1\tSource 0 5\tMr. X\nT2\tContent 10 30 40 60\tThe number of\npeople\nE1\tAttribution:T3 Source:T1"
    assert polnear_convert.repaired(broken).split("\n") == [
        "T1\tSource 0 5\tMr. X", "T2\tContent 10 30 40 60\tThe number of people", "E1\tAttribution:T3 Source:T1"]


def test_the_test_split_is_refused(tmp_path, capsys):
    split = tmp_path / "data" / "test"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    assert polnear_convert.main([str(split), str(tmp_path / "out")]) == 2
    assert "reserved" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
