"""The vector-index contract: the same assertions against qdrant-edge and qdrant-client."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

import pytest
from qdrant_client import QdrantClient, models

from shared.adapters.vector_edge import EdgeVectorIndex
from shared.adapters.vector_qdrant import QdrantVectorIndex
from shared.errors import IndexMismatch, NotFound
from shared.ports import SparseVector, VectorFilter, VectorIndex, VectorPoint

# Local mode warns once that payload indexes do nothing there; that is expected.
pytestmark = pytest.mark.filterwarnings("ignore:Payload indexes have no effect:UserWarning")

DIM = 8
EMBEDDER = "test-embedder@8"


class ClosableIndex(VectorIndex, Protocol):
    def close(self) -> None: ...


def vec(*head: float) -> list[float]:
    return [*head, *[0.0] * (DIM - len(head))]


def make_index(kind: str, tmp_path: Path) -> ClosableIndex:
    if kind == "edge":
        return EdgeVectorIndex(tmp_path / "vectors")
    if kind == "qdrant-memory":
        return QdrantVectorIndex(lambda: QdrantClient(":memory:"))
    if kind == "qdrant-path":
        return QdrantVectorIndex(lambda: QdrantClient(path=str(tmp_path / "qdrant")))
    raise AssertionError(kind)


@pytest.fixture(params=["edge", "qdrant-memory", "qdrant-path"])
def index(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ClosableIndex]:
    opened = make_index(request.param, tmp_path)
    yield opened
    opened.close()


@pytest.fixture(params=["edge", "qdrant-path"])
def reopen(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], VectorIndex]]:
    """Opens the backend on the same folder; each call closes the previous instance first."""
    opened: list[ClosableIndex] = []

    def open_again() -> VectorIndex:
        if opened:
            opened.pop().close()
        opened.append(make_index(request.param, tmp_path))
        return opened[-1]

    yield open_again
    for still_open in opened:
        still_open.close()


def seed_items(index: VectorIndex) -> None:
    index.ensure_collection("items", DIM, EMBEDDER)
    index.upsert(
        "items",
        [
            VectorPoint("i1", vec(1.0), {"school_id": "a", "grades": [3, 4], "year": 2025}),
            VectorPoint("i2", vec(1.0, 0.1), {"school_id": "a", "grades": [5], "year": 2026}),
            VectorPoint("i3", vec(1.0, 0.2), {"school_id": "b", "grades": [3], "year": 2025}),
            VectorPoint("i4", vec(0.0, 1.0), {"school_id": "b", "grades": [], "year": 2025}),
            VectorPoint(
                "i5", vec(0.0, 1.0, 1.0), {"school_id": "a", "grades": [1, 2], "urgent": True}
            ),
        ],
    )


def found(index: VectorIndex, where: VectorFilter, limit: int = 10) -> set[str]:
    return {h.id for h in index.search("items", vec(1.0), limit=limit, where=where)}


# --------------------------------------------------------------------------- collections


def test_ensure_collection_is_idempotent_and_keeps_points(index: VectorIndex) -> None:
    index.ensure_collection("items", DIM, EMBEDDER)
    index.ensure_collection("items", DIM, EMBEDDER)
    index.upsert("items", [VectorPoint("i1", vec(1.0), {})])
    index.ensure_collection("items", DIM, EMBEDDER)
    assert index.count("items") == 1


def test_another_vector_size_is_a_mismatch(index: VectorIndex) -> None:
    index.ensure_collection("items", DIM, EMBEDDER)
    index.upsert("items", [VectorPoint("i1", vec(1.0), {})])
    with pytest.raises(IndexMismatch):
        index.ensure_collection("items", DIM * 2, EMBEDDER)
    assert index.count("items") == 1


def test_another_embedder_is_a_mismatch_even_when_empty(index: VectorIndex) -> None:
    index.ensure_collection("items", DIM, EMBEDDER)
    with pytest.raises(IndexMismatch):
        index.ensure_collection("items", DIM, "another-embedder@8")


def test_a_vector_of_the_wrong_length_is_a_mismatch(index: VectorIndex) -> None:
    index.ensure_collection("items", DIM, EMBEDDER)
    with pytest.raises(IndexMismatch):
        index.upsert("items", [VectorPoint("i1", [1.0] * (DIM + 1), {})])
    with pytest.raises(IndexMismatch):
        index.search("items", [1.0] * (DIM - 1))
    assert index.count("items") == 0


def test_collections_are_independent(index: VectorIndex) -> None:
    index.ensure_collection("items", DIM, EMBEDDER)
    index.ensure_collection("items_wide", DIM * 2, "wide-embedder@16")
    index.upsert("items", [VectorPoint("i1", vec(1.0), {})])
    index.upsert("items_wide", [VectorPoint("w1", [1.0] * (DIM * 2), {})])
    index.upsert("items_wide", [VectorPoint("w2", [0.5] * (DIM * 2), {})])
    assert (index.count("items"), index.count("items_wide")) == (1, 2)


def test_a_missing_collection_is_not_found(index: VectorIndex) -> None:
    with pytest.raises(NotFound):
        index.search("nowhere", vec(1.0))
    with pytest.raises(NotFound):
        index.upsert("nowhere", [VectorPoint("i1", vec(1.0), {})])
    with pytest.raises(NotFound):
        index.count("nowhere")
    with pytest.raises(NotFound):
        index.delete("nowhere", ["i1"])


def test_a_collection_name_must_be_plain(index: VectorIndex) -> None:
    with pytest.raises(ValueError):
        index.ensure_collection("../escape", DIM, EMBEDDER)


# --------------------------------------------------------------------------- points and search


def test_search_on_an_empty_collection_finds_nothing(index: VectorIndex) -> None:
    index.ensure_collection("items", DIM, EMBEDDER)
    assert index.search("items", vec(1.0)) == []
    assert index.search("items", vec(1.0), where=VectorFilter(equals={"school_id": "a"})) == []


def test_search_returns_nearest_first_with_our_ids_and_payload(index: VectorIndex) -> None:
    payload = {"school_id": "a", "grades": [3, 4], "title": "Picture day ☀", "urgent": True}
    index.ensure_collection("items", DIM, EMBEDDER)
    index.upsert(
        "items",
        [
            VectorPoint("far", vec(0.0, 1.0), {"n": 3}),
            VectorPoint("item/école 1", vec(2.0), payload),  # cosine ignores length
            VectorPoint("near", vec(1.0, 0.5), {"n": 2}),
        ],
    )
    hits = index.search("items", vec(1.0))
    assert [h.id for h in hits] == ["item/école 1", "near", "far"]
    assert hits[0].payload == payload
    assert hits[0].score == pytest.approx(1.0, abs=1e-5)
    assert hits[1].score == pytest.approx(1.0 / math.sqrt(1.25), abs=1e-5)
    assert hits[2].score == pytest.approx(0.0, abs=1e-5)


def test_upserting_an_id_again_replaces_the_point(index: VectorIndex) -> None:
    index.ensure_collection("items", DIM, EMBEDDER)
    index.upsert("items", [VectorPoint("i1", vec(1.0), {"v": 1}), VectorPoint("i2", vec(0, 1), {})])
    index.upsert("items", [VectorPoint("i1", vec(0.0, 0.0, 1.0), {"v": 2})])
    assert index.count("items") == 2
    top = index.search("items", vec(0.0, 0.0, 1.0), limit=1)
    assert [(h.id, h.payload) for h in top] == [("i1", {"v": 2})]
    assert top[0].score == pytest.approx(1.0, abs=1e-5)


def test_limit_keeps_the_nearest(index: VectorIndex) -> None:
    seed_items(index)
    assert [h.id for h in index.search("items", vec(1.0), limit=2)] == ["i1", "i2"]


def test_delete_removes_points_and_ignores_unknown_ids(index: VectorIndex) -> None:
    seed_items(index)
    index.delete("items", ["i1", "never-stored"])
    index.delete("items", [])
    assert index.count("items") == 4
    assert "i1" not in {h.id for h in index.search("items", vec(1.0))}


def test_a_reserved_payload_key_is_refused(index: VectorIndex) -> None:
    index.ensure_collection("items", DIM, EMBEDDER)
    with pytest.raises(ValueError):
        index.upsert("items", [VectorPoint("i1", vec(1.0), {"_id": "smuggled"})])


# --------------------------------------------------------------------------- filters and count


def test_filter_equals(index: VectorIndex) -> None:
    seed_items(index)
    assert found(index, VectorFilter(equals={"school_id": "a"})) == {"i1", "i2", "i5"}
    assert found(index, VectorFilter(equals={"year": 2026})) == {"i2"}
    assert found(index, VectorFilter(equals={"urgent": True})) == {"i5"}
    assert found(index, VectorFilter(equals={"school_id": "z"})) == set()


def test_filter_any_of_matches_a_list_field_holding_any_value(index: VectorIndex) -> None:
    seed_items(index)
    assert found(index, VectorFilter(any_of={"grades": [4, 5]})) == {"i1", "i2"}
    assert found(index, VectorFilter(any_of={"grades": [3]})) == {"i1", "i3"}
    assert found(index, VectorFilter(any_of={"school_id": ["b", "z"]})) == {"i3", "i4"}
    assert found(index, VectorFilter(any_of={"grades": []})) == set()


def test_filters_combine_with_and(index: VectorIndex) -> None:
    seed_items(index)
    where = VectorFilter(equals={"school_id": "a"}, any_of={"grades": [3, 9]})
    assert found(index, where) == {"i1"}
    where = VectorFilter(equals={"school_id": "b", "year": 2025}, any_of={"grades": [3, 4]})
    assert found(index, where) == {"i3"}
    # The filter applies before the limit: the nearest matching point still comes back.
    assert found(index, VectorFilter(equals={"school_id": "b"}), limit=1) == {"i3"}


# --------------------------------------------------------------------------- sparse terms


def seed_terms(index: VectorIndex) -> None:
    index.ensure_collection("items", DIM, EMBEDDER)
    index.upsert(
        "items",
        [
            # Term 7 is in one point only, term 1 in every point that has terms.
            VectorPoint("t1", vec(1.0), {"school_id": "a"}, SparseVector([1, 7], [1.0, 1.0])),
            VectorPoint("t2", vec(0.9, 0.1), {"school_id": "a"}, SparseVector([1, 3], [1.0, 1.0])),
            VectorPoint("t3", vec(0.0, 1.0), {"school_id": "b"}, SparseVector([1, 7], [1.0, 2.0])),
            VectorPoint("t4", vec(0.5, 0.5), {"school_id": "a"}),
        ],
    )


def test_sparse_search_ranks_rare_shared_terms_first(index: VectorIndex) -> None:
    seed_terms(index)
    hits = index.search_sparse("items", SparseVector([1, 7], [1.0, 1.0]))
    assert [h.id for h in hits] == ["t3", "t1", "t2"]
    assert hits[0].score > hits[1].score > hits[2].score > 0
    assert hits[1].payload == {"school_id": "a"}


def test_sparse_search_filters_and_skips_points_without_shared_terms(index: VectorIndex) -> None:
    seed_terms(index)
    where = VectorFilter(equals={"school_id": "a"})
    assert [h.id for h in index.search_sparse("items", SparseVector([7], [1.0]), where=where)] == [
        "t1"
    ]
    assert index.search_sparse("items", SparseVector([99], [1.0])) == []
    assert index.search_sparse("items", SparseVector([], [])) == []


def test_points_with_terms_are_found_by_dense_search_too(index: VectorIndex) -> None:
    seed_terms(index)
    assert index.search("items", vec(1.0), limit=1)[0].id == "t1"
    assert index.count("items") == 4


def test_a_malformed_sparse_vector_is_refused(index: VectorIndex) -> None:
    index.ensure_collection("items", DIM, EMBEDDER)
    with pytest.raises(ValueError):
        index.upsert("items", [VectorPoint("x", vec(1.0), {}, SparseVector([1, 2], [1.0]))])
    with pytest.raises(ValueError):
        index.search_sparse("items", SparseVector([1, 1], [1.0, 1.0]))


def test_drop_collection_removes_points_and_record(index: VectorIndex) -> None:
    seed_terms(index)
    index.drop_collection("items")
    with pytest.raises(NotFound):
        index.count("items")
    # Gone with its record: another embedder may fill it now.
    index.ensure_collection("items", DIM * 2, "another-embedder@16")
    assert index.count("items") == 0
    index.drop_collection("never-made")


def test_filter_at_least(index: VectorIndex) -> None:
    seed_items(index)
    assert found(index, VectorFilter(at_least={"year": 2026})) == {"i2"}
    where = VectorFilter(equals={"school_id": "b"}, at_least={"year": 2025})
    assert found(index, where) == {"i3", "i4"}
    assert index.count("items", VectorFilter(at_least={"year": 2025})) == 4


def test_count_with_and_without_filter(index: VectorIndex) -> None:
    seed_items(index)
    assert index.count("items") == 5
    assert index.count("items", VectorFilter()) == 5
    assert index.count("items", VectorFilter(equals={"school_id": "a"})) == 3
    assert index.count("items", VectorFilter(any_of={"grades": [3]})) == 2
    where = VectorFilter(equals={"school_id": "a"}, any_of={"grades": [1, 5]})
    assert index.count("items", where) == 2


# --------------------------------------------------------------------------- restarts


def test_points_and_the_embedder_record_survive_a_reopen(
    reopen: Callable[[], VectorIndex],
) -> None:
    seed_items(reopen())
    again = reopen()
    # No ensure_collection first: a restarted process may search straight away.
    assert [h.id for h in again.search("items", vec(1.0), limit=2)] == ["i1", "i2"]
    assert again.count("items", VectorFilter(equals={"school_id": "a"})) == 3
    again.ensure_collection("items", DIM, EMBEDDER)
    with pytest.raises(IndexMismatch):
        again.ensure_collection("items", DIM, "another-embedder@8")
    again.upsert("items", [VectorPoint("i6", vec(0.5), {"school_id": "c"})])
    assert reopen().count("items") == 6


# --------------------------------------------------------------------------- adapter specifics


def test_edge_takes_concurrent_threads(tmp_path: Path) -> None:
    index = EdgeVectorIndex(tmp_path)
    index.ensure_collection("items", DIM, EMBEDDER)
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            for n in range(25):
                point = VectorPoint(f"w{worker}-{n}", vec(1.0, worker, n), {"worker": worker})
                index.upsert("items", [point])
                index.search("items", vec(1.0), limit=3, where=VectorFilter(equals={"worker": 1}))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert index.count("items") == 200
    assert index.count("items", VectorFilter(equals={"worker": 3})) == 25
    index.close()


def test_edge_collection_that_lost_its_record(tmp_path: Path) -> None:
    index = EdgeVectorIndex(tmp_path)
    index.ensure_collection("empty", DIM, EMBEDDER)
    seed_items(index)
    index.close()
    (tmp_path / "empty" / "index.json").unlink()
    (tmp_path / "items" / "index.json").unlink()
    index = EdgeVectorIndex(tmp_path)
    # Empty: nothing to protect, so it is taken over, even at another size.
    index.ensure_collection("empty", DIM * 2, EMBEDDER)
    index.upsert("empty", [VectorPoint("i1", [1.0] * (DIM * 2), {})])
    # Filled: nobody knows which embedder made the vectors.
    with pytest.raises(IndexMismatch):
        index.ensure_collection("items", DIM, EMBEDDER)
    index.close()


def test_qdrant_collection_made_without_a_record() -> None:
    client = QdrantClient(":memory:")
    for name in ("empty", "filled"):
        client.create_collection(
            name, vectors_config=models.VectorParams(size=DIM, distance=models.Distance.COSINE)
        )
    client.upsert("filled", [models.PointStruct(id=1, vector=vec(1.0), payload={})])
    index = QdrantVectorIndex(lambda: client)
    with pytest.raises(NotFound):
        index.count("empty")
    with pytest.raises(IndexMismatch):
        index.ensure_collection("empty", DIM * 2, EMBEDDER)
    index.ensure_collection("empty", DIM, EMBEDDER)
    assert client.get_collection("empty").config.metadata == {"embedder": EMBEDDER, "size": DIM}
    with pytest.raises(IndexMismatch):
        index.ensure_collection("filled", DIM, EMBEDDER)
    index.close()
