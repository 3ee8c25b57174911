"""The production document store on google-cloud-firestore (Native mode)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar

from google.api_core import exceptions as gexc
from google.cloud import firestore
from google.cloud.firestore_v1.base_query import FieldFilter as FirestoreFieldFilter
from pydantic import AwareDatetime, TypeAdapter

from shared.errors import NotFound, TransientError
from shared.ports import Document, Query, StoreTransaction, effective_order_field

T = TypeVar("T")

# Firestore caps "in" and "array_contains_any" at 30 values and a batch at 500 writes.
_MAX_DISJUNCTION = 30
_MAX_BATCH = 500
_TRANSACTION_ATTEMPTS = 10
_TRANSIENT = (
    gexc.ServiceUnavailable,
    gexc.DeadlineExceeded,
    gexc.InternalServerError,
    gexc.TooManyRequests,
    gexc.ResourceExhausted,
    gexc.Aborted,
)

# Firestore's TTL policy (terraform/firestore.tf) deletes a document only when this field is a
# Timestamp: the store's documents carry ISO strings, so it is stored as one and read back as
# the same ISO string the other stores keep.
_TTL_FIELD = "expires_at"
_ISO_DATETIME = TypeAdapter(AwareDatetime)


def _to_firestore(document: Document) -> Document:
    expires_at = document.get(_TTL_FIELD)
    if not isinstance(expires_at, str):
        return document
    return {**document, _TTL_FIELD: _ISO_DATETIME.validate_python(expires_at)}


def _from_firestore(document: Document | None) -> Document | None:
    if document is None or not isinstance(document.get(_TTL_FIELD), datetime):
        return document
    return {**document, _TTL_FIELD: _ISO_DATETIME.dump_python(document[_TTL_FIELD], mode="json")}


def _read(snapshot: Any) -> Document:
    document: Document = _from_firestore(snapshot.to_dict()) or {}
    return document


@contextmanager
def _transient_errors_mapped() -> Iterator[None]:
    try:
        yield
    except _TRANSIENT as exc:
        raise TransientError(f"Firestore unavailable: {type(exc).__name__}") from exc


class _FirestoreTransaction:
    def __init__(self, client: Any, transaction: Any) -> None:
        self._client = client
        self._transaction = transaction

    def get(self, collection: str, doc_id: str) -> Document | None:
        snapshot = (
            self._client.collection(collection).document(doc_id).get(transaction=self._transaction)
        )
        return _read(snapshot) if snapshot.exists else None

    def get_many(self, collection: str, doc_ids: Sequence[str]) -> dict[str, Document]:
        refs = [self._client.collection(collection).document(i) for i in dict.fromkeys(doc_ids)]
        snapshots = self._client.get_all(refs, transaction=self._transaction)
        return {s.id: _read(s) for s in snapshots if s.exists}

    def set(self, collection: str, doc_id: str, document: Document) -> None:
        self._transaction.set(
            self._client.collection(collection).document(doc_id), _to_firestore(document)
        )

    def set_many(self, collection: str, documents: dict[str, Document]) -> None:
        for doc_id, document in documents.items():
            self.set(collection, doc_id, document)

    def delete(self, collection: str, doc_id: str) -> None:
        self._transaction.delete(self._client.collection(collection).document(doc_id))


class FirestoreDocumentStore:
    """The client is built on first use (not at import) and kept for the instance's life."""

    def __init__(self, client_factory: Callable[[], Any]) -> None:
        self._client_factory = client_factory
        self._client: Any = None

    @classmethod
    def for_project(cls, project: str, database: str = "(default)") -> FirestoreDocumentStore:
        return cls(lambda: firestore.Client(project=project, database=database))

    @property
    def client(self) -> Any:
        if self._client is None:
            self._client = self._client_factory()
        return self._client

    def _ref(self, collection: str, doc_id: str) -> Any:
        return self.client.collection(collection).document(doc_id)

    def get(self, collection: str, doc_id: str) -> Document | None:
        with _transient_errors_mapped():
            snapshot = self._ref(collection, doc_id).get()
        return _read(snapshot) if snapshot.exists else None

    def get_many(
        self, collection: str, doc_ids: Sequence[str], fields: Sequence[str] | None = None
    ) -> dict[str, Document]:
        refs = [self._ref(collection, doc_id) for doc_id in dict.fromkeys(doc_ids)]
        paths = None if fields is None else list(fields)
        with _transient_errors_mapped():
            snapshots = self.client.get_all(refs, field_paths=paths)
            return {s.id: _read(s) for s in snapshots if s.exists}

    def create(self, collection: str, doc_id: str, document: Document) -> bool:
        with _transient_errors_mapped():
            try:
                self._ref(collection, doc_id).create(_to_firestore(document))
            except gexc.AlreadyExists:
                return False
        return True

    def set(self, collection: str, doc_id: str, document: Document) -> None:
        with _transient_errors_mapped():
            self._ref(collection, doc_id).set(_to_firestore(document))

    def set_many(self, collection: str, documents: dict[str, Document]) -> None:
        items = list(documents.items())
        with _transient_errors_mapped():
            for start in range(0, len(items), _MAX_BATCH):
                batch = self.client.batch()
                for doc_id, document in items[start : start + _MAX_BATCH]:
                    batch.set(self._ref(collection, doc_id), _to_firestore(document))
                batch.commit()

    def update(self, collection: str, doc_id: str, fields: Document) -> None:
        # Field names are quoted so that a dot in a name is never read as a nested path.
        paths = {
            firestore.Client.field_path(name): value
            for name, value in _to_firestore(fields).items()
        }
        with _transient_errors_mapped():
            try:
                self._ref(collection, doc_id).update(paths)
            except gexc.NotFound:
                raise NotFound(f"{collection}/{doc_id} does not exist") from None

    def delete(self, collection: str, doc_id: str) -> None:
        with _transient_errors_mapped():
            self._ref(collection, doc_id).delete()

    def _native_queries(self, query: Query) -> list[Any]:
        """One Firestore query, or several when a disjunction is longer than Firestore takes."""
        base = self.client.collection(query.collection)
        if query.fields is not None:
            base = base.select(list(query.fields))
        split: tuple[int, list[Any]] | None = None
        for position, flt in enumerate(query.filters):
            if flt.op in ("in", "array_contains_any") and len(flt.value) > _MAX_DISJUNCTION:
                split = (position, list(flt.value))
                continue
            base = base.where(filter=FirestoreFieldFilter(flt.field, flt.op, flt.value))
        if split is None:
            return [base]
        position, values = split
        flt = query.filters[position]
        return [
            base.where(
                filter=FirestoreFieldFilter(
                    flt.field, flt.op, values[start : start + _MAX_DISJUNCTION]
                )
            )
            for start in range(0, len(values), _MAX_DISJUNCTION)
        ]

    def _ordered(self, native: Any, query: Query) -> Any:
        direction = firestore.Query.DESCENDING if query.descending else firestore.Query.ASCENDING
        order_by = effective_order_field(query)
        if order_by:
            native = native.order_by(order_by, direction=direction)
        native = native.order_by("__name__", direction=direction)
        if query.start_after_id is not None:
            cursor = self._ref(query.collection, query.start_after_id).get()
            if not cursor.exists:
                raise NotFound(f"cursor document {query.start_after_id} does not exist")
            native = native.start_after(cursor)
        if query.limit is not None:
            native = native.limit(query.limit)
        return native

    def query(self, query: Query) -> list[Document]:
        natives = self._native_queries(query)
        with _transient_errors_mapped():
            if len(natives) == 1:
                return [_read(s) for s in self._ordered(natives[0], query).stream()]
            # Chunks of a long disjunction are merged here, then ordered and cut like one query.
            unbounded = dataclasses.replace(query, limit=None)
            merged: dict[str, Document] = {}
            for native in natives:
                snapshots = self._ordered(native, unbounded).stream()
                merged.update((s.id, _read(s)) for s in snapshots)
        order_key = effective_order_field(query)
        rows = sorted(
            merged.items(),
            key=lambda pair: (pair[1].get(order_key), pair[0]) if order_key else (pair[0],),
            reverse=query.descending,
        )
        documents = [doc for _, doc in rows]
        return documents if query.limit is None else documents[: query.limit]

    def count(self, query: Query) -> int:
        natives = self._native_queries(query)
        with _transient_errors_mapped():
            if len(natives) == 1:
                result = natives[0].count().get()
                return int(result[0][0].value)
        return len(self.query(Query(query.collection, query.filters)))

    def run_transaction(self, work: Callable[[StoreTransaction], T]) -> T:
        @firestore.transactional
        def attempt(transaction: Any) -> T:
            return work(_FirestoreTransaction(self.client, transaction))

        with _transient_errors_mapped():
            try:
                result: T = attempt(self.client.transaction(max_attempts=_TRANSACTION_ATTEMPTS))
            except ValueError as exc:
                # The client gives up on contention with a ValueError: a retry may well succeed.
                raise TransientError(f"Firestore transaction contended: {exc}") from exc
        return result
