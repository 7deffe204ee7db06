"""The bundled corpus: package data found through importlib.resources, read in a fixed order."""

from __future__ import annotations

import itertools
import runpy
import sys
from pathlib import Path

import pytest

import claimledger
from claimledger.errors import InputError
from claimledger.ingest import bundled, read_paths
from claimledger.records import Document

from _bundled import RE3D, WIKINEWS, jsonl_rows


def test_the_corpus_is_inside_the_package():
    corpus = bundled.bundled_corpus()
    assert corpus == Path(claimledger.__file__).parent / "corpus"
    assert (corpus / "README.md").read_text(encoding="utf-8").startswith("# Sample corpus")  # the attribution
    assert (corpus / "dev" / "syrian-fighters-recruitment.txt").is_file()


def test_documents_come_in_the_readers_order_and_stop_at_the_limit():
    first = list(bundled.bundled_documents(limit=3))
    assert [doc.id for doc in first] == [
        doc.id for doc in itertools.islice(read_paths([bundled.bundled_corpus()]), 3)
    ]
    assert first[0].id == "syrian-fighters-recruitment"  # dev/ sorts first, so a short demo shows it
    assert all(isinstance(doc, Document) and doc.text for doc in first)


def test_every_document_without_a_limit_and_the_readme_is_not_one():
    every = list(bundled.bundled_documents())
    expected = 1 + sum(len(jsonl_rows(path)) for path in RE3D) + len(jsonl_rows(WIKINEWS))
    assert len(every) == expected
    assert len({doc.id for doc in every}) == expected


def test_a_missing_corpus_is_one_clear_error(monkeypatch):
    monkeypatch.setattr(bundled, "CORPUS", "no-such-corpus")
    with pytest.raises(InputError, match="bundled corpus not found; reinstall claimledger"):
        bundled.bundled_corpus()


def test_an_unreadable_bundled_file_is_raised_not_skipped(tmp_path, monkeypatch):
    (tmp_path / "broken.jsonl").write_text('{"id": "ok", "text": "Officials said 3 people died."}\n{"id": \n',
                                           encoding="utf-8")
    monkeypatch.setattr(bundled, "CORPUS", str(tmp_path))  # an absolute path replaces the package's folder
    documents = bundled.bundled_documents()
    assert next(documents).id == "ok"
    with pytest.raises(InputError, match="broken.jsonl:2"):
        next(documents)


def test_a_limit_below_one_is_refused():
    with pytest.raises(ValueError, match="limit must be positive"):
        list(bundled.bundled_documents(limit=0))


def test_run_as_a_module_it_prints_the_directory(capsys, monkeypatch):
    monkeypatch.delitem(sys.modules, "claimledger.ingest.bundled")  # as in a fresh ``python -m``
    runpy.run_module("claimledger.ingest.bundled", run_name="__main__")
    assert capsys.readouterr().out == f"{bundled.bundled_corpus()}\n"
