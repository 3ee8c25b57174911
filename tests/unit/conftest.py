"""Unit-test fixtures: the domain on the embedded store in a temporary folder."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from infra.local_stack import SAMPLE_ROSTER
from shared.adapters.clock import FixedClock
from shared.adapters.store_sqlite import SqliteDocumentStore
from shared.repository import Repositories
from shared.services.roster import SchoolRoster


@pytest.fixture
def repos(tmp_path: Path) -> Repositories:
    return Repositories(SqliteDocumentStore(tmp_path / "store.sqlite3"))


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 10, 2, 16, 30, tzinfo=UTC))


@pytest.fixture
def sample_roster() -> SchoolRoster:
    return SchoolRoster.model_validate_json(SAMPLE_ROSTER.read_text(encoding="utf-8"))
