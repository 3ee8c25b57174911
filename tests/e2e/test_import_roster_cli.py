"""`python -m infra.cli import-roster` as a person or CI runs it, on a store in a temp folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "var"


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "infra.cli", *args],
        cwd=REPO_ROOT,
        env={**os.environ, "DATA_DIR": str(data_dir)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_sample_export_imports_with_its_bad_rows_reported(data_dir: Path) -> None:
    assert cli(data_dir, "seed-sample").returncode == 0
    args = ("import-roster", "infra/sample/oneroster", "--school", "sample-school", "--json")
    result = cli(data_dir, *args)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["school"] == "sample-school"
    assert (summary["parents"], summary["children"]) == (10, 11)
    assert summary["subscriptions"] > 0
    assert {(e["file"], e["line"]) for e in summary["errors"]} >= {
        ("users.csv", 22),
        ("users.csv", 25),
        ("users.csv", 27),
        ("users.csv", 28),
        ("users.csv", 29),
    }
    assert all(set(e) == {"file", "line", "reason"} for e in summary["errors"])
    # Importing again reports the same and stores nothing twice.
    again = cli(data_dir, *args)
    assert again.returncode == 0 and json.loads(again.stdout) == summary


def test_an_unknown_school_says_how_to_create_one(data_dir: Path) -> None:
    result = cli(data_dir, "import-roster", "infra/sample/roster.csv", "--school", "nowhere")
    assert result.returncode == 2
    assert "school 'nowhere' is not in the store" in result.stderr
    assert "python -m infra.cli seed-sample" in result.stderr


def test_nothing_importable_exits_1(data_dir: Path, tmp_path: Path) -> None:
    assert cli(data_dir, "seed-sample").returncode == 0
    only_bad = tmp_path / "bad.csv"
    only_bad.write_text("parent_name,phone,child_name,grade\nAna,12,Cy,3\n", encoding="utf-8")
    result = cli(data_dir, "import-roster", str(only_bad), "--school", "sample-school")
    assert result.returncode == 1
    assert "roster.csv" not in result.stdout and "bad.csv line 2" in result.stdout
    missing = cli(data_dir, "import-roster", "no/such/path", "--school", "sample-school")
    assert missing.returncode == 2 and "does not exist" in missing.stderr
