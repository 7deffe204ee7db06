"""The web pages (Jinja2 templates, vendored htmx, one stylesheet), served by ``claimledger.api.create_app``."""
