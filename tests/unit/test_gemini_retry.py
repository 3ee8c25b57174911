"""The Gemini retry policy and the reading of Google's error details (no network)."""

from __future__ import annotations

from typing import Any

import pytest
from google.genai import errors as genai_errors

from shared.adapters.gemini.retry import (
    GeminiQuotaExhausted,
    RetryPolicy,
    error_details,
)


def api_error(code: int, body: Any) -> genai_errors.APIError:
    return genai_errors.APIError(code, body)


def test_the_servers_delay_wins_over_the_backoff_cap() -> None:
    policy = RetryPolicy(backoff_initial_s=2, backoff_max_s=30)

    assert policy.delay_s(1, 0.5, None) == pytest.approx(1.5)
    assert policy.delay_s(9, 1.0, None) == pytest.approx(30.0)  # capped
    assert policy.delay_s(1, 0.5, 45.0) == pytest.approx(45.0)  # never cut to the cap
    assert policy.delay_s(5, 1.0, 3.0) == pytest.approx(30.0)  # never shorter than backoff


@pytest.mark.parametrize("bad", [{"max_attempts": 0}, {"budget_s": 0}, {"backoff_max_s": -1}])
def test_a_policy_that_cannot_work_is_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        RetryPolicy(**bad)


def test_retry_info_and_quota_ids_are_read_from_the_details() -> None:
    body = {
        "error": {
            "code": 429,
            "status": "RESOURCE_EXHAUSTED",
            "message": "quota",
            "details": [
                {"@type": "type.googleapis.com/google.rpc.Help", "links": []},
                {
                    "@type": "type.googleapis.com/google.rpc.QuotaFailure",
                    "violations": [
                        {"quotaId": "GenerateRequestsPerMinutePerProjectPerModel-FreeTier"},
                        {"quotaId": "GenerateRequestsPerDayPerProjectPerModel-FreeTier"},
                    ],
                },
                {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "38.73s"},
            ],
        }
    }

    details = error_details(api_error(429, body))

    assert details.retry_delay_s == pytest.approx(38.73)
    assert details.daily_quota_ids == ("GenerateRequestsPerDayPerProjectPerModel-FreeTier",)


@pytest.mark.parametrize(
    "body",
    [
        [{"error": {"code": 429, "details": [{"@type": "x.RetryInfo", "retryDelay": "5s"}]}}],
        {"error": {"code": 429, "details": "not a list"}},
        {"error": {"code": 429}},
        {"unexpected": True},
    ],
)
def test_odd_error_bodies_never_break_the_reading(body: Any) -> None:
    details = error_details(api_error(429, body))

    assert details.daily_quota_ids == ()
    assert details.retry_delay_s is None  # only google.rpc.RetryInfo counts, by its full name


def test_a_list_wrapped_error_is_read_like_a_plain_one() -> None:
    detail = {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "12s"}
    body = [{"error": {"code": 429, "details": [detail]}}]

    assert error_details(api_error(429, body)).retry_delay_s == 12.0


def test_a_used_up_quota_says_why_retrying_cannot_help() -> None:
    refused = GeminiQuotaExhausted("generate_content", ["GenerateRequestsPerDay-X"], "You exceeded")

    assert str(refused) == (
        "Gemini's daily quota is used up (GenerateRequestsPerDay-X); "
        "retrying before it resets cannot help"
    )
    assert (refused.code, refused.status) == (429, "RESOURCE_EXHAUSTED")
