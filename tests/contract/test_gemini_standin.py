"""The Gemini stand-in refuses what Gemini refuses, with Gemini's error bodies, driven with the
official google-genai client (so the adapter's tests mean something)."""

from __future__ import annotations

import io
import re
from typing import Any

import httpx
import pytest
from google import genai
from google.genai import errors as genai_errors
from google.genai import types
from pydantic import BaseModel, ConfigDict

from infra.standins.gemini import (
    PER_DAY_QUOTA,
    CannedResponse,
    FakeGemini,
    RecordedRequest,
    error_reply,
    json_reply,
    quota_reply,
    text_reply,
)
from shared.adapters.gemini.retry import error_details


def client_for(gemini: FakeGemini, timeout_s: float | None = None) -> genai.Client:
    options = types.HttpOptions(base_url=gemini.base_url)
    if timeout_s is not None:
        options.timeout = int(timeout_s * 1000)
    return genai.Client(api_key="k", http_options=options)


def generate(
    client: genai.Client, *parts: types.Part, **config: Any
) -> types.GenerateContentResponse:
    return client.models.generate_content(
        model="gemini-3.8-flash",
        contents=[types.Content(role="user", parts=[*parts, types.Part.from_text(text="read")])],
        config=types.GenerateContentConfig(**config) if config else None,
    )


@pytest.mark.parametrize("mime_type", ["audio/mpeg", "audio/mp4", "image/jpg", "application/zip"])
def test_an_undocumented_mime_type_is_refused_with_geminis_body(
    gemini: FakeGemini, mime_type: str
) -> None:
    gemini.reply(json_reply({"items": []}))

    with pytest.raises(genai_errors.ClientError) as refused:
        generate(client_for(gemini), types.Part.from_bytes(data=b"ID3....", mime_type=mime_type))

    assert refused.value.code == 400
    assert refused.value.status == "INVALID_ARGUMENT"
    assert refused.value.message == f"Unsupported MIME type: {mime_type}"
    assert gemini.pending_replies == 1  # refused before any answer was used


@pytest.mark.parametrize("mime_type", ["audio/mp3", "audio/aac", "audio/flac", "audio/ogg"])
def test_documented_audio_types_are_accepted(gemini: FakeGemini, mime_type: str) -> None:
    gemini.reply(text_reply("ok"))

    response = generate(client_for(gemini), types.Part.from_bytes(data=b"...", mime_type=mime_type))

    assert response.text == "ok"


class ClosedShape(BaseModel):
    """A response model that forbids extra fields: google-genai sends additional_properties."""

    model_config = ConfigDict(extra="forbid")
    a: str


def test_a_closed_pydantic_schema_is_refused_as_gemini_refuses_it(gemini: FakeGemini) -> None:
    gemini.reply(json_reply({"a": "x"}))
    client = client_for(gemini)

    with pytest.raises(genai_errors.ClientError) as refused:
        generate(client, response_mime_type="application/json", response_schema=ClosedShape)

    assert (refused.value.code, refused.value.status) == (400, "INVALID_ARGUMENT")
    assert refused.value.message == (
        'Invalid JSON payload received. Unknown name "additional_properties" at '
        "'generation_config.response_schema': Cannot find field."
    )
    (bad_request,) = refused.value.details["error"]["details"]
    assert bad_request["@type"] == "type.googleapis.com/google.rpc.BadRequest"
    assert bad_request["fieldViolations"][0]["field"] == "generation_config.response_schema"


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        (
            {
                "type": "OBJECT",
                "properties": {
                    "a": {"type": "STRING"},
                    "b": {"type": "ARRAY", "items": {"$ref": "#/$defs/Item"}},
                },
                "$defs": {"Item": {"type": "STRING"}},
            },
            'Unknown name "$ref" at '
            "'generation_config.response_schema.properties[1].value.items'",
        ),
        (
            {"type": "OBJECT", "properties": {"a": {"oneOf": [{"type": "STRING"}]}}},
            "Unknown name \"oneOf\" at 'generation_config.response_schema.properties[0].value'",
        ),
        (
            {"type": "OBJECT", "properties": {"a": {"type": ["STRING", "NULL"]}}},
            "Proto field is not repeating, cannot start list.",
        ),
    ],
)
def test_json_schema_keywords_are_refused_in_response_schema(
    gemini: FakeGemini, schema: dict[str, Any], message: str
) -> None:
    # google-genai refuses these before sending; a hand-written request reaches the server.
    gemini.reply(json_reply({"a": "x"}))
    body = {
        "contents": [{"role": "user", "parts": [{"text": "read"}]}],
        "generationConfig": {"responseMimeType": "application/json", "responseSchema": schema},
    }

    answer = httpx.post(f"{gemini.base_url}/v1/models/gemini-3.8-flash:generateContent", json=body)

    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["status"] == "INVALID_ARGUMENT"
    assert message in error["message"]
    assert gemini.pending_replies == 1


