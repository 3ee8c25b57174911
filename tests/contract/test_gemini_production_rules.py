"""The Gemini extractor against the strict stand-in, on what production meets: the server's
retry delay honoured in full, a used-up daily quota, documented media types only, a schema
inside Gemini's subset, thinking tokens counted."""

from __future__ import annotations

import inspect

import pytest

from infra.audio_samples import decoded_seconds, recording
from infra.standins.gemini import (
    PER_DAY_QUOTA,
    PER_MINUTE_QUOTA,
    FakeGemini,
    error_reply,
    json_reply,
    quota_reply,
    text_reply,
)
from infra.standins.gemini_rules import DOCUMENTED_MIME_TYPES, unsupported_schema
from infra.standins.process import free_port
from shared.adapters.extractor_gemini import GeminiExtractor
from shared.adapters.gemini.retry import RetryPolicy
from shared.errors import ExtractorFailed, TransientError
from shared.extraction.sniff import MediaType, sniff_media_type
from shared.settings import Settings
from tests.contract.gemini_support import (
    CONTEXT,
    REPO_ROOT,
    FakeTime,
    answer,
    make_extractor,
    ogg_vorbis_head,
    wire_item,
)

VOICE_NOTE = REPO_ROOT / "infra" / "sample" / "voice" / "principal-reminders.ogg"

# --------------------------------------------------------------------------- the server's delay


def test_a_retry_delay_longer_than_the_backoff_cap_is_waited_in_full(
    gemini: FakeGemini, fake_time: FakeTime
) -> None:
    extractor = make_extractor(gemini.base_url, fake_time, policy=RetryPolicy(backoff_max_s=30))
    gemini.reply(quota_reply(PER_MINUTE_QUOTA, retry_delay_s=45), json_reply(answer(wire_item())))

    result = extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    assert len(result.items) == 1
    assert fake_time.sleeps == [45.0]  # never cut to the 30 s cap
    assert len(gemini.generate_requests) == 2


def test_a_retry_delay_longer_than_the_budget_left_hands_the_event_back_at_once(
    gemini: FakeGemini, fake_time: FakeTime
) -> None:
    extractor = make_extractor(gemini.base_url, fake_time, policy=RetryPolicy(budget_s=60))
    gemini.reply(quota_reply(PER_MINUTE_QUOTA, retry_delay_s=90), json_reply(answer(wire_item())))

    with pytest.raises(TransientError, match="wait of 90 s, more than the 60 s left"):
        extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    assert fake_time.sleeps == []  # not retried too early, not waited for nothing
    assert len(gemini.generate_requests) == 1


def test_one_budget_covers_every_call_for_a_document(
    gemini: FakeGemini, fake_time: FakeTime
) -> None:
    extractor = make_extractor(
        gemini.base_url, fake_time, max_attempts=5, policy=RetryPolicy(budget_s=60)
    )
    gemini.reply(
        error_reply(429, retry_delay_s=40),
        text_reply("not json"),  # a malformed answer: a second generate call, same budget
        error_reply(429, retry_delay_s=40),
        json_reply(answer(wire_item())),
    )

    with pytest.raises(TransientError, match="more than the 20 s left"):
        extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    assert fake_time.sleeps == [40.0]
    assert gemini.pending_replies == 1


def test_a_daily_quota_429_fails_over_at_once(gemini: FakeGemini, fake_time: FakeTime) -> None:
    extractor = make_extractor(gemini.base_url, fake_time)
    gemini.reply(quota_reply(PER_DAY_QUOTA, retry_delay_s=20), json_reply(answer(wire_item())))

    with pytest.raises(ExtractorFailed, match=r"daily quota is used up .*PerDay.*cannot help"):
        extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    assert fake_time.sleeps == []  # waiting 20 s would meet the same used-up day
    assert len(gemini.generate_requests) == 1


def test_a_deadline_exceeded_is_retried_like_other_server_errors(
    gemini: FakeGemini, fake_time: FakeTime
) -> None:
    extractor = make_extractor(gemini.base_url, fake_time, request_timeout_s=30)
    gemini.reply(json_reply(answer(), processing_s=90), json_reply(answer(wire_item())))

    result = extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    assert len(result.items) == 1
    assert fake_time.sleeps == [pytest.approx(1.5)]


def test_an_unreachable_endpoint_gives_back_the_event_within_the_budget(
    fake_time: FakeTime,
) -> None:
    closed = f"http://127.0.0.1:{free_port()}"
    extractor = make_extractor(closed, fake_time, max_attempts=10, policy=RetryPolicy(budget_s=10))

    with pytest.raises(TransientError, match="ConnectError"):
        extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    assert sum(fake_time.sleeps) <= 10


# --------------------------------------------------------------------------- media types

