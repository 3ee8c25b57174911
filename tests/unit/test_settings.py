"""Settings come from the environment, with defaults that run everything locally."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from shared.settings import Settings


def test_defaults_are_the_embedded_backends(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("STORE_BACKEND", "BLOB_BACKEND", "TASKS_BACKEND", "VECTOR_BACKEND", "DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings()
    assert (settings.store_backend, settings.blob_backend) == ("sqlite", "local")
    assert (settings.tasks_backend, settings.vector_backend) == ("inprocess", "edge")
    assert settings.resolved_sqlite_path == Path("var/parentpath.sqlite3")
    assert settings.resolved_local_bucket_dir == Path("var/inbox")


def test_environment_variables_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORE_BACKEND", "firestore")
    monkeypatch.setenv("DATA_DIR", "/srv/pp")
    monkeypatch.setenv("MAX_UPLOAD_BYTES", "1000")
    settings = Settings()
    assert settings.store_backend == "firestore"
    assert settings.resolved_vector_dir == Path("/srv/pp/vectors")
    assert settings.max_upload_bytes == 1000


def test_inconsistent_settings_fail_at_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VECTOR_BACKEND", "qdrant")
    monkeypatch.delenv("QDRANT_URL", raising=False)
    with pytest.raises(ValidationError, match="QDRANT_URL"):
        Settings()
    monkeypatch.setenv("VECTOR_BACKEND", "nonsense")
    with pytest.raises(ValidationError):
        Settings()


def test_embedder_settings_are_checked() -> None:
    with pytest.raises(ValidationError, match="VECTOR_SIZE=384"):
        Settings(vector_size=768)
    assert (
        Settings(embedder_backend="gemini", gemini_api_key="k", vector_size=768).vector_size == 768
    )


def test_the_local_clock_start_is_a_moment_or_empty_for_the_real_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LOCAL_CLOCK_START", "2026-10-02T09:00:00-07:00")
    assert Settings().local_clock_start == datetime(2026, 10, 2, 16, 0, tzinfo=UTC)
    # `make run LOCAL_CLOCK_START=` passes an empty value: the real time, not an error.
    monkeypatch.setenv("LOCAL_CLOCK_START", "")
    assert Settings().local_clock_start is None
    monkeypatch.setenv("LOCAL_CLOCK_START", "2026-10-02T09:00:00")
    with pytest.raises(ValidationError):
        Settings()
