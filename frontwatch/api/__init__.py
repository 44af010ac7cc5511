"""The JSON API: `create_app(settings, store)` builds it; `frontwatch serve` runs it."""

from frontwatch.api.app import create_app

__all__ = ["create_app"]
