"""The offline extractor end to end: unreadable uploads, audio, and a real newsletter."""

from __future__ import annotations

import io
import json
from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfWriter

from shared.adapters.extractor_offline import OfflineExtractor
from shared.errors import UnreadableDocument
from shared.extraction.schema import ExtractionContext
from shared.extraction.sniff import MediaType
from shared.models import ItemCategory

# A copy of ../shared/eval/newsletters kept in the repository, so a bare clone tests it.
EVAL_DIR = Path(__file__).resolve().parents[2] / "infra" / "sample" / "newsletters"
CONTEXT = ExtractionContext(
    issued_on=date(2026, 10, 2), timezone="America/Vancouver", grades_offered=[0, 1, 2, 3, 4, 5]
)


def _pdf(*, pages: int, password: str | None = None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=612, height=792)
    if password:
        writer.encrypt(user_password=password, owner_password=password, algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    return OfflineExtractor()


def test_a_corrupt_pdf_is_unreadable_with_a_reason_for_staff(extractor: OfflineExtractor) -> None:
    with pytest.raises(UnreadableDocument, match="damaged"):
        extractor.extract(b"%PDF-1.7\n garbage that is no PDF at all", MediaType.PDF, CONTEXT)


def test_an_encrypted_pdf_asks_for_an_unlocked_copy(extractor: OfflineExtractor) -> None:
    with pytest.raises(UnreadableDocument, match="password-protected"):
        extractor.extract(_pdf(pages=1, password="secret"), MediaType.PDF, CONTEXT)


def test_a_pdf_without_pages_is_unreadable(extractor: OfflineExtractor) -> None:
    with pytest.raises(UnreadableDocument, match="no pages"):
        extractor.extract(_pdf(pages=0), MediaType.PDF, CONTEXT)


def test_garbage_image_bytes_are_unreadable(extractor: OfflineExtractor) -> None:
    with pytest.raises(UnreadableDocument, match="image"):
        extractor.extract(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, MediaType.PNG, CONTEXT)


def test_an_english_voice_note_is_transcribed_and_read_with_the_same_rules(
    extractor: OfflineExtractor,
) -> None:
    note = EVAL_DIR.parent / "voice" / "principal-reminders.ogg"
    context = CONTEXT.model_copy(update={"issued_on": date(2026, 11, 20)})
    result = extractor.extract(note.read_bytes(), MediaType.OGG, context)
    by_date = {item.start_date: item for item in result.items}
    assert by_date[date(2026, 11, 27)].category is ItemCategory.CLOSURE
    assert by_date[date(2026, 12, 10)].grades == [3]
    assert by_date[date(2026, 12, 4)].action_required
    assert "English-only" in result.notes[0]


def test_damaged_audio_is_unreadable(extractor: OfflineExtractor) -> None:
    with pytest.raises(UnreadableDocument, match="voice note"):
        extractor.extract(b"OggS" + b"\x00" * 64, MediaType.OGG, CONTEXT)


def test_a_two_column_newsletter_yields_its_items_once_each(extractor: OfflineExtractor) -> None:
    labels = json.loads((EVAL_DIR / "maple-grove-weekly.labels.json").read_text())
    context = ExtractionContext.from_labels(labels).model_copy(update={"issued_on_is_known": False})
    result = extractor.extract(
        (EVAL_DIR / "maple-grove-weekly.pdf").read_bytes(), MediaType.PDF, context
    )
    assert result.extractor == "offline"
    assert result.issued_on == date(2026, 10, 2)  # its dateline
    by_title = {item.title: item for item in result.items}

    conferences = by_title["Student-led conferences"]
    assert (conferences.start_date, conferences.start_time, conferences.end_time) == (
        date(2026, 10, 22),
        time(15, 0),
        time(19, 0),
    )
    assert conferences.category == ItemCategory.MEETING and conferences.action_required

    swimming = next(i for i in result.items if "swimming" in i.title.lower())
    assert swimming.grades == [3]
    assert swimming.recurrence == "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261117"

    robotics_deadline = by_title["Robotics Club registration closes"]
    assert robotics_deadline.grades == [3, 4, 5] and robotics_deadline.activities == ["robotics"]

    thanksgiving = [i for i in result.items if i.start_date == date(2026, 10, 12)]
    assert len(thanksgiving) == 1 and thanksgiving[0].category == ItemCategory.CLOSURE
    # Recaps, thank-yous and the dateline are not items.
    assert all(i.start_date is None or i.start_date >= date(2026, 10, 2) for i in result.items)
    assert not any(i.start_date == date(2026, 10, 2) for i in result.items)
    assert all(0 < i.confidence <= 1 for i in result.items)


def _flyer_with_side_by_side_boxes() -> bytes:
    """A flyer drawn here (not from the developer set): unbulleted dated entries and two
    notices boxed side by side, each line double-spaced."""
    from PIL import Image, ImageDraw, ImageFont

    fonts = "/usr/share/fonts/truetype/dejavu/"

    def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(
            fonts + ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"), size
        )

    image = Image.new("RGB", (1240, 1000), "white")
    draw = ImageDraw.Draw(image)
    draw.text((80, 60), "Coming Up", font=font(40, True), fill=(150, 30, 30))
    entries = [
        "Tues. Feb. 9 — Grade 3 & 4 skating at Riverside Arena, 1–2:30 p.m.",
        "Thurs. Feb. 11, 6:30 PM — Parent council meeting in the library.",
        "Mon. Feb. 15 — Family Day. School closed.",
    ]
    for row, entry in enumerate(entries):
        draw.text((80, 140 + 48 * row), entry, font=font(24), fill="black")
    boxes = [
        (90, ["Valentine Bake Sale", "Friday, February 12", "at lunch in the gym."]),
        (660, ["Science Fair Projects", "Grades 5-7 projects are", "due Monday, February 22."]),
    ]
    for left, texts in boxes:
        draw.rectangle((left - 20, 370, left + 510, 560), outline="black", width=3)
        for row, text in enumerate(texts):
            draw.text(
                (left, 390 + 48 * row),
                text,
                font=font(30 if row == 0 else 24, row == 0),
                fill="black",
            )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_scanned_flyer_reads_dated_entries_and_side_by_side_boxes(
    extractor: OfflineExtractor,
) -> None:
    context = CONTEXT.model_copy(
        update={"issued_on": date(2027, 2, 8), "grades_offered": list(range(8))}
    )
    result = extractor.extract(_flyer_with_side_by_side_boxes(), MediaType.PNG, context)
    by_date = {item.start_date: item for item in result.items}
    assert by_date[date(2027, 2, 9)].start_time == time(13, 0)
    assert by_date[date(2027, 2, 11)].category is ItemCategory.MEETING
    assert by_date[date(2027, 2, 15)].category is ItemCategory.CLOSURE
    assert by_date[date(2027, 2, 12)].title == "Valentine Bake Sale"
    assert by_date[date(2027, 2, 12)].category is ItemCategory.FUNDRAISER
    assert by_date[date(2027, 2, 22)].category is ItemCategory.DEADLINE
    assert len(result.items) == 5
