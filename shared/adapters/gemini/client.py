"""One Gemini client per instance, shared by every adapter that calls Gemini.

`GeminiClient` holds the google-genai client (built on first use, so a cold start touches no
network), the retry policy and the rate limiter. Extraction, embeddings, translation and
answers all call through `GeminiClient.call`, so they share one request budget per minute
and honour Google's retry instructions the same way (`shared.adapters.gemini.retry`).

Errors out of `call`: `TransientError` when a retry later may work (the caller's work is
redelivered), `GeminiRefused` when the request itself is refused, and its subclass
`GeminiQuotaExhausted` when a daily quota is used up. Callers map the last two onto their
own port's errors (the extractor falls back to the offline extractor).

Another adapter takes the container's client (`Container.gemini`) and calls through it:

    response = gemini.call(
        lambda client: client.models.embed_content(model=..., contents=[...]),
        "embed_content",
    )

(With gemini-embedding-2, google-genai 3.6.1 folds a list of strings into ONE content and so
one embedding; pass one `types.Content` per text to get one embedding each.)
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
import httpx2
from google import genai
from google.genai import errors as genai_errors
from google.genai import types

from shared.adapters.gemini.retry import (
    RETRYABLE_CODES,
    GeminiQuotaExhausted,
    GeminiRefused,
    RateLimiter,
    RetryPolicy,
    error_details,
)
from shared.errors import TransientError
from shared.settings import Settings

logger = logging.getLogger(__name__)

T = TypeVar("T")

# google-genai sends through httpx2 by default and httpx when asked; either may raise.
TRANSPORT_ERRORS: tuple[type[Exception], ...] = (httpx.TransportError, httpx2.TransportError)
CALL_ERRORS: tuple[type[Exception], ...] = (genai_errors.APIError, *TRANSPORT_ERRORS)
# Failures without an HTTP error code that a retry may fix: the network, and a 200 whose body
# is not JSON (a proxy's error page), which generate_content reports as a bare JSONDecodeError
# and other calls as UnknownApiResponseError.
_FLAKY_ERRORS: tuple[type[Exception], ...] = (
    *TRANSPORT_ERRORS,
    genai_errors.UnknownApiResponseError,
    json.JSONDecodeError,
)


@dataclass(frozen=True)
class TokenUsage:
    """The tokens one response was billed for, from its usageMetadata."""

    prompt: int = 0
    output: int = 0
    thoughts: int = 0  # thinking models bill these as output, outside candidatesTokenCount
    tool_prompt: int = 0
    total: int = 0

    @classmethod
    def of(cls, response: types.GenerateContentResponse) -> TokenUsage:
        meta = response.usage_metadata
        if meta is None:
            return cls()
        usage = cls(
            prompt=meta.prompt_token_count or 0,
            output=meta.candidates_token_count or 0,
            thoughts=meta.thoughts_token_count or 0,
            tool_prompt=meta.tool_use_prompt_token_count or 0,
        )
        # totalTokenCount is documented as the sum of the four; an answer without it, or with
        # a total short of its parts, is counted by its parts (thinking is billed as output).
        parts = usage.prompt + usage.output + usage.thoughts + usage.tool_prompt
        return cls(
            prompt=usage.prompt,
            output=usage.output,
            thoughts=usage.thoughts,
            tool_prompt=usage.tool_prompt,
            total=max(meta.total_token_count or 0, parts),
        )


class GeminiClient:
    """The google-genai client with this instance's retry policy and rate limiter."""

    def __init__(
        self,
        client_factory: Callable[[], genai.Client],
        *,
        policy: RetryPolicy | None = None,
        requests_per_minute: int = 15,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        jitter: Callable[[], float] = random.random,
        limiter: RateLimiter | None = None,
    ) -> None:
        self._client_factory = client_factory
        self._client: genai.Client | None = None
        self._client_lock = threading.Lock()
        self.policy = policy or RetryPolicy()
        self.sleep = sleep
        self.clock = clock
        self._jitter = jitter
        self.limiter = limiter or RateLimiter(requests_per_minute, clock=clock, sleep=sleep)

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        request_timeout_s: float | None = None,
        api_version: str | None = None,
        **overrides: Any,
    ) -> GeminiClient:
        """The client production uses; nothing connects until the first call.

        api_version None keeps google-genai's choice: "v1" in 3.6.1, or what the
        GOOGLE_GENAI_API_VERSION environment variable names ("beta" means "v1beta").
        """
        api_key = settings.gemini_api_key
        if not api_key:
            raise ValueError("GEMINI_API_KEY is not set")
        base_url = settings.gemini_base_url
        api_version = api_version or settings.gemini_api_version
        timeout_s = request_timeout_s or settings.gemini_timeout_s

        def client_factory() -> genai.Client:
            # Timeouts always set: a hung request must not eat the function's whole timeout.
            options = types.HttpOptions(timeout=int(timeout_s * 1000))
            if base_url:
                options.base_url = base_url
            if api_version:
                options.api_version = api_version
            return genai.Client(api_key=api_key, http_options=options)

        overrides.setdefault(
            "policy",
            RetryPolicy(
                max_attempts=settings.gemini_max_attempts,
                budget_s=settings.gemini_retry_budget_s,
            ),
        )
        overrides.setdefault("requests_per_minute", settings.gemini_requests_per_minute)
        return cls(client_factory, **overrides)

    @property
    def client(self) -> genai.Client:
        """The google-genai client, built on first use and kept for the instance's life."""
        with self._client_lock:
            if self._client is None:
                self._client = self._client_factory()
            return self._client

    def deadline(self) -> float:
        """The clock reading past which one unit of work stops waiting for retries."""
        return self.clock() + self.policy.budget_s

    def call(
        self,
        operation: Callable[[genai.Client], T],
        what: str,
        *,
        deadline: float | None = None,
        rate_limited: bool = True,
    ) -> T:
        """Run operation on the client, retrying what the policy says is worth retrying.

        `deadline` (from `deadline()`) lets several calls of one unit of work share one
        budget; without it the call has a budget of its own. `rate_limited` is False for
        calls the per-minute request quota does not count (the File API).
        """
        client = self.client
        deadline = self.deadline() if deadline is None else deadline
        failures = 0
        while True:
            server_asked_s: float | None = None
            try:
                if rate_limited:
                    self.limiter.acquire()  # every request counts, retries included
                return operation(client)
            except genai_errors.APIError as exc:
                reason = f"{exc.code} {exc.status or ''}".strip()
                if exc.code not in RETRYABLE_CODES:
                    self._log_refusal(what, exc)
                    raise GeminiRefused(what, exc.code, exc.status, exc.message or "") from exc
                details = error_details(exc)
                if exc.code == 429 and details.daily_quota_ids:
                    self._log_refusal(what, exc)
                    raise GeminiQuotaExhausted(
                        what, details.daily_quota_ids, exc.message or ""
                    ) from exc
                server_asked_s = details.retry_delay_s
                error: Exception = exc
            except _FLAKY_ERRORS as exc:
                reason = type(exc).__name__
                error = exc
            failures += 1
            if failures >= self.policy.max_attempts:
                self._log_giving_up(what, reason, failures)
                raise TransientError(
                    f"Gemini {what} failed {failures} times (last: {reason})"
                ) from error
            delay = self.policy.delay_s(failures, self._jitter(), server_asked_s)
            left = deadline - self.clock()
            if delay > left:
                self._log_giving_up(what, reason, failures)
                who = "the server asked for" if server_asked_s is not None else "backoff needs"
                raise TransientError(
                    f"Gemini {what} failed ({reason}); {who} a wait of {delay:.0f} s, more "
                    f"than the {max(left, 0.0):.0f} s left, so the work is handed back to be "
                    "retried later"
                ) from error
            logger.info(
                "gemini call failed, retrying",
                extra={
                    "call": what,
                    "reason": reason,
                    "attempt": failures,
                    "delay_s": round(delay, 2),
                    "server_asked_s": server_asked_s,
                },
            )
            self.sleep(delay)

    def _log_refusal(self, what: str, exc: genai_errors.APIError) -> None:
        logger.error(
            "gemini refused the request",
            extra={"call": what, "code": exc.code, "reason": (exc.message or "")[:300]},
        )

    def _log_giving_up(self, what: str, reason: str, failures: int) -> None:
        logger.warning(
            "gemini still failing, giving up for now",
            extra={"call": what, "reason": reason, "attempts": failures},
        )
