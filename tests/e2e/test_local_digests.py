"""The local stack end to end for digests: a sample newsletter dropped in the inbox, its items
approved, a tick, and every sample family finds its own digest in its language in the outbox."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from infra.local_stack import LocalStack, create_local_stack
from shared.models import ItemStatus
from tests.e2e.test_local_stack import SAMPLES, eventually
from tests.fakes import frozen_clock

# A phrase of each language's greeting, as the catalogs write it.
GREETING = {"en": "Your week at", "pa": "ਤੁਹਾਡਾ ਹਫ਼ਤਾ", "tl": "Ang linggo mo", "zh": "本周安排"}


@pytest.fixture
def stack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalStack]:
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "var"))
    running = create_local_stack(port=0, clock=frozen_clock())
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running
    running.server.shutdown()
    thread.join(timeout=10)


def test_each_sample_family_gets_its_own_digest_in_its_language(stack: LocalStack) -> None:
    base = stack.base_url
    shutil.copy(
        SAMPLES / "maple-grove-weekly.pdf", stack.container.settings.resolved_local_bucket_dir
    )

    def parsed() -> list[dict[str, Any]]:
        return [
            n for n in httpx.get(f"{base}/_local/newsletters").json() if n["status"] == "parsed"
        ]

    (newsletter,) = eventually(parsed, timeout_s=60)
    # What an admin does on the review page (issue 20): approve, and targeting runs.
    for item_id in newsletter["item_ids"]:
        stack.container.store.update("items", item_id, {"status": ItemStatus.APPROVED.value})
        assert httpx.post(f"{base}/target_item", json={"item_id": item_id}).status_code == 200

    tick = httpx.post(f"{base}/_local/tick-digests", timeout=30).json()
    assert tick["enqueued"] == 8

    def delivered() -> list[dict[str, Any]] | None:
        found = list(httpx.get(f"{base}/_local/outbox").json())
        return found if len(found) == 8 else None

    outbox = eventually(delivered, timeout_s=60)
    parents = {p.phone: p for p in stack.container.repos.parents.find()}
    assert {m["to"] for m in outbox} == set(parents)
    for message in outbox:
        parent = parents[message["to"]]
        assert GREETING[parent.language] in message["body"], parent.language
        assert parent.name.split(" ")[0] in message["body"]
        assert "DONE 1" in message["body"] and "STOP" in message["body"]
    # A second tick in the same week sends nobody anything more.
    assert httpx.post(f"{base}/_local/tick-digests", timeout=30).json()["enqueued"] == 0
    text = httpx.get(f"{base}/_local/outbox?format=text").text
    assert text.count("--- to ") == 8
