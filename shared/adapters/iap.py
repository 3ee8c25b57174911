"""Identity-Aware Proxy's signed header, verified with google-auth (ES256, Google's IAP keys).

IAP strips any `x-goog-iap-jwt-assertion` a client sends and sets its own, signed with keys
published at IAP_CERTS_URL; the audience names the backend service, so a token minted for
another IAP-protected app does not open this one.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from google.auth import transport

from shared.errors import NotAuthenticated, TransientError
from shared.ports import Clock

IAP_ISSUER = "https://cloud.google.com/iap"
_MAX_AGE = re.compile(r"max-age=(\d+)")
_DEFAULT_KEYS_TTL = timedelta(hours=1)


@dataclass
class _Cached:
    response: Any
    expires_at: datetime


class _KeysCachingRequest(transport.Request):
    """A google-auth transport that keeps GET answers for their Cache-Control max-age.

    verify_token fetches the keys on every call; IAP rotates them rarely, and one fetch per
    request would put Google's key server on every page view.
    """

    def __init__(self, clock: Clock, timeout_s: float) -> None:
        from google.auth.transport.requests import Request

        self._inner = Request()
        self._clock = clock
        self._timeout_s = timeout_s
        self._cache: dict[str, _Cached] = {}
        self._lock = threading.Lock()

    def __call__(
        self,
        url: str,
        method: str = "GET",
        body: bytes | None = None,
        headers: Any = None,
        timeout: float | None = None,
        **kwargs: Any,
    ) -> Any:
        timeout = timeout or self._timeout_s
        if method != "GET":
            return self._inner(url, method, body, headers, timeout, **kwargs)
        now = self._clock.now()
        with self._lock:
            cached = self._cache.get(url)
            if cached is not None and cached.expires_at > now:
                return cached.response
        response = self._inner(url, "GET", body, headers, timeout, **kwargs)
        if response.status == 200:
            with self._lock:
                self._cache[url] = _Cached(response, now + self._ttl(response.headers))
        return response

    @staticmethod
    def _ttl(headers: Any) -> timedelta:
        found = _MAX_AGE.search(str(headers.get("cache-control", "")))
        return timedelta(seconds=int(found.group(1))) if found else _DEFAULT_KEYS_TTL


class IapJwtVerifier:
    """SignedIdentityVerifier for IAP's JWT."""

    def __init__(
        self, audience: str | None, certs_url: str, clock: Clock, timeout_s: float = 10.0
    ) -> None:
        self._audience = audience
        self._certs_url = certs_url
        self._request = _KeysCachingRequest(clock, timeout_s)

    def verify(self, assertion: str) -> str:
        from google.auth import exceptions
        from google.oauth2 import id_token

        if not self._audience:
            # Without an audience any IAP token of the project would pass: refuse them all.
            raise NotAuthenticated("IAP_AUDIENCE is not set; no IAP token can be accepted")
        try:
            claims = id_token.verify_token(
                assertion, self._request, audience=self._audience, certs_url=self._certs_url
            )
        except exceptions.TransportError as exc:
            raise TransientError(f"IAP keys unavailable: {type(exc).__name__}") from None
        except (ValueError, exceptions.GoogleAuthError) as exc:
            # google-auth says ValueError for a bad signature, audience, expiry or format.
            raise NotAuthenticated(f"IAP token refused: {exc}") from None
        if claims.get("iss") != IAP_ISSUER:
            raise NotAuthenticated("IAP token refused: wrong issuer")
        email = claims.get("email")
        if not isinstance(email, str) or "@" not in email:
            raise NotAuthenticated("IAP token refused: no email claim")
        return email.strip().lower()
