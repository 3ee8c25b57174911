"""The vector index on Qdrant via qdrant-client: Qdrant Cloud in production, local mode in tests."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from qdrant_client import QdrantClient, models

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

_SCHEMA: dict[IndexKind, models.PayloadSchemaType] = {
    "keyword": models.PayloadSchemaType.KEYWORD,
    "integer": models.PayloadSchemaType.INTEGER,
    "bool": models.PayloadSchemaType.BOOL,
}

# Keeps each request well under the server's 32 MB body limit at 384-dimension float vectors.
_UPSERT_BATCH = 256


def _qdrant_filter(where: VectorFilter | None) -> models.Filter | None:
    if where is None or not (where.equals or where.any_of or where.at_least):
        return None
    must: list[models.Condition] = [
        models.FieldCondition(key=key, match=models.MatchValue(value=value))
        for key, value in where.equals.items()
    ]
    must += [
        models.FieldCondition(key=key, match=models.MatchAny(any=any_of_values(key, values)))
        for key, values in where.any_of.items()
    ]
    must += [
        models.FieldCondition(key=key, range=models.Range(gte=value))
        for key, value in where.at_least.items()
    ]
    return models.Filter(must=must)


class QdrantVectorIndex:
    """Collections of item embeddings in Qdrant, one embedder per collection.

    The embedder record lives in the collection's metadata, which both the server and local
    mode keep. Payload indexes are made the first time a key is filtered on, typed by the value
    it is compared with; local mode ignores them (and says so once, in a warning).
    """

    def __init__(self, client_factory: Callable[[], QdrantClient]) -> None:
        self._client_factory = client_factory
        self._client: QdrantClient | None = None
        self._lock = threading.Lock()
        self._records: dict[str, IndexRecord] = {}
        self._indexed: dict[str, set[str]] = {}

    @classmethod
    def for_cloud(cls, url: str, api_key: str | None, *, timeout_s: int = 10) -> QdrantVectorIndex:
        return cls(lambda: QdrantClient(url=url, api_key=api_key, timeout=timeout_s))

    @property
    def client(self) -> QdrantClient:
        with self._lock:
            if self._client is None:
                self._client = self._client_factory()
            return self._client

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
            self._client = None
            self._records.clear()
            self._indexed.clear()

    def ensure_collection(self, name: str, size: int, embedder: str) -> None:
        check_collection_name(name)
        wanted = IndexRecord(embedder=embedder, size=size)
        client = self.client
        if not client.collection_exists(name):
            try:
                client.create_collection(
                    name,
                    vectors_config=models.VectorParams(size=size, distance=models.Distance.COSINE),
                    # IDF is computed by Qdrant over the collection; we send term weights.
                    sparse_vectors_config={
                        SPARSE_NAME: models.SparseVectorParams(modifier=models.Modifier.IDF)
                    },
                    metadata=wanted.to_json(),
                )
            except Exception:
                # Another instance may have created it in between; then its record decides.
                if not client.collection_exists(name):
                    raise
        info = client.get_collection(name)
        stored = IndexRecord.from_json(info.config.metadata)
        params = info.config.params.vectors
        if stored is None and isinstance(params, models.VectorParams) and params.size != size:
            stored = IndexRecord(embedder="unknown", size=params.size)
        if check_record(name, wanted, stored, lambda: client.count(name, exact=True).count == 0):
            client.update_collection(name, metadata=wanted.to_json())
        with self._lock:
            self._records[name] = wanted
            self._indexed[name] = set(info.payload_schema)

    def upsert(self, collection: str, points: Sequence[VectorPoint]) -> None:
        record = self._record(collection)
        for batch in batched(points, _UPSERT_BATCH):
            self.client.upsert(
                collection,
                points=[
                    models.PointStruct(
                        id=str(point_uuid(p.id)),
                        vector=_point_vectors(collection, record, p),
                        payload=stored_payload(p),
                    )
                    for p in batch
                ],
                wait=True,
            )

    def search(
        self,
        collection: str,
        vector: Sequence[float],
        *,
        limit: int = 10,
        where: VectorFilter | None = None,
    ) -> list[VectorHit]:
        record = self._record(collection)
        self._index_filtered_keys(collection, where)
        response = self.client.query_points(
            collection,
            query=as_floats(collection, record, vector),
            query_filter=_qdrant_filter(where),
            limit=limit,
            with_payload=True,
        )
        return [hit(p.score, p.payload) for p in response.points]

    def search_sparse(
        self,
        collection: str,
        terms: SparseVector,
        *,
        limit: int = 10,
        where: VectorFilter | None = None,
    ) -> list[VectorHit]:
        indices, values = sparse_parts(collection, terms)
        self._record(collection)
        if not indices:
            return []
        self._index_filtered_keys(collection, where)
        response = self.client.query_points(
            collection,
            query=models.SparseVector(indices=indices, values=values),
            using=SPARSE_NAME,
            query_filter=_qdrant_filter(where),
            limit=limit,
            with_payload=True,
        )
        return [hit(p.score, p.payload) for p in response.points if p.score > 0]

    def drop_collection(self, name: str) -> None:
        check_collection_name(name)
        client = self.client
        if client.collection_exists(name):
            client.delete_collection(name)
        with self._lock:
            self._records.pop(name, None)
            self._indexed.pop(name, None)

    def delete(self, collection: str, ids: Sequence[str]) -> None:
        self._record(collection)
        if ids:
            self.client.delete(
                collection,
                points_selector=models.PointIdsList(points=[str(point_uuid(i)) for i in ids]),
                wait=True,
            )

    def count(self, collection: str, where: VectorFilter | None = None) -> int:
        self._record(collection)
        self._index_filtered_keys(collection, where)
        return self.client.count(collection, count_filter=_qdrant_filter(where), exact=True).count

    def _record(self, collection: str) -> IndexRecord:
        """The collection's embedder record, read once per process; NotFound when missing."""
        with self._lock:
            known = self._records.get(collection)
        if known is not None:
            return known
        client = self.client
        if not client.collection_exists(collection):
            raise NotFound(f"vector collection {collection!r} does not exist")
        info = client.get_collection(collection)
        record = IndexRecord.from_json(info.config.metadata)
        if record is None:
            raise NotFound(
                f"vector collection {collection!r} was never set up by ensure_collection"
            )
        with self._lock:
            self._records[collection] = record
            self._indexed[collection] = set(info.payload_schema)
        return record

    def _index_filtered_keys(self, collection: str, where: VectorFilter | None) -> None:
        with self._lock:
            indexed = self._indexed.setdefault(collection, set())
            missing = {k: v for k, v in filter_index_kinds(where).items() if k not in indexed}
        for key, kind in missing.items():
            self.client.create_payload_index(collection, key, field_schema=_SCHEMA[kind], wait=True)
            with self._lock:
                indexed.add(key)


def _point_vectors(
    collection: str, record: IndexRecord, point: VectorPoint
) -> list[float] | dict[str, list[float] | models.SparseVector]:
    dense = as_floats(collection, record, point.vector)
    if point.sparse is None:
        return dense
    indices, values = sparse_parts(collection, point.sparse)
    return {"": dense, SPARSE_NAME: models.SparseVector(indices=indices, values=values)}
