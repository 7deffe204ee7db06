"""Where the bundled real-text corpus lives (see corpus/README.md for sources and licences)."""

from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
DEV_ARTICLE = CORPUS / "dev" / "syrian-fighters-recruitment.txt"
WIKINEWS = CORPUS / "wikinews" / "wikinews-2019-2020.jsonl"
CENTCOM = CORPUS / "re3d" / "centcom.jsonl"
