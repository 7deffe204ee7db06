"""The REST API (FastAPI): ``create_app(ledger, token=...)`` serves it with the web pages.

Run it with ``claimledger serve --db PATH``, or ``uvicorn --factory claimledger.api:app_from_env``.
"""

from .app import DEFAULT_MAX_BODY, app_from_env, create_app

__all__ = ["DEFAULT_MAX_BODY", "app_from_env", "create_app"]
