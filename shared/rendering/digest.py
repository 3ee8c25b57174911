"""The digest as text: sections, numbered items, dates in the parent's locale, the footer.

`arrange` decides the order (and so the numbering) of a parent's items; `render_whatsapp`
and `render_sms` write the same content for the two channels. Item text arrives already in
the language it is shown in (the Translator's work); only the frame is translated here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Literal

from shared.models import Item, ItemCategory, LanguageCode
from shared.rendering.catalogs import gettext_for, locale_for
from shared.rendering.dates import format_days, format_times
from shared.rendering.sms import SmsSize, gsm_spelling, sms_size

WHATSAPP_TEXT_LIMIT = 4096  # characters in one WhatsApp text body
DUE_SOON_DAYS = 3
THIS_WEEK_DAYS = 7
_DETAILS_MAX = 160
# Between a date and its time in an SMS: "·" is not GSM-7 and would make the text UCS-2.
_SMS_SEPARATOR: dict[LanguageCode, str] = {"en": ", ", "pa": ", ", "tl": ", ", "zh": "，"}


class Section(StrEnum):
    DUE_SOON = "due_soon"
    NO_SCHOOL = "no_school"
    TO_DO = "to_do"
    THIS_WEEK = "this_week"
    NEXT_WEEK = "next_week"


# Reading order, most pressing first; the numbers follow it, so a parent counts down the
# message and "DONE 3" is the third thing read.
SECTION_ORDER = (
    Section.DUE_SOON,
    Section.NO_SCHOOL,
    Section.TO_DO,
    Section.THIS_WEEK,
    Section.NEXT_WEEK,
)
SECTION_TITLES = {
    Section.DUE_SOON: "⏰ Due soon",
    Section.NO_SCHOOL: "🏫 No school",
    Section.TO_DO: "✅ To do",
    Section.THIS_WEEK: "📅 This week",
    Section.NEXT_WEEK: "📆 Next week",
}


def due_date(item: Item) -> date | None:
    """When something must be done by: the end of its range, else its day."""
    return item.end_date or item.start_date


_HAPPENINGS = frozenset({ItemCategory.EVENT, ItemCategory.MEETING})


def is_task(item: Item) -> bool:
    """Something to get done by a day: a deadline, or an action with a date but no hour.

    An event or a meeting that asks something of the family (bring shoes to practice) is
    still a thing that happens on its day and time, and reads as one ("Monday · 3:05 PM",
    never "due Monday").
    """
    if item.category is ItemCategory.DEADLINE:
        return True
    return item.action_required and item.start_time is None and item.category not in _HAPPENINGS


def section_for(item: Item, today: date) -> Section:
    if item.category is ItemCategory.CLOSURE:
        return Section.NO_SCHOOL
    if is_task(item):
        due = due_date(item)
        if due is not None and due <= today + timedelta(days=DUE_SOON_DAYS):
            return Section.DUE_SOON
        return Section.TO_DO
    if item.start_date is None or item.start_date < today + timedelta(days=THIS_WEEK_DAYS):
        return Section.THIS_WEEK
    return Section.NEXT_WEEK


def arrange(items: Sequence[Item], today: date) -> list[tuple[Section, Item]]:
    """Items in reading order: by section, then by date and time (undated last), then title."""

    def key(item: Item) -> tuple[int, date, int, str, str]:
        section = section_for(item, today)
        when = (due_date(item) if is_task(item) else item.start_date) or date.max
        minutes = item.start_time.hour * 60 + item.start_time.minute if item.start_time else -1
        return (SECTION_ORDER.index(section), when, minutes, item.title.casefold(), item.id)

    return [(section_for(item, today), item) for item in sorted(items, key=key)]


@dataclass(frozen=True)
class DigestLine:
    """One numbered item as the parent reads it (title, details and location in the shown
    language)."""

    number: int
    section: Section
    item: Item
    title: str
    details: str
    location: str  # "" when the item has none
    calendar_url: str | None


@dataclass(frozen=True)
class DigestContent:
    language: LanguageCode
    first_name: str
    school_name: str
    lines: Sequence[DigestLine]
    # The language the items are shown in when they could not be translated (said once).
    untranslated_from: LanguageCode | None = None
    kind: Literal["weekly", "alert"] = "weekly"


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Untrusted item text on one line: no control or bidi-override characters."""
    return " ".join(_CONTROL.sub("", text).split())


def details_beyond_title(title: str, details: str) -> str:
    """The details without what the title already says.

    Newsletter lines often repeat the title, and the date before it ("Wed, Oct 7 – Picture
    Day. Photos in the morning."): what follows the title is what is new.
    """
    at = details.casefold().find(title.casefold())
    if at < 0:
        return details
    return details[at + len(title) :].lstrip(" .,:;–—-")


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def when_text(
    item: Item, language: LanguageCode, *, full_weekday: bool = True, separator: str = " · "
) -> str:
    """The item's date and time as the parent's locale writes them ('' when undated)."""
    _ = gettext_for(language)
    if item.start_date is None:
        return ""
    if is_task(item) and item.category is not ItemCategory.CLOSURE:
        day = format_days(
            due_date(item) or item.start_date, None, language, full_weekday=full_weekday
        )
        text = _("due {date}").format(date=day)
    else:
        text = format_days(item.start_date, item.end_date, language, full_weekday=full_weekday)
    if item.start_time is not None:
        text += separator + format_times(item.start_time, item.end_time, language)
    elif item.category is ItemCategory.CLOSURE:
        text += separator + _("all day")
    return text


