"""The digest frame: catalogs complete in every language, dates per locale, SMS sizing, splits."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

import pytest
from babel.messages.mofile import read_mo

from shared.models import Item, ItemCategory
from shared.rendering.catalogs import CLDR_LOCALE, compiled, po_path, read_catalog
from shared.rendering.dates import format_day, format_times
from shared.rendering.digest import (
    Section,
    clean,
    details_beyond_title,
    section_for,
    split_for_whatsapp,
    when_text,
)
from shared.rendering.sms import sms_size

TRANSLATED = [locale for locale in CLDR_LOCALE.values() if locale != "en"]
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _messages(locale: str) -> dict[str, str]:
    return {m.id: m.string for m in read_catalog(locale) if m.id}


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_frame_string_is_translated_with_the_same_placeholders(locale) -> None:
    source, translated = _messages("en"), _messages(locale)
    assert set(translated) == set(source)
    for msgid, msgstr in translated.items():
        assert msgstr and msgstr != msgid, f"{locale}: untranslated {msgid!r}"
        assert set(_PLACEHOLDER.findall(msgstr)) == set(_PLACEHOLDER.findall(msgid)), msgid
        for keyword in ("DONE", "HELP", "STOP"):
            # The reply keywords stay in English: the webhook reads them.
            assert (keyword in msgid) == (keyword in msgstr), (locale, msgid)


@pytest.mark.parametrize("locale", list(CLDR_LOCALE.values()))
def test_the_committed_mo_is_compiled_from_the_po(locale) -> None:
    committed = po_path(locale).with_suffix(".mo")
    with committed.open("rb") as mo:
        assert {m.id: m.string for m in read_mo(mo) if m.id} == _messages(locale)
    assert committed.read_bytes() == compiled(read_catalog(locale)), (
        "the .mo is stale: run python -m infra.cli compile-catalogs"
    )


@pytest.mark.parametrize(
    ("language", "weekday"),
    [("en", "Friday"), ("pa", "ਸ਼ੁੱਕਰਵਾਰ"), ("tl", "Biyernes"), ("zh", "星期五")],
)
def test_dates_carry_the_weekday_in_the_parents_language(language, weekday) -> None:
    text = format_day(date(2026, 10, 9), language)
    assert weekday in text and "9" in text


def test_times_follow_the_locales_clock() -> None:
    assert format_times(time(18, 30), None, "zh") == "18:30"
    assert "PM" in format_times(time(18, 30), None, "en")


@pytest.mark.parametrize(
    ("text", "encoding", "segments"),
    [
        ("a" * 160, "GSM-7", 1),
        ("a" * 161, "GSM-7", 2),
        ("a" * 306, "GSM-7", 2),
        ("€" * 80, "GSM-7", 1),  # extension characters cost two septets
        ("€" * 81, "GSM-7", 2),
        ("ਸ" * 70, "UCS-2", 1),
        ("ਸ" * 71, "UCS-2", 2),
        ("中" * 134, "UCS-2", 2),
        ("😀" * 35, "UCS-2", 1),  # an emoji is two UTF-16 units
        ("Hi 😀", "UCS-2", 1),
    ],
)
def test_sms_segments(text, encoding, segments) -> None:
    size = sms_size(text)
    assert (size.encoding, size.segments) == (encoding, segments)


def test_a_long_digest_splits_between_blocks_under_4096_characters() -> None:
    blocks = [f"{n}. " + "word " * 150 for n in range(1, 30)]
    text = "\n\n".join(blocks)
    parts = split_for_whatsapp(text)
    assert len(parts) > 1 and all(len(p) <= 4096 for p in parts)
    assert "\n\n".join(parts) == text


def test_a_single_huge_line_is_still_cut_under_the_limit() -> None:
    parts = split_for_whatsapp("x" * 9000)
    assert [len(p) for p in parts] == [4096, 4096, 808]


def test_untrusted_text_loses_control_and_direction_override_characters() -> None:
    assert clean("Pay\u202e now\x00\n  please") == "Pay now please"


def _item(category: ItemCategory, start: date | None, *, action: bool = False) -> Item:
    at = datetime(2026, 10, 1, tzinfo=UTC)
    return Item(
        id="i",
        school_id="s",
        newsletter_id="n",
        title="t",
        category=category,
        start_date=start,
        action_required=action,
        confidence=0.9,
        created_at=at,
        updated_at=at,
    )


@pytest.mark.parametrize(
    ("category", "start", "action", "section"),
    [
        (ItemCategory.CLOSURE, date(2026, 10, 12), False, Section.NO_SCHOOL),
        (ItemCategory.DEADLINE, date(2026, 10, 6), True, Section.DUE_SOON),
        (ItemCategory.DEADLINE, date(2026, 10, 14), True, Section.TO_DO),
        (ItemCategory.VOLUNTEER, None, True, Section.TO_DO),
        (ItemCategory.EVENT, date(2026, 10, 10), False, Section.THIS_WEEK),
        (ItemCategory.EVENT, date(2026, 10, 11), False, Section.NEXT_WEEK),
        (ItemCategory.ANNOUNCEMENT, None, False, Section.THIS_WEEK),
    ],
)
def test_sections(category, start, action, section) -> None:
    assert section_for(_item(category, start, action=action), date(2026, 10, 4)) is section


def test_an_event_that_asks_something_still_reads_as_an_event() -> None:
    practice = _item(ItemCategory.EVENT, date(2026, 10, 5), action=True).model_copy(
        update={"start_time": time(15, 5), "end_time": time(16, 15)}
    )
    assert section_for(practice, date(2026, 10, 4)) is Section.THIS_WEEK
    when = when_text(practice, "en")
    assert "due" not in when and when.startswith("Monday, Oct 5 · 3:05")
    errand = _item(ItemCategory.ANNOUNCEMENT, date(2026, 10, 9), action=True)
    assert when_text(errand, "en") == "due Friday, Oct 9"


@pytest.mark.parametrize(
    ("details", "shown"),
    [
        ("Wed, Oct 7 – Picture Day. Photos in the morning.", "Photos in the morning."),
        ("Mon, Oct 12 – Picture Day", ""),
        ("Bring a smile.", "Bring a smile."),
    ],
)
def test_details_leave_out_what_the_title_says(details, shown) -> None:
    assert details_beyond_title("Picture Day", details) == shown
