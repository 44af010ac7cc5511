"""Bearer-token checks: 401 when the caller is unknown, 403 when their role may not."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.security.utils import get_authorization_scheme_param

from frontwatch.api.envelope import ApiError
from frontwatch.api.service import Principal, Service

_bearer = HTTPBearer(auto_error=False, description="A token from `frontwatch token create`.")
_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def service(request: Request) -> Service:
    """The app's Service (set by create_app), as a route dependency."""
    found: Service = request.app.state.service
    return found


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header value, else None."""
    scheme, token = get_authorization_scheme_param(authorization)
    return token if scheme.lower() == "bearer" and token else None


def authenticated(svc: Service, token: str | None) -> Principal:
    """The caller a bearer token names; 401 when there is none or it is unknown or revoked."""
    if token is None:
        raise ApiError(401, "this endpoint needs an 'Authorization: Bearer <token>' header",
                       headers=_CHALLENGE)
    principal = svc.authenticate(token)
    if principal is None:
        raise ApiError(401, "the token is unknown or revoked", code="invalid_token",
                       headers=_CHALLENGE)
    return principal


def require(*roles: str) -> Callable[..., Principal]:
    """A dependency that admits live tokens of these roles only."""

    def check(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
        svc: Annotated[Service, Depends(service)],
    ) -> Principal:
        token = credentials.credentials if credentials and credentials.scheme.lower() == "bearer" else None
        principal = authenticated(svc, token)
        if principal.role not in roles:
            raise ApiError(403, f"a {principal.role} token cannot do this; it needs "
                                f"{' or '.join(roles)}")
        return principal

    return check


editor = require("editor", "admin")
admin = require("admin")
