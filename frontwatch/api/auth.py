"""Bearer-token checks: 401 when the caller is unknown, 403 when their role may not."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from frontwatch.api.envelope import ApiError
from frontwatch.api.service import Principal, Service

_bearer = HTTPBearer(auto_error=False, description="A token from `frontwatch token create`.")
_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def service(request: Request) -> Service:
    """The app's Service (set by create_app), as a route dependency."""
    found: Service = request.app.state.service
    return found


def require(*roles: str) -> Callable[..., Principal]:
    """A dependency that admits live tokens of these roles only."""

    def check(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
        svc: Annotated[Service, Depends(service)],
    ) -> Principal:
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise ApiError(401, "this endpoint needs an 'Authorization: Bearer <token>' header",
                           headers=_CHALLENGE)
        principal = svc.authenticate(credentials.credentials)
        if principal is None:
            raise ApiError(401, "the token is unknown or revoked", code="invalid_token",
                           headers=_CHALLENGE)
        if principal.role not in roles:
            raise ApiError(403, f"a {principal.role} token cannot do this; it needs "
                                f"{' or '.join(roles)}")
        return principal

    return check


editor = require("editor", "admin")
admin = require("admin")
