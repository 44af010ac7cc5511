"""The offline map page and API docs: HTML files, plain JS and CSS, vendored Leaflet and
Swagger UI, outlines, rivers."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

WEB = Path(__file__).resolve().parent
STATIC = WEB / "static"
INDEX = WEB / "templates" / "index.html"
API_DOCS = WEB / "templates" / "api-docs.html"

# Only our own origin: no CDN, no tiles, no inline script; article text can never run.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
# Swagger UI sets inline styles and shows its SVG icons as data: URLs.
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


def _page(path: Path, policy: str) -> FileResponse:
    """An HTML page under its content security policy, never cached stale."""
    return FileResponse(
        path,
        media_type="text/html; charset=utf-8",
        headers={"Content-Security-Policy": policy, "Cache-Control": "no-cache",
                 "X-Content-Type-Options": "nosniff"},
    )


def mount(app: FastAPI) -> None:
    """Serve the map at / and its assets at /static."""

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return _page(INDEX, CSP)

    @app.get("/api/docs", include_in_schema=False)
    def api_docs() -> FileResponse:
        return _page(API_DOCS, DOCS_CSP)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
