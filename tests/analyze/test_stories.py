"""Stories: a reprint meets its original through the stored LSH buckets, in whatever analysis it arrives."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, func, select

from claimledger import Ledger
from claimledger.analyze import corroboration
from claimledger.analyze.stories import band_hashes
from claimledger.ledger.schema import document_analysis, document_bands, documents

from _bundled import example_document

BANDS = len(corroboration.bands())


def reprint_of(original, id="reprint"):
    return example_document(id=id, url=f"https://{id}.example/syrian-fighters", outlet="Reprint Daily",
                            text=original.text + "\n\nThis story first appeared in Example News.")


def story_of(ledger: Ledger, key: str) -> int:
    with ledger.engine.connect() as connection:
        return connection.scalar(select(document_analysis.c.story_id).join(
            documents, documents.c.id == document_analysis.c.document_id).where(documents.c.key == key,
                                                                                documents.c.is_current))


def band_count(ledger: Ledger) -> int:
    with ledger.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(document_bands))


def test_band_hashes_are_one_signed_64_bit_number_per_band_shared_by_near_duplicates():
    text = example_document().text
    hashes = band_hashes(corroboration.signature(text))
    assert len(hashes) == BANDS and hashes == band_hashes(corroboration.signature(text))
    assert all(-(2**63) <= h < 2**63 for h in hashes)
    assert set(hashes) & set(band_hashes(corroboration.signature(text.replace("Ukraine", "Georgia", 1))))
    other = "Russian losses in Ukraine keep mounting, the Pentagon states, as the Kremlin recruits Syrian fighters."
    assert set(hashes).isdisjoint(band_hashes(corroboration.signature(other)))


@pytest.mark.parametrize("older_ledger", [False, True], ids=["buckets-stored", "buckets-backfilled"])
def test_a_reprint_analysed_later_joins_the_story_of_its_original(tmp_path, older_ledger):
    """The reprint's own analysis meets the original only through the bucket table; a ledger analysed
    before the table existed (no rows) gets them at that analysis."""
    original = example_document()
    with Ledger(tmp_path / "stories.db") as ledger:
        ledger.ingest([original])
        assert band_count(ledger) == BANDS
        if older_ledger:
            with ledger.engine.begin() as connection:
                connection.execute(delete(document_bands))
        ledger.ingest([reprint_of(original)])
        assert band_count(ledger) == 2 * BANDS
        assert story_of(ledger, "reprint") == story_of(ledger, original.id)


def test_a_revised_document_leaves_only_its_current_buckets(tmp_path):
    original = example_document()
    with Ledger(tmp_path / "revised.db") as ledger:
        ledger.ingest([original])
        ledger.ingest([example_document(text=original.text + "\n\nUpdated with a correction.")])
        assert band_count(ledger) == BANDS
