"""`bench digests`: its figures, on a small district so the suite stays quick (the 10,000
families run with `python -m infra.cli bench digests --json`)."""

from __future__ import annotations

import pytest

from infra.bench import digests, targeting

KEYS = {
    "build_all_s",
    "send_p50_ms",
    "reads_per_digest",
    "writes_per_digest",
    "mean_bytes",
    "sms_segments_mean",
}


def test_bench_digests_figures_on_a_small_district(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(targeting, "FAMILIES", 400)
    monkeypatch.setattr(targeting, "CHILDREN", 600)
    figures = digests.run()
    assert figures.keys() >= KEYS
    # Opted-in families with something this fortnight: most of them, each sent once.
    assert 300 < figures["digests_queued"] == figures["sent"] < 400
    assert figures["build_all_s"] > 0 and figures["send_p50_ms"] > 0
    assert figures["reads_per_digest"] > figures["writes_per_digest"] >= 5
    assert 400 < figures["mean_bytes"] < 4096
    assert 1 <= figures["sms_segments_mean"] <= 6
