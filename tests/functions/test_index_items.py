"""The index_items function through functions-framework, as Cloud Tasks calls it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import functions_framework
import pytest
from flask.testing import FlaskClient

from shared.models import Item, ItemCategory, ItemStatus, Newsletter, NewsletterStatus
from shared.ports import VectorFilter
from shared.wiring import Container
from tests.functions.conftest import MAIN

AT = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def client(container: Container) -> FlaskClient:
    return functions_framework.create_app("index_items", MAIN).test_client()


def _item(n: int, newsletter_id: str, title: str, **fields: object) -> Item:
    return Item.model_validate(
        {
            "id": f"{newsletter_id}-item-{n}",
            "school_id": "sample-school",
            "newsletter_id": newsletter_id,
            "title": title,
            "category": ItemCategory.EVENT,
            "start_date": date(2026, 10, 7 + n),
            "confidence": 0.9,
            "created_at": AT,
            "updated_at": AT,
            **fields,
        }
    )


@pytest.fixture
def newsletter(container: Container) -> Newsletter:
    parsed = Newsletter(
        id="nl-1",
        school_id="sample-school",
        bucket="b",
        object_name="weekly.pdf",
        generation="1",
        size_bytes=10,
        status=NewsletterStatus.PARSED,
        uploaded_at=AT,
    )
    items = [
        _item(0, "nl-1", "Picture Day"),
        _item(1, "nl-1", "Basketball practice", grades=[4, 5], activities=["basketball"]),
        _item(2, "nl-1", "Pie fundraiser orders due", category=ItemCategory.FUNDRAISER),
        _item(3, "nl-1", "Old rumour", status=ItemStatus.REJECTED),
    ]
    container.repos.newsletters.put(parsed.model_copy(update={"item_ids": [i.id for i in items]}))
    container.repos.items.put_many(items)
    return parsed


def indexed(container: Container) -> set[str]:
    index = container.item_index
    where = VectorFilter(equals={"school_id": "sample-school"})
    return {
        h.id for h in index.vectors.search(index.collection, [1.0] * 384, limit=50, where=where)
    }


def test_a_newsletter_is_indexed_without_its_rejected_items(
    client: FlaskClient, container: Container, newsletter: Newsletter
) -> None:
    response = client.post("/", json={"newsletter_id": newsletter.id})
    assert response.status_code == 200
    assert response.get_json() == {"indexed": 3, "removed": 1, "possible_duplicates": 0}
    assert indexed(container) == {"nl-1-item-0", "nl-1-item-1", "nl-1-item-2"}
    hit = next(
        h
        for h in container.item_index.vectors.search(
            container.item_index.collection, [1.0] * 384, limit=10
        )
        if h.id == "nl-1-item-1"
    )
    assert hit.payload["grades"] == [4, 5]
    assert hit.payload["activities"] == ["basketball"]
    assert (hit.payload["school_id"], hit.payload["newsletter_id"]) == ("sample-school", "nl-1")
    assert (hit.payload["status"], hit.payload["category"]) == ("pending_review", "event")


def test_a_retry_writes_the_same_points(
    client: FlaskClient, container: Container, newsletter: Newsletter
) -> None:
    assert client.post("/", json={"newsletter_id": newsletter.id}).status_code == 200
    again = client.post("/", json={"newsletter_id": newsletter.id})
    assert again.status_code == 200
    index = container.item_index
    assert index.vectors.count(index.collection) == 3


def test_a_withdrawn_item_leaves_the_index_and_an_edit_is_reindexed(
    client: FlaskClient, container: Container, newsletter: Newsletter
) -> None:
    assert client.post("/", json={"newsletter_id": newsletter.id}).status_code == 200
    item = container.repos.items.get("nl-1-item-0")
    assert item is not None
    container.repos.items.put(item.model_copy(update={"status": ItemStatus.WITHDRAWN}))
    response = client.post("/", json={"item_id": item.id})
    assert response.get_json() == {"indexed": 0, "removed": 1, "possible_duplicates": 0}
    assert "nl-1-item-0" not in indexed(container)

    edited = container.repos.items.get("nl-1-item-2")
    assert edited is not None
    container.repos.items.put(edited.model_copy(update={"title": "Apple pie orders due"}))
    assert client.post("/", json={"item_id": edited.id}).status_code == 200
    hits = container.item_index.vectors.search(
        container.item_index.collection, [1.0] * 384, limit=10
    )
    assert {h.payload["title"] for h in hits if h.id == edited.id} == {"Apple pie orders due"}


def test_a_resent_newsletter_marks_its_items_as_possible_duplicates(
    client: FlaskClient, container: Container, newsletter: Newsletter
) -> None:
    assert client.post("/", json={"newsletter_id": newsletter.id}).status_code == 200
    later = datetime(2026, 10, 2, 9, 0, tzinfo=UTC)
    resent = [
        _item(0, "nl-2", "Picture Day", created_at=later, updated_at=later),
        _item(
            1,
            "nl-2",
            "Basketball practice",
            grades=[4, 5],
            activities=["basketball"],
            created_at=later,
            updated_at=later,
        ),
        # Same words, another date: another event.
        _item(5, "nl-2", "Picture Day", created_at=later, updated_at=later),
    ]
    container.repos.newsletters.put(newsletter.model_copy(update={"id": "nl-2", "generation": "2"}))
    container.repos.items.put_many(resent)
    response = client.post("/", json={"newsletter_id": "nl-2"})
    assert response.get_json()["possible_duplicates"] == 2
    marks = {i.id: i.possible_duplicate_of for i in container.repos.items.find()}
    assert marks["nl-2-item-0"] == "nl-1-item-0"
    assert marks["nl-2-item-1"] == "nl-1-item-1"
    assert marks["nl-2-item-5"] is None
    assert marks["nl-1-item-0"] is None  # the earlier one is the original


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"{}",
        b'{"newsletter_id": ""}',
        b'{"newsletter_id": "a", "item_id": "b"}',
        b'{"newsletter_id": "a", "extra": 1}',
    ],
)
def test_a_malformed_body_is_a_400(client: FlaskClient, body: bytes) -> None:
    response = client.post("/", data=body, content_type="application/json")
    assert response.status_code == 400


@pytest.mark.parametrize("body", [{"newsletter_id": "no-such"}, {"item_id": "no-such"}])
def test_an_unknown_newsletter_or_item_is_a_404(
    client: FlaskClient, container: Container, body: dict[str, str]
) -> None:
    assert client.post("/", json=body).status_code == 404
    assert container.repos.dead_letters.count() == 0


@pytest.fixture
def index_outage(container: Container, monkeypatch: pytest.MonkeyPatch) -> None:
    def unavailable(*args: object, **kwargs: object) -> None:
        raise ConnectionError("Qdrant unreachable")

    monkeypatch.setattr(container.vectors, "upsert", unavailable)


@pytest.mark.usefixtures("index_outage")
def test_the_index_unavailable_is_a_503_and_a_dead_letter_on_the_last_attempt(
    client: FlaskClient, container: Container, newsletter: Newsletter
) -> None:
    assert client.post("/", json={"newsletter_id": newsletter.id}).status_code == 503
    assert container.repos.dead_letters.count() == 0
    headers = {
        "X-CloudTasks-QueueName": "parentpath",
        "X-CloudTasks-TaskName": "index-nl-1",
        "X-CloudTasks-TaskRetryCount": str(container.settings.task_max_attempts - 1),
    }
    response = client.post("/", json={"newsletter_id": newsletter.id}, headers=headers)
    assert response.status_code == 503
    (dead,) = container.repos.dead_letters.find()
    assert (dead.id, dead.target, dead.payload) == (
        "index-nl-1",
        "index_items",
        {"newsletter_id": "nl-1"},
    )
    assert dead.last_error == "HTTP 503: TransientError"
