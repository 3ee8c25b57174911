"""The Gemini embedder on the real google-genai client, against the embeddings stand-in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from google import genai
from google.genai import errors, types

from infra.standins.gemini_embeddings import FakeGeminiEmbeddings
from shared.adapters.embedder_gemini import GeminiEmbedder
from shared.errors import IndexMismatch, TransientError
from shared.settings import Settings

SIZE = 768


@pytest.fixture
def fake() -> Iterator[FakeGeminiEmbeddings]:
    with FakeGeminiEmbeddings() as running:
        yield running


def embedder_for(
    fake: FakeGeminiEmbeddings, **kwargs: object
) -> tuple[GeminiEmbedder, list[float]]:
    pauses: list[float] = []

    def client() -> genai.Client:
        return genai.Client(
            api_key="test-key", http_options=types.HttpOptions(base_url=fake.base_url)
        )

    options: dict[str, object] = {"model": "gemini-embedding-001", "size": SIZE, **kwargs}
    return GeminiEmbedder(client, sleep=pauses.append, **options), pauses  # type: ignore[arg-type]


def test_passages_go_in_batches_with_the_document_task_type_and_size(
    fake: FakeGeminiEmbeddings,
) -> None:
    embedder, _ = embedder_for(fake, batch_size=3)
    texts = [f"item number {n}" for n in range(7)]
    vectors = embedder.embed_passages(texts)
    assert len(vectors) == 7 and all(len(v) == SIZE for v in vectors)
    assert [len(c.texts) for c in fake.calls] == [3, 3, 1]
    assert [t for c in fake.calls for t in c.texts] == texts
    assert {t for c in fake.calls for t in c.task_types} == {"RETRIEVAL_DOCUMENT"}
    assert {d for c in fake.calls for d in c.dimensions} == {SIZE}
    assert {c.model for c in fake.calls} == {"gemini-embedding-001"}
    # Unit length, so cosine and dot product agree whatever the engine uses.
    assert abs(sum(x * x for x in vectors[0]) - 1.0) < 1e-6


def test_a_query_uses_the_query_task_type_and_meets_its_document(
    fake: FakeGeminiEmbeddings,
) -> None:
    embedder, _ = embedder_for(fake)
    documents = embedder.embed_passages(["pizza lunch orders close", "winter concert in the gym"])
    query = embedder.embed_query("when is the winter concert")
    assert fake.calls[-1].task_types == ["RETRIEVAL_QUERY"]
    scores = [sum(a * b for a, b in zip(query, d, strict=True)) for d in documents]
    assert scores[1] > scores[0]


def test_batches_never_exceed_the_api_limit(fake: FakeGeminiEmbeddings) -> None:
    embedder, _ = embedder_for(fake, batch_size=500)
    assert len(embedder.embed_passages([f"text {n}" for n in range(130)])) == 130
    assert [len(c.texts) for c in fake.calls] == [100, 30]


def test_a_429_is_retried_with_backoff_then_succeeds(fake: FakeGeminiEmbeddings) -> None:
    embedder, pauses = embedder_for(fake, backoff_s=0.5)
    fake.fail_next(429, times=2)
    assert len(embedder.embed_query("hello")) == SIZE
    assert pauses == [0.5, 1.0]


def test_failures_past_the_attempts_are_transient(fake: FakeGeminiEmbeddings) -> None:
    embedder, pauses = embedder_for(fake, max_attempts=3)
    fake.fail_next(503, times=3)
    with pytest.raises(TransientError):
        embedder.embed_passages(["a", "b"])
    assert len(pauses) == 2


def test_a_bad_request_is_not_retried(fake: FakeGeminiEmbeddings) -> None:
    embedder, pauses = embedder_for(fake)
    fake.fail_next(400)
    with pytest.raises(errors.ClientError):
        embedder.embed_query("hello")
    assert pauses == []


def test_a_vector_of_the_wrong_dimension_is_refused(fake: FakeGeminiEmbeddings) -> None:
    embedder, _ = embedder_for(fake)
    fake.wrong_dimension = True
    with pytest.raises(IndexMismatch):
        embedder.embed_passages(["a"])


def test_from_settings_reads_the_model_size_and_endpoint(fake: FakeGeminiEmbeddings) -> None:
    settings = Settings(
        gemini_api_key="k",
        gemini_base_url=fake.base_url,
        embedder_backend="gemini",
        vector_size=256,
    )
    embedder = GeminiEmbedder.from_settings(settings)
    assert (embedder.name, embedder.size) == ("google-genai:gemini-embedding-001", 256)
    assert len(embedder.embed_query("x")) == 256
    assert fake.calls[0].dimensions == [256]
