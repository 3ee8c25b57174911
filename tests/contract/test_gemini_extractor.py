"""The Gemini extractor on the real google-genai client, against our local Gemini stand-in.

The stand-in (infra/standins/gemini.py) answers what each test queues, so these tests check our
wiring of the official client (paths, payloads, retries, File API, conversion), not Gemini's
reading. Sleep and the clock are injected: nothing here really waits for a backoff.
"""

from __future__ import annotations

import json
import logging
from datetime import date, time

import pytest
from google import genai
from google.genai import types

from infra.standins.gemini import (
    CannedResponse,
    FakeGemini,
    blocked_reply,
    error_reply,
    json_reply,
    text_reply,
)
from infra.standins.process import free_port
from shared.adapters.extractor_gemini import GeminiExtractor
from shared.adapters.gemini.client import GeminiClient
from shared.adapters.gemini.prompt import SYSTEM_INSTRUCTION, build_prompt
from shared.adapters.gemini.retry import RetryPolicy
from shared.errors import ExtractorFailed, TransientError, UnreadableDocument
from shared.extraction.sniff import MediaType
from shared.models import ItemAction, ItemCategory
from shared.ports import Extractor
from shared.settings import Settings
from tests.contract.gemini_support import (
    CONTEXT,
    MODEL,
    SAMPLE_PDF,
    FakeTime,
    answer,
    make_extractor,
    wire_item,
)

# --------------------------------------------------------------------------- success


def test_reads_a_pdf_inline_and_converts_the_items(
    gemini: FakeGemini, extractor: GeminiExtractor
) -> None:
    document = SAMPLE_PDF.read_bytes()
    gemini.reply(
        json_reply(
            answer(
                wire_item(
                    title="Pumpkin Patch Field Trip",
                    start_date="2026-10-20",
                    start_time="9:15",
                    end_time="14:30",
                    all_grades=False,
                    grades=[2, 1],
                    location="Hazelmere Farm",
                    confidence=0.92,
                ),
                wire_item(
                    title="Permission slip and $8 due",
                    category="deadline",
                    start_date="2026-10-14",
                    all_grades=False,
                    grades=[1, 2],
                    action_required=True,
                    action="sign",
                    confidence=0.88,
                ),
                wire_item(
                    title="Basketball practice",
                    start_date="2026-10-06",
                    start_time="15:15",
                    end_time="16:15",
                    all_grades=False,
                    grades=[4, 5],
                    activities=["basketball"],
                    recurrence="RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215",
                ),
                wire_item(
                    title="Scholastic Book Fair",
                    start_date="2026-10-19",
                    end_date="2026-10-23",
                    location="Library",
                ),
            ),
            prompt_tokens=2000,
            output_tokens=450,
        )
    )

    result = extractor.extract(document, MediaType.PDF, CONTEXT)

    assert result.extractor == "gemini"
    assert result.tokens_used == 2450
    assert result.issued_on == date(2026, 10, 2)
    assert result.notes == []
    trip, slip, practice, fair = result.items
    assert (trip.title, trip.category, trip.start_date) == (
        "Pumpkin Patch Field Trip",
        ItemCategory.EVENT,
        date(2026, 10, 20),
    )
    assert (trip.start_time, trip.end_time) == (time(9, 15), time(14, 30))
    assert trip.grades == [1, 2]
    assert trip.location == "Hazelmere Farm"
    assert trip.confidence == pytest.approx(0.92)
    assert slip.category is ItemCategory.DEADLINE
    assert (slip.action_required, slip.action) == (True, ItemAction.SIGN)
    assert practice.activities == ["basketball"]
    assert practice.recurrence == "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215"  # prefix removed
    assert practice.end_date is None
    assert (fair.start_date, fair.end_date, fair.grades) == (
        date(2026, 10, 19),
        date(2026, 10, 23),
        "all",
    )
    assert fair.to_label()["grades"] == "all"


