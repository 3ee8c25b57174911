"""Gemini embeddings (google-genai `embed_content`, gemini-embedding-001) behind the Embedder port.

Documents and questions are embedded with their own task types (RETRIEVAL_DOCUMENT,
RETRIEVAL_QUERY), at the size the settings give (`output_dimensionality`), up to 100 texts a
call (the API's batch limit), one `types.Content` per text so each gets its own embedding.
Calls go through the instance's one `GeminiClient`: the same retry policy and rate limiter as
extraction. When retries run out the caller gets TransientError (a task answers 503 and Cloud
Tasks retries later); a request Gemini refuses for good is BadInput. A vector of another size
than asked is refused: it would poison the collection.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from google.genai import types

from shared.adapters.gemini.client import GeminiClient
from shared.adapters.gemini.retry import GeminiQuotaExhausted, GeminiRefused
from shared.errors import BadInput, IndexMismatch, TransientError
from shared.settings import Settings

MAX_BATCH = 100


class GeminiEmbedder:
    def __init__(
        self, gemini: GeminiClient, *, model: str, size: int, batch_size: int = MAX_BATCH
    ) -> None:
        self.name = f"google-genai:{model}"
        self.size = size
        self._gemini = gemini
        self._model = model
        self._batch_size = min(batch_size, MAX_BATCH)

    @classmethod
    def from_settings(cls, settings: Settings, gemini: GeminiClient) -> GeminiEmbedder:
        return cls(
            gemini,
            model=settings.gemini_embedding_model,
            size=settings.vector_size,
            batch_size=settings.embed_batch_size,
        )

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
        contents = [types.Content(parts=[types.Part(text=text)]) for text in texts]
        try:
            response = self._gemini.call(
                lambda client: client.models.embed_content(
                    model=self._model, contents=contents, config=config
                ),
                "embed_content",
            )
        except GeminiQuotaExhausted as exc:
            raise TransientError(f"Gemini embeddings quota used up: {exc}") from exc
        except GeminiRefused as exc:
            raise BadInput(f"Gemini refused to embed: {exc}") from exc
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
