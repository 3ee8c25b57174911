"""The document-store contract: the same assertions against SQLite and the Firestore emulator."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.adapters.store_sqlite import SqliteDocumentStore
from shared.errors import NotFound, TransientError
from shared.ports import DocumentStore, FieldFilter, Query, StoreTransaction


@pytest.fixture(params=["sqlite", "firestore"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[DocumentStore]:
    if request.param == "sqlite":
        yield SqliteDocumentStore(tmp_path / "store.sqlite3")
        return
    from google.cloud import firestore

    from infra.standins.firestore import PROJECT, wipe
    from shared.adapters.store_firestore import FirestoreDocumentStore

    host = request.getfixturevalue("firestore_emulator_host")
    wipe(host)
    yield FirestoreDocumentStore(lambda: firestore.Client(project=PROJECT))


def seed_children(store: DocumentStore) -> None:
    store.set_many(
        "children",
        {
            "c1": {"id": "c1", "school": "a", "grade": 1, "clubs": ["chess"], "name": "Ana"},
            "c2": {
                "id": "c2",
                "school": "a",
                "grade": 3,
                "clubs": ["chess", "choir"],
                "name": "Bo",
            },
            "c3": {"id": "c3", "school": "a", "grade": 5, "clubs": [], "name": "Cy"},
            "c4": {"id": "c4", "school": "b", "grade": 3, "clubs": ["choir"], "name": "Di"},
            "c5": {"id": "c5", "school": "a", "grade": 3, "clubs": ["robotics"], "name": "Ed"},
        },
    )


def ids(documents: list[dict[str, object]]) -> list[object]:
    return [d["id"] for d in documents]


def test_get_of_a_missing_document_is_none(store: DocumentStore) -> None:
    assert store.get("parents", "nobody") is None


def test_create_is_idempotent_and_never_overwrites(store: DocumentStore) -> None:
    assert store.create("cards", "k1", {"id": "k1", "status": "pending"}) is True
    assert store.create("cards", "k1", {"id": "k1", "status": "sent"}) is False
    assert store.get("cards", "k1") == {"id": "k1", "status": "pending"}


def test_set_overwrites_the_whole_document(store: DocumentStore) -> None:
    store.set("items", "i1", {"id": "i1", "title": "Picture day", "grades": [1, 2]})
    store.set("items", "i1", {"id": "i1", "title": "Photo day"})
    assert store.get("items", "i1") == {"id": "i1", "title": "Photo day"}


def test_values_round_trip_with_their_types(store: DocumentStore) -> None:
    document = {
        "id": "x",
        "flag": True,
        "none": None,
        "ratio": 0.25,
        "count": 7,
        "nested": {"a": [1, "two", False]},
        "text": "ਪੰਜਾਬੀ 中文 Tagalog",
    }
    store.set("things", "x", document)
    assert store.get("things", "x") == document


def test_update_merges_top_level_fields(store: DocumentStore) -> None:
    store.set("items", "i1", {"id": "i1", "title": "Game", "status": "pending", "meta": {"a": 1}})
    store.update("items", "i1", {"status": "approved", "meta": {"b": 2}})
    assert store.get("items", "i1") == {
        "id": "i1",
        "title": "Game",
        "status": "approved",
        "meta": {"b": 2},
    }


def test_update_of_a_missing_document_raises_not_found(store: DocumentStore) -> None:
    with pytest.raises(NotFound):
        store.update("items", "missing", {"status": "approved"})
    assert store.get("items", "missing") is None


def test_delete_removes_and_tolerates_missing(store: DocumentStore) -> None:
    store.set("items", "i1", {"id": "i1"})
    store.delete("items", "i1")
    store.delete("items", "i1")
    assert store.get("items", "i1") is None


def test_collections_are_separate(store: DocumentStore) -> None:
    store.set("parents", "same", {"id": "same", "kind": "parent"})
    store.set("children", "same", {"id": "same", "kind": "child"})
    assert store.get("parents", "same") == {"id": "same", "kind": "parent"}
    assert store.count(Query("parents")) == 1


def test_get_many_returns_only_existing(store: DocumentStore) -> None:
    seed_children(store)
    found = store.get_many("children", ["c1", "c3", "nope", "c1"])
    assert set(found) == {"c1", "c3"}
    assert found["c3"]["grade"] == 5


def test_set_many_writes_more_than_one_batch(store: DocumentStore) -> None:
    store.set_many("cards", {f"k{n:04d}": {"id": f"k{n:04d}", "n": n} for n in range(1203)})
    assert store.count(Query("cards")) == 1203
    assert store.get("cards", "k1202") == {"id": "k1202", "n": 1202}


def test_query_equality_and_in(store: DocumentStore) -> None:
    seed_children(store)
    school_a = Query("children", [FieldFilter("school", "==", "a")])
    assert ids(store.query(school_a)) == ["c1", "c2", "c3", "c5"]
    graded = Query(
        "children", [FieldFilter("school", "==", "a"), FieldFilter("grade", "in", [3, 5])]
    )
    assert ids(store.query(graded)) == ["c2", "c3", "c5"]


def test_query_in_with_more_values_than_firestore_takes_at_once(store: DocumentStore) -> None:
    seed_children(store)
    many = [*range(-40, 0), 3]
    found = store.query(Query("children", [FieldFilter("grade", "in", many)], order_by="grade"))
    assert ids(found) == ["c2", "c4", "c5"]


def test_query_array_contains_and_any(store: DocumentStore) -> None:
    seed_children(store)
    chess = Query("children", [FieldFilter("clubs", "array_contains", "chess")])
    assert ids(store.query(chess)) == ["c1", "c2"]
    either = Query(
        "children",
        [
            FieldFilter("school", "==", "a"),
            FieldFilter("clubs", "array_contains_any", ["choir", "robotics"]),
        ],
    )
    assert ids(store.query(either)) == ["c2", "c5"]


def test_query_ranges_and_not_equal(store: DocumentStore) -> None:
    seed_children(store)
    middle = Query("children", [FieldFilter("grade", ">=", 2), FieldFilter("grade", "<", 5)])
    assert ids(store.query(middle)) == ["c2", "c4", "c5"]
    not_three = Query("children", [FieldFilter("grade", "!=", 3)], order_by="grade")
    assert ids(store.query(not_three)) == ["c1", "c3"]


def test_query_boolean_and_null_equality(store: DocumentStore) -> None:
    store.set_many(
        "parents",
        {
            "p1": {"id": "p1", "opted_in": True, "language": None},
            "p2": {"id": "p2", "opted_in": False, "language": "pa"},
        },
    )
    assert ids(store.query(Query("parents", [FieldFilter("opted_in", "==", True)]))) == ["p1"]
    assert ids(store.query(Query("parents", [FieldFilter("language", "==", None)]))) == ["p1"]


def test_order_limit_and_cursor_pagination(store: DocumentStore) -> None:
    seed_children(store)
    ordered = Query("children", order_by="grade", descending=True, limit=2)
    first = store.query(ordered)
    assert ids(first) == ["c3", "c5"]
    second = store.query(
        Query("children", order_by="grade", descending=True, limit=2, start_after_id="c5")
    )
    assert ids(second) == ["c4", "c2"]
    third = store.query(
        Query("children", order_by="grade", descending=True, limit=2, start_after_id="c2")
    )
    assert ids(third) == ["c1"]


def test_unordered_pages_walk_every_document_once(store: DocumentStore) -> None:
    seed_children(store)
    seen: list[object] = []
    cursor: str | None = None
    while True:
        page = store.query(Query("children", limit=2, start_after_id=cursor))
        if not page:
            break
        seen += ids(page)
        cursor = str(page[-1]["id"])
    assert seen == ["c1", "c2", "c3", "c4", "c5"]


def test_count_with_filters(store: DocumentStore) -> None:
    seed_children(store)
    assert store.count(Query("children")) == 5
    assert store.count(Query("children", [FieldFilter("grade", "==", 3)])) == 3
    assert store.count(Query("nothing-here")) == 0


def test_transaction_read_modify_write(store: DocumentStore) -> None:
    store.set("counters", "digest", {"id": "digest", "n": 1})

    def bump(tx: StoreTransaction) -> int:
        current = tx.get("counters", "digest")
        assert current is not None
        value = int(current["n"]) + 1
        tx.set("counters", "digest", {"id": "digest", "n": value})
        return value

    assert store.run_transaction(bump) == 2
    assert store.get("counters", "digest") == {"id": "digest", "n": 2}


def test_transaction_that_raises_writes_nothing(store: DocumentStore) -> None:
    store.set("counters", "c", {"id": "c", "n": 1})

    def half_done(tx: StoreTransaction) -> None:
        tx.get("counters", "c")
        tx.set("counters", "c", {"id": "c", "n": 99})
        tx.delete("counters", "other")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        store.run_transaction(half_done)
    assert store.get("counters", "c") == {"id": "c", "n": 1}


def test_concurrent_transactions_lose_no_update(store: DocumentStore) -> None:
    store.set("counters", "shared", {"id": "shared", "n": 0})

    def bump(tx: StoreTransaction) -> None:
        current = tx.get("counters", "shared")
        assert current is not None
        tx.set("counters", "shared", {"id": "shared", "n": int(current["n"]) + 1})

    def worker() -> None:
        done = 0
        while done < 5:
            # Contention may surface as TransientError: the caller retries, as Cloud Tasks does.
            try:
                store.run_transaction(bump)
            except TransientError:
                continue
            done += 1

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.get("counters", "shared") == {"id": "shared", "n": 10}


def test_transaction_can_create_only_if_absent(store: DocumentStore) -> None:
    def claim(tx: StoreTransaction) -> bool:
        if tx.get("locks", "digest-week-1") is not None:
            return False
        tx.set("locks", "digest-week-1", {"id": "digest-week-1"})
        return True

    assert store.run_transaction(claim) is True
    assert store.run_transaction(claim) is False


def test_a_projection_returns_only_the_named_fields(store: DocumentStore) -> None:
    seed_children(store)
    query = Query("children", [FieldFilter("school", "==", "a")], fields=("id", "clubs"))
    projected = store.query(query)
    assert projected[:2] == [
        {"id": "c1", "clubs": ["chess"]},
        {"id": "c2", "clubs": ["chess", "choir"]},
    ]
    assert len(projected) == 4
    assert store.get_many("children", ["c3", "c9"], fields=("grade", "school")) == {
        "c3": {"grade": 5, "school": "a"}
    }


def test_a_transaction_reads_and_writes_many_documents_at_once(store: DocumentStore) -> None:
    seed_children(store)

    def grades(tx: StoreTransaction) -> dict[str, object]:
        return {
            doc_id: doc["grade"]
            for doc_id, doc in tx.get_many("children", ["c2", "c4", "zz"]).items()
        }

    assert store.run_transaction(grades) == {"c2": 3, "c4": 3}

    def promote(tx: StoreTransaction) -> None:
        found = tx.get_many("children", ["c1", "c3"])
        tx.set_many("children", {i: {**doc, "grade": doc["grade"] + 1} for i, doc in found.items()})

    store.run_transaction(promote)
    assert [store.get("children", i)["grade"] for i in ("c1", "c3")] == [2, 6]  # type: ignore[index]


def test_an_expiry_round_trips_as_the_same_iso_string(store: DocumentStore) -> None:
    link = {"id": "l1", "expires_at": "2026-10-02T16:45:00.250000Z", "school_id": "a"}
    store.set("admin_login_links", "l1", link)
    store.create("admin_login_links", "l2", {**link, "id": "l2"})
    store.set_many("admin_login_links", {"l3": {**link, "id": "l3"}})
    store.update("admin_login_links", "l3", {"expires_at": "2026-10-03T00:00:00Z"})
    assert store.get("admin_login_links", "l1") == link
    assert store.get_many("admin_login_links", ["l2"])["l2"] == {**link, "id": "l2"}
    rows = store.query(Query("admin_login_links", (FieldFilter("school_id", "==", "a"),)))
    assert [row["expires_at"] for row in rows] == [
        "2026-10-02T16:45:00.250000Z",
        "2026-10-02T16:45:00.250000Z",
        "2026-10-03T00:00:00Z",
    ]


def test_firestore_keeps_an_expiry_as_a_timestamp_for_its_ttl_policy(
    firestore_emulator_host: str,
) -> None:
    # Firestore's TTL policy ignores a field that is not a Timestamp: the document would live on.
    from datetime import UTC, datetime

    from google.cloud import firestore

    from infra.standins.firestore import PROJECT, wipe
    from shared.adapters.store_firestore import FirestoreDocumentStore

    wipe(firestore_emulator_host)
    client = firestore.Client(project=PROJECT)
    FirestoreDocumentStore(lambda: client).set(
        "admin_login_links", "l1", {"id": "l1", "expires_at": "2026-10-02T16:45:00Z"}
    )
    raw = client.collection("admin_login_links").document("l1").get().to_dict()
    assert isinstance(raw["expires_at"], datetime)
    assert raw["expires_at"] == datetime(2026, 10, 2, 16, 45, tzinfo=UTC)
