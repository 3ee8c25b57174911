"""Text from images and scanned pages with the tesseract command (Debian's tesseract-ocr).

Reading with every configured language pack at once is slow and lets Latin text be misread
as Han or Gurmukhi, so a page is read with the Latin packs first and read again with the
packs of the script tesseract detects only when the first reading is poor.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import statistics
import subprocess
from dataclasses import dataclass

from shared.errors import ExtractorFailed, UnreadableDocument
from shared.extraction.layout import TextLine, clean_text

_LATIN_PACKS = ("eng", "fil")
_SCRIPT_PACKS = {"Han": ("chi_sim", "chi_tra"), "Gurmukhi": ("pan",), "Latin": _LATIN_PACKS}
_GOOD_CONFIDENCE = 80.0
_NOISE_CONFIDENCE = 30.0
_TIMEOUT_S = 120


@dataclass(frozen=True)
class OcrPage:
    lines: list[TextLine]
    confidence: float  # mean word confidence, 0-100


def _tesseract() -> str:
    path = shutil.which("tesseract")
    if path is None:
        raise ExtractorFailed("OCR needs the tesseract command (Debian package tesseract-ocr).")
    return path


def _run(args: list[str], image_png: bytes) -> str:
    # One thread per process: tesseract's OpenMP threads fight each other on small machines
    # and make a page several times slower.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            [_tesseract(), "stdin", "stdout", *args],
            input=image_png,
            capture_output=True,
            env=env,
            timeout=_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ExtractorFailed("OCR took too long on this page.") from None
    if done.returncode != 0:
        raise UnreadableDocument("The image could not be read; upload a PNG, JPEG or PDF.")
    return done.stdout.decode("utf-8", errors="replace")


def detect_script(image_png: bytes) -> str | None:
    """The writing system tesseract's orientation-and-script detection sees, if it can tell."""
    try:
        output = _run(["--psm", "0"], image_png)
    except UnreadableDocument:
        return None  # too little text to tell
    match = re.search(r"^Script:\s*(\w+)", output, re.MULTILINE)
    return match.group(1) if match else None


def _packs(wanted: tuple[str, ...], configured: str) -> str:
    available = configured.split("+")
    chosen = [p for p in wanted if p in available] or available[:1]
    return "+".join(dict.fromkeys(chosen))


def read_page(image_png: bytes, languages: str, page: int = 1) -> OcrPage:
    """The page's lines, read with Latin packs first and the detected script's when needed."""
    first = _read(image_png, _packs(_LATIN_PACKS, languages), page)
    if first.confidence >= _GOOD_CONFIDENCE and first.lines:
        return first
    script = detect_script(image_png)
    packs = _SCRIPT_PACKS.get(script or "", ())
    if not packs or set(packs) <= set(_LATIN_PACKS):
        return first
    # Keep English: notices in other scripts still carry English names, times and dates.
    second = _read(image_png, _packs((*packs, "eng"), languages), page)
    return second if second.confidence > first.confidence else first


def _read(image_png: bytes, languages: str, page: int) -> OcrPage:
    tsv = _run(["-l", languages, "--psm", "3", "tsv"], image_png)
    rows = list(csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE))
    grouped: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    confidences = []
    for row in rows:
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        confidence = float(row.get("conf") or -1)
        if confidence < _NOISE_CONFIDENCE:
            continue  # blank boxes, and shapes read as stray letters
        confidences.append(confidence)
        key = (row["block_num"], row["par_num"], row["line_num"])
        grouped.setdefault(key, []).append(row)
    lines = []
    for (block, _, _), words in grouped.items():
        heights = [int(w["height"]) for w in words]
        tops = [int(w["top"]) for w in words]
        lines.append(
            TextLine(
                text=clean_text(" ".join(w["text"] for w in words)),
                # Word boxes include ascenders and descenders; 0.7 brings them near point size.
                size=statistics.median(heights) * 0.7,
                bold=False,
                page=page,
                top=float(min(tops)),
                bottom=float(max(t + h for t, h in zip(tops, heights, strict=True))),
                x0=float(min(int(w["left"]) for w in words)),
                region=f"{page:03d}.{int(block):03d}",
            )
        )
    mean = statistics.fmean(confidences) if confidences else 0.0
    return OcrPage(lines=lines, confidence=mean)


def image_to_png(image: bytes) -> bytes:
    """The image as grayscale PNG bytes (grayscale reads better on coloured flyers)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(image)) as opened:
            opened.load()
            gray = opened.convert("L")
    except (UnidentifiedImageError, OSError, ValueError):
        raise UnreadableDocument(
            "The image is damaged or not a picture we can read; upload a PNG, JPEG or PDF."
        ) from None
    if gray.width < 20 or gray.height < 20:
        raise UnreadableDocument("The image is too small to read.")
    buffer = io.BytesIO()
    gray.save(buffer, format="PNG")
    return buffer.getvalue()


def render_pdf_pages(document: bytes, dpi: int = 200) -> list[bytes]:
    """Each page of a (scanned) PDF as a grayscale PNG, for OCR."""
    import pypdfium2  # type: ignore[import-untyped]

    try:
        pdf = pypdfium2.PdfDocument(document)
    except pypdfium2.PdfiumError:
        raise UnreadableDocument(
            "The PDF is damaged and cannot be opened; export or scan it again and re-upload."
        ) from None
    images = []
    try:
        for index in range(len(pdf)):
            bitmap = pdf[index].render(scale=dpi / 72, grayscale=True)
            buffer = io.BytesIO()
            bitmap.to_pil().save(buffer, format="PNG")
            images.append(buffer.getvalue())
    finally:
        pdf.close()
    return images
