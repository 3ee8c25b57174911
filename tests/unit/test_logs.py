"""Logs are one JSON object per line and never carry a phone number or a name in clear."""

from __future__ import annotations

import json
import logging

import pytest

from shared.logs import CloudLoggingFormatter, pseudonym, redact


def format_record(message: str, project: str | None = None, **extra: object) -> dict[str, object]:
    record = logging.LogRecord("parentpath", logging.WARNING, __file__, 1, message, None, None)
    for key, value in extra.items():
        setattr(record, key, value)
    return dict(json.loads(CloudLoggingFormatter(project).format(record)))


def test_entry_has_cloud_logging_fields() -> None:
    entry = format_record("digest sent", newsletter_id="n1")
    assert entry["severity"] == "WARNING"
    assert entry["message"] == "digest sent"
    assert entry["newsletter_id"] == "n1"
    assert "time" in entry


@pytest.mark.parametrize(
    "text",
    ["+16045550123", "+1 604 555 0123", "16045550123", "(604) 555-0123", "604.555.0123"],
)
def test_phone_numbers_in_messages_are_masked(text: str) -> None:
    entry = format_record(f"reply from {text} parsed")
    assert entry["message"] == "reply from ***23 parsed"


def test_addresses_dates_and_ids_are_not_mistaken_for_phones() -> None:
    text = "127.0.0.1 at 2026-11-25T14:55:30 generation 1795618555390131613"
    assert redact(text) == text


def test_personal_fields_are_pseudonymised_consistently() -> None:
    entry = format_record("x", phone="+16045550123", child_name="Mila Thompson")
    assert entry["phone"] == pseudonym("+16045550123")
    assert entry["child_name"] == pseudonym("Mila Thompson")
    assert "Mila" not in json.dumps(entry)
    assert "5550123" not in json.dumps(entry)


def test_nested_extra_values_are_scrubbed() -> None:
    entry = format_record("x", context={"phone": "+16045550123", "note": "call 604-555-0123"})
    assert entry["context"] == {"phone": pseudonym("+16045550123"), "note": "call ***23"}


def test_trace_id_becomes_the_cloud_logging_trace_field() -> None:
    entry = format_record("x", project="demo", trace_id="abc123")
    assert entry["logging.googleapis.com/trace"] == "projects/demo/traces/abc123"
