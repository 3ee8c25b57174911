"""What the Gemini adapter's contract tests share: the school, the items as Gemini writes them,
a clock that moves only when the code sleeps, and the extractor as wiring builds it."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

from shared.adapters.extractor_gemini import GeminiExtractor
from shared.adapters.gemini.client import GeminiClient
from shared.extraction.schema import ExtractionContext
from shared.models import Activity
from shared.settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLE_PDF = REPO_ROOT / "infra" / "sample" / "newsletters" / "maple-grove-weekly.pdf"
MODEL = Settings().gemini_model

CONTEXT = ExtractionContext(
    school_name="Maple Grove Elementary",
    issued_on=date(2026, 10, 2),  # a Friday
    issued_on_is_known=True,
    timezone="America/Vancouver",
    grades_offered=[0, 1, 2, 3, 4, 5],
    activities=[
        Activity(slug="basketball", name="Basketball", synonyms=["hoops", "bball"]),
        Activity(slug="choir", name="Choir"),
        Activity(slug="robotics", name="Robotics Club", synonyms=["lego robotics"]),
        Activity(slug="chess", name="Chess Club"),
    ],
)


def wire_item(**fields: Any) -> dict[str, Any]:
    """An item as Gemini answers it, with the fields a test does not care about filled in."""
    item: dict[str, Any] = {
        "title": "Picture Day",
        "details": "",
        "category": "event",
        "start_date": "2026-10-08",
        "end_date": None,
        "start_time": None,
        "end_time": None,
        "all_grades": True,
        "grades": [],
        "activities": [],
        "action_required": False,
        "action": None,
        "location": None,
        "recurrence": None,
        "confidence": 0.9,
    }
    item.update(fields)
    return item


def answer(*items: dict[str, Any], issued_on: str | None = "2026-10-02") -> dict[str, Any]:
    return {"issued_on": issued_on, "items": list(items)}


class FakeTime:
    """A monotonic clock that only moves when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def clock(self) -> float:
        with self._lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.now += seconds


def make_extractor(
    base_url: str,
    fake_time: FakeTime,
    *,
    max_attempts: int = 3,
    requests_per_minute: int = 60,
    inline_max_bytes: int = 1_000_000,
    request_timeout_s: float = 10.0,
    **overrides: Any,
) -> GeminiExtractor:
    """The extractor exactly as wiring builds it, pointed at the stand-in; `overrides` go to
    the shared GeminiClient (policy, jitter) or the extractor (file_polling)."""
    settings = Settings(
        gemini_api_key="test-key",
        gemini_base_url=base_url,
        gemini_model=MODEL,
        gemini_max_attempts=max_attempts,
        gemini_requests_per_minute=requests_per_minute,
        gemini_inline_max_bytes=inline_max_bytes,
    )
    extractor_overrides = {k: overrides.pop(k) for k in ("file_polling",) if k in overrides}
    overrides.setdefault("jitter", lambda: 0.5)
    client = GeminiClient.from_settings(
        settings,
        request_timeout_s=request_timeout_s,
        sleep=fake_time.sleep,
        clock=fake_time.clock,
        **overrides,
    )
    return GeminiExtractor.from_settings(settings, gemini=client, **extractor_overrides)


def ogg_vorbis_head() -> bytes:
    """The first Ogg page of a Vorbis stream (identification header), then filler bytes."""
    header = b"\x01vorbis" + b"\x00" * 23
    page = b"OggS\x00\x02" + b"\x00" * 20 + bytes([1, len(header)])
    return page + header + bytes(range(256)) * 4