def test_schema_keywords_gemini_has_are_accepted(gemini: FakeGemini) -> None:
    gemini.reply(json_reply({"a": "x"}))
    schema = {
        "type": "OBJECT",
        "properties": {
            "a": {"type": "STRING", "nullable": True, "enum": ["x", "y"], "description": "d"},
            "b": {"anyOf": [{"type": "STRING"}, {"type": "INTEGER"}]},
            "c": {"type": "ARRAY", "items": {"type": "NUMBER", "minimum": 0}, "maxItems": 3},
        },
        "required": ["a"],
        "propertyOrdering": ["a", "b", "c"],
    }

    response = generate(
        client_for(gemini), response_mime_type="application/json", response_schema=schema
    )

    assert response.text == '{"a": "x"}'


def test_thinking_tokens_are_reported_apart_and_in_the_total(gemini: FakeGemini) -> None:
    gemini.reply(text_reply("ok", prompt_tokens=100, output_tokens=20, thoughts_tokens=300))

    meta = generate(client_for(gemini)).usage_metadata

    assert meta is not None
    assert (meta.prompt_token_count, meta.candidates_token_count) == (100, 20)
    assert meta.thoughts_token_count == 300
    assert meta.total_token_count == 420


def test_a_quota_429_carries_quota_failure_help_and_retry_info(gemini: FakeGemini) -> None:
    gemini.reply(quota_reply(PER_DAY_QUOTA, retry_delay_s=52.5))

    with pytest.raises(genai_errors.ClientError) as refused:
        generate(client_for(gemini))

    assert (refused.value.code, refused.value.status) == (429, "RESOURCE_EXHAUSTED")
    kinds = [d["@type"].rsplit(".", 1)[-1] for d in refused.value.details["error"]["details"]]
    assert kinds == ["QuotaFailure", "Help", "RetryInfo"]
    details = error_details(refused.value)
    assert details.retry_delay_s == 52.5
    assert details.daily_quota_ids == (PER_DAY_QUOTA,)


def test_deadline_exceeded_only_when_processing_outlasts_the_clients_deadline(
    gemini: FakeGemini,
) -> None:
    client = client_for(gemini, timeout_s=30)
    gemini.reply(text_reply("slow but in time", processing_s=20))
    gemini.reply(text_reply("too slow", processing_s=45))

    assert generate(client).text == "slow but in time"
    with pytest.raises(genai_errors.ServerError) as late:
        generate(client)

    assert (late.value.code, late.value.status) == (504, "DEADLINE_EXCEEDED")
    assert gemini.generate_requests[1].headers["x-server-timeout"] == "30"
    assert error_reply(408).body["error"]["status"] == "UNKNOWN"  # Gemini never answers 408


def test_a_file_that_is_not_active_is_refused_with_failed_precondition(gemini: FakeGemini) -> None:
    client = client_for(gemini)
    gemini.upload_state = "PROCESSING"
    gemini.processing_polls = 5
    uploaded = client.files.upload(
        file=io.BytesIO(b"%PDF-1.7 x"), config=types.UploadFileConfig(mime_type="application/pdf")
    )
    gemini.reply(text_reply("never used"))

    with pytest.raises(genai_errors.ClientError) as refused:
        generate(
            client, types.Part.from_uri(file_uri=uploaded.uri or "", mime_type="application/pdf")
        )

    assert (refused.value.code, refused.value.status) == (400, "FAILED_PRECONDITION")
    assert "is not in an ACTIVE state" in (refused.value.message or "")


def test_another_module_can_add_an_endpoint(gemini: FakeGemini) -> None:
    def embed(request: RecordedRequest, match: re.Match[str]) -> CannedResponse:
        count = len(request.json()["requests"])
        return CannedResponse(200, {"embeddings": [{"values": [0.5, 0.5]}] * count})

    gemini.add_route(
        "POST", r"^/(?P<version>v1[a-z0-9]*)/models/(?P<model>[^/:]+):batchEmbedContents$", embed
    )

    client = client_for(gemini)  # kept: a genai.Client closes its connections when collected
    result = client.models.embed_content(model="gemini-embedding-2", contents="a")

    assert [e.values for e in result.embeddings or []] == [[0.5, 0.5]]
    assert gemini.requests[0].path == "/v1/models/gemini-embedding-2:batchEmbedContents"
