"""The target_item function through functions-framework, as Cloud Tasks calls it."""

from __future__ import annotations

from datetime import UTC, datetime

import functions_framework
import pytest
from flask.testing import FlaskClient

from shared.errors import TransientError
from shared.models import CardStatus, Item, ItemCategory, ItemStatus
from shared.wiring import Container
from tests.functions.conftest import MAIN

AT = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def client(container: Container) -> FlaskClient:
    return functions_framework.create_app("target_item", MAIN).test_client()


@pytest.fixture
def grade_3_item(container: Container) -> Item:
    """Grade 3 of the sample school: the Thompsons and Li Wei's families, both opted in."""
    item = Item(
        id="item-grade-3",
        school_id="sample-school",
        newsletter_id="nl-1",
        title="Field trip forms",
        category=ItemCategory.DEADLINE,
        grades=[3],
        confidence=0.95,
        status=ItemStatus.APPROVED,
        created_at=AT,
        updated_at=AT,
    )
    container.repos.items.put(item)
    return item


@pytest.fixture
def store_outage(monkeypatch: pytest.MonkeyPatch) -> None:
    def unavailable(*args: object) -> None:
        raise TransientError("Firestore unavailable: ServiceUnavailable")

    monkeypatch.setattr("functions.target_item.target_parents_for_item", unavailable)


def last_attempt_headers(container: Container) -> dict[str, str]:
    return {
        "X-CloudTasks-QueueName": "parentpath",
        "X-CloudTasks-TaskName": "target-item-task-1",
        "X-CloudTasks-TaskRetryCount": str(container.settings.task_max_attempts - 1),
    }


def test_an_approved_item_gets_a_card_per_parent(
    client: FlaskClient, container: Container, grade_3_item: Item
) -> None:
    response = client.post("/", json={"item_id": grade_3_item.id})
    assert response.status_code == 200
    assert response.get_json() == {"audience": 2, "created": 2, "restored": 0, "retracted": 0}
    cards = container.repos.cards.find()
    assert {c.parent_id for c in cards} == {"p01", "p06"}
    assert {c.status for c in cards} == {CardStatus.PENDING}


def test_a_retried_task_creates_no_duplicates(
    client: FlaskClient, container: Container, grade_3_item: Item
) -> None:
    assert client.post("/", json={"item_id": grade_3_item.id}).status_code == 200
    again = client.post("/", json={"item_id": grade_3_item.id})
    assert again.status_code == 200
    assert again.get_json()["created"] == 0
    assert container.repos.cards.count() == 2


@pytest.mark.parametrize(
    "body",
    [b"not json", b"{}", b'{"item_id": ""}', b'{"item_id": "x", "extra": 1}', b"[]"],
)
def test_a_malformed_body_is_a_400(client: FlaskClient, body: bytes) -> None:
    response = client.post("/", data=body, content_type="application/json")
    assert response.status_code == 400


def test_an_unknown_item_is_a_404(client: FlaskClient, container: Container) -> None:
    response = client.post("/", json={"item_id": "no-such-item"})
    assert response.status_code == 404
    assert container.repos.dead_letters.count() == 0  # not the last attempt


@pytest.mark.usefixtures("store_outage")
def test_a_store_outage_is_a_503_for_cloud_tasks_to_retry(
    client: FlaskClient, container: Container, grade_3_item: Item
) -> None:
    assert client.post("/", json={"item_id": grade_3_item.id}).status_code == 503
    assert container.repos.dead_letters.count() == 0  # Cloud Tasks will try again


@pytest.mark.usefixtures("store_outage")
def test_a_failing_last_attempt_is_kept_as_a_dead_letter(
    client: FlaskClient, container: Container, grade_3_item: Item
) -> None:
    headers = last_attempt_headers(container)
    response = client.post("/", json={"item_id": grade_3_item.id}, headers=headers)
    assert response.status_code == 503
    (dead,) = container.repos.dead_letters.find()
    assert dead.id == "target-item-task-1"
    assert (dead.queue, dead.target) == ("parentpath", "target_item")
    assert dead.payload == {"item_id": grade_3_item.id}
    assert dead.attempts == container.settings.task_max_attempts
    assert dead.last_error == "HTTP 503: TransientError"


def test_a_succeeding_last_attempt_leaves_no_dead_letter(
    client: FlaskClient, container: Container, grade_3_item: Item
) -> None:
    headers = last_attempt_headers(container)
    response = client.post("/", json={"item_id": grade_3_item.id}, headers=headers)
    assert response.status_code == 200
    assert container.repos.dead_letters.count() == 0