PASSED_THROUGH = {
    MediaType.PDF: (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "application/pdf"),
    MediaType.PNG: (b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
    MediaType.JPEG: (b"\xff\xd8\xff\xe0" + bytes(64), "image/jpeg"),
    MediaType.WEBP: (b"RIFF\x00\x00\x00\x00WEBPVP8 " + bytes(64), "image/webp"),
    MediaType.WAV: (recording("wav", "pcm_s16le"), "audio/wav"),
    MediaType.MP3: (recording("mp3", "libmp3lame"), "audio/mp3"),
}


@pytest.mark.parametrize("media_type", list(PASSED_THROUGH))
def test_documents_images_wav_and_mp3_are_sent_unchanged_under_their_documented_name(
    gemini: FakeGemini, extractor: GeminiExtractor, media_type: MediaType
) -> None:
    document, sent_as = PASSED_THROUGH[media_type]
    assert sniff_media_type(document) is media_type
    gemini.reply(json_reply(answer(wire_item(title="Bring a snack on Friday"))))

    result = extractor.extract(document, media_type, CONTEXT)

    assert [i.title for i in result.items] == ["Bring a snack on Friday"]
    (media,) = gemini.generate_requests[0].media()
    assert (media.kind, media.mime_type, media.data) == ("inline", sent_as, document)


def test_ogg_vorbis_is_sent_as_audio_ogg(gemini: FakeGemini, extractor: GeminiExtractor) -> None:
    document = ogg_vorbis_head()
    gemini.reply(json_reply(answer(wire_item())))

    extractor.extract(document, MediaType.OGG, CONTEXT)

    (media,) = gemini.generate_requests[0].media()
    assert (media.mime_type, media.data) == ("audio/ogg", document)
    assert "transcribe it in full" in gemini.generate_requests[0].prompt_text()


@pytest.mark.parametrize(
    ("document", "media_type", "sent_as"),
    [
        (VOICE_NOTE.read_bytes(), MediaType.OGG, "audio/flac"),  # Ogg Opus: not documented
        (recording("ipod", "aac"), MediaType.M4A, "audio/aac"),  # AAC copied into ADTS
        (recording("ipod", "alac"), MediaType.M4A, "audio/flac"),  # no AAC to copy
    ],
    ids=["ogg-opus", "m4a-aac", "m4a-alac"],
)
def test_audio_gemini_does_not_document_is_converted_to_a_type_it_does(
    gemini: FakeGemini,
    extractor: GeminiExtractor,
    document: bytes,
    media_type: MediaType,
    sent_as: str,
) -> None:
    gemini.reply(json_reply(answer(wire_item())))

    extractor.extract(document, media_type, CONTEXT)

    (media,) = gemini.generate_requests[0].media()
    assert media.mime_type == sent_as
    assert media.data is not None
    # The same sound, in the documented format: nothing cut.
    assert decoded_seconds(media.data) == pytest.approx(decoded_seconds(document), abs=0.1)
    if sent_as == "audio/aac":
        assert media.data[:2] == b"\xff\xf1"  # an ADTS frame, not an MP4 box


def test_every_sniffed_type_is_sent_as_a_type_gemini_documents(
    gemini: FakeGemini, extractor: GeminiExtractor
) -> None:
    samples = {
        **{media_type: document for media_type, (document, _) in PASSED_THROUGH.items()},
        MediaType.OGG: VOICE_NOTE.read_bytes(),
        MediaType.M4A: recording("ipod", "aac"),
    }
    assert set(samples) == set(MediaType)  # a new sniffed type needs a mapping and a sample
    gemini.reply(*(json_reply(answer(wire_item())) for _ in samples))

    for media_type, document in samples.items():
        extractor.extract(document, media_type, CONTEXT)

    sent = {m.mime_type for r in gemini.generate_requests for m in r.media()}
    assert sent <= DOCUMENTED_MIME_TYPES
    assert len(gemini.generate_requests) == len(samples)  # none refused by the stand-in


def test_audio_that_cannot_be_decoded_is_refused_before_anything_is_sent(
    gemini: FakeGemini, extractor: GeminiExtractor
) -> None:
    with pytest.raises(ExtractorFailed, match="recording could not be read"):
        extractor.extract(b"OggS\x00\x02" + bytes(range(256)) * 4, MediaType.OGG, CONTEXT)

    assert gemini.requests == []


def test_a_large_converted_recording_goes_through_the_file_api_as_its_new_type(
    gemini: FakeGemini, fake_time: FakeTime
) -> None:
    extractor = make_extractor(gemini.base_url, fake_time, inline_max_bytes=1024)
    gemini.reply(json_reply(answer(wire_item())))

    extractor.extract(VOICE_NOTE.read_bytes(), MediaType.OGG, CONTEXT)

    start = gemini.requests[0]
    assert start.headers["x-goog-upload-header-content-type"] == "audio/flac"
    (media,) = gemini.generate_requests[0].media()
    assert (media.kind, media.mime_type) == ("file", "audio/flac")


# --------------------------------------------------------------------------- schema and tokens


def test_the_response_schema_stays_inside_geminis_subset(
    gemini: FakeGemini, extractor: GeminiExtractor
) -> None:
    gemini.reply(json_reply(answer(wire_item())))

    extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    (request,) = gemini.generate_requests
    assert unsupported_schema(request.json()) is None
    assert "additional_properties" not in request.body.decode()  # pydantic extra="forbid"


def test_thinking_tokens_are_counted(gemini: FakeGemini, extractor: GeminiExtractor) -> None:
    gemini.reply(
        text_reply("not json", prompt_tokens=1000, output_tokens=5, thoughts_tokens=400),
        json_reply(answer(wire_item()), prompt_tokens=1000, output_tokens=200, thoughts_tokens=900),
    )

    result = extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    assert result.tokens_used == 1000 + 5 + 400 + 1000 + 200 + 900


# --------------------------------------------------------------------------- defaults


def test_the_constructor_defaults_are_the_settings_defaults() -> None:
    defaults = Settings()
    parameters = inspect.signature(GeminiExtractor).parameters

    assert parameters["model"].default == defaults.gemini_model
    assert parameters["inline_max_bytes"].default == defaults.gemini_inline_max_bytes
    assert parameters["temperature"].default is defaults.gemini_temperature is None
    assert defaults.gemini_model.startswith("gemini-3")  # 2.5 Flash is shut down
