"""A DocumentStore that counts what Firestore bills: document reads, writes and deletes.

It wraps another store and changes nothing about it, so a benchmark or a test on the embedded
store can say what the same work would cost in production. The rules follow Firestore's price
list: every document a query returns is a read and a query that returns nothing still costs one;
every document looked up by id is a read, found or not; a count costs one read per thousand
matches; every document written is a write (a create that finds the id taken writes nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from shared.ports import Document, DocumentStore, Query, StoreTransaction

T = TypeVar("T")

_MATCHES_PER_COUNT_READ = 1000


@dataclass
class StoreUsage:
    reads: int = 0
    writes: int = 0
    deletes: int = 0


class _MeteredTransaction:
    def __init__(self, inner: StoreTransaction, usage: StoreUsage) -> None:
        self._inner = inner
        self._usage = usage

    def get(self, collection: str, doc_id: str) -> Document | None:
        self._usage.reads += 1
        return self._inner.get(collection, doc_id)

    def get_many(self, collection: str, doc_ids: Sequence[str]) -> dict[str, Document]:
        self._usage.reads += len(set(doc_ids))
        return self._inner.get_many(collection, doc_ids)

    def set(self, collection: str, doc_id: str, document: Document) -> None:
        self._usage.writes += 1
        self._inner.set(collection, doc_id, document)

    def set_many(self, collection: str, documents: dict[str, Document]) -> None:
        self._usage.writes += len(documents)
        self._inner.set_many(collection, documents)

    def delete(self, collection: str, doc_id: str) -> None:
        self._usage.deletes += 1
        self._inner.delete(collection, doc_id)


class MeteredDocumentStore:
    """Counts into `usage`; `take_usage()` hands the counts over and starts again from zero."""

    def __init__(self, inner: DocumentStore) -> None:
        self.inner = inner
        self.usage = StoreUsage()

    def take_usage(self) -> StoreUsage:
        taken, self.usage = self.usage, StoreUsage()
        return taken

    def get(self, collection: str, doc_id: str) -> Document | None:
        self.usage.reads += 1
        return self.inner.get(collection, doc_id)

    def get_many(
        self, collection: str, doc_ids: Sequence[str], fields: Sequence[str] | None = None
    ) -> dict[str, Document]:
        self.usage.reads += len(set(doc_ids))
        return self.inner.get_many(collection, doc_ids, fields)

    def create(self, collection: str, doc_id: str, document: Document) -> bool:
        created = self.inner.create(collection, doc_id, document)
        self.usage.writes += int(created)
        return created

    def set(self, collection: str, doc_id: str, document: Document) -> None:
        self.usage.writes += 1
        self.inner.set(collection, doc_id, document)

    def set_many(self, collection: str, documents: dict[str, Document]) -> None:
        self.usage.writes += len(documents)
        self.inner.set_many(collection, documents)

    def update(self, collection: str, doc_id: str, fields: Document) -> None:
        self.inner.update(collection, doc_id, fields)
        self.usage.writes += 1

    def delete(self, collection: str, doc_id: str) -> None:
        self.usage.deletes += 1
        self.inner.delete(collection, doc_id)

    def query(self, query: Query) -> list[Document]:
        found = self.inner.query(query)
        self.usage.reads += max(1, len(found))
        return found

    def count(self, query: Query) -> int:
        matches = self.inner.count(query)
        self.usage.reads += max(1, -(-matches // _MATCHES_PER_COUNT_READ))
        return matches

    def run_transaction(self, work: Callable[[StoreTransaction], T]) -> T:
        # A transaction the backend retries is billed again, and counted again here.
        return self.inner.run_transaction(
            lambda transaction: work(_MeteredTransaction(transaction, self.usage))
        )
