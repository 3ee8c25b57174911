"""The Gemini embedder on the real google-genai client, against the Gemini stand-in's
embeddings endpoint, through the instance's one GeminiClient (retry policy, rate limiter)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from google import genai
from google.genai import types

from infra.standins.gemini import FakeGemini
from infra.standins.gemini_answers import error_reply
from infra.standins.gemini_embeddings import GeminiEmbeddings
from shared.adapters.embedder_gemini import GeminiEmbedder
from shared.adapters.gemini.client import GeminiClient
from shared.adapters.gemini.retry import RetryPolicy
from shared.errors import BadInput, IndexMismatch, TransientError
from shared.settings import Settings
from shared.wiring import Container

SIZE = 768


@pytest.fixture
def fake() -> Iterator[FakeGemini]:
    with FakeGemini() as running:
        yield running


@pytest.fixture
def endpoint(fake: FakeGemini) -> GeminiEmbeddings:
    return GeminiEmbeddings.on(fake)


def embedder_for(
    fake: FakeGemini, *, batch_size: int = 100, max_attempts: int = 5
) -> tuple[GeminiEmbedder, list[float]]:
    pauses: list[float] = []

    def client() -> genai.Client:
        return genai.Client(
            api_key="test-key", http_options=types.HttpOptions(base_url=fake.base_url)
        )

    gemini = GeminiClient(
        client,
        policy=RetryPolicy(max_attempts=max_attempts, backoff_initial_s=0.5),
        requests_per_minute=10_000,
        sleep=pauses.append,
    )
    embedder = GeminiEmbedder(
        gemini, model="gemini-embedding-001", size=SIZE, batch_size=batch_size
    )
    return embedder, pauses


def test_passages_go_in_batches_with_the_document_task_type_and_size(
    fake: FakeGemini, endpoint: GeminiEmbeddings
) -> None:
    embedder, _ = embedder_for(fake, batch_size=3)
    texts = [f"item number {n}" for n in range(7)]
    vectors = embedder.embed_passages(texts)
    assert len(vectors) == 7 and all(len(v) == SIZE for v in vectors)
    assert [len(c.texts) for c in endpoint.calls] == [3, 3, 1]
    assert [t for c in endpoint.calls for t in c.texts] == texts
    assert {t for c in endpoint.calls for t in c.task_types} == {"RETRIEVAL_DOCUMENT"}
    assert {d for c in endpoint.calls for d in c.dimensions} == {SIZE}
    assert {c.model for c in endpoint.calls} == {"gemini-embedding-001"}
    # Unit length, so cosine and dot product agree whatever the engine uses.
    assert abs(sum(x * x for x in vectors[0]) - 1.0) < 1e-6


def test_a_query_uses_the_query_task_type_and_meets_its_document(
    fake: FakeGemini, endpoint: GeminiEmbeddings
) -> None:
    embedder, _ = embedder_for(fake)
    documents = embedder.embed_passages(["pizza lunch orders close", "winter concert in the gym"])
    query = embedder.embed_query("when is the winter concert")
    assert endpoint.calls[-1].task_types == ["RETRIEVAL_QUERY"]
    scores = [sum(a * b for a, b in zip(query, d, strict=True)) for d in documents]
    assert scores[1] > scores[0]


def test_batches_never_exceed_the_api_limit(fake: FakeGemini, endpoint: GeminiEmbeddings) -> None:
    embedder, _ = embedder_for(fake, batch_size=500)
    assert len(embedder.embed_passages([f"text {n}" for n in range(130)])) == 130
    assert [len(c.texts) for c in endpoint.calls] == [100, 30]


def test_a_429_is_retried_with_backoff_then_succeeds(
    fake: FakeGemini, endpoint: GeminiEmbeddings
) -> None:
    embedder, pauses = embedder_for(fake)
    endpoint.fail_next(error_reply(429), error_reply(429))
    assert len(embedder.embed_query("hello")) == SIZE
    assert len(pauses) == 2 and pauses[1] >= pauses[0] > 0
    assert len(endpoint.calls) == 1


def test_failures_past_the_attempts_are_transient(
    fake: FakeGemini, endpoint: GeminiEmbeddings
) -> None:
    embedder, pauses = embedder_for(fake, max_attempts=3)
    endpoint.fail_next(*[error_reply(503)] * 3)
    with pytest.raises(TransientError):
        embedder.embed_passages(["a", "b"])
    assert len(pauses) == 2


def test_a_refused_request_is_bad_input_and_not_retried(
    fake: FakeGemini, endpoint: GeminiEmbeddings
) -> None:
    embedder, pauses = embedder_for(fake)
    endpoint.fail_next(error_reply(400, "API key not valid"))
    with pytest.raises(BadInput):
        embedder.embed_query("hello")
    assert pauses == []


def test_a_vector_of_the_wrong_dimension_is_refused(
    fake: FakeGemini, endpoint: GeminiEmbeddings
) -> None:
    embedder, _ = embedder_for(fake)
    endpoint.wrong_dimension = True
    with pytest.raises(IndexMismatch):
        embedder.embed_passages(["a"])


def test_the_container_builds_it_on_its_one_gemini_client(
    fake: FakeGemini, endpoint: GeminiEmbeddings, tmp_path: object
) -> None:
    settings = Settings(
        gemini_api_key="k",
        gemini_base_url=fake.base_url,
        embedder_backend="gemini",
        vector_size=256,
    )
    container = Container(settings)
    embedder = container.embedder
    assert isinstance(embedder, GeminiEmbedder)
    assert (embedder.name, embedder.size) == ("google-genai:gemini-embedding-001", 256)
    assert len(embedder.embed_query("x")) == 256
    assert endpoint.calls[0].dimensions == [256]
    assert embedder._gemini is container.gemini  # one client per instance
