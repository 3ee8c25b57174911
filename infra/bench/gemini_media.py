"""Benchmark of what the Gemini extractor does before and around the request: converting
audio Gemini does not document (Ogg Opus to FLAC, M4A's AAC copied into ADTS) and one whole
extraction on the real google-genai client against the local stand-in (wiring overhead, no
model time)."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from infra.audio_samples import recording
from infra.standins.gemini import FakeGemini, json_reply
from shared.adapters.extractor_gemini import GeminiExtractor
from shared.adapters.gemini.media import media_for_gemini
from shared.extraction.schema import ExtractionContext
from shared.extraction.sniff import MediaType
from shared.settings import Settings

REPETITIONS = 5
VOICE_NOTE = Path(__file__).resolve().parents[1] / "sample" / "voice" / "principal-reminders.ogg"
NEWSLETTER = (
    Path(__file__).resolve().parents[1] / "sample" / "newsletters" / "maple-grove-weekly.pdf"
)


def _median_s(work: Callable[[], object]) -> float:
    timings = []
    for _ in range(REPETITIONS):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return round(statistics.median(timings), 4)


def _extraction_s() -> float:
    context = ExtractionContext(
        school_name="Bench",
        issued_on=date(2026, 10, 2),
        timezone="America/Vancouver",
        grades_offered=[0, 1, 2, 3, 4, 5],
    )
    document = NEWSLETTER.read_bytes()
    item = {"title": "Picture Day", "category": "event", "start_date": "2026-10-08"}
    item |= {"all_grades": True, "grades": [], "confidence": 0.9}
    with FakeGemini() as gemini:
        settings = Settings(gemini_api_key="bench", gemini_base_url=gemini.base_url)
        extractor = GeminiExtractor.from_settings(settings)
        gemini.reply(*(json_reply({"items": [item] * 20}) for _ in range(REPETITIONS)))
        return _median_s(lambda: extractor.extract(document, MediaType.PDF, context))


def run() -> dict[str, float]:
    voice_note = VOICE_NOTE.read_bytes()
    long_opus = recording("ogg", "libopus", seconds=600)
    long_m4a = recording("ipod", "aac", seconds=600)
    flac = media_for_gemini(voice_note, MediaType.OGG).data
    return {
        "voice_note_opus_to_flac_s": _median_s(lambda: media_for_gemini(voice_note, MediaType.OGG)),
        "voice_note_flac_to_opus_size_ratio": round(len(flac) / len(voice_note), 2),
        "opus_10min_to_flac_s": _median_s(lambda: media_for_gemini(long_opus, MediaType.OGG)),
        "m4a_10min_to_adts_s": _median_s(lambda: media_for_gemini(long_m4a, MediaType.M4A)),
        "pdf_extraction_via_standin_s": _extraction_s(),
    }


if __name__ == "__main__":
    print(json.dumps(run()))