def test_the_request_carries_the_document_the_school_and_the_schema(
    gemini: FakeGemini, extractor: GeminiExtractor
) -> None:
    document = SAMPLE_PDF.read_bytes()
    gemini.reply(json_reply(answer(wire_item())))

    extractor.extract(document, MediaType.PDF, CONTEXT)

    (request,) = gemini.requests
    # google-genai 3.6.1 with an api key and a custom base URL calls the v1 path.
    assert request.path == f"/v1/models/{MODEL}:generateContent"
    assert request.headers["x-goog-api-key"] == "test-key"
    (media,) = request.media()
    assert (media.kind, media.mime_type, media.data) == ("inline", "application/pdf", document)
    body = request.json()
    assert "inlineData" in body["contents"][0]["parts"][0]  # the document first, then the rest
    config = body["generationConfig"]
    assert config["responseMimeType"] == "application/json"
    schema = config["responseSchema"]
    item_schema = schema["properties"]["items"]["items"]
    assert {"title", "category", "start_date", "all_grades", "grades", "confidence"} <= set(
        item_schema["properties"]
    )
    assert item_schema["properties"]["category"]["enum"] == [c.value for c in ItemCategory]
    assert item_schema["properties"]["start_date"]["nullable"] is True
    assert body["systemInstruction"]["parts"][0]["text"] == SYSTEM_INSTRUCTION
    prompt = request.prompt_text()
    for expected in (
        "Maple Grove Elementary",
        "America/Vancouver",
        "Friday 2026-10-02",
        "School year: 2026-2027",
        "Kindergarten (0)",
        "Grade 5 (5)",
        "- basketball: Basketball; also called hoops, bball",
        "- robotics: Robotics Club; also called lego robotics",
        "Every explicit due date",
        "Not items: recaps of past events, thank-yous, mottos, bell times",
        "FREQ=WEEKLY;BYDAY=TH",
        "both inclusive",
    ):
        assert expected in prompt, expected


def test_building_from_settings_touches_no_network() -> None:
    settings = Settings(gemini_api_key="k", gemini_base_url="http://gemini.invalid:1")

    extractor: Extractor = GeminiExtractor.from_settings(settings)  # would fail if it connected

    assert extractor.name == "gemini"
    with pytest.raises(ValueError, match="GEMINI_API_KEY"):
        GeminiExtractor.from_settings(Settings(gemini_api_key=None))


def test_the_api_version_can_be_chosen(gemini: FakeGemini, fake_time: FakeTime) -> None:
    extractor = make_extractor(
        gemini.base_url, fake_time, inline_max_bytes=10, api_version="v1beta"
    )
    gemini.reply(json_reply(answer(wire_item())))

    extractor.extract(b"%PDF-1.7" + b"\x00" * 64, MediaType.PDF, CONTEXT)

    paths = [r.path for r in gemini.requests]
    assert paths == [
        "/upload/v1beta/files",
        "/upload/v1beta/files",
        f"/v1beta/models/{MODEL}:generateContent",
        "/v1beta/files/fake000001",
    ]


def test_the_client_is_built_on_first_use_and_kept(gemini: FakeGemini, fake_time: FakeTime) -> None:
    built: list[genai.Client] = []

    def factory() -> genai.Client:
        client = genai.Client(api_key="k", http_options=types.HttpOptions(base_url=gemini.base_url))
        built.append(client)
        return client

    extractor = GeminiExtractor(GeminiClient(factory, sleep=fake_time.sleep, clock=fake_time.clock))
    assert built == []  # cold start: no client yet
    gemini.reply(json_reply(answer(wire_item())), json_reply(answer(wire_item())))

    extractor.extract(b"%PDF-1.7 a", MediaType.PDF, CONTEXT)
    extractor.extract(b"%PDF-1.7 b", MediaType.PDF, CONTEXT)

    assert len(built) == 1  # one client for the life of the instance
    assert len(gemini.generate_requests) == 2


def test_an_empty_file_is_unreadable(gemini: FakeGemini, extractor: GeminiExtractor) -> None:
    with pytest.raises(UnreadableDocument):
        extractor.extract(b"", MediaType.PDF, CONTEXT)
    assert gemini.requests == []


# --------------------------------------------------------------------------- retries


def test_a_429_is_retried_after_a_backoff(
    gemini: FakeGemini, extractor: GeminiExtractor, fake_time: FakeTime
) -> None:
    gemini.reply(error_reply(429), json_reply(answer(wire_item())))

    result = extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    assert len(result.items) == 1
    assert len(gemini.generate_requests) == 2
    # First backoff: ceiling 2 s, equal jitter at 0.5 -> 1 + 0.5 * 1.
    assert fake_time.sleeps == [pytest.approx(1.5)]


