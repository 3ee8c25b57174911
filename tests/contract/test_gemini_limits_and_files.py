"""The Gemini client's rate limiter and the File API path, on the real google-genai client
against the stand-in."""

from __future__ import annotations

import threading

import pytest

from infra.standins.gemini import FakeGemini, error_reply, json_reply
from shared.adapters.gemini.files import FilePolling
from shared.adapters.gemini.retry import RateLimiter
from shared.errors import ExtractorFailed
from shared.extraction.sniff import MediaType
from tests.contract.gemini_support import CONTEXT, FakeTime, answer, make_extractor, wire_item

# --------------------------------------------------------------------------- rate limit


def test_the_rate_limiter_allows_a_minutes_quota_then_waits(fake_time: FakeTime) -> None:
    limiter = RateLimiter(3, clock=fake_time.clock, sleep=fake_time.sleep)

    waits = [limiter.acquire() for _ in range(3)]
    fake_time.sleep(10.0)
    waits.append(limiter.acquire())  # 4th inside the first minute: waits for the 1st to age
    waits.append(limiter.acquire())

    assert waits == [0.0, 0.0, 0.0, 50.0, 0.0]
    assert fake_time.now == 1060.0


def test_the_rate_limiter_is_shared_by_threads(fake_time: FakeTime) -> None:
    frozen = 500.0
    slept: list[float] = []
    lock = threading.Lock()

    def record(seconds: float) -> None:
        with lock:
            slept.append(seconds)

    limiter = RateLimiter(5, clock=lambda: frozen, sleep=record)
    waits: list[float] = []
    barrier = threading.Barrier(12)

    def worker() -> None:
        barrier.wait()
        wait = limiter.acquire()
        with lock:
            waits.append(wait)

    threads = [threading.Thread(target=worker) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=5)

    assert sorted(waits) == [0.0] * 5 + [60.0] * 5 + [120.0] * 2
    assert sorted(slept) == [60.0] * 5 + [120.0] * 2


def test_the_extractor_spaces_its_requests_by_the_rate_limit(
    gemini: FakeGemini, fake_time: FakeTime
) -> None:
    extractor = make_extractor(gemini.base_url, fake_time, requests_per_minute=2)
    gemini.reply(error_reply(429), *(json_reply(answer(wire_item())) for _ in range(3)))

    for _ in range(3):
        extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    assert len(gemini.generate_requests) == 4
    # t=0 a 429, backoff 1.5 s, t=1.5 its retry: retries count against the quota, so the
    # 3rd request waits until t=60 and the 4th until t=61.5.
    assert fake_time.sleeps == [pytest.approx(1.5), pytest.approx(58.5), pytest.approx(1.5)]


# --------------------------------------------------------------------------- File API


def test_a_large_document_goes_through_the_file_api_and_is_deleted(
    gemini: FakeGemini, fake_time: FakeTime
) -> None:
    extractor = make_extractor(gemini.base_url, fake_time, inline_max_bytes=1024)
    document = b"%PDF-1.7\n" + bytes(range(256)) * 40
    gemini.reply(json_reply(answer(wire_item(title="Science fair"))))

    result = extractor.extract(document, MediaType.PDF, CONTEXT)

    assert [i.title for i in result.items] == ["Science fair"]
    start, transfer, generate, delete = gemini.requests
    assert start.path == "/upload/v1/files"
    assert start.headers["x-goog-upload-header-content-type"] == "application/pdf"
    assert start.headers["x-goog-upload-header-content-length"] == str(len(document))
    assert transfer.body == document
    (media,) = generate.media()
    assert (media.kind, media.mime_type) == ("file", "application/pdf")
    assert media.uri == f"{gemini.base_url}/v1/files/fake000001"
    assert (delete.method, delete.path) == ("DELETE", "/v1/files/fake000001")
    assert gemini.deleted_files == ["files/fake000001"]
    assert gemini.files == {}


def test_an_uploaded_file_is_deleted_even_when_generation_fails(
    gemini: FakeGemini, fake_time: FakeTime
) -> None:
    extractor = make_extractor(gemini.base_url, fake_time, inline_max_bytes=10)
    gemini.reply(error_reply(400))

    with pytest.raises(ExtractorFailed):
        extractor.extract(b"%PDF-1.7" + b"\x00" * 64, MediaType.PDF, CONTEXT)

    assert gemini.deleted_files == ["files/fake000001"]


def test_a_file_still_processing_is_polled_until_active(
    gemini: FakeGemini, fake_time: FakeTime
) -> None:
    extractor = make_extractor(
        gemini.base_url, fake_time, inline_max_bytes=10, file_polling=FilePolling(interval_s=2.0)
    )
    gemini.upload_state = "PROCESSING"
    gemini.processing_polls = 2
    gemini.reply(json_reply(answer(wire_item())))

    result = extractor.extract(b"%PDF-1.7" + b"\x00" * 64, MediaType.PDF, CONTEXT)

    assert len(result.items) == 1
    polls = [r for r in gemini.requests if r.method == "GET"]
    assert len(polls) == 3
    assert fake_time.sleeps == [2.0, 2.0, 2.0]
    assert gemini.deleted_files == ["files/fake000001"]


def test_a_file_gemini_cannot_process_fails_and_is_deleted(
    gemini: FakeGemini, fake_time: FakeTime
) -> None:
    extractor = make_extractor(gemini.base_url, fake_time, inline_max_bytes=10)
    gemini.upload_state = "FAILED"

    with pytest.raises(ExtractorFailed, match="could not process"):
        extractor.extract(b"%PDF-1.7" + b"\x00" * 64, MediaType.PDF, CONTEXT)

    assert gemini.generate_requests == []
    assert gemini.deleted_files == ["files/fake000001"]


def test_an_upload_that_meets_a_503_is_retried(gemini: FakeGemini, fake_time: FakeTime) -> None:
    extractor = make_extractor(gemini.base_url, fake_time, inline_max_bytes=10)
    gemini.fail_upload_start(error_reply(503))
    gemini.reply(json_reply(answer(wire_item())))

    result = extractor.extract(b"%PDF-1.7" + b"\x00" * 64, MediaType.PDF, CONTEXT)

    assert len(result.items) == 1
    starts = [r for r in gemini.requests if r.path == "/upload/v1/files" and not r.query]
    assert len(starts) == 2
    assert fake_time.sleeps == [pytest.approx(1.5)]
