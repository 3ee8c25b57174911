"""When a failed Gemini call is worth another try, and how long to wait before it.

Google's error answers say what to do next, and the policy follows them:

- 429 RESOURCE_EXHAUSTED whose `google.rpc.QuotaFailure` names a per-day quota: nothing sent
  today can succeed, so the caller is told at once (`GeminiQuotaExhausted`).
- 429 with `google.rpc.RetryInfo`: wait at least the `retryDelay` the server asked for, never
  less (the backoff cap does not apply to it). When that is longer than the time left in the
  caller's budget, give up at once with `TransientError`, so the work is redelivered later
  instead of being retried too early.
- other 429s, 5xx, network errors and a 200 that is not JSON: exponential backoff with equal
  jitter, within the attempts and the budget.
- any other 4xx: the request itself is wrong (`GeminiRefused`), the same request fails again.

The rate limiter spaces requests on the client side so that the per-minute quota is rarely
met at all.
"""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from google.genai import errors as genai_errors

# Answers worth another try: quota (429), server errors (5xx) and a gateway's timeout (408).
RETRYABLE_CODES = frozenset({408, 429, 500, 502, 503, 504})

_DURATION = re.compile(r"(\d+(?:\.\d+)?)s")  # google.protobuf.Duration in JSON: "45s", "1.5s"
_RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo"
_QUOTA_FAILURE = "type.googleapis.com/google.rpc.QuotaFailure"


class GeminiRefused(Exception):
    """Gemini refused the request for good: sent again, it would fail again."""

    def __init__(self, what: str, code: int | None, status: str | None, message: str) -> None:
        self.what = what
        self.code = code
        self.status = status
        # Google's message says what was wrong (bad key, unsupported file...); it describes
        # the request, not the document's text.
        self.message = message[:300]
        reason = f"{code} {status or ''}".strip()
        super().__init__(f"Gemini refused {what}: {reason}: {self.message}")


class GeminiQuotaExhausted(GeminiRefused):
    """A per-day quota is used up: no retry before the quota resets can succeed."""

    def __init__(self, what: str, quota_ids: Sequence[str], message: str) -> None:
        self.quota_ids = tuple(quota_ids)
        super().__init__(what, 429, "RESOURCE_EXHAUSTED", message)

    def __str__(self) -> str:
        return (
            f"Gemini's daily quota is used up ({', '.join(self.quota_ids)}); "
            "retrying before it resets cannot help"
        )


@dataclass(frozen=True)
class ErrorDetails:
    """What the `details` of a Google error answer say about retrying."""

    retry_delay_s: float | None = None
    quota_ids: tuple[str, ...] = ()

    @property
    def daily_quota_ids(self) -> tuple[str, ...]:
        # Google names its quotas by period: "GenerateRequestsPerDayPerProjectPerModel-FreeTier"
        # beside "...PerMinute...". Only the per-day ones outlast a retry.
        return tuple(q for q in self.quota_ids if "PerDay" in q)


def error_details(exc: genai_errors.APIError) -> ErrorDetails:
    """RetryInfo's delay and QuotaFailure's quota ids from an error answer, when present."""
    body: Any = exc.details
    if isinstance(body, list) and body:  # some Google front ends wrap the error in a list
        body = body[0]
    error = body.get("error") if isinstance(body, Mapping) else None
    details = error.get("details") if isinstance(error, Mapping) else None
    delay: float | None = None
    quota_ids: list[str] = []
    for detail in details if isinstance(details, list) else []:
        if not isinstance(detail, Mapping):
            continue
        kind = str(detail.get("@type", ""))
        if kind == _RETRY_INFO:
            match = _DURATION.fullmatch(str(detail.get("retryDelay", "")).strip())
            if match:
                delay = float(match[1])
        elif kind == _QUOTA_FAILURE:
            for violation in detail.get("violations") or []:
                if isinstance(violation, Mapping) and violation.get("quotaId"):
                    quota_ids.append(str(violation["quotaId"]))
    return ErrorDetails(retry_delay_s=delay, quota_ids=tuple(quota_ids))


@dataclass(frozen=True)
class RetryPolicy:
    """How many tries a call gets, how far apart, and how long a caller may wait in all."""

    max_attempts: int = 5
    backoff_initial_s: float = 2.0
    backoff_max_s: float = 30.0
    # The most one unit of work (a newsletter) waits between tries; past it the work is handed
    # back (TransientError) for the queue to redeliver later.
    budget_s: float = 120.0

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.budget_s <= 0 or self.backoff_initial_s <= 0 or self.backoff_max_s <= 0:
            raise ValueError("backoff and budget must be positive")

    def delay_s(self, failures: int, jitter: float, server_asked_s: float | None) -> float:
        """Exponential backoff with equal jitter, and never shorter than the server asked."""
        ceiling = min(self.backoff_max_s, self.backoff_initial_s * 2.0 ** (failures - 1))
        delay = ceiling / 2 + jitter * ceiling / 2
        if server_asked_s is not None:
            delay = max(delay, server_asked_s)  # the server's word wins over our cap
        return delay


class RateLimiter:
    """At most `per_minute` acquisitions in any 60 s window, shared by every thread.

    Each caller reserves its slot under the lock and sleeps outside it, so concurrent
    callers queue in order without holding each other up. The clock and sleep are injected so
    tests run instantly.
    """

    def __init__(
        self,
        per_minute: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        window_s: float = 60.0,
    ) -> None:
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self._per_minute = per_minute
        self._clock = clock
        self._sleep = sleep
        self._window_s = window_s
        self._slots: deque[float] = deque()
        self._lock = threading.Lock()

    def acquire(self) -> float:
        """Wait for a slot; returns how long this caller waited (seconds)."""
        with self._lock:
            now = self._clock()
            while self._slots and self._slots[0] <= now - self._window_s:
                self._slots.popleft()
            start = now
            if len(self._slots) >= self._per_minute:
                start = max(now, self._slots.popleft() + self._window_s)
            self._slots.append(start)
        wait = start - now
        if wait > 0:
            self._sleep(wait)
        return wait
