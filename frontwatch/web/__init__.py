"""The offline map page: one HTML file, plain JS and CSS, vendored Leaflet and outlines."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

WEB = Path(__file__).resolve().parent
STATIC = WEB / "static"
INDEX = WEB / "templates" / "index.html"

# Only our own origin: no CDN, no tiles, no inline script; article text can never run.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


def mount(app: FastAPI) -> None:
    """Serve the map at / and its assets at /static."""

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(
            INDEX,
            media_type="text/html; charset=utf-8",
            headers={"Content-Security-Policy": CSP, "Cache-Control": "no-cache",
                     "X-Content-Type-Options": "nosniff"},
        )

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
