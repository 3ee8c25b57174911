"""The command-line entry point: `python -m infra.cli ...` as a person or CI runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "infra.cli", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_bench_vector_prints_its_figures_as_one_json_object() -> None:
    result = cli("bench", "vector", "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    for key in ("upsert_10k_s", "query_p50_ms", "query_p95_ms"):
        assert isinstance(figures[key], float) and figures[key] > 0
    assert figures["query_p50_ms"] <= figures["query_p95_ms"]


def test_an_unknown_benchmark_is_a_clear_error() -> None:
    result = cli("bench", "no-such-thing", "--json")
    assert result.returncode == 2
    assert "unknown benchmark 'no-such-thing'; have: " in result.stderr
    assert "vector" in result.stderr


def test_help_lists_the_subcommands() -> None:
    result = cli("--help")
    assert result.returncode == 0
    for command in ("bench", "serve", "seed-sample", "reindex", "search"):
        assert command in result.stdout


def test_bench_index_prints_its_figures_as_one_json_object() -> None:
    result = cli("bench", "index", "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert set(figures) == {"index_50_s", "search_p50_ms", "search_p95_ms", "plain_cosine_p95_ms"}
    assert all(isinstance(v, float) and v > 0 for v in figures.values())
    assert figures["search_p50_ms"] <= figures["search_p95_ms"]
