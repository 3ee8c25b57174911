"""The local stack end to end: health, the inbox as a bucket, the queue, and the seeded school."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from infra.local_stack import LocalStack, create_local_stack
from infra.standins.process import free_port
from shared.errors import NotFound
from shared.ports import VectorFilter
from tests.fakes import frozen_clock

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLES = REPO_ROOT / "infra" / "sample" / "newsletters"
T = TypeVar("T")


def eventually(probe: Callable[[], T | None], timeout_s: float = 20.0) -> T:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"nothing within {timeout_s} s")


@pytest.fixture
def stack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalStack]:
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("TASK_MAX_ATTEMPTS", "2")
    monkeypatch.setenv("TASK_MIN_BACKOFF_S", "0.01")
    monkeypatch.setenv("TASK_MAX_BACKOFF_S", "0.05")
    running = create_local_stack(port=0, clock=frozen_clock())
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running
    running.server.shutdown()
    thread.join(timeout=10)


def test_health_and_the_seeded_sample_school(stack: LocalStack) -> None:
    assert httpx.get(f"{stack.base_url}/health").json()["status"] == "ok"
    school = stack.container.repos.schools.get("sample-school")
    assert school is not None and school.timezone == "America/Vancouver"
    assert stack.container.repos.parents.count() == 8


def test_a_file_dropped_in_the_inbox_becomes_a_newsletter_with_items(stack: LocalStack) -> None:
    inbox = stack.container.settings.resolved_local_bucket_dir
    source = SAMPLES / "maple-grove-weekly.pdf"
    shutil.copy(source, inbox / source.name)

    def listed() -> list[dict[str, Any]]:
        return list(httpx.get(f"{stack.base_url}/_local/newsletters").json())

    def finished() -> list[dict[str, Any]]:
        return [n for n in listed() if n["status"] not in ("received", "parsing")]

    (newsletter,) = eventually(finished)
    assert newsletter["object_name"] == "maple-grove-weekly.pdf"
    assert newsletter["school_id"] == "sample-school"
    assert newsletter["size_bytes"] == source.stat().st_size
    assert newsletter["status"] == "parsed"
    items = httpx.get(f"{stack.base_url}/_local/items?newsletter_id={newsletter['id']}").json()
    assert len(items) == len(newsletter["item_ids"]) >= 15
    assert {item["status"] for item in items} == {"pending_review"}
    # Two more polls: the same generation is never announced twice.
    assert [stack.watcher.poll_once(), stack.watcher.poll_once()] == [0, 0]
    assert len(listed()) == 1


def test_parsed_items_are_indexed_and_leave_no_dead_letter(stack: LocalStack) -> None:
    inbox = stack.container.settings.resolved_local_bucket_dir
    source = SAMPLES / "sunnyside-kinder-flyer.pdf"
    shutil.copy(source, inbox / source.name)
    index = stack.container.item_index

    def indexed() -> int:
        try:
            return index.vectors.count(
                index.collection, VectorFilter(equals={"school_id": "sample-school"})
            )
        except NotFound:
            return 0

    newsletter = eventually(
        lambda: next(
            (n for n in stack.container.repos.newsletters.find() if n.status == "parsed"), None
        )
    )
    assert eventually(indexed) == len(newsletter.item_ids) > 0
    assert httpx.get(f"{stack.base_url}/_local/dead-letters").json() == []
    assert stack.container.repos.dead_letters.count() == 0


def test_a_task_that_keeps_failing_ends_as_a_dead_letter(stack: LocalStack) -> None:
    # Targeting an item that does not exist fails on every attempt, whatever is built.
    payload = {"item_id": "no-such-item"}
    assert stack.container.tasks.enqueue("target_item", payload, task_name="t-1")
    assert not stack.container.tasks.enqueue("target_item", payload, task_name="t-1")

    def dead_letters() -> list[dict[str, Any]]:
        return list(httpx.get(f"{stack.base_url}/_local/dead-letters").json())

    (dead,) = eventually(dead_letters)
    assert (dead["target"], dead["attempts"]) == ("target_item", 2)
    assert dead["payload"] == payload
    assert "404" in dead["last_error"]


def test_the_run_command_serves_health_within_a_minute(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "PORT": str(port), "DATA_DIR": str(tmp_path / "var")}
    process = subprocess.Popen(
        [sys.executable, "-m", "infra.cli", "serve"],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:

        def healthy() -> bool:
            try:
                return httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200
            except httpx.TransportError:
                return False

        eventually(healthy, timeout_s=60)
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=20)
    assert process.returncode == 0, output.decode()
    assert f"http://127.0.0.1:{port}/health" in output.decode()
    assert f"http://127.0.0.1:{port}/admin/login?token=" in output.decode()
