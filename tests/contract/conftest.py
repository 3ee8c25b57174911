"""Contract-test fixtures: the Gemini stand-in and a clock that moves only when code sleeps."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from infra.standins.gemini import FakeGemini
from tests.contract.gemini_support import FakeTime


@pytest.fixture
def gemini() -> Iterator[FakeGemini]:
    with FakeGemini() as server:
        yield server


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()
