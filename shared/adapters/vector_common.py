"""Rules both vector-index adapters share: ids, the reserved payload key, the embedder record."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from shared.errors import IndexMismatch
from shared.ports import SparseVector, VectorFilter, VectorHit, VectorPoint

T = TypeVar("T")

# Qdrant only takes ints or UUIDs as point ids, so our string id rides along in the payload.
ID_KEY = "_id"

# Fixed forever: changing it would orphan every point already stored under the old UUIDs.
_ID_NAMESPACE = uuid.UUID("5b0f2c1e-8c4a-4f0e-9a51-3d7c2b6e9f10")

# Safe as a folder name on every filesystem and as a Qdrant collection name.
_COLLECTION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,62}")

IndexKind = Literal["keyword", "integer", "bool"]


@dataclass(frozen=True)
class IndexRecord:
    """Which embedder filled a collection, and at which vector size."""

    embedder: str
    size: int

    def to_json(self) -> dict[str, Any]:
        return {"embedder": self.embedder, "size": self.size}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> IndexRecord | None:
        if not data or "embedder" not in data or "size" not in data:
            return None
        return cls(embedder=str(data["embedder"]), size=int(data["size"]))


def check_collection_name(name: str) -> str:
    if not _COLLECTION_NAME.fullmatch(name):
        raise ValueError(f"bad vector collection name {name!r}: letters, digits, _ and - only")
    return name


def point_uuid(point_id: str) -> uuid.UUID:
    return uuid.uuid5(_ID_NAMESPACE, point_id)


def check_record(
    collection: str,
    wanted: IndexRecord,
    stored: IndexRecord | None,
    is_empty: Callable[[], bool],
) -> bool:
    """IndexMismatch unless the collection was filled by `wanted`.

    True when the collection carries no record but holds no points either, so the caller may
    write `wanted` as its record; a filled collection without one is refused, since nobody can
    tell which embedder made its vectors.
    """
    if stored is None:
        if is_empty():
            return True
        raise IndexMismatch(
            f"vector collection {collection!r} holds points but no record of their embedder"
        )
    if stored != wanted:
        raise IndexMismatch(
            f"vector collection {collection!r} was filled by {stored.embedder!r} at size "
            f"{stored.size}, not {wanted.embedder!r} at size {wanted.size}"
        )
    return False


def as_floats(collection: str, record: IndexRecord, vector: Sequence[float]) -> list[float]:
    """The vector as a list the engines accept, after checking its length against the record."""
    if len(vector) != record.size:
        raise IndexMismatch(
            f"vector of size {len(vector)} for collection {collection!r} of size {record.size}"
        )
    # Lists (what embedders return) pass as they are; anything else, numpy rows included, is
    # converted because the engines refuse numpy scalars.
    return vector if isinstance(vector, list) else [float(x) for x in vector]


# The name of the sparse vector every collection carries beside its (unnamed) dense one.
SPARSE_NAME = "terms"


def sparse_parts(collection: str, terms: SparseVector) -> tuple[list[int], list[float]]:
    """The sparse vector as the lists the engines take, after checking it is well formed."""
    indices = [int(i) for i in terms.indices]
    values = [float(v) for v in terms.values]
    if len(indices) != len(values):
        raise ValueError(
            f"sparse vector for {collection!r}: {len(indices)} indices, {len(values)} values"
        )
    if len(set(indices)) != len(indices) or any(i < 0 for i in indices):
        raise ValueError(f"sparse vector for {collection!r}: indices must be distinct and >= 0")
    return indices, values


def stored_payload(point: VectorPoint) -> dict[str, Any]:
    if ID_KEY in point.payload:
        raise ValueError(f"payload key {ID_KEY!r} is reserved by the vector index")
    return {**point.payload, ID_KEY: point.id}


def hit(score: float, payload: Mapping[str, Any] | None) -> VectorHit:
    fields = dict(payload or {})
    point_id = fields.pop(ID_KEY)
    return VectorHit(id=str(point_id), score=float(score), payload=fields)


def equals_kind(key: str, value: str | int | bool) -> IndexKind:
    # bool first: it is a subclass of int.
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, str):
        return "keyword"
    raise ValueError(f"filter on {key!r}: unsupported value {value!r}")


def any_of_values(key: str, values: Sequence[str | int]) -> list[str] | list[int]:
    """The values of an any_of condition, all strings or all integers as the engines need."""
    if all(isinstance(v, str) for v in values):
        return [str(v) for v in values]
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return [int(v) for v in values]
    raise ValueError(f"filter on {key!r}: any_of needs all strings or all integers, got {values!r}")


def filter_index_kinds(where: VectorFilter | None) -> dict[str, IndexKind]:
    """The payload index each filtered key wants, judged from the values it is compared with."""
    if where is None:
        return {}
    kinds = {key: equals_kind(key, value) for key, value in where.equals.items()}
    for key, values in where.any_of.items():
        if values:
            kinds.setdefault(key, "keyword" if isinstance(values[0], str) else "integer")
    for key in where.at_least:
        kinds.setdefault(key, "integer")
    return kinds


def batched(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
