"""parse_newsletter with Gemini configured: the real google-genai client against our local
stand-in, through functions-framework, including the offline fallback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import functions_framework
import pytest

from infra.local_stack import seed_sample_school
from infra.standins.gemini import (
    PER_DAY_QUOTA,
    PER_MINUTE_QUOTA,
    FakeGemini,
    error_reply,
    json_reply,
    quota_reply,
    text_reply,
)
from infra.storage_events import finalized_event
from shared.adapters.gemini.client import GeminiClient
from shared.models import Newsletter, NewsletterStatus
from shared.ports import BlobInfo
from shared.settings import Settings
from shared.wiring import Container, use_container
from tests.fakes import TEST_NOW, RecordingQueue, frozen_clock
from tests.functions.conftest import MAIN, REPO_ROOT

FLYER = REPO_ROOT / "infra" / "sample" / "newsletters" / "sunnyside-kinder-flyer.pdf"

PICNIC = {
    "issued_on": "2026-10-02",
    "items": [
        {
            "title": "Kindergarten teddy bear picnic",
            "category": "event",
            "start_date": "2026-10-16",
            "start_time": "11:30",
            "all_grades": False,
            "grades": [0],
            "activities": [],
            "action_required": True,
            "action": "bring",
            "confidence": 0.92,
        }
    ],
}


@pytest.fixture
def gemini() -> Iterator[FakeGemini]:
    with FakeGemini() as server:
        yield server


@pytest.fixture
def container(tmp_path: Path, gemini: FakeGemini) -> Iterator[Container]:
    settings = Settings(
        data_dir=tmp_path,
        gemini_api_key="test-key",
        gemini_base_url=gemini.base_url,
        gemini_max_attempts=2,
        extractor_attempts_before_fallback=2,
    )
    # Backoff waits would only slow the test down; the adapter's own tests check the delays.
    built = Container(
        settings,
        clock=frozen_clock(),
        gemini=GeminiClient.from_settings(settings, sleep=lambda _s: None),
        tasks=RecordingQueue(),
    )
    seed_sample_school(built)
    use_container(built)
    yield built
    use_container(None)
    built.close()


def post_finalized(blob: BlobInfo) -> int:
    headers, body = finalized_event(blob, created_at=TEST_NOW)
    client = functions_framework.create_app("parse_newsletter", MAIN).test_client()
    return client.post("/", headers=headers, data=body).status_code


def deliver(container: Container) -> int:
    return post_finalized(
        container.blobs.write("sample-school/flyer.pdf", FLYER.read_bytes(), "application/pdf")
    )


def redeliver(container: Container) -> int:
    blob = container.blobs.stat("sample-school/flyer.pdf")
    assert blob is not None
    return post_finalized(blob)


def only_newsletter(container: Container) -> Newsletter:
    (newsletter,) = container.repos.newsletters.find()
    return newsletter


def test_a_429_is_retried_and_gemini_reads_the_newsletter(
    container: Container, gemini: FakeGemini
) -> None:
    gemini.reply(error_reply(429, retry_delay_s=1), json_reply(PICNIC))
    assert deliver(container) == 200
    newsletter = only_newsletter(container)
    assert newsletter.status is NewsletterStatus.PARSED
    assert newsletter.extractor == "gemini"
    assert newsletter.tokens_used == 1500
    (item,) = container.repos.items.get_many(newsletter.item_ids).values()
    assert (item.title, item.grades, item.start_time.isoformat()) == (
        "Kindergarten teddy bear picnic",
        [0],
        "11:30:00",
    )
    assert len(gemini.generate_requests) == 2
    assert "Maple Grove" in gemini.generate_requests[0].prompt_text()


def test_malformed_output_falls_back_to_the_offline_extractor_and_says_so(
    container: Container, gemini: FakeGemini
) -> None:
    gemini.reply(*[text_reply("Sure! Here are the items: picnic, Oct 16")] * 3)
    assert deliver(container) == 200
    newsletter = only_newsletter(container)
    assert newsletter.status is NewsletterStatus.PARSED
    assert newsletter.extractor == "offline"
    assert newsletter.notes[0].startswith("Read by the offline extractor: gemini could not read it")
    assert len(newsletter.item_ids) >= 2


def test_an_outage_is_retried_by_redelivery_then_the_offline_extractor_takes_over(
    container: Container, gemini: FakeGemini
) -> None:
    gemini.reply(*[error_reply(503)] * 4)
    assert deliver(container) == 500  # Eventarc redelivers the event
    assert only_newsletter(container).status is NewsletterStatus.PARSING
    assert redeliver(container) == 200
    newsletter = only_newsletter(container)
    assert newsletter.status is NewsletterStatus.PARSED
    assert newsletter.extractor == "offline"
    assert "gemini kept failing over 2 attempts" in newsletter.notes[0]
    assert gemini.pending_replies == 0


def test_a_used_up_daily_quota_falls_back_at_once_and_the_notes_say_so(
    container: Container, gemini: FakeGemini
) -> None:
    gemini.reply(quota_reply(PER_DAY_QUOTA, retry_delay_s=30), json_reply(PICNIC))
    assert deliver(container) == 200  # no redelivery: waiting within the day cannot help
    newsletter = only_newsletter(container)
    assert newsletter.status is NewsletterStatus.PARSED
    assert newsletter.extractor == "offline"
    assert "daily quota is used up" in newsletter.notes[0]
    assert PER_DAY_QUOTA in newsletter.notes[0]
    assert len(gemini.generate_requests) == 1
    assert gemini.pending_replies == 1


def test_a_retry_delay_past_the_budget_is_redelivered_then_gemini_reads_it(
    tmp_path: Path, gemini: FakeGemini
) -> None:
    settings = Settings(
        data_dir=tmp_path,
        gemini_api_key="test-key",
        gemini_base_url=gemini.base_url,
        gemini_retry_budget_s=30,
        extractor_attempts_before_fallback=3,
    )
    slept: list[float] = []
    built = Container(
        settings,
        gemini=GeminiClient.from_settings(settings, sleep=slept.append, clock=lambda: 0.0),
        tasks=RecordingQueue(),
    )
    seed_sample_school(built)
    use_container(built)
    try:
        gemini.reply(quota_reply(PER_MINUTE_QUOTA, retry_delay_s=45), json_reply(PICNIC))
        assert deliver(built) == 500  # handed back at once: Eventarc redelivers later
        assert slept == []
        assert redeliver(built) == 200
        newsletter = only_newsletter(built)
        assert (newsletter.status, newsletter.extractor) == (NewsletterStatus.PARSED, "gemini")
    finally:
        use_container(None)
        built.close()
