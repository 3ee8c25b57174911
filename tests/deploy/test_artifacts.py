"""The source zip Terraform deploys starts and answers on its own requirements.txt.

The zip is unpacked into a folder of its own and run by a virtualenv that holds only what
the zip's requirements.txt installs (nothing of requirements-dev.txt, nothing of this repo on
sys.path): every module imports, and functions-framework serves each entry point of main.py
and answers one call. The virtualenv is kept between runs, keyed by the requirements' hash,
so a second run costs seconds; set PARENTPATH_SKIP_ARTIFACT_TEST=1 to skip it locally (never
honoured under CI).
"""

from __future__ import annotations

import ast
import fcntl
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from infra.local_stack import seed_sample_school
from infra.package import build_zip
from infra.storage_events import finalized_event
from shared.settings import Settings
from shared.wiring import Container
from tests.fakes import frozen_clock

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLE_PDF = REPO_ROOT / "infra" / "sample" / "newsletters" / "maple-grove-weekly.pdf"
VENV_ROOT = REPO_ROOT / ".venv-artifact"
STARTUP_S = 90.0

pytestmark = [
    pytest.mark.artifact,
    pytest.mark.skipif(
        os.environ.get("PARENTPATH_SKIP_ARTIFACT_TEST") == "1" and os.environ.get("CI") != "true",
        reason="PARENTPATH_SKIP_ARTIFACT_TEST=1 (local runs only)",
    ),
]


