"""OCR with the tesseract command (Debian's tesseract-ocr), behind `shared.ports.PageOcr`.

Reading with every configured language pack at once is slow and lets Latin text be misread
as Han or Gurmukhi, so a page is read with the Latin packs first and read again with the
packs of the script tesseract detects only when the first reading is poor. Images are
decoded with Pillow and scanned PDFs rendered with pypdfium2.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess

from shared.errors import ExtractorFailed, UnreadableDocument
from shared.extraction.layout import TextLine
from shared.extraction.ocr_layout import OcrPage, page_from_tsv

_LATIN_PACKS = ("eng", "fil")
_SCRIPT_PACKS = {"Han": ("chi_sim", "chi_tra"), "Gurmukhi": ("pan",), "Latin": _LATIN_PACKS}
_GOOD_CONFIDENCE = 80.0
_TIMEOUT_S = 120


class TesseractOcr:
    """`PageOcr` on the tesseract command."""

    def __init__(self, languages: str = "eng+chi_sim+pan+fil") -> None:
        self.languages = languages

    def read_image(self, image: bytes) -> list[TextLine]:
        return read_page(image_to_png(image), self.languages).lines

    def read_scanned_pdf(self, document: bytes) -> list[TextLine]:
        lines: list[TextLine] = []
        for number, image in enumerate(render_pdf_pages(document), start=1):
            lines.extend(read_page(image, self.languages, page=number).lines)
        return lines


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
    return page_from_tsv(_run(["-l", languages, "--psm", "3", "tsv"], image_png), page)


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
