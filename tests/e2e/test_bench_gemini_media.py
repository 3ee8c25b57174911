"""`python -m infra.cli bench gemini_media --json`: audio conversion and stand-in extraction."""

from __future__ import annotations

import json

from tests.e2e.test_cli import cli


def test_bench_gemini_media_prints_its_figures_as_one_json_object() -> None:
    result = cli("bench", "gemini_media", "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert set(figures) == {
        "voice_note_opus_to_flac_s",
        "voice_note_flac_to_opus_size_ratio",
        "opus_10min_to_flac_s",
        "m4a_10min_to_adts_s",
        "pdf_extraction_via_standin_s",
    }
    # Copying AAC into ADTS decodes nothing, so it is far cheaper than transcoding Opus.
    assert 0 < figures["m4a_10min_to_adts_s"] < figures["opus_10min_to_flac_s"]
    assert figures["voice_note_flac_to_opus_size_ratio"] > 1  # FLAC is lossless, Opus is not
    assert figures["pdf_extraction_via_standin_s"] > 0