def test_a_429_that_names_a_retry_delay_is_honoured(
    gemini: FakeGemini, extractor: GeminiExtractor, fake_time: FakeTime
) -> None:
    gemini.reply(error_reply(429, retry_delay_s=7), json_reply(answer(wire_item())))

    extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    assert fake_time.sleeps == [pytest.approx(7.0)]


def test_server_errors_until_the_last_attempt_are_transient(
    gemini: FakeGemini, fake_time: FakeTime
) -> None:
    jitters = iter([0.0, 1.0, 0.5, 1.0])
    extractor = make_extractor(
        gemini.base_url,
        fake_time,
        policy=RetryPolicy(max_attempts=5, backoff_max_s=5.0),
        jitter=lambda: next(jitters),
    )
    gemini.reply(error_reply(500), error_reply(503), error_reply(502), error_reply(500))
    gemini.reply(error_reply(504), json_reply(answer(wire_item())))  # never reached

    with pytest.raises(TransientError, match="5 times"):
        extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    assert len(gemini.generate_requests) == 5
    assert gemini.pending_replies == 1
    # Ceilings 2, 4, 8 -> capped 5, 5; each delay is within [ceiling/2, ceiling].
    assert fake_time.sleeps == [
        pytest.approx(1.0),
        pytest.approx(4.0),
        pytest.approx(3.75),
        pytest.approx(5.0),
    ]


def test_an_unreachable_endpoint_is_transient(fake_time: FakeTime) -> None:
    closed = f"http://127.0.0.1:{free_port()}"
    extractor = make_extractor(closed, fake_time, max_attempts=2)

    with pytest.raises(TransientError, match="ConnectError"):
        extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    assert len(fake_time.sleeps) == 1


def test_a_request_that_times_out_is_retried_then_transient(
    gemini: FakeGemini, fake_time: FakeTime
) -> None:
    extractor = make_extractor(gemini.base_url, fake_time, max_attempts=2, request_timeout_s=0.2)
    slow = CannedResponse(200, answer(wire_item()), delay_s=1.0)
    gemini.reply(slow, slow)

    with pytest.raises(TransientError, match="Timeout"):
        extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    assert len(gemini.generate_requests) == 2


@pytest.mark.parametrize("code", [400, 401, 403, 404])
def test_a_refused_request_fails_at_once(
    gemini: FakeGemini, extractor: GeminiExtractor, fake_time: FakeTime, code: int
) -> None:
    gemini.reply(error_reply(code), json_reply(answer(wire_item())))

    with pytest.raises(ExtractorFailed, match=f"{code} .*fake Gemini answered {code}"):
        extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    assert len(gemini.generate_requests) == 1
    assert fake_time.sleeps == []


# --------------------------------------------------------------------------- bad answers


def test_malformed_output_is_retried_then_fails(
    gemini: FakeGemini, extractor: GeminiExtractor
) -> None:
    gemini.reply(
        text_reply('{"items": [{"title": "Picture Da'),  # cut short
        json_reply({"events": []}),  # not our shape
        json_reply(answer({"name": "Picture Day"})),  # no item fits the schema
    )

    with pytest.raises(ExtractorFailed, match="after 3 attempts"):
        extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    assert len(gemini.generate_requests) == 3


def test_no_temperature_is_sent_and_a_retry_says_what_was_wrong(
    gemini: FakeGemini, extractor: GeminiExtractor
) -> None:
    gemini.reply(
        text_reply("not json"), json_reply({"events": []}), json_reply(answer(wire_item()))
    )

    extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    first, second, third = gemini.generate_requests
    for request in (first, second, third):
        assert "temperature" not in request.json()["generationConfig"]  # Gemini 3 deprecates it
    assert "previous answer" not in first.prompt_text()
    assert "could not be used (not JSON)" in second.prompt_text()
    assert "could not be used (no list of items)" in third.prompt_text()
    assert second.media() == first.media()  # the same document, only the note differs


def test_a_configured_temperature_is_sent(gemini: FakeGemini, fake_time: FakeTime) -> None:
    settings = Settings(gemini_api_key="k", gemini_base_url=gemini.base_url, gemini_temperature=0.2)
    extractor = GeminiExtractor.from_settings(settings)
    gemini.reply(json_reply(answer(wire_item())))

    extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    (request,) = gemini.generate_requests
    assert request.json()["generationConfig"]["temperature"] == pytest.approx(0.2)


