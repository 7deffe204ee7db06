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


class EngineError(ClaimLedgerError):
    """The chosen engine is unavailable or failed (Ray not installed, cluster unreachable, worker died)."""


class Rejected(LedgerError):
    """The ledger refused the input of a request (a bad id, an empty name): the caller's mistake,
    not a database failure, so the faces answer 422 and not 503."""


class NotFound(ClaimLedgerError):
    """What a request names does not exist (the faces answer 404)."""


class Invalid(ClaimLedgerError):
    """A request the ledger cannot answer as asked (the faces answer 422 with this message)."""


class Conflict(ClaimLedgerError):
    """A write that contradicts what is stored (the faces answer 409)."""


class UsageError(ClaimLedgerError):
    """A user mistake caught by a face itself (a bad option value, a missing ledger file)."""


class MissingExtra(ClaimLedgerError):
    """An optional feature whose packages are not installed; says which extra installs them."""

    def __init__(self, extra: str, feature: str):
        self.extra = extra
        super().__init__(f"{feature} needs an optional dependency: pip install 'claimledger[{extra}]'")
