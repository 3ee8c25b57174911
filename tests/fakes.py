"""Test doubles of our own ports, for tests of the domain and of the functions' wiring."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
