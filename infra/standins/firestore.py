"""Google's own Firestore emulator (shipped with the Google Cloud CLI) on a free loopback port."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx

from infra.standins.process import StandinUnavailable, free_port, running

PROJECT = "demo-test"


def emulator_executable() -> Path:
    gcloud = shutil.which("gcloud")
    if gcloud is None:
        raise StandinUnavailable("gcloud is not on PATH, so the Firestore emulator cannot be found")
    sdk_root = subprocess.run(
        [gcloud, "info", "--format=value(installation.sdk_root)"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    ).stdout.strip()
    executable = (
        Path(sdk_root) / "platform" / "cloud-firestore-emulator" / "cloud_firestore_emulator"
    )
    if not executable.exists():
        raise StandinUnavailable(f"no Firestore emulator at {executable}")
    if shutil.which("java") is None:
        raise StandinUnavailable("the Firestore emulator needs java, which is not on PATH")
    return executable


@contextlib.contextmanager
def firestore_emulator(log_dir: Path) -> Iterator[str]:
    """Yield "127.0.0.1:PORT" of a running emulator; every document is gone when it stops."""
    port = free_port()
    argv = [
        str(emulator_executable()),
        "--host=127.0.0.1",
        f"--port={port}",
        f"--project_id={PROJECT}",
    ]
    with running(argv, port, log_path=log_dir / "firestore-emulator.log"):
        yield f"127.0.0.1:{port}"


def wipe(host: str, project: str = PROJECT) -> None:
    """Delete every document of the emulator's default database (between tests)."""
    url = f"http://{host}/emulator/v1/projects/{project}/databases/(default)/documents"
    httpx.delete(url, timeout=30).raise_for_status()
