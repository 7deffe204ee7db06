"""The REST API (FastAPI routes under /api). ``claimledger.server.create_app`` serves it with the web pages.

Run it with ``claimledger serve --db PATH``, or ``uvicorn --factory claimledger.server:app_from_env``.
"""

from .app import DEFAULT_MAX_BODY

__all__ = ["DEFAULT_MAX_BODY"]