def test_an_answer_that_is_not_json_at_all_is_retried_like_a_server_error(
    gemini: FakeGemini, extractor: GeminiExtractor, fake_time: FakeTime
) -> None:
    gemini.reply(
        CannedResponse(200, b"<html><body>upstream hiccup</body></html>"),
        json_reply(answer(wire_item())),
    )

    result = extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    assert len(result.items) == 1
    assert fake_time.sleeps == [pytest.approx(1.5)]


def test_one_malformed_answer_then_a_good_one_counts_every_token(
    gemini: FakeGemini, extractor: GeminiExtractor
) -> None:
    gemini.reply(
        text_reply("Here are the items: ...", prompt_tokens=1000, output_tokens=10),
        json_reply(answer(wire_item()), prompt_tokens=1000, output_tokens=200),
    )

    result = extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    assert len(result.items) == 1
    assert result.tokens_used == 2210


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (blocked_reply("SAFETY"), "blocked the document"),
        (blocked_reply("PROHIBITED_CONTENT"), "PROHIBITED_CONTENT"),
        (json_reply(answer(), finish_reason="SAFETY"), "SAFETY"),
        (json_reply(answer(), finish_reason="RECITATION"), "RECITATION"),
        (text_reply('{"items": [', finish_reason="MAX_TOKENS"), "cut off"),
        (text_reply(""), "empty answer"),
        (CannedResponse(200, {"candidates": [], "usageMetadata": {}}), "no candidate"),
    ],
)
def test_blocked_or_empty_answers_fail_without_retry(
    gemini: FakeGemini, extractor: GeminiExtractor, reply: CannedResponse, reason: str
) -> None:
    gemini.reply(reply, json_reply(answer(wire_item())))

    with pytest.raises(ExtractorFailed, match=reason):
        extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    assert len(gemini.generate_requests) == 1


# --------------------------------------------------------------------------- conversion


def test_items_that_cannot_be_represented_are_dropped_not_the_document(
    gemini: FakeGemini, extractor: GeminiExtractor
) -> None:
    gemini.reply(
        json_reply(
            answer(
                wire_item(title="Leap day assembly", start_date="2026-02-30"),
                wire_item(title="Sports day", start_date="next Tuesday"),
                wire_item(title="Spring break", start_date="2027-03-19", end_date="2027-03-15"),
                wire_item(title="Mystery", category="gossip"),
                wire_item(title="   "),
                wire_item(title="Spirit day", confidence=1.7, start_time="25:00"),
                wire_item(title="Bake sale", confidence=-0.2, recurrence="every tuesday"),
            )
        )
    )

    result = extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    by_title = {item.title: item for item in result.items}
    assert sorted(by_title) == ["Bake sale", "Spirit day"]
    assert by_title["Spirit day"].confidence == 1.0
    assert by_title["Spirit day"].start_time is None
    assert by_title["Bake sale"].confidence == 0.0
    assert by_title["Bake sale"].recurrence is None
    notes = "\n".join(result.notes)
    assert "start_date '2026-02-30' is not a calendar date" in notes
    assert 'Left out "Sports day": start_date is not YYYY-MM-DD' in notes
    assert "end_date 2027-03-15 is before start_date 2027-03-19" in notes
    assert "Left out item 4: not in the schema (category)" in notes
    assert "Left out item 5: no title" in notes
    assert 'Changed "Spirit day": start_time dropped' in notes
    assert 'Changed "Bake sale": recurrence is not an RRULE' in notes


def test_the_school_policy_is_left_to_validation(
    gemini: FakeGemini, extractor: GeminiExtractor
) -> None:
    """Grades, far dates and repeats come back as Gemini read them (validation checks them)."""
    gemini.reply(
        json_reply(
            answer(
                wire_item(title="Grade 11 grad photos", all_grades=False, grades=[11]),
                wire_item(title="Reading buddies", all_grades=False, grades=[3, 11, -1, 3]),
                wire_item(title="Reunion", start_date="2028-06-01"),
                wire_item(title="Spirit day"),
                wire_item(title="Spirit day"),
            )
        )
    )

    result = extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    assert [i.title for i in result.items] == [
        "Grade 11 grad photos",
        "Reading buddies",
        "Reunion",
        "Spirit day",
        "Spirit day",
    ]
    photos, buddies, reunion, _, _ = result.items
    assert photos.grades == [11]
    assert buddies.grades == [-1, 3, 11]  # sorted, once each
    assert reunion.start_date == date(2028, 6, 1)
    assert result.notes == []


