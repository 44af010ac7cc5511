"""The one error envelope every API error is rendered in.

    {"ok": false, "error": {"status": 422, "code": "validation_error",
                            "message": "...", "details": [...]}}

Clients branch on `error.code` (stable, snake_case) and show `error.message`; `details`
lists the offending fields for validation errors and is empty otherwise. Handlers below
translate FastAPI's, Starlette's and frontwatch's own exceptions into it, and a last-resort
middleware turns any other exception into a 500 without leaking its text.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from frontwatch.errors import ConfigError, FrontwatchError, InputError

log = logging.getLogger(__name__)

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(Exception):
    """Raised by routes and the service for an error the client can act on."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        details: Sequence[dict[str, Any]] = (),
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or _CODES.get(status, "error")
        self.message = message
        self.details = list(details)
        self.headers = headers


def error_body(
    status: int, message: str, *, code: str | None = None, details: Sequence[Any] = ()
) -> dict[str, Any]:
    """The envelope as a plain dict (tests and docs build the expected shape with it)."""
    return {
        "ok": False,
        "error": {
            "status": status,
            "code": code or _CODES.get(status, "error"),
            "message": message,
            "details": list(details),
        },
    }


def error_response(
    status: int,
    message: str,
    *,
    code: str | None = None,
    details: Sequence[Any] = (),
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(
        error_body(status, message, code=code, details=details), status_code=status, headers=headers
    )


def _validation_details(errors: Sequence[Any]) -> list[dict[str, Any]]:
    details = []
    for error in errors:
        details.append({
            "loc": [str(part) for part in error.get("loc", ())],
            "type": str(error.get("type", "")),
            "message": str(error.get("msg", "")),
        })
    return details


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(
        exc.status, exc.message, code=exc.code, details=exc.details, headers=exc.headers
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    if status == 404 and exc.detail == HTTPStatus(404).phrase:
        message = f"no route for {request.method} {request.url.path}"
    else:
        message = str(exc.detail)
    return error_response(status, message, headers=dict(exc.headers or {}))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = _validation_details(exc.errors())
    if any(d["type"] == "json_invalid" for d in details):
        return error_response(422, "the request body is not valid JSON", code="invalid_json",
                              details=details)
    return error_response(422, "the request does not match the schema", details=details)


async def _frontwatch_error(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, InputError | ConfigError):
        return error_response(422, str(exc), code="invalid_input")
    log.error("frontwatch error on %s %s: %s", request.method, request.url.path, exc)
    return error_response(500, "the server could not complete the request", code="internal_error")


class CatchAllMiddleware:
    """Renders any unhandled exception as the 500 envelope (text kept in the server log)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            response = error_response(500, "the server could not complete the request")
            await response(scope, receive, send)


def install(app: FastAPI) -> None:
    """Route every error of `app` through the envelope."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(FrontwatchError, _frontwatch_error)
    app.add_middleware(CatchAllMiddleware)
