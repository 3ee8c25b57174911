"""Meta's webhook payloads read into the domain's events, and the signature check."""

from __future__ import annotations

import json
from pathlib import Path

from shared.adapters.whatsapp_inbound import events_from_body, sign, verify_signature
from shared.services.inbound import (
    DeliveryStatus,
    IdentityChange,
    IgnoredUpdate,
    IncomingMessage,
    Sender,
)

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "whatsapp"


def events(file: str, case: str) -> list[object]:
    body = json.loads((FIXTURES / file).read_text(encoding="utf-8"))[case]
    return list(events_from_body(json.dumps(body).encode()))


def test_the_signature_is_the_hmac_of_the_exact_bytes() -> None:
    body = b'{"object":"whatsapp_business_account"}'
    assert verify_signature(body, sign(body, "s3cret"), "s3cret")
    assert not verify_signature(body + b" ", sign(body, "s3cret"), "s3cret")
    assert not verify_signature(body, sign(body, "s3cret").upper(), "s3cret")
    assert not verify_signature(body, "sha1=" + sign(body, "s3cret")[7:], "s3cret")
    assert not verify_signature(body, None, "s3cret")
    assert not verify_signature(body, sign(body, ""), "")


def test_a_text_carries_both_ids_of_its_sender() -> None:
    [event] = events("message.json", "text")
    assert isinstance(event, IncomingMessage)
    assert event.sender == Sender("+972987654321", "US.13491208655302741918")
    assert (event.kind, event.text) == ("text", "Body Text")


def test_a_bsuid_only_sender_has_no_phone() -> None:
    [event] = events("bsuid.json", "bsuid_only")
    assert isinstance(event, IncomingMessage)
    assert event.sender == Sender(None, "CA.1502576394655843")


def test_buttons_and_list_rows_carry_their_ids() -> None:
    [button] = events("callback_button.json", "button")
    [quick] = events("callback_button.json", "quick_reply_without_context")
    [row] = events("callback_selection.json", "callback")
    assert isinstance(button, IncomingMessage) and button.reply_id == "callback_data"
    assert isinstance(quick, IncomingMessage) and quick.kind == "button"
    assert isinstance(row, IncomingMessage) and row.kind == "list_reply"


def test_a_voice_note_is_audio_with_its_media_id() -> None:
    [event] = events("message.json", "voice")
    assert isinstance(event, IncomingMessage) and event.is_voice and event.media_id


def test_system_messages_move_identities() -> None:
    [number] = events("bsuid.json", "user_changed_number")
    [user_id] = events("bsuid.json", "user_changed_user_id")
    assert isinstance(number, IdentityChange) and isinstance(user_id, IdentityChange)
    assert number.previous == Sender("+16045550101", "CA.1502576394655843")
    assert number.current == Sender("+16045550199", "CA.9988776655443322")
    assert user_id.previous.user_id == "CA.1502576394655843"
    assert user_id.current.user_id == "CA.5566778899001122"
    [other] = events("system.json", "identity_change")
    assert isinstance(other, IgnoredUpdate) and other.kind == "system:customer_identity_changed"


def test_a_failed_status_carries_its_error_code() -> None:
    [event] = events("message_status.json", "failed")
    assert isinstance(event, DeliveryStatus)
    assert (event.status, event.error_code) == ("failed", 130472)


def test_updates_of_other_fields_are_ignored_with_their_kind() -> None:
    [event] = events("template_status_update.json", "approved")
    assert isinstance(event, IgnoredUpdate) and event.kind == "field:message_template_status_update"
    assert events_from_body(b"[]")[0] == IgnoredUpdate("unreadable", "not a WhatsApp webhook body")
