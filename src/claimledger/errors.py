"""One exception tree so faces can turn library failures into clean messages."""


class ClaimLedgerError(Exception):
    """Base of every error claimledger raises on purpose."""


class InputError(ClaimLedgerError):
    """A piece of input could not be read; names the file (and line) so the user can fix it."""

    def __init__(self, source: str, message: str, line: int | None = None):
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")


class ModelError(ClaimLedgerError):
    """The configured spaCy model is missing or unusable."""


class LedgerError(ClaimLedgerError):
    """The database could not be opened, migrated or written."""
