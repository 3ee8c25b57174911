"""Unit-test fixtures: the domain on the embedded store in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from infra.local_stack import SAMPLE_ROSTER
from shared.adapters.clock import FixedClock
from shared.adapters.store_sqlite import SqliteDocumentStore
from shared.repository import Repositories
from shared.services.roster import SchoolRoster
from tests.fakes import frozen_clock


@pytest.fixture
def repos(tmp_path: Path) -> Repositories:
    return Repositories(SqliteDocumentStore(tmp_path / "store.sqlite3"))


@pytest.fixture
def clock() -> FixedClock:
    return frozen_clock()


@pytest.fixture
def sample_roster() -> SchoolRoster:
    return SchoolRoster.model_validate_json(SAMPLE_ROSTER.read_text(encoding="utf-8"))
