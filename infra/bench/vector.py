"""Benchmark of the vector index: the embedded default against qdrant-client's local mode."""

from __future__ import annotations

import json
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
from qdrant_client import QdrantClient

from shared.adapters.vector_edge import EdgeVectorIndex
from shared.adapters.vector_qdrant import QdrantVectorIndex
from shared.ports import VectorFilter, VectorIndex, VectorPoint

POINTS = 10_000
SIZE = 384
QUERIES = 200
SCHOOLS = [f"school-{n}" for n in range(5)]
COLLECTION = "items"
EMBEDDER = "bench-random@384"
SEED = 20240901


def _points(rng: np.random.Generator) -> list[VectorPoint]:
    vectors = rng.standard_normal((POINTS, SIZE), dtype=np.float32).tolist()
    schools = rng.integers(0, len(SCHOOLS), POINTS)
    points = []
    for n, vector in enumerate(vectors):
        # Most items name one or two grades, as newsletters do (0 is kindergarten).
        grades = sorted({int(g) for g in rng.integers(0, 9, rng.integers(1, 3))})
        payload = {"school_id": SCHOOLS[schools[n]], "grades": grades, "title": f"item {n}"}
        points.append(VectorPoint(f"item-{n}", vector, payload))
    return points


def _queries(rng: np.random.Generator) -> list[tuple[list[float], VectorFilter]]:
    vectors = rng.standard_normal((QUERIES, SIZE), dtype=np.float32).tolist()
    queries = []
    for vector in vectors:
        grades = sorted({int(g) for g in rng.integers(0, 9, 2)})
        school = SCHOOLS[int(rng.integers(0, len(SCHOOLS)))]
        where = VectorFilter(equals={"school_id": school}, any_of={"grades": grades})
        queries.append((vector, where))
    return queries


def _query_ms(index: VectorIndex, queries: list[tuple[list[float], VectorFilter]]) -> list[float]:
    # One query first, untimed: it makes the payload indexes the filter asks for.
    index.search(COLLECTION, queries[0][0], limit=10, where=queries[0][1])
    timings = []
    for vector, where in queries:
        started = time.perf_counter()
        hits = index.search(COLLECTION, vector, limit=10, where=where)
        timings.append((time.perf_counter() - started) * 1000)
        if not hits:
            raise AssertionError("a filtered benchmark query found nothing")
    return timings


def _percentile(values: list[float], pct: int) -> float:
    return round(statistics.quantiles(values, n=100, method="inclusive")[pct - 1], 3)


def _fill(index: VectorIndex, points: list[VectorPoint]) -> float:
    index.ensure_collection(COLLECTION, SIZE, EMBEDDER)
    started = time.perf_counter()
    index.upsert(COLLECTION, points)
    elapsed = time.perf_counter() - started
    if index.count(COLLECTION) != POINTS:
        raise AssertionError("the benchmark collection lost points")
    return elapsed


def _measure(make: Callable[[Path], EdgeVectorIndex | QdrantVectorIndex]) -> dict[str, float]:
    rng = np.random.default_rng(SEED)
    points, queries = _points(rng), _queries(rng)
    with tempfile.TemporaryDirectory(prefix="bench-vector-") as folder:
        index = make(Path(folder))
        try:
            upsert_s = _fill(index, points)
            timings = _query_ms(index, queries)
        finally:
            index.close()
    return {
        "upsert_10k_s": round(upsert_s, 3),
        "query_p50_ms": _percentile(timings, 50),
        "query_p95_ms": _percentile(timings, 95),
    }


def run() -> dict[str, float]:
    """Edge (the embedded default) in full, then local mode's query times for comparison."""
    edge = _measure(EdgeVectorIndex)
    with warnings.catch_warnings():
        # Local mode warns that payload indexes do nothing there: that is what is measured.
        warnings.simplefilter("ignore", UserWarning)
        local = _measure(lambda _: QdrantVectorIndex(lambda: QdrantClient(":memory:")))
    return {
        **edge,
        "local_mode_query_p50_ms": local["query_p50_ms"],
        "local_mode_query_p95_ms": local["query_p95_ms"],
    }


if __name__ == "__main__":
    print(json.dumps(run()))
