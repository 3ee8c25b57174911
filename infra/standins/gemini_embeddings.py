"""Gemini embeddings stand-in: `models/MODEL:batchEmbedContents` as Google documents it.

A local HTTP server google-genai can be pointed at (`HttpOptions(base_url=...)`). It checks the
request as the API does (one `requests[]` entry per text, each naming the model, at most 100
per call, `outputDimensionality` within 1..3072) and answers `{"embeddings": [{"values": [...]}]}`
with deterministic vectors: texts that share words get close vectors, so retrieval over them is
meaningful in tests. Failures can be queued (`fail_next`) to test retries, and the dimension
can be forced wrong (`wrong_dimension`) to test that a client refuses it.

Kept apart from `infra/standins/gemini.py` (generateContent, files) so either can change alone.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_BATCH = re.compile(r"^/(v1|v1beta)/models/([^/:]+):batchEmbedContents$")
MAX_BATCH = 100
MAX_DIMENSION = 3072
TASK_TYPES = frozenset(
    {
        "TASK_TYPE_UNSPECIFIED",
        "RETRIEVAL_QUERY",
        "RETRIEVAL_DOCUMENT",
        "SEMANTIC_SIMILARITY",
        "CLASSIFICATION",
        "CLUSTERING",
        "QUESTION_ANSWERING",
        "FACT_VERIFICATION",
        "CODE_RETRIEVAL_QUERY",
    }
)
_STATUS_NAMES = {
    400: "INVALID_ARGUMENT",
    404: "NOT_FOUND",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
}


def pseudo_embedding(text: str, dimension: int) -> list[float]:
    """Hashed bag of words, L2-normalised: the same text always gives the same vector."""
    vector = [0.0] * dimension
    for word in re.findall(r"\w+", text.lower()):
        digest = hashlib.blake2b(word.encode(), digest_size=8).digest()
        slot = int.from_bytes(digest[:4], "big") % dimension
        vector[slot] += 1.0 if digest[4] & 1 else -1.0
    norm = math.sqrt(sum(v * v for v in vector)) or 1.0
    return [v / norm for v in vector]


@dataclass(frozen=True)
class EmbedCall:
    model: str
    version: str
    texts: list[str]
    task_types: list[str | None]
    dimensions: list[int | None]


class FakeGeminiEmbeddings:
    """Start with `with FakeGeminiEmbeddings() as fake:`; `fake.base_url` is the endpoint."""

    def __init__(self) -> None:
        self.calls: list[EmbedCall] = []
        self.wrong_dimension = False
        self._failures: list[int] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def fail_next(self, status: int, times: int = 1) -> None:
        with self._lock:
            self._failures.extend([status] * times)

    def __enter__(self) -> FakeGeminiEmbeddings:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def answer(self, path: str, body: Any) -> tuple[int, dict[str, Any]]:
        match = _BATCH.match(path.split("?", 1)[0])
        if match is None:
            return _error(404, f"no route {path}")
        with self._lock:
            if self._failures:
                return _error(self._failures.pop(0), "injected failure")
        version, model = match.groups()
        requests = body.get("requests") if isinstance(body, dict) else None
        if not isinstance(requests, list) or not requests:
            return _error(400, "requests[] is required")
        if len(requests) > MAX_BATCH:
            return _error(400, f"at most {MAX_BATCH} requests in one batch")
        texts, task_types, dimensions = [], [], []
        for request in requests:
            if not isinstance(request, dict) or request.get("model") != f"models/{model}":
                return _error(400, f"every request must name models/{model}")
            parts = (request.get("content") or {}).get("parts") or []
            text = " ".join(str(p.get("text", "")) for p in parts if isinstance(p, dict))
            if not text.strip():
                return _error(400, "content.parts[].text is required")
            task_type = request.get("taskType")
            if task_type is not None and task_type not in TASK_TYPES:
                return _error(400, f"unknown taskType {task_type!r}")
            dimension = request.get("outputDimensionality")
            if dimension is not None and not (
                isinstance(dimension, int) and 1 <= dimension <= MAX_DIMENSION
            ):
                return _error(400, f"outputDimensionality must be 1..{MAX_DIMENSION}")
            texts.append(text)
            task_types.append(task_type)
            dimensions.append(dimension)
        with self._lock:
            self.calls.append(EmbedCall(model, version, texts, task_types, dimensions))
        embeddings = []
        for text, dimension in zip(texts, dimensions, strict=True):
            size = (dimension or MAX_DIMENSION) + (1 if self.wrong_dimension else 0)
            embeddings.append({"values": pseudo_embedding(text, size)})
        return 200, {"embeddings": embeddings}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    body = json.loads(self.rfile.read(length) or b"{}")
                except json.JSONDecodeError:
                    status, answer = _error(400, "body is not JSON")
                else:
                    status, answer = fake.answer(self.path, body)
                encoded = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(encoded)))
                self.end_headers()
                self.wfile.write(encoded)

            def log_message(self, format: str, *args: Any) -> None:
                return

        return Handler


def _error(status: int, message: str) -> tuple[int, dict[str, Any]]:
    name = _STATUS_NAMES.get(status, "UNKNOWN")
    return status, {"error": {"code": status, "message": message, "status": name}}


@contextmanager
def gemini_embeddings() -> Iterator[FakeGeminiEmbeddings]:
    with FakeGeminiEmbeddings() as fake:
        yield fake
