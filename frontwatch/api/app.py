"""The FastAPI application: built by `create_app`, never at import time."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from frontwatch import __version__
from frontwatch.api import envelope
from frontwatch.api.guard import RequestGuard
from frontwatch.api.routes import claims, documents, layers, places, reviews, sources, tokens
from frontwatch.api.service import ExtractorLike, Service
from frontwatch.settings import Settings
from frontwatch.store import Store
from frontwatch.web import mount as mount_web

DESCRIPTION = """Sourced, dated, geocoded territorial-control claims and the control status
they add up to. Reads are open; writes need `Authorization: Bearer <token>` (see
`frontwatch token create`). Every error comes in one envelope:
`{"ok": false, "error": {"status", "code", "message", "details"}}`."""


def create_app(
    settings: Settings,
    store: Store | None = None,
    *,
    extractor: ExtractorLike | None = None,
) -> FastAPI:
    """The API and the map page over `store` (opened from `settings.db` when None).

    A store opened here is closed on shutdown; a store passed in belongs to the caller.
    `extractor` replaces the spaCy pipeline that POST /api/documents builds on first use.
    """
    owned = store is None
    db = store if store is not None else Store.open(settings.db)
    service = Service(db, settings, extractor=extractor)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Before the first request: a large store takes a few seconds.
        await asyncio.get_running_loop().run_in_executor(None, service.warm)
        try:
            yield
        finally:
            service.close()
            if owned:
                db.close()

    app = FastAPI(
        title="frontwatch",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = service
    envelope.install(app)
    for module in (places, claims, reviews, documents, tokens, layers, sources):
        app.include_router(module.router)
    mount_web(app)
    app.add_middleware(RequestGuard, api=app, service=service, max_body=settings.max_request_bytes,
                       allowed_hosts=settings.allowed_host_names)
    return app
