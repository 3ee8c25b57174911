"""Function tests: the real entry points served by functions-framework, on embedded backends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from infra.local_stack import seed_sample_school
from shared.adapters.store_sqlite import SqliteDocumentStore
from shared.repository import Repositories
from shared.settings import Settings
from shared.wiring import Container, use_container
from tests.fakes import KeywordItemSearch, RecordingMessenger, RecordingQueue, frozen_clock

REPO_ROOT = Path(__file__).resolve().parents[2]
MAIN = str(REPO_ROOT / "main.py")


@pytest.fixture
def container_overrides() -> dict[str, object]:
    """Components the container takes instead of building them (a module may override this)."""
    return {}


@pytest.fixture
def container(tmp_path: Path, container_overrides: dict[str, object]) -> Iterator[Container]:
    settings = Settings(data_dir=tmp_path, max_upload_bytes=1_000_000)
    built = Container(settings, **{"clock": frozen_clock(), **container_overrides})
    seed_sample_school(built)
    use_container(built)
    yield built
    use_container(None)
    built.close()


def replying_container(
    settings: Settings, **overrides: object
) -> tuple[Container, RecordingMessenger]:
    """The sample school on SQLite, as the WhatsApp functions see it: a frozen clock, a
    messenger that records, a keyword search and a queue that records (overridable by name)."""
    store = SqliteDocumentStore(settings.resolved_sqlite_path)
    messenger = RecordingMessenger()
    container = Container(
        settings,
        **{
            "clock": frozen_clock(),
            "store": store,
            "messenger": messenger,
            "item_search": KeywordItemSearch(Repositories(store)),
            "tasks": RecordingQueue(),
            **overrides,
        },
    )
    seed_sample_school(container)
    use_container(container)
    return container, messenger
