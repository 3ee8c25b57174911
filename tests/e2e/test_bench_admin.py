"""`python -m infra.cli bench admin --json`: the review queue benchmark's figures."""

from __future__ import annotations

import json

from tests.e2e.test_cli import cli


def test_bench_admin_prints_the_queue_figure_as_one_json_object() -> None:
    result = cli("bench", "admin", "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert 0 < figures["review_queue_500_ms"] <= figures["review_queue_500_max_ms"]
    assert figures["pending_items"] == 500
