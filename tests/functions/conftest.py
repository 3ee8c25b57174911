"""Function tests: the real entry points served by functions-framework, on embedded backends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from infra.local_stack import seed_sample_school
from shared.settings import Settings
from shared.wiring import Container, use_container
from tests.fakes import frozen_clock

REPO_ROOT = Path(__file__).resolve().parents[2]
MAIN = str(REPO_ROOT / "main.py")


@pytest.fixture
def container(tmp_path: Path) -> Iterator[Container]:
    built = Container(Settings(data_dir=tmp_path, max_upload_bytes=1_000_000), clock=frozen_clock())
    seed_sample_school(built)
    use_container(built)
    yield built
    use_container(None)
    built.close()
