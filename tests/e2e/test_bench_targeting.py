"""`python -m infra.cli bench targeting --json`: the district benchmark's figures, as CI runs it."""

from __future__ import annotations

import json

from tests.e2e.test_cli import cli


def test_bench_targeting_prints_its_figures_as_one_json_object() -> None:
    result = cli("bench", "targeting", "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["audience_ms"] == max(v for k, v in figures.items() if k.startswith("audience_"))
    assert 0 < figures["audience_one_grade_ms"] <= figures["audience_all_ms"]
    assert figures["fanout_all_s"] > 0
    # An "all grades" item to every opted-in family: one card each, and a retry writes nothing.
    assert figures["reads_per_item"] > figures["writes_per_item"] > 8_000
    assert figures["retry_writes_per_item"] == 0
