"""Indexing: items into the semantic index (dense meaning + sparse terms, with their payload).

Point ids are the item ids, so indexing again (a retry, an edit, a reindex) replaces a point
rather than adding one. Rejected and withdrawn items leave the index. Every item is indexed
whatever its status, so admins see duplicates and similar items before approving; parents'
searches filter on `status`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from shared.errors import IndexMismatch, NotFound, ParentPathError, TransientError
from shared.models import Item, ItemStatus, School
from shared.ports import Embedder, FieldFilter, VectorFilter, VectorHit, VectorIndex, VectorPoint
from shared.repository import Repositories
from shared.retrieval.documents import item_terms, passage, payload, school_vocabulary
from shared.retrieval.terms import TERMS_VERSION, Vocabulary, sparse_vector
from shared.services.duplicates import mark_possible_duplicates

logger = logging.getLogger(__name__)

ITEMS_COLLECTION = "items"
_LEAVES_INDEX = frozenset({ItemStatus.REJECTED, ItemStatus.WITHDRAWN})


@contextmanager
def index_available() -> Iterator[None]:
    """Failures of the engine or the embedder that a retry may fix become TransientError (the
    task answers 503 and Cloud Tasks retries); the domain's own errors pass unchanged."""
    try:
        yield
    except (ParentPathError, ValueError, TypeError):
        raise
    except Exception as exc:
        raise TransientError(f"the semantic index is unavailable ({type(exc).__name__})") from exc


class ItemIndex:
    """The one collection of every school's items, filled by one embedder and one term reader.

    The collection's record names both, so changing either is a mismatch that `reindex`
    resolves, never vectors of two kinds side by side.
    """

    def __init__(
        self,
        vectors: VectorIndex,
        embedder: Embedder,
        *,
        collection: str = ITEMS_COLLECTION,
        batch_size: int = 32,
    ) -> None:
        self.vectors = vectors
        self.embedder = embedder
        self.collection = collection
        self._batch_size = batch_size
        self._ready = False
        self._lock = threading.Lock()
        self._vocabularies: dict[tuple[str, str], Vocabulary] = {}

    @property
    def filled_by(self) -> str:
        return f"{self.embedder.name}+{TERMS_VERSION}"

    def ensure(self) -> None:
        with self._lock:
            if self._ready:
                return
            with index_available():
                self.vectors.ensure_collection(self.collection, self.embedder.size, self.filled_by)
            self._ready = True

    def reset(self) -> None:
        """Drop the collection and make it again for this embedder (what a reindex starts with)."""
        with self._lock, index_available():
            self.vectors.drop_collection(self.collection)
            self.vectors.ensure_collection(self.collection, self.embedder.size, self.filled_by)
            self._ready = True

    def vocabulary(self, school: School) -> Vocabulary:
        key = (school.id, repr(school.activities))
        with self._lock:
            if key not in self._vocabularies:
                self._vocabularies[key] = school_vocabulary(school)
            return self._vocabularies[key]

    def upsert(self, items: Sequence[Item], school: School) -> list[VectorPoint]:
        """Embed in batches and write; items that must not be found are removed instead.
        Returns the points written."""
        self.ensure()
        keep = [i for i in items if i.status not in _LEAVES_INDEX]
        self.remove([i.id for i in items if i.status in _LEAVES_INDEX])
        vocabulary = self.vocabulary(school)
        written: list[VectorPoint] = []
        for start in range(0, len(keep), self._batch_size):
            batch = keep[start : start + self._batch_size]
            with index_available():
                vectors = self.embedder.embed_passages([passage(i, school) for i in batch])
            if len(vectors) != len(batch) or any(len(v) != self.embedder.size for v in vectors):
                raise IndexMismatch(
                    f"{self.embedder.name} returned {len(vectors)} vectors for {len(batch)} "
                    f"texts, not all of size {self.embedder.size}"
                )
            points = []
            for item, vector in zip(batch, vectors, strict=True):
                terms = item_terms(item, vocabulary)
                points.append(
                    VectorPoint(item.id, vector, payload(item, school, terms), sparse_vector(terms))
                )
            with index_available():
                self.vectors.upsert(self.collection, points)
            written.extend(points)
        return written

    def remove(self, item_ids: Sequence[str]) -> None:
        if not item_ids:
            return
        self.ensure()
        with index_available():
            self.vectors.delete(self.collection, list(item_ids))

    def neighbours(
        self, item: Item, school: School, limit: int, vector: Sequence[float] | None = None
    ) -> list[VectorHit]:
        """The items of the same school closest in meaning to this one, itself left out."""
        self.ensure()
        with index_available():
            if vector is None:
                vector = self.embedder.embed_passages([passage(item, school)])[0]
            hits = self.vectors.search(
                self.collection,
                vector,
                limit=limit + 1,
                where=VectorFilter(equals={"school_id": item.school_id}),
            )
        return [h for h in hits if h.id != item.id][:limit]


@dataclass(frozen=True)
class IndexOutcome:
    indexed: int
    removed: int
    possible_duplicates: int


def _school_of(school_id: str, repos: Repositories) -> School:
    school = repos.schools.get(school_id)
    if school is None:
        raise NotFound(f"school {school_id} does not exist")
    return school


def index_newsletter(newsletter_id: str, index: ItemIndex, repos: Repositories) -> IndexOutcome:
    """Index every item of a parsed newsletter and mark its possible duplicates of earlier
    items; run again, it writes the same points and the same marks."""
    newsletter = repos.newsletters.get(newsletter_id)
    if newsletter is None:
        raise NotFound(f"newsletter {newsletter_id} does not exist")
    school = _school_of(newsletter.school_id, repos)
    items = repos.items.find(FieldFilter("newsletter_id", "==", newsletter_id))
    points = index.upsert(items, school)
    kept = [i for i in items if i.status not in _LEAVES_INDEX]
    duplicates = mark_possible_duplicates(kept, points, school, index, repos)
    outcome = IndexOutcome(
        indexed=len(kept), removed=len(items) - len(kept), possible_duplicates=duplicates
    )
    logger.info(
        "newsletter indexed",
        extra={"newsletter_id": newsletter_id, "indexed": outcome.indexed},
    )
    return outcome


def index_item(item_id: str, index: ItemIndex, repos: Repositories) -> IndexOutcome:
    """One item again, after an edit, an approval, a rejection or a withdrawal."""
    item = repos.items.get(item_id)
    if item is None:
        raise NotFound(f"item {item_id} does not exist")
    index.upsert([item], _school_of(item.school_id, repos))
    left = item.status in _LEAVES_INDEX
    return IndexOutcome(indexed=0 if left else 1, removed=1 if left else 0, possible_duplicates=0)


def reindex(
    index: ItemIndex,
    repos: Repositories,
    *,
    school_id: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> int:
    """Embed every item again with the configured embedder; returns how many were indexed.

    All schools: the collection is dropped and made afresh (the way to switch embedders). One
    school: its items are written again into the existing collection.
    """
    if school_id is None:
        index.reset()
        schools = repos.schools.find()
    else:
        index.ensure()
        schools = [_school_of(school_id, repos)]
    total = sum(repos.items.count(FieldFilter("school_id", "==", s.id)) for s in schools)
    done = 0
    for school in schools:
        batch: list[Item] = []
        for item in repos.items.scan(FieldFilter("school_id", "==", school.id)):
            batch.append(item)
            if len(batch) >= 256:
                index.upsert(batch, school)
                done += len(batch)
                batch = []
                if on_progress:
                    on_progress(done, total)
        index.upsert(batch, school)
        done += len(batch)
        if on_progress:
            on_progress(done, total)
    return done
