"""The answers the Gemini stand-in gives, built as the real API writes them.

Tests queue these with `FakeGemini.reply`: model answers (`text_reply`, `json_reply`,
`blocked_reply`) whose usageMetadata counts thinking apart, and errors in Google's shape
(`error_reply`, `quota_reply` with QuotaFailure and RetryInfo details).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from infra.standins.gemini_rules import error_body

MODEL_VERSION = "gemini-3.8-flash"
# The quota ids Google's 429s name (QuotaFailure.violations[].quotaId).
PER_MINUTE_QUOTA = "GenerateRequestsPerMinutePerProjectPerModel-FreeTier"
PER_DAY_QUOTA = "GenerateRequestsPerDayPerProjectPerModel-FreeTier"


@dataclass(frozen=True)
class CannedResponse:
    """One answer the server gives: a status, a JSON body (or raw bytes) and extra headers."""

    status: int
    body: Any
    headers: Mapping[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # really wait before answering (to exercise client timeouts)
    # How long the model would work on it (not really waited): past the request's deadline
    # (X-Server-Timeout) the server answers 504 DEADLINE_EXCEEDED instead, as Gemini does.
    processing_s: float = 0.0

    def encoded(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        return json.dumps(self.body).encode()


def usage(
    prompt_tokens: int = 1200, output_tokens: int = 300, thoughts_tokens: int = 0
) -> dict[str, int]:
    """usageMetadata as Gemini writes it: thoughts are counted apart from the candidates'
    tokens, and totalTokenCount is the sum of all."""
    meta = {
        "promptTokenCount": prompt_tokens,
        "candidatesTokenCount": output_tokens,
        "totalTokenCount": prompt_tokens + output_tokens + thoughts_tokens,
    }
    if thoughts_tokens:
        meta["thoughtsTokenCount"] = thoughts_tokens
    return meta


def text_reply(
    text: str,
    *,
    finish_reason: str = "STOP",
    prompt_tokens: int = 1200,
    output_tokens: int = 300,
    thoughts_tokens: int = 0,
    processing_s: float = 0.0,
) -> CannedResponse:
    """A generateContent answer whose one candidate says `text`."""
    return CannedResponse(
        200,
        {
            "candidates": [
                {
                    "content": {"role": "model", "parts": [{"text": text}]},
                    "finishReason": finish_reason,
                    "index": 0,
                }
            ],
            "usageMetadata": usage(prompt_tokens, output_tokens, thoughts_tokens),
            "modelVersion": MODEL_VERSION,
        },
        processing_s=processing_s,
    )


def json_reply(payload: Any, **kwargs: Any) -> CannedResponse:
    """A generateContent answer whose text is `payload` as JSON (structured output)."""
    return text_reply(json.dumps(payload), **kwargs)


def blocked_reply(block_reason: str = "SAFETY") -> CannedResponse:
    """The prompt itself was blocked: no candidates, only promptFeedback."""
    return CannedResponse(
        200,
        {"promptFeedback": {"blockReason": block_reason}, "usageMetadata": usage(800, 0)},
    )


def error_reply(
    code: int,
    message: str | None = None,
    *,
    status: str | None = None,
    retry_delay_s: float | None = None,
) -> CannedResponse:
    """An error as Google's APIs answer it; 429s may carry a RetryInfo detail."""
    details = []
    if retry_delay_s is not None:
        details.append(_retry_info(retry_delay_s))
    body = error_body(
        code, message or f"fake Gemini answered {code}", status=status, details=details
    )
    return CannedResponse(code, body)


def quota_reply(
    quota_id: str = PER_MINUTE_QUOTA, retry_delay_s: float | None = 45.0
) -> CannedResponse:
    """A 429 as Gemini answers a used-up quota: QuotaFailure naming it, Help, RetryInfo."""
    details: list[dict[str, Any]] = [
        {
            "@type": "type.googleapis.com/google.rpc.QuotaFailure",
            "violations": [
                {
                    "quotaMetric": "generativelanguage.googleapis.com/"
                    "generate_content_free_tier_requests",
                    "quotaId": quota_id,
                    "quotaDimensions": {"location": "global", "model": MODEL_VERSION},
                    "quotaValue": "20" if "PerDay" in quota_id else "10",
                }
            ],
        },
        {
            "@type": "type.googleapis.com/google.rpc.Help",
            "links": [
                {
                    "description": "Learn more about Gemini API quotas",
                    "url": "https://ai.google.dev/gemini-api/docs/rate-limits",
                }
            ],
        },
    ]
    if retry_delay_s is not None:
        details.append(_retry_info(retry_delay_s))
    message = (
        "You exceeded your current quota, please check your plan and billing details. For "
        "more information on this error, head to: https://ai.google.dev/gemini-api/docs/"
        "rate-limits."
    )
    return CannedResponse(429, error_body(429, message, details=details))


def _retry_info(delay_s: float) -> dict[str, Any]:
    # google.protobuf.Duration in JSON: whole seconds as "45s", fractions as "1.5s".
    text = f"{delay_s:g}s"
    return {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": text}
