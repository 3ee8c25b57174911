"""Typed collections of domain models over any DocumentStore: one code path for every backend."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Generic, TypeVar

from shared.models import Card, Child, DomainModel, Item, Newsletter, Parent, School, Subscription
from shared.ports import DocumentStore, FieldFilter, Query, StoreTransaction
from shared.records import (
    AdminLoginLink,
    AuditEvent,
    DeadLetter,
    Digest,
    IgnoredUpdate,
    Message,
    Ticket,
    UnknownSender,
)

M = TypeVar("M", bound=DomainModel)
T = TypeVar("T")


class Collection(Generic[M]):
    """The documents of one model type; every model has an `id` field that is its document id."""

    def __init__(self, store: DocumentStore, name: str, model: type[M]) -> None:
        self.store = store
        self.name = name
        self.model = model

    @staticmethod
    def _id(instance: DomainModel) -> str:
        return str(getattr(instance, "id"))  # noqa: B009 - every stored model has an id field

    def get(self, doc_id: str) -> M | None:
        document = self.store.get(self.name, doc_id)
        return None if document is None else self.model.from_document(document)

    def get_many(self, doc_ids: Sequence[str]) -> dict[str, M]:
        found = self.store.get_many(self.name, doc_ids)
        return {doc_id: self.model.from_document(doc) for doc_id, doc in found.items()}

    def create(self, instance: M) -> bool:
        """Store only if new; False when a document with this id exists (a retry, say)."""
        return self.store.create(self.name, self._id(instance), instance.to_document())

    def put(self, instance: M) -> None:
        self.store.set(self.name, self._id(instance), instance.to_document())

    def put_many(self, instances: Sequence[M]) -> None:
        self.store.set_many(self.name, {self._id(i): i.to_document() for i in instances})

    def delete(self, doc_id: str) -> None:
        self.store.delete(self.name, doc_id)

    def find(
        self,
        *filters: FieldFilter,
        order_by: str | None = None,
        descending: bool = False,
        limit: int | None = None,
        start_after_id: str | None = None,
    ) -> list[M]:
        query = Query(self.name, filters, order_by, descending, limit, start_after_id)
        return [self.model.from_document(doc) for doc in self.store.query(query)]

    def count(self, *filters: FieldFilter) -> int:
        return self.store.count(Query(self.name, filters))

    def scan(self, *filters: FieldFilter, page_size: int = 500) -> Iterator[M]:
        """Every matching model, fetched a page at a time (memory stays flat on big schools)."""
        cursor: str | None = None
        while True:
            page = self.find(*filters, limit=page_size, start_after_id=cursor)
            yield from page
            if len(page) < page_size:
                return
            cursor = self._id(page[-1])


class UnitOfWork:
    """Typed reads and writes of models inside one store transaction.

    Reads see one snapshot and the writes apply together or not at all. Do every read before
    the first write (Firestore refuses reads after writes).
    """

    def __init__(self, transaction: StoreTransaction) -> None:
        self._transaction = transaction

    def get(self, collection: Collection[M], doc_id: str) -> M | None:
        document = self._transaction.get(collection.name, doc_id)
        return None if document is None else collection.model.from_document(document)

    def get_many(self, collection: Collection[M], doc_ids: Sequence[str]) -> dict[str, M]:
        found = self._transaction.get_many(collection.name, doc_ids)
        return {doc_id: collection.model.from_document(doc) for doc_id, doc in found.items()}

    def put(self, collection: Collection[M], instance: M) -> None:
        self._transaction.set(collection.name, Collection._id(instance), instance.to_document())

    def put_many(self, collection: Collection[M], instances: Sequence[M]) -> None:
        documents = {Collection._id(i): i.to_document() for i in instances}
        self._transaction.set_many(collection.name, documents)


class Repositories:
    """Every collection of the domain, named once."""

    def __init__(self, store: DocumentStore) -> None:
        self.store = store
        self.schools = Collection(store, "schools", School)
        self.newsletters = Collection(store, "newsletters", Newsletter)
        self.items = Collection(store, "items", Item)
        self.parents = Collection(store, "parents", Parent)
        self.children = Collection(store, "children", Child)
        self.subscriptions = Collection(store, "subscriptions", Subscription)
        self.cards = Collection(store, "cards", Card)
        self.digests = Collection(store, "digests", Digest)
        self.messages = Collection(store, "messages", Message)
        self.tickets = Collection(store, "tickets", Ticket)
        self.audit_events = Collection(store, "audit_events", AuditEvent)
        self.dead_letters = Collection(store, "dead_letters", DeadLetter)
        self.ignored_updates = Collection(store, "ignored_updates", IgnoredUpdate)
        self.unknown_senders = Collection(store, "unknown_senders", UnknownSender)
        self.admin_login_links = Collection(store, "admin_login_links", AdminLoginLink)

    def atomically(self, work: Callable[[UnitOfWork], T]) -> T:
        """Run `work` as one transaction of the store.

        The store may run `work` again when another writer got in first, so it must do nothing
        but reads and writes through its UnitOfWork (no messages, no tasks).
        """
        return self.store.run_transaction(lambda transaction: work(UnitOfWork(transaction)))