def _language_name(code: LanguageCode, in_language: LanguageCode) -> str:
    return locale_for(code).get_language_name(locale_for(in_language)) or code


def _greeting_name(name: str, language: LanguageCode) -> str:
    """The first name; for Chinese the whole name, written family name first."""
    cleaned = clean(name)
    return cleaned if language == "zh" else cleaned.split(" ")[0]


def _header(content: DigestContent) -> str:
    _ = gettext_for(content.language)
    if content.kind == "alert":
        return _("⚠️ Important from {school}:").format(school=clean(content.school_name))
    return _("Hi {name}! Your week at {school}:").format(
        name=_greeting_name(content.first_name, content.language), school=clean(content.school_name)
    )


def _untranslated_note(content: DigestContent) -> str | None:
    if content.untranslated_from is None:
        return None
    _ = gettext_for(content.language)
    return _("{school} wrote these in {language}. We show them as written.").format(
        school=clean(content.school_name),
        language=_language_name(content.untranslated_from, content.language),
    )


def _first_number(content: DigestContent) -> int:
    return content.lines[0].number if content.lines else 1


def render_whatsapp(content: DigestContent) -> str:
    """The full digest for WhatsApp: bold section titles, every item with its details."""
    _ = gettext_for(content.language)
    blocks = [_header(content)]
    note = _untranslated_note(content)
    if note:
        blocks.append(f"_{note}_")
    for section in SECTION_ORDER:
        lines = [line for line in content.lines if line.section is section]
        if not lines:
            continue
        rows = [f"*{_(SECTION_TITLES[section])}*"]
        for line in lines:
            rows.append(f"{line.number}. {clean(line.title)}")
            when = when_text(line.item, content.language)
            if when:
                rows.append(f"   {when}")
            if line.location:
                rows.append(f"   📍 {clean(line.location)}")
            details = details_beyond_title(clean(line.title), clean(line.details))
            if details:
                rows.append(f"   {_shorten(details, _DETAILS_MAX)}")
            if line.calendar_url:
                rows.append("   " + _("Add to calendar: {url}").format(url=line.calendar_url))
        blocks.append("\n".join(rows))
    n = _first_number(content)
    blocks.append(
        "\n".join(
            [
                _("How to reply:"),
                _("DONE {n}: item {n} is done").format(n=n),
                _("HELP: get help"),
                _("Or ask a question in your own words"),
                _("STOP: no more messages"),
            ]
        )
    )
    return "\n\n".join(blocks)


def split_for_whatsapp(text: str, limit: int = WHATSAPP_TEXT_LIMIT) -> list[str]:
    """Parts under the limit, cut between blocks, else between lines, never inside a word
    unless a single line is longer than the limit."""
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    for block in text.split("\n\n"):
        pieces = [block] if len(block) <= limit else _hard_wrap(block, limit)
        for piece in pieces:
            candidate = f"{current}\n\n{piece}" if current else piece
            if len(candidate) <= limit:
                current = candidate
            else:
                parts.append(current)
                current = piece
    if current:
        parts.append(current)
    return parts


def _hard_wrap(block: str, limit: int) -> list[str]:
    pieces: list[str] = []
    current = ""
    for line in block.split("\n"):
        while len(line) > limit:
            pieces.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= limit:
            current = candidate
        else:
            pieces.append(current)
            current = line
    if current:
        pieces.append(current)
    return pieces


@dataclass(frozen=True)
class SmsRendering:
    body: str
    size: SmsSize
    items_shown: int


def _plain_title(title: str) -> str:
    """A section title without its emoji, which alone would make an English SMS UCS-2."""
    head, _, rest = title.partition(" ")
    return rest if rest and not any(c.isalnum() for c in head) else title


def render_sms(content: DigestContent, page_url: str, segment_budget: int) -> SmsRendering:
    """A plain digest within `segment_budget` segments: one line per item, one link to the
    digest page for details and calendars; items that do not fit are counted, not cut."""
    _ = gettext_for(content.language)
    link = _("All details and calendar: {url}").format(url=page_url)
    footer = _("Reply DONE {n}, HELP or STOP, or just ask a question.").format(
        n=_first_number(content)
    )
    item_rows: list[list[str]] = []
    for section in SECTION_ORDER:
        lines = [line for line in content.lines if line.section is section]
        for index, line in enumerate(lines):
            rows = [_plain_title(_(SECTION_TITLES[section]))] if index == 0 else []
            when = when_text(
                line.item,
                content.language,
                full_weekday=False,
                separator=_SMS_SEPARATOR[content.language],
            )
            rows.append(f"{line.number}. {clean(line.title)}" + (f" - {when}" if when else ""))
            item_rows.append(rows)

    header = _plain_title(_header(content))

    def compose(shown: int) -> str:
        rows = [header]
        for group in item_rows[:shown]:
            rows.extend(group)
        hidden = len(item_rows) - shown
        if hidden:
            rows.append(_("+{count} more in the link below").format(count=hidden))
        rows.extend([link, footer])
        return gsm_spelling("\n".join(rows))

    shown = len(item_rows)
    body = compose(shown)
    while shown > 0 and sms_size(body).segments > segment_budget:
        shown -= 1
        body = compose(shown)
    if sms_size(body).segments > segment_budget:
        # Not even one item fits: the school's name alone says who writes.
        header = clean(content.school_name) + ":"
        body = compose(0)
    return SmsRendering(body=body, size=sms_size(body), items_shown=shown)
