"""Contract-test fixtures: the Gemini stand-in and a clock that moves only when code sleeps."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from infra.standins.gemini import FakeGemini
from shared.adapters.extractor_gemini import GeminiExtractor
from tests.contract.gemini_support import FakeTime, make_extractor


@pytest.fixture
def gemini() -> Iterator[FakeGemini]:
    with FakeGemini() as server:
        yield server


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def extractor(gemini: FakeGemini, fake_time: FakeTime) -> GeminiExtractor:
    """The Gemini extractor on the stand-in, three attempts, no real waits."""
    return make_extractor(gemini.base_url, fake_time)
