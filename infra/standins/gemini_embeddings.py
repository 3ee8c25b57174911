"""Gemini embeddings on the Gemini stand-in: `models/MODEL:batchEmbedContents` as Google
documents it, added to a `FakeGemini` as a route of its own (`GeminiEmbeddings.on(fake)`).

It checks the request as the API does (one `requests[]` entry per text, each naming the model,
at most 100 per call, a known `taskType`, `outputDimensionality` within 1..3072) and answers
`{"embeddings": [{"values": [...]}]}` with deterministic vectors: texts that share words get
close vectors, so retrieval over them is meaningful in tests. Failures can be queued
(`fail_next`) to test retries, and the dimension forced wrong (`wrong_dimension`).
"""

from __future__ import annotations

import hashlib
import math
import re
import threading
from dataclasses import dataclass

from infra.standins.gemini import FakeGemini, RecordedRequest
from infra.standins.gemini_answers import CannedResponse, error_reply

BATCH_EMBED = re.compile(r"^/(?P<version>v1[a-z0-9]*)/models/(?P<model>[^/:]+):batchEmbedContents$")
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


class GeminiEmbeddings:
    """The embeddings endpoint's state: the calls it answered and what it is told to do."""

    def __init__(self) -> None:
        self.calls: list[EmbedCall] = []
        self.wrong_dimension = False
        self._failures: list[CannedResponse] = []
        self._lock = threading.Lock()

    @classmethod
    def on(cls, fake: FakeGemini) -> GeminiEmbeddings:
        endpoint = cls()
        fake.add_route("POST", BATCH_EMBED, endpoint.answer)
        return endpoint

    def fail_next(self, *responses: CannedResponse) -> None:
        with self._lock:
            self._failures.extend(responses)

    def answer(self, request: RecordedRequest, match: re.Match[str]) -> CannedResponse:
        with self._lock:
            if self._failures:
                return self._failures.pop(0)
        model, version = match["model"], match["version"]
        body = request.json()
        requests = body.get("requests") if isinstance(body, dict) else None
        if not isinstance(requests, list) or not requests:
            return error_reply(400, "requests[] is required")
        if len(requests) > MAX_BATCH:
            return error_reply(400, f"at most {MAX_BATCH} requests in one batch")
        texts, task_types, dimensions = [], [], []
        for entry in requests:
            if not isinstance(entry, dict) or entry.get("model") != f"models/{model}":
                return error_reply(400, f"every request must name models/{model}")
            parts = (entry.get("content") or {}).get("parts") or []
            text = " ".join(str(p.get("text", "")) for p in parts if isinstance(p, dict))
            if not text.strip():
                return error_reply(400, "content.parts[].text is required")
            task_type = entry.get("taskType")
            if task_type is not None and task_type not in TASK_TYPES:
                return error_reply(400, f"unknown taskType {task_type!r}")
            dimension = entry.get("outputDimensionality")
            if dimension is not None and not (
                isinstance(dimension, int) and 1 <= dimension <= MAX_DIMENSION
            ):
                return error_reply(400, f"outputDimensionality must be 1..{MAX_DIMENSION}")
            texts.append(text)
            task_types.append(task_type)
            dimensions.append(dimension)
        with self._lock:
            self.calls.append(EmbedCall(model, version, texts, task_types, dimensions))
        extra = 1 if self.wrong_dimension else 0
        embeddings = [
            {"values": pseudo_embedding(text, (dimension or MAX_DIMENSION) + extra)}
            for text, dimension in zip(texts, dimensions, strict=True)
        ]
        return CannedResponse(200, {"embeddings": embeddings})