def test_activity_names_and_synonyms_become_slugs_and_unknown_names_pass_through(
    gemini: FakeGemini, extractor: GeminiExtractor
) -> None:
    gemini.reply(
        json_reply(
            answer(
                wire_item(title="Choir concert", activities=["Choir", "HOOPS", "choir"]),
                wire_item(title="Robotics showcase", activities=[" Lego Robotics ", "robotics"]),
                wire_item(title="Chess and coding fair", activities=["chess", "underwater-hockey"]),
            )
        )
    )

    choir, robotics, fair = extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT).items

    assert choir.activities == ["choir", "basketball"]  # name and synonym, once each
    assert robotics.activities == ["robotics"]
    assert fair.activities == ["chess", "underwater-hockey"]  # validation removes the stranger


def test_a_lone_end_date_is_the_items_date_and_a_recurrence_keeps_its_end(
    gemini: FakeGemini, extractor: GeminiExtractor
) -> None:
    gemini.reply(
        json_reply(
            answer(
                wire_item(title="Hot lunch orders close", start_date=None, end_date="2026-10-09"),
                wire_item(
                    title="Choir rehearsal",
                    start_date="2026-10-07",
                    end_date="2026-12-09",
                    recurrence="FREQ=WEEKLY;BYDAY=WE",
                ),
                wire_item(title="Sports day", start_date="2026-10-16", end_date="2026-10-16"),
                wire_item(title="Bad issue date"),
                issued_on="2026-13-01",
            )
        )
    )

    result = extractor.extract(b"%PDF-1.7", MediaType.PDF, CONTEXT)

    orders, choir, sports, _ = result.items
    assert (orders.start_date, orders.end_date) == (date(2026, 10, 9), None)
    assert choir.end_date is None
    assert choir.recurrence == "FREQ=WEEKLY;BYDAY=WE;UNTIL=20261209"
    assert (sports.start_date, sports.end_date) == (date(2026, 10, 16), None)  # one day
    assert result.issued_on is None  # an impossible document date is not reported


def test_logs_carry_no_document_text(
    gemini: FakeGemini, extractor: GeminiExtractor, caplog: pytest.LogCaptureFixture
) -> None:
    secret_title = "Call Ms Okafor at 604-555-0123 about Amara's allergy"
    gemini.reply(
        error_reply(503),
        text_reply("Sure! Amara's allergy plan is attached."),
        json_reply(
            answer(
                wire_item(title=secret_title, details="Amara needs her EpiPen on 604-555-0123"),
                wire_item(title=f"{secret_title} again", start_date="Amara's birthday"),
                wire_item(title="Picture Day", start_time="after Amara's nap"),
            )
        ),
    )
    caplog.set_level(logging.INFO)

    result = extractor.extract(b"%PDF-1.7 Amara", MediaType.PDF, CONTEXT)

    assert [i.title for i in result.items] == [secret_title, "Picture Day"]
    logged = "\n".join(
        f"{record.getMessage()} {json.dumps(vars(record), default=str)}"
        for record in caplog.records
    )
    assert "gemini item dropped" in logged and "gemini item trimmed" in logged
    assert "gemini extraction done" in logged
    for leak in ("Amara", "Okafor", "604-555-0123", "6045550123", "EpiPen"):
        assert leak not in logged


# --------------------------------------------------------------------------- the prompt


def test_the_prompt_names_the_school_year_and_an_unknown_issue_date() -> None:
    context = CONTEXT.model_copy(
        update={"issued_on": date(2027, 2, 26), "issued_on_is_known": False, "activities": []}
    )

    prompt = build_prompt(context, MediaType.PDF)

    assert "Friday 2027-02-26 (the upload date; if the document shows its own date" in prompt
    assert "School year: 2026-2027" in prompt
    assert "between 2026-08-01 and 2027-07-31" in prompt
    assert "Activity catalog: empty" in prompt
