"""Gemini embeddings (google-genai `embed_content`, gemini-embedding-001) behind the Embedder port.

Documents and questions are embedded with their own task types (RETRIEVAL_DOCUMENT,
RETRIEVAL_QUERY), at the size the settings give (`output_dimensionality`), up to 100 texts a
call (the API's batch limit). 429 and 5xx are retried with exponential backoff; when attempts
run out the caller gets TransientError (a task answers 503 and Cloud Tasks retries later). A
vector of another size than asked is refused: it would poison the collection.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from google import genai
from google.genai import errors, types

from shared.errors import IndexMismatch, TransientError

if TYPE_CHECKING:
    from shared.settings import Settings

MAX_BATCH = 100
_RETRYABLE = frozenset({408, 429, 500, 502, 503, 504})


class GeminiEmbedder:
    def __init__(
        self,
        client_factory: Callable[[], genai.Client],
        *,
        model: str,
        size: int,
        batch_size: int = MAX_BATCH,
        max_attempts: int = 5,
        backoff_s: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.name = f"google-genai:{model}"
        self.size = size
        self._model = model
        self._client_factory = client_factory
        self._client: genai.Client | None = None
        self._batch_size = min(batch_size, MAX_BATCH)
        self._max_attempts = max_attempts
        self._backoff_s = backoff_s
        self._sleep = sleep
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> GeminiEmbedder:
        api_key = settings.gemini_api_key
        if not api_key:
            raise ValueError("GEMINI_API_KEY is not set")

        def client_factory() -> genai.Client:
            options = types.HttpOptions(timeout=int(settings.gemini_timeout_s * 1000))
            if settings.gemini_base_url:
                options.base_url = settings.gemini_base_url
            if settings.gemini_api_version:
                options.api_version = settings.gemini_api_version
            return genai.Client(api_key=api_key, http_options=options)

        return cls(
            client_factory,
            model=settings.gemini_embedding_model,
            size=settings.vector_size,
            batch_size=settings.embed_batch_size,
            max_attempts=settings.gemini_max_attempts,
        )

    @property
    def client(self) -> genai.Client:
        with self._lock:
            if self._client is None:
                self._client = self._client_factory()
            return self._client

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self._batch_size):
            batch = list(texts[start : start + self._batch_size])
            vectors.extend(self._embed(batch, "RETRIEVAL_DOCUMENT"))
        return vectors

    def embed_query(self, text: str) -> list[float]:
        return self._embed([text], "RETRIEVAL_QUERY")[0]

    def _embed(self, texts: list[str], task_type: str) -> list[list[float]]:
        config = types.EmbedContentConfig(task_type=task_type, output_dimensionality=self.size)
        # One Content per text: the API embeds each on its own (a batchEmbedContents request).
        contents = [types.Content(parts=[types.Part(text=text)]) for text in texts]
        for attempt in range(1, self._max_attempts + 1):
            try:
                response = self.client.models.embed_content(
                    model=self._model, contents=contents, config=config
                )
                break
            except errors.APIError as exc:
                if exc.code not in _RETRYABLE:
                    raise
                if attempt == self._max_attempts:
                    raise TransientError(
                        f"Gemini embeddings kept failing ({exc.code}) over {attempt} attempts"
                    ) from exc
                self._sleep(self._backoff_s * 2 ** (attempt - 1))
        embeddings = response.embeddings or []
        if len(embeddings) != len(texts):
            raise IndexMismatch(f"Gemini returned {len(embeddings)} vectors for {len(texts)} texts")
        vectors = []
        for embedding in embeddings:
            values = list(embedding.values or [])
            if len(values) != self.size:
                raise IndexMismatch(
                    f"Gemini returned a vector of size {len(values)}, not {self.size}"
                )
            # Below 3072 dimensions gemini-embedding-001 vectors are not unit length.
            norm = math.sqrt(sum(v * v for v in values)) or 1.0
            vectors.append([v / norm for v in values])
        return vectors
