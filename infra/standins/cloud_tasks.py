"""Start the Cloud Tasks emulator (PyPI gcloud-tasks-emulator, in its own venv) for tests."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

from infra.standins.process import StandinUnavailable, free_port, running

_REPO_ROOT = Path(__file__).resolve().parents[2]
_EXECUTABLE = "gcloud-tasks-emulator"


def emulator_executable() -> Path:
    """The emulator in .venv-tasks-emulator at the repository root, else the one on PATH."""
    # It pins protobuf 4, so it cannot share the project's venv (see STANDINS.md).
    local = _REPO_ROOT / ".venv-tasks-emulator" / "bin" / _EXECUTABLE
    if local.is_file():
        return local
    found = shutil.which(_EXECUTABLE)
    if found:
        return Path(found)
    raise StandinUnavailable(
        f"{_EXECUTABLE} not found in {local.parent} or on PATH; install it with "
        f"`python -m venv .venv-tasks-emulator && "
        f".venv-tasks-emulator/bin/pip install -r requirements-tasks-emulator.txt`"
    )


@contextlib.contextmanager
def cloud_tasks_emulator(log_dir: Path) -> Iterator[str]:
    """Run the emulator on a free loopback port and yield its gRPC address, "127.0.0.1:PORT"."""
    executable = emulator_executable()
    port = free_port()
    argv = [str(executable), "start", "--port", str(port), "-q"]
    with running(argv, port, log_path=log_dir / "cloud-tasks-emulator.log"):
        yield f"127.0.0.1:{port}"
