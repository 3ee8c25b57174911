"""The embedded vector index: qdrant-edge shards (Qdrant's engine, in process) under one folder."""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

import numpy as np
from qdrant_edge import (
    CountRequest,
    Distance,
    EdgeConfig,
    EdgeShard,
    EdgeSparseVectorParams,
    EdgeVectorParams,
    FieldCondition,
    Filter,
    MatchAny,
    MatchValue,
    Modifier,
    PayloadSchemaType,
    Point,
    Query,
    QueryRequest,
    RangeFloat,
    UpdateOperation,
)
from qdrant_edge import SparseVector as EdgeSparseVector

from shared.adapters.vector_common import (
    SPARSE_NAME,
    IndexKind,
    IndexRecord,
    any_of_values,
    as_floats,
    batched,
    check_collection_name,
    check_record,
    filter_index_kinds,
    hit,
    point_uuid,
    sparse_parts,
    stored_payload,
)
from shared.errors import NotFound
from shared.ports import SparseVector, VectorFilter, VectorHit, VectorPoint

if TYPE_CHECKING:
    from qdrant_edge import ConditionType

_SCHEMA: dict[IndexKind, PayloadSchemaType] = {
    "keyword": PayloadSchemaType.Keyword,
    "integer": PayloadSchemaType.Integer,
    "bool": PayloadSchemaType.Bool,
}

_UPSERT_BATCH = 1024
_SHARD_DIR = "shard"
_RECORD_FILE = "index.json"


def _match_value(value: str | int | bool) -> MatchValue:
    # qdrant-edge-py 0.9.0 reads a Python bool as the integer 1 or 0, which then never matches a
    # stored true or false; a numpy bool is not an int, so it reaches the engine as a boolean.
    if isinstance(value, bool):
        return MatchValue(cast(bool, np.bool_(value)))
    return MatchValue(value)


def _edge_filter(where: VectorFilter | None) -> Filter | None:
    if where is None or not (where.equals or where.any_of or where.at_least):
        return None
    must: list[ConditionType] = [
        FieldCondition(key=key, match=_match_value(value)) for key, value in where.equals.items()
    ]
    must += [
        FieldCondition(key=key, match=MatchAny(any_of_values(key, values)))
        for key, values in where.any_of.items()
    ]
    must += [
        FieldCondition(key=key, range=RangeFloat(gte=float(value)))
        for key, value in where.at_least.items()
    ]
    return Filter(must=must)


@dataclass
class _Open:
    shard: EdgeShard
    record: IndexRecord
    indexed: set[str] = field(default_factory=set)


