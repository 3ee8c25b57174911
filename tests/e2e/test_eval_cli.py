"""`python -m infra.cli eval extraction` and `extract` on the shared developer evaluation set."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
# A copy of ../shared/eval/newsletters kept in the repository, so a bare clone tests it.
EVAL_DIR = Path(__file__).resolve().parents[2] / "infra" / "sample" / "newsletters"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    # Without a Gemini key the container's extractor is the offline one.
    env = {k: v for k, v in os.environ.items() if k != "GEMINI_API_KEY"}
    return subprocess.run(
        [sys.executable, "-m", "infra.cli", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
    )


def test_the_offline_extractor_meets_the_bar_on_the_developer_set() -> None:
    result = cli("eval", "extraction", str(EVAL_DIR), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["extractor"] == "offline"
    assert report["overall"]["f1"] >= 0.90, report["documents"]
    for field in ("start_time", "grades", "category"):
        assert report["field_accuracy"][field] >= 0.90, field
    scored = {d["document"] for d in report["documents"]}
    assert {"sunnyside-kinder-flyer.pdf", "sunnyside-kinder-flyer.png"} <= scored


@pytest.mark.parametrize(
    "folder", sorted(p.name for p in (REPO_ROOT / "infra" / "eval").glob("heldout*"))
)
def test_the_bar_holds_on_every_synthetic_set_under_infra_eval(folder: str) -> None:
    """A regression bar, not a blind score. Each heldout* set was written apart from the
    extractor and scored blind once (its README gives that figure); heldout..heldout6 were
    then used for development, and heldout7 has been run after every change since, so none
    of them is blind any more. The blind set is the four real newsletters named in
    infra/eval/REAL-HELDOUT.md, scored once at the end of issue 23."""
    result = cli("eval", "extraction", str(REPO_ROOT / "infra" / "eval" / folder), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["overall"]["f1"] >= 0.90, report["documents"]
    for field in ("start_time", "grades", "category"):
        assert report["field_accuracy"][field] >= 0.90, field


def test_the_table_form_names_every_document() -> None:
    result = cli("eval", "extraction", str(EVAL_DIR))
    assert result.returncode == 0, result.stderr
    assert "overall (micro)" in result.stdout
    assert "westview-middle-monthly.pdf" in result.stdout


def test_extract_prints_items_in_the_label_schema() -> None:
    result = cli(
        "extract",
        str(EVAL_DIR / "sunnyside-kinder-flyer.png"),
        "--context",
        str(EVAL_DIR / "sunnyside-kinder-flyer.labels.json"),
        "--json",
    )
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)["items"]
    assert items, "the flyer has items"
    for item in items:
        assert {
            "title",
            "category",
            "start_date",
            "end_date",
            "start_time",
            "end_time",
            "grades",
            "activities",
            "action_required",
            "location",
            "recurrence",
        } <= set(item)
    assert any(i["start_date"] == "2027-01-29" and i["start_time"] == "14:00" for i in items)


def test_bench_extraction_prints_both_medians_as_json() -> None:
    result = cli("bench", "extraction", "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert set(figures) >= {"pdf_2page_s", "image_flyer_s"}
    assert 0 < figures["pdf_2page_s"] < figures["image_flyer_s"]