def entry_points() -> list[str]:
    tree = ast.parse((REPO_ROOT / "main.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return [ast.literal_eval(element) for element in node.value.elts]  # type: ignore[attr-defined]
    raise AssertionError("main.py has no __all__ listing its entry points")


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    archive = build_zip(dist)
    target = tmp_path_factory.mktemp("source")
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(target)
    return target


@pytest.fixture(scope="module")
def clean_python(unpacked: Path) -> Path:
    """A virtualenv with exactly the zip's requirements.txt installed (cached by its hash)."""
    requirements = unpacked / "requirements.txt"
    digest = hashlib.sha256(requirements.read_bytes()).hexdigest()[:16]
    venv = VENV_ROOT / digest
    python = venv / "bin" / "python"
    marker = venv / ".installed"
    VENV_ROOT.mkdir(exist_ok=True)
    # Two test runs at once (the lead's suite and a developer's) build it only once.
    with (VENV_ROOT / f"{digest}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not marker.exists():
            shutil.rmtree(venv, ignore_errors=True)
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            subprocess.run(
                [str(python), "-m", "pip", "install", "--quiet", "-r", str(requirements)],
                check=True,
                cwd=unpacked,
            )
            marker.touch()
    return python


def clean_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """Only what a function instance would have: no PYTHONPATH, no settings from this shell."""
    keep = {"PATH", "HOME", "LANG", "TZ", "SYSTEMROOT", "TMPDIR"}
    env = {key: value for key, value in os.environ.items() if key in keep}
    env.update(DATA_DIR=str(data_dir), **extra)
    return env


def test_the_zip_holds_the_deployed_code_and_nothing_else(unpacked: Path) -> None:
    names = {p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*") if p.is_file()}
    tops = {name.split("/")[0] for name in names}

    assert tops == {"main.py", "requirements.txt", "constraints.txt", "functions", "shared"}
    assert not [n for n in names if n.endswith(".pyc") or "__pycache__" in n]
    dev_only = (REPO_ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    assert "-r requirements.txt" in dev_only
    deployed = _requirement_names(unpacked / "requirements.txt")
    assert deployed, "the deployed requirements.txt names no package"
    assert not deployed & _requirement_names(REPO_ROOT / "requirements-dev.txt")


def _requirement_names(path: Path) -> set[str]:
    lines = (line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {line.split("==")[0].lower() for line in lines if line and not line.startswith("-")}


def test_every_module_imports_with_only_the_deployed_requirements(
    unpacked: Path, clean_python: Path, tmp_path: Path
) -> None:
    modules = sorted(
        ".".join(path.relative_to(unpacked).with_suffix("").parts).removesuffix(".__init__")
        for package in ("functions", "shared")
        for path in (unpacked / package).rglob("*.py")
    )
    script = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\n"
    result = subprocess.run(
        [str(clean_python), "-c", script, "main", *modules],
        cwd=unpacked,
        env=clean_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]


@dataclass
class Served:
    target: str
    url: str
    process: subprocess.Popen[bytes]
    log: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_listening(served: Served, deadline: float) -> None:
    port = int(served.url.rsplit(":", 1)[1])
    while time.monotonic() < deadline:
        if served.process.poll() is not None:
            raise AssertionError(
                f"{served.target} exited with {served.process.returncode}:\n"
                + served.log.read_text(errors="replace")[-3000:]
            )
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"{served.target} did not listen within {STARTUP_S}s")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample school and one newsletter in the embedded store and bucket."""
    folder = tmp_path_factory.mktemp("state")
    container = Container(Settings(data_dir=folder), clock=frozen_clock())
    try:
        seed_sample_school(container)
    finally:
        container.close()
    return folder


@pytest.fixture(scope="module")
def served(unpacked: Path, clean_python: Path, data_dir: Path) -> Iterator[dict[str, Served]]:
    """Every entry point under functions-framework, started together to save time."""
    framework = clean_python.parent / "functions-framework"
    # Tasks the functions queue go to a port nothing listens on: this test calls each once.
    env = clean_env(data_dir, TASKS_TARGET_BASE_URL=f"http://127.0.0.1:{_free_port()}")
    running: dict[str, Served] = {}
    try:
        for target in entry_points():
            port = _free_port()
            log = data_dir / f"{target}.log"
            signature = "cloudevent" if target == "parse_newsletter" else "http"
            with log.open("wb") as sink:
                process = subprocess.Popen(
                    [str(framework), "--target", target, "--signature-type", signature,
                     "--source", "main.py", "--host", "127.0.0.1", "--port", str(port)],
                    cwd=unpacked, env=env, stdout=sink, stderr=subprocess.STDOUT,
                )  # fmt: skip
            running[target] = Served(target, f"http://127.0.0.1:{port}", process, log)
        deadline = time.monotonic() + STARTUP_S
        for one in running.values():
            _wait_until_listening(one, deadline)
        yield running
    finally:
        for one in running.values():
            one.process.terminate()
        for one in running.values():
            try:
                one.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                one.process.kill()


HTTP_TARGETS = [t for t in entry_points() if t != "parse_newsletter"]


@pytest.mark.parametrize("target", HTTP_TARGETS)
def test_each_http_entry_point_answers_a_call_without_crashing(
    served: dict[str, Served], target: str
) -> None:
    response = httpx.post(served[target].url + "/", json={}, timeout=60)

    # A 4xx (bad input, refused signature) or the 501 of a function not built yet is an answer;
    # a 500 is an import or wiring failure in the deployed package.
    assert response.status_code != 500, served[target].log.read_text(errors="replace")[-3000:]
    assert response.status_code < 600
    assert response.headers.get("content-type", "").startswith(("application/json", "text/"))


def test_parse_newsletter_turns_an_upload_into_items_from_the_deployed_package(
    served: dict[str, Served], data_dir: Path
) -> None:
    container = Container(Settings(data_dir=data_dir), clock=frozen_clock())
    try:
        blob = container.blobs.write(
            "sample-school/maple-grove-weekly.pdf", SAMPLE_PDF.read_bytes(), "application/pdf"
        )
        headers, body = finalized_event(blob)
        response = httpx.post(
            served["parse_newsletter"].url + "/", headers=headers, content=body, timeout=120
        )
        log = served["parse_newsletter"].log.read_text(errors="replace")[-3000:]
        assert response.status_code in (200, 204), log
        (newsletter,) = container.repos.newsletters.find()
        assert newsletter.status.value == "parsed", json.dumps(newsletter.notes)
        assert newsletter.item_ids, "the offline extractor found no item in the sample newsletter"
    finally:
        container.close()
