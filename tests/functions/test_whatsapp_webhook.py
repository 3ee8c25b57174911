"""The WhatsApp webhook through functions-framework: the handshake, signatures, every payload."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import functions_framework
import pytest
from flask.testing import FlaskClient

from shared.adapters.whatsapp_inbound import SIGNATURE_HEADER, sign
from shared.records import Message
from shared.settings import Settings
from shared.wiring import Container, use_container
from tests.fakes import RecordingMessenger
from tests.functions.conftest import MAIN, replying_container

SECRET = "test-app-secret"
VERIFY_TOKEN = "test-verify-token"
FIXTURES = Path(__file__).resolve().parents[1] / "data" / "whatsapp"
BODIES = [
    pytest.param(json.dumps(body).encode(), id=f"{path.stem}:{case}")
    for path in sorted(FIXTURES.glob("*.json"))
    for case, body in json.loads(path.read_text(encoding="utf-8")).items()
]


@pytest.fixture
def webhook(tmp_path: Path) -> Iterator[tuple[FlaskClient, Container, RecordingMessenger]]:
    settings = Settings(
        data_dir=tmp_path, whatsapp_app_secret=SECRET, whatsapp_verify_token=VERIFY_TOKEN
    )
    container, messenger = replying_container(settings)
    yield (
        functions_framework.create_app("whatsapp_webhook", MAIN).test_client(),
        container,
        messenger,
    )
    use_container(None)
    container.close()


def post(client: FlaskClient, body: bytes, signature: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers[SIGNATURE_HEADER] = signature
    return client.post("/", data=body, headers=headers).status_code


def test_there_are_74_meta_payloads_and_our_bsuid_ones() -> None:
    assert len(BODIES) == 74 + 4


@pytest.mark.parametrize("body", BODIES)
def test_every_signed_payload_is_answered_200(webhook, body: bytes) -> None:
    client, container, _ = webhook
    response = client.post(
        "/",
        data=body,
        headers={SIGNATURE_HEADER: sign(body, SECRET), "Content-Type": "application/json"},
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    received = response.get_json()["received"]
    assert sum(received.values()) >= 1
    assert "failed" not in received
    # Nothing is dropped silently: each update is a Message, an audit of an identity move,
    # or a record of what was ignored and why.
    recorded = (
        container.repos.messages.count()
        + container.repos.ignored_updates.count()
        + container.repos.audit_events.count()
    )
    assert recorded >= 1


@pytest.mark.parametrize("body", BODIES)
def test_every_payload_unsigned_or_tampered_is_refused_and_not_processed(
    webhook, body: bytes
) -> None:
    client, container, messenger = webhook
    signature = sign(body, SECRET)
    middle = len(body) // 2
    tampered = body[:middle] + bytes([body[middle] ^ 0x01]) + body[middle + 1 :]
    assert post(client, body, None) == 401
    assert post(client, tampered, signature) == 403
    assert post(client, body, sign(body, "another-secret")) == 403
    assert container.repos.messages.count() == 0
    assert container.repos.ignored_updates.count() == 0
    assert messenger.sent == []


def test_a_text_from_a_roster_parent_is_acted_on_and_answered(webhook) -> None:
    client, container, messenger = webhook
    body = (FIXTURES / "bsuid.json").read_text(encoding="utf-8")
    both = json.dumps(json.loads(body)["both_ids"]).encode()
    assert post(client, both, sign(both, SECRET)) == 200
    parent = container.repos.parents.get("p01")
    assert parent is not None and parent.whatsapp_user_id == "CA.1502576394655843"
    inbound = container.repos.messages.get(Message.id_for_inbound("wamid.BSUID-BOTH-1"))
    assert inbound is not None and inbound.parent_id == "p01" and inbound.intent == "done"
    assert len(messenger.bodies_to("+16045550101")) == 1


def test_an_unparseable_signed_body_is_recorded_and_acknowledged(webhook) -> None:
    client, container, _ = webhook
    body = b"{not json"
    assert post(client, body, sign(body, SECRET)) == 200
    assert [u.kind for u in container.repos.ignored_updates.find()] == ["unreadable"]


def test_without_an_app_secret_nothing_gets_in(tmp_path: Path) -> None:
    container = Container(Settings(data_dir=tmp_path))
    use_container(container)
    try:
        client = functions_framework.create_app("whatsapp_webhook", MAIN).test_client()
        body = b'{"object": "whatsapp_business_account", "entry": []}'
        assert post(client, body, sign(body, "")) == 403
    finally:
        use_container(None)
        container.close()


def test_the_handshake_echoes_the_challenge_only_for_our_token(webhook) -> None:
    client, _, _ = webhook
    good = {
        "hub.mode": "subscribe",
        "hub.verify_token": VERIFY_TOKEN,
        "hub.challenge": "1158201444",
    }
    response = client.get("/", query_string=good)
    assert response.status_code == 200 and response.get_data(as_text=True) == "1158201444"
    assert client.get("/", query_string={**good, "hub.verify_token": "nope"}).status_code == 403
    assert client.get("/", query_string={**good, "hub.mode": "unsubscribe"}).status_code == 403
    assert client.get("/").status_code == 403


def test_a_voice_note_goes_to_the_replies_task_which_answers_it(webhook) -> None:
    client, container, messenger = webhook
    body = json.loads((FIXTURES / "message.json").read_text(encoding="utf-8"))["voice"]
    message = body["entry"][0]["changes"][0]["value"]
    message["contacts"][0]["wa_id"] = message["messages"][0]["from"] = "16045550101"
    raw = json.dumps(body).encode()
    assert post(client, raw, sign(raw, SECRET)) == 200
    [(target, payload, _)] = container.tasks.tasks  # type: ignore[attr-defined]
    assert target == "whatsapp_replies" and messenger.sent == []
    replies = functions_framework.create_app("whatsapp_replies", MAIN).test_client()
    assert replies.post("/", json=payload).get_json() == {"outcome": "voice_note"}
    assert replies.post("/", json=payload).get_json() == {"outcome": "duplicate"}
    [(to, reply)] = messenger.sent
    assert to == "+16045550101" and "type" in reply
    assert replies.post("/", json={"message_id": "x"}).status_code == 400
