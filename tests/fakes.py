"""Test doubles of our own ports, for tests of the domain and of the functions' wiring."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from shared.adapters.clock import FixedClock

# "Now" in every test: the afternoon the sample newsletter was issued (Friday 2 October 2026,
# 09:30 in Vancouver). Tests never read the wall clock; `make test` runs them again with the
# wall clock a year ahead in another timezone to prove it.
TEST_NOW = datetime(2026, 10, 2, 16, 30, tzinfo=UTC)


def frozen_clock() -> FixedClock:
    return FixedClock(TEST_NOW)


@dataclass
class RecordingQueue:
    """A TaskQueue that keeps what was queued (with name de-duplication) and runs nothing."""

    tasks: list[tuple[str, dict[str, Any], str | None]] = field(default_factory=list)

    def enqueue(
        self,
        target: str,
        payload: dict[str, Any],
        *,
        task_name: str | None = None,
        delay_s: float = 0.0,
    ) -> bool:
        if task_name is not None and any(name == task_name for _, _, name in self.tasks):
            return False
        self.tasks.append((target, payload, task_name))
        return True

    def targets(self) -> list[str]:
        return [target for target, _, _ in self.tasks]
