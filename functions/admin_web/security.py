"""Who is asking (IAP's JWT, or a local session), CSRF tokens, and the headers of every page."""

from __future__ import annotations

import hmac
import logging
import secrets
from dataclasses import dataclass

import flask
from itsdangerous import BadSignature, URLSafeTimedSerializer

from shared.errors import NotAuthenticated
from shared.services.admin_access import Admin, admin_for
from shared.wiring import Container

logger = logging.getLogger(__name__)

IAP_HEADER = "x-goog-iap-jwt-assertion"
SESSION_COOKIE = "pp_admin_session"
CSRF_FIELD = "csrf_token"
# No script at all, styles from our one stylesheet, forms only back to us, never framed.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    # A login link carries its secret in the URL: never hand it on as a referrer.
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
# Without ADMIN_SESSION_SECRET this instance signs with a secret of its own: right for one
# local process; behind a load balancer every instance needs the same configured value.
_INSTANCE_SECRET = secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Caller:
    admin: Admin
    # Ties CSRF tokens to one sign-in: a session id locally, the verified email behind IAP.
    binding: str


def _secret(container: Container) -> str:
    configured = container.settings.admin_session_secret
    return configured.get_secret_value() if configured else _INSTANCE_SECRET


def _serializer(container: Container, purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(_secret(container), salt=f"parentpath-admin-{purpose}")


def identify(request: flask.Request, container: Container) -> Caller:
    """The verified admin behind this request; NotAuthenticated or NotAuthorised otherwise."""
    if container.settings.admin_auth == "iap":
        assertion = request.headers.get(IAP_HEADER)
        if not assertion:
            raise NotAuthenticated("no IAP assertion: this page is only reachable through IAP")
        email = container.admin_identity_verifier.verify(assertion)
        return Caller(admin_for(email, container.repos), binding=f"iap:{email}")
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        raise NotAuthenticated("not signed in")
    try:
        session = _serializer(container, "session").loads(
            cookie, max_age=container.settings.admin_session_max_age_s
        )
    except BadSignature:
        raise NotAuthenticated("the session is not valid; sign in again") from None
    if not isinstance(session, dict) or not isinstance(session.get("email"), str):
        raise NotAuthenticated("the session is not valid; sign in again")
    return Caller(admin_for(session["email"], container.repos), binding=f"sid:{session['sid']}")


def session_cookie(admin: Admin, container: Container) -> str:
    return _serializer(container, "session").dumps(
        {"email": admin.email, "sid": secrets.token_urlsafe(16)}
    )


def csrf_token(caller: Caller, container: Container) -> str:
    return _serializer(container, "csrf").dumps(caller.binding)


def check_csrf(request: flask.Request, caller: Caller, container: Container) -> None:
    token = request.form.get(CSRF_FIELD, "")
    try:
        bound = _serializer(container, "csrf").loads(
            token, max_age=container.settings.admin_session_max_age_s
        )
    except BadSignature:
        raise CsrfRefused(
            "the form's security token is missing or wrong; reload the page"
        ) from None
    if not isinstance(bound, str) or not hmac.compare_digest(bound, caller.binding):
        raise CsrfRefused("the form's security token belongs to another sign-in; reload the page")


class CsrfRefused(Exception):
    """A state-changing request without this sign-in's CSRF token."""


def with_security_headers(response: flask.Response) -> flask.Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    if response.mimetype == "text/html":
        response.headers["Cache-Control"] = "no-store"
    return response
