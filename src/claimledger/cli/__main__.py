"""``python -m claimledger.cli``."""

from . import main

main()
