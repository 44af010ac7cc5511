"""Checks every request passes before a route reads it: host, token, body size.

- The Host header must name one of `allowed_hosts` (400 otherwise): a web page on another
  domain that rebinds its DNS name to 127.0.0.1 cannot reach the API through the browser.
- A request to a route that takes a bearer token must carry a live one, checked before a
  byte of the body is read (401).
- A body may not exceed `max_request_bytes` (413): by Content-Length before reading, and
  counted while the route reads a chunked one.
  A refused body is never read, so unauthenticated or oversized uploads cost no memory.
- Every response says `X-Content-Type-Options: nosniff`.

The role check (403) stays with each route (`auth.require`).
"""

from __future__ import annotations

import logging
import re

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from frontwatch.api.auth import authenticated, bearer_token
from frontwatch.api.envelope import ApiError, error_response
from frontwatch.api.service import Service

log = logging.getLogger(__name__)

TokenRoutes = list[tuple[re.Pattern[str], frozenset[str]]]


def token_routes(api: FastAPI) -> TokenRoutes:
    """(path pattern, methods) of every operation that asks for a bearer token, as the
    OpenAPI schema declares it: the public description, whatever the routing internals."""
    found: TokenRoutes = []
    for path, operations in api.openapi().get("paths", {}).items():
        methods = frozenset(method.upper() for method, operation in operations.items()
                            if isinstance(operation, dict) and operation.get("security"))
        if methods:
            found.append((compile_path(path)[0], methods))
    return found


def host_allowed(host: str, allowed: tuple[str, ...]) -> bool:
    """Whether a Host header value (port and IPv6 brackets dropped) matches `allowed`."""
    name = host.strip().lower()
    if name.startswith("["):
        name = name[1:].split("]", 1)[0]
    elif name.count(":") == 1:
        name = name.split(":", 1)[0]
    for pattern in allowed:
        if pattern == "*" or name == pattern.strip("[]"):
            return True
        if pattern.startswith("*.") and name.endswith(pattern[1:]):
            return True
    return False


class RequestGuard:
    """ASGI middleware applying the checks above; it sits outside every other layer."""

    def __init__(self, app: ASGIApp, *, api: FastAPI, service: Service, max_body: int,
                 allowed_hosts: tuple[str, ...]) -> None:
        self.app = app
        self.api = api
        self.service = service
        self.max_body = max_body
        self.allowed_hosts = allowed_hosts
        self._token_routes: TokenRoutes | None = None
        self._too_large = f"the request body may be at most {max_body:,} bytes"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_nosniff(message: Message) -> None:
            headers = message.get("headers", [])
            if message["type"] == "http.response.start" and not any(
                    name.lower() == b"x-content-type-options" for name, _ in headers):
                message["headers"] = [*headers, (b"x-content-type-options", b"nosniff")]
            await send(message)

        headers = Headers(scope=scope)
        refusal = self._host(headers)
        if refusal is None and self._guarded(scope):
            refusal = await self._token(headers)
        refusal = refusal or self._length(headers)
        if refusal is not None:
            await refusal(scope, receive, send_nosniff)
            return
        await self.app(scope, self._counted(receive), send_nosniff)

    def _guarded(self, scope: Scope) -> bool:
        """Whether the operation this request reaches (path and method) takes a token."""
        if self._token_routes is None:
            self._token_routes = token_routes(self.api)
        return any(scope["method"] in methods and pattern.match(scope["path"])
                   for pattern, methods in self._token_routes)

    def _host(self, headers: Headers) -> JSONResponse | None:
        host = headers.get("host", "")
        if host_allowed(host, self.allowed_hosts):
            return None
        return error_response(400, f"host {host!r} is not served here; the server's "
                                   "FRONTWATCH_ALLOWED_HOSTS names the hosts it answers to",
                              code="invalid_host")

    async def _token(self, headers: Headers) -> JSONResponse | None:
        token = bearer_token(headers.get("authorization"))
        try:
            await run_in_threadpool(authenticated, self.service, token)
        except ApiError as exc:
            return error_response(exc.status, exc.message, code=exc.code, headers=exc.headers)
        except Exception:
            log.exception("token check failed")
            return error_response(500, "the server could not complete the request")
        return None

    def _length(self, headers: Headers) -> JSONResponse | None:
        declared = headers.get("content-length")
        if declared is None:
            return None
        if not declared.strip().isdigit():
            return error_response(400, "Content-Length is not a number", code="bad_request")
        if int(declared) > self.max_body:
            return error_response(413, self._too_large, headers={"Connection": "close"})
        return None

    def _counted(self, receive: Receive) -> Receive:
        """`receive` that stops a body (chunked, or longer than declared) past the limit."""
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise HTTPException(413, self._too_large, headers={"Connection": "close"})
            return message

        return counted