class EdgeVectorIndex:
    """One qdrant-edge shard per collection, in ROOT/<collection>/shard, beside its index.json.

    index.json records the embedder and vector size; it is written before the shard is made,
    so a shard never exists without one unless someone removed it by hand. Shards stay open for
    the life of the instance: a shard's write-ahead log is locked while open, so only one
    instance (one process) may use a root folder at a time. One lock serialises every call,
    which costs little next to sub-millisecond queries and keeps a threaded server safe.
    """

    def __init__(self, root: Path | str) -> None:
        self._root = Path(root)
        self._lock = threading.RLock()
        self._open: dict[str, _Open] = {}

    def close(self) -> None:
        with self._lock:
            for opened in self._open.values():
                opened.shard.flush()
                opened.shard.close()
            self._open.clear()

    def optimize(self) -> None:
        """Merge segments, drop deleted points and build HNSW indexes; edge never does it alone."""
        with self._lock:
            for opened in self._open.values():
                opened.shard.optimize()

    def ensure_collection(self, name: str, size: int, embedder: str) -> None:
        folder = self._root / check_collection_name(name)
        wanted = IndexRecord(embedder=embedder, size=size)
        with self._lock:
            opened = self._open.get(name) or self._load(name)
            if opened is not None:
                check_record(name, wanted, opened.record, lambda: True)
                return
            shard_dir = folder / _SHARD_DIR
            if shard_dir.exists():
                orphan = EdgeShard.load(str(shard_dir))
                try:
                    check_record(name, wanted, None, lambda: orphan.count(CountRequest()) == 0)
                finally:
                    orphan.close()
                # Empty but of unknown vector size: starting afresh is simpler than checking.
                shutil.rmtree(shard_dir)
            folder.mkdir(parents=True, exist_ok=True)
            _write_record(folder / _RECORD_FILE, wanted)
            shard = EdgeShard.create(
                str(shard_dir),
                EdgeConfig(
                    vectors=EdgeVectorParams(size=size, distance=Distance.Cosine),
                    sparse_vectors={SPARSE_NAME: EdgeSparseVectorParams(modifier=Modifier.Idf)},
                ),
            )
            self._open[name] = _Open(shard=shard, record=wanted)

    def upsert(self, collection: str, points: Sequence[VectorPoint]) -> None:
        with self._lock:
            opened = self._get(collection)
            for batch in batched(points, _UPSERT_BATCH):
                opened.shard.update(
                    UpdateOperation.upsert_points(
                        [
                            Point(
                                point_uuid(p.id),
                                _edge_vectors(collection, opened.record, p),
                                stored_payload(p),
                            )
                            for p in batch
                        ]
                    )
                )

    def search(
        self,
        collection: str,
        vector: Sequence[float],
        *,
        limit: int = 10,
        where: VectorFilter | None = None,
    ) -> list[VectorHit]:
        with self._lock:
            opened = self._get(collection)
            self._index_filtered_keys(opened, where)
            points = opened.shard.query(
                QueryRequest(
                    limit=limit,
                    query=Query.Nearest(as_floats(collection, opened.record, vector)),
                    filter=_edge_filter(where),
                    with_payload=True,
                )
            )
        return [hit(p.score, p.payload) for p in points]

    def search_sparse(
        self,
        collection: str,
        terms: SparseVector,
        *,
        limit: int = 10,
        where: VectorFilter | None = None,
    ) -> list[VectorHit]:
        indices, values = sparse_parts(collection, terms)
        if not indices:
            return []
        with self._lock:
            opened = self._get(collection)
            self._index_filtered_keys(opened, where)
            points = opened.shard.query(
                QueryRequest(
                    limit=limit,
                    query=Query.Nearest(EdgeSparseVector(indices, values), using=SPARSE_NAME),
                    filter=_edge_filter(where),
                    with_payload=True,
                )
            )
        return [hit(p.score, p.payload) for p in points if p.score > 0]

    def drop_collection(self, name: str) -> None:
        folder = self._root / check_collection_name(name)
        with self._lock:
            opened = self._open.pop(name, None)
            if opened is not None:
                opened.shard.close()
            shutil.rmtree(folder, ignore_errors=True)

    def delete(self, collection: str, ids: Sequence[str]) -> None:
        with self._lock:
            opened = self._get(collection)
            if ids:
                opened.shard.update(UpdateOperation.delete_points([point_uuid(i) for i in ids]))

    def count(self, collection: str, where: VectorFilter | None = None) -> int:
        with self._lock:
            opened = self._get(collection)
            self._index_filtered_keys(opened, where)
            return int(opened.shard.count(CountRequest(exact=True, filter=_edge_filter(where))))

    def _get(self, collection: str) -> _Open:
        opened = self._open.get(collection) or self._load(check_collection_name(collection))
        if opened is None:
            raise NotFound(f"vector collection {collection!r} does not exist")
        return opened

    def _load(self, name: str) -> _Open | None:
        """Reopen a collection a previous process left on disk; None when there is none."""
        folder = self._root / name
        record = _read_record(folder / _RECORD_FILE)
        if record is None or not (folder / _SHARD_DIR).exists():
            return None
        shard = EdgeShard.load(str(folder / _SHARD_DIR))
        opened = _Open(shard=shard, record=record, indexed=set(shard.info().payload_schema))
        self._open[name] = opened
        return opened

    @staticmethod
    def _index_filtered_keys(opened: _Open, where: VectorFilter | None) -> None:
        for key, kind in filter_index_kinds(where).items():
            if key not in opened.indexed:
                opened.shard.update(UpdateOperation.create_field_index(key, _SCHEMA[kind]))
                opened.indexed.add(key)


def _edge_vectors(
    collection: str, record: IndexRecord, point: VectorPoint
) -> list[float] | dict[str, list[float] | EdgeSparseVector | list[list[float]]]:
    dense = as_floats(collection, record, point.vector)
    if point.sparse is None:
        return dense
    indices, values = sparse_parts(collection, point.sparse)
    return {"": dense, SPARSE_NAME: EdgeSparseVector(indices, values)}


def _read_record(path: Path) -> IndexRecord | None:
    try:
        return IndexRecord.from_json(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None


def _write_record(path: Path, record: IndexRecord) -> None:
    # Write then rename, so a crash never leaves half a record that would block the collection.
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(record.to_json()), encoding="utf-8")
    os.replace(temporary, path)
