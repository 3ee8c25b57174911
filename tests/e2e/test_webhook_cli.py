"""`classify-replies`, `eval intents` and `bench webhook` as a person runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SETS = REPO_ROOT / "infra" / "eval" / "intents"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "infra.cli", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_classify_replies_prints_one_object_per_line(tmp_path: Path) -> None:
    replies = tmp_path / "replies.jsonl"
    lines = [{"text": "完成了2"}, {"text": "STOP"}, {"reply_id": "lang:pa", "text": "ਪੰਜਾਬੀ"}]
    replies.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = cli("classify-replies", str(replies), "--json")
    assert result.returncode == 0, result.stderr
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"intent": "done", "item_ref": 2, "language": None},
        {"intent": "stop", "item_ref": None, "language": None},
        {"intent": "change_language", "item_ref": None, "language": "pa"},
    ]


def test_classify_replies_says_which_line_is_broken(tmp_path: Path) -> None:
    replies = tmp_path / "broken.jsonl"
    replies.write_text('{"text": "ok"}\n{"text": \n', encoding="utf-8")
    result = cli("classify-replies", str(replies), "--json")
    assert result.returncode == 2 and "line 2" in result.stderr


def test_eval_intents_scores_overall_and_by_language() -> None:
    result = cli("eval", "intents", str(SETS / "developer.jsonl"), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["rows"] == 60
    assert set(report["by_language"]) == {"en", "pa", "tl", "zh"}
    assert report["accuracy"] >= 0.95 and report["item_ref_accuracy"] >= 0.95
    table = cli("eval", "intents", str(SETS / "replies-own.jsonl"))
    assert "intent accuracy" in table.stdout and "zh" in table.stdout


def test_bench_webhook_prints_its_figures() -> None:
    result = cli("bench", "webhook", "--json", "--seconds", "3")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout.splitlines()[-1])
    assert {"p50_ms", "p95_ms", "p99_ms", "requests", "errors"} <= set(figures)
    assert figures["requests"] > 0 and figures["errors"] == 0
    assert 0 < figures["p50_ms"] <= figures["p95_ms"] <= figures["p99_ms"]
