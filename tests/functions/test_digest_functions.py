"""build_digests and send_digest through functions-framework, as Cloud Scheduler and Cloud
Tasks call them; once with the production WhatsApp and Twilio adapters against stand-ins."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import functions_framework
import pytest
from flask.testing import FlaskClient

from infra.local_stack import seed_sample_school
from infra.standins.messaging import (
    TwilioStandin,
    WhatsAppCloudStandin,
    serve_twilio,
    serve_whatsapp,
)
from shared.adapters.clock import FixedClock
from shared.adapters.messenger_outbox import OUTBOX_COLLECTION
from shared.models import ConsentState
from shared.ports import Query
from shared.services.targeting import target_parents_for_item
from shared.settings import Settings
from shared.wiring import Container, use_container
from tests.digest_world import DIGEST_MOMENT, WEEK
from tests.fakes import RecordingQueue
from tests.functions.conftest import MAIN


def _client(name: str) -> FlaskClient:
    return functions_framework.create_app(name, MAIN).test_client()


def _stack(tmp_path: Path, **settings: object) -> Container:
    clock = FixedClock(DIGEST_MOMENT)
    container = Container(
        Settings(data_dir=tmp_path, **settings), clock=clock, tasks=RecordingQueue()
    )
    seed_sample_school(container)
    for item in WEEK:
        container.repos.items.put(item)
        target_parents_for_item(item.id, container.repos, clock)
    use_container(container)
    return container


@pytest.fixture
def local(tmp_path: Path) -> Iterator[Container]:
    container = _stack(tmp_path)
    yield container
    use_container(None)
    container.close()


def _queued(container: Container) -> list[dict]:
    return [payload for _, payload, _ in container.tasks.tasks]  # type: ignore[attr-defined]


def test_a_tick_queues_each_family_once_and_each_task_sends_once(local: Container) -> None:
    first = _client("build_digests").post("/", json={"source": "scheduler"})
    again = _client("build_digests").post("/", json={"source": "scheduler"})
    assert first.status_code == 200 and first.get_json()["enqueued"] == 8
    assert again.get_json()["enqueued"] == 0
    send = _client("send_digest")
    for payload in _queued(local):
        assert send.post("/", json=payload).get_json()["outcome"] == "sent"
        assert send.post("/", json=payload).get_json()["outcome"] == "already_sent"
    outbox = local.store.query(Query(OUTBOX_COLLECTION))
    assert sorted(m["to"] for m in outbox) == sorted({m["to"] for m in outbox})
    assert len(outbox) == 8


def test_a_malformed_task_is_refused_not_retried(local: Container) -> None:
    response = _client("send_digest").post("/", json={"parent": "p04"})
    assert response.status_code == 400


def test_a_stopped_parent_is_answered_2xx_and_gets_nothing(local: Container) -> None:
    _client("build_digests").post("/", json={})
    payload = next(p for p in _queued(local) if p["parent_id"] == "p04")
    local.repos.store.update("parents", "p04", {"consent": ConsentState.OPTED_OUT.value})
    response = _client("send_digest").post("/", json=payload)
    assert response.status_code == 200 and response.get_json()["reason"] == "opted out"


@pytest.fixture
def cloud(tmp_path: Path) -> Iterator[tuple[Container, WhatsAppCloudStandin, TwilioStandin]]:
    with serve_whatsapp() as whatsapp, serve_twilio() as twilio:
        container = _stack(
            tmp_path,
            messenger_backend="cloud",
            whatsapp_graph_base_url=whatsapp.base_url,
            whatsapp_phone_number_id=whatsapp.phone_number_id,
            whatsapp_access_token=whatsapp.access_token,
            whatsapp_seconds_between_messages_to_a_user=0.0,
            twilio_base_url=twilio.base_url,
            twilio_account_sid=twilio.account_sid,
            twilio_auth_token=twilio.auth_token,
            twilio_from_number="+16045550000",
        )
        yield container, whatsapp, twilio
        use_container(None)
        container.close()


def test_a_whatsapp_outage_answers_503_and_the_retry_sends_once(cloud) -> None:
    container, whatsapp, _ = cloud
    _client("build_digests").post("/", json={})
    payload = next(p for p in _queued(container) if p["parent_id"] == "p04")
    whatsapp.fail_next_with_outage()
    send = _client("send_digest")
    assert send.post("/", json=payload).status_code == 503
    assert send.post("/", json=payload).get_json()["outcome"] == "sent"
    assert send.post("/", json=payload).get_json()["outcome"] == "already_sent"
    [sent] = whatsapp.sent
    assert sent["to"] == "16045550104" and sent["type"] == "template"
    [message] = [m for m in container.repos.messages.find() if m.direction == "outbound"]
    assert message.provider_message_id == sent["_id"]


def test_not_on_whatsapp_goes_by_twilio_sms_instead(cloud) -> None:
    container, whatsapp, twilio = cloud
    whatsapp.not_on_whatsapp.add("16045550102")
    _client("build_digests").post("/", json={})
    payload = next(p for p in _queued(container) if p["parent_id"] == "p02")
    answer = _client("send_digest").post("/", json=payload).get_json()
    assert (answer["outcome"], answer["channel"]) == ("sent", "sms")
    [sms] = twilio.sent
    assert sms["To"] == "+16045550102" and "/calendar/d/" in sms["Body"]
    assert not container.repos.parents.get("p02").whatsapp_reachable  # type: ignore[union-attr]
