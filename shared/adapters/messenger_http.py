"""What the WhatsApp and Twilio adapters share: a rate limit and the mapping of HTTP failures."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import httpx

from shared.errors import DeliveryDeferred


class RateLimiter:
    """At most `per_second` sends from this instance, spread evenly (a leaky bucket).

    The queue that dispatches send_digest is configured with the same rate, so across
    instances the provider sees what it allows; this keeps one instance's bursts in line.
    """

    def __init__(
        self,
        per_second: float,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._interval = 1.0 / per_second
        self._monotonic = monotonic
        self._sleep = sleep
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        with self._lock:
            now = self._monotonic()
            start = max(now, self._next)
            self._next = start + self._interval
        if start > now:
            self._sleep(start - now)


def retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return float(value) if value.replace(".", "", 1).isdigit() else None


def post(client: httpx.Client, url: str, **kwargs: object) -> httpx.Response:
    """POST, with a network failure reported as a delivery to retry later."""
    try:
        return client.post(url, **kwargs)  # type: ignore[arg-type]
    except httpx.TransportError as exc:
        raise DeliveryDeferred(f"provider not reachable: {type(exc).__name__}") from exc
