"""Clocks: the system clock for production and a settable one for tests and benchmarks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that only moves when told to."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware datetime")
        self._at = at

    def now(self) -> datetime:
        return self._at

    def advance(self, delta: timedelta) -> None:
        self._at += delta


class OffsetClock:
    """The system clock moved to start at `start`: it runs on in real time from there.

    For the local stack only (LOCAL_CLOCK_START), so a newcomer can live the sample
    newsletters' week, whose dates are fixed, whatever today is.
    """

    def __init__(self, start: datetime, system: SystemClock | None = None) -> None:
        if start.tzinfo is None:
            raise ValueError("OffsetClock needs a timezone-aware datetime")
        self._system = system or SystemClock()
        self._offset = start - self._system.now()

    def now(self) -> datetime:
        return (self._system.now() + self._offset).astimezone(UTC)
