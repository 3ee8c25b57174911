"""Benchmark of the offline extractor: a two-page PDF newsletter and a flyer read with OCR."""

from __future__ import annotations

import json
import os
import statistics
import time
from pathlib import Path

from shared.adapters.extractor_offline import OfflineExtractor
from shared.extraction.schema import ExtractionContext
from shared.extraction.sniff import sniff_media_type

REPETITIONS = 5
# The developer evaluation set sits in shared/ beside the repository checkout.
DEFAULT_EVAL_DIR = Path(__file__).resolve().parents[1] / "sample" / "newsletters"
CASES = {"pdf_2page_s": "maple-grove-weekly.pdf", "image_flyer_s": "sunnyside-kinder-flyer.png"}


def _median_seconds(extractor: OfflineExtractor, path: Path) -> float:
    labels = json.loads(path.with_name(f"{path.stem}.labels.json").read_text(encoding="utf-8"))
    context = ExtractionContext.from_labels(labels)
    data = path.read_bytes()
    media_type = sniff_media_type(data[:2048])
    assert media_type is not None, f"{path.name} is not a document"
    timings = []
    for _ in range(REPETITIONS):
        started = time.perf_counter()
        result = extractor.extract(data, media_type, context)
        timings.append(time.perf_counter() - started)
        if not result.items:
            raise AssertionError(f"the benchmark found no items in {path.name}")
    return round(statistics.median(timings), 3)


def run() -> dict[str, float]:
    folder = Path(os.environ.get("EVAL_DIR", DEFAULT_EVAL_DIR))
    extractor = OfflineExtractor()
    return {key: _median_seconds(extractor, folder / name) for key, name in CASES.items()}
