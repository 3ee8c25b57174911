"""Gemini's items into `ExtractedItem`s: keep every item that converts, say why the rest do not.

One item that cannot be represented (not in the schema, an impossible date) is dropped with a
reason, never the whole document. The school's policy (grades, activities, far dates,
repeats) is `shared.extraction.validation`'s, applied after every extractor.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from datetime import time as clock_time
from typing import Any, Literal

from pydantic import ValidationError

from shared.adapters.gemini.schema import WireItem
from shared.extraction.schema import ExtractedItem, ExtractionContext


@dataclass(frozen=True)
class Dropped:
    """An item (or part of one) left out, with the reason, for logs (reason) and admins."""

    index: int
    reason: str
    title: str = ""


@dataclass
class Conversion:
    items: list[ExtractedItem] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)  # whole items
    trimmed: list[Dropped] = field(default_factory=list)  # a time or recurrence of one


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::\d{2})?")
_RRULE = re.compile(r"FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Z0-9,+\-]+)*")


class _Reject(ValueError):
    """This item cannot be kept (the message is the reason, free of document text)."""


def _parse_date(value: str | None, what: str) -> date | None:
    if value is None or not value.strip():
        return None
    value = value.strip()
    if not _DATE.fullmatch(value):
        raise _Reject(f"{what} is not YYYY-MM-DD")  # the value may be document text
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise _Reject(f"{what} {value!r} is not a calendar date") from None
    return day


def _parse_time(value: str | None) -> clock_time | None:
    """A time, or None when there is none; ValueError when it is not a time of day."""
    if value is None or not value.strip():
        return None
    match = _TIME.fullmatch(value.strip())
    if match is None:
        raise ValueError("not HH:MM")  # the value may be document text
    return clock_time(int(match[1]), int(match[2]))


def _normalize_recurrence(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    rule = value.strip().upper().removeprefix("RRULE:")
    if not _RRULE.fullmatch(rule):
        raise ValueError("recurrence is not an RRULE")
    return rule


def _activity_lookup(context: ExtractionContext) -> dict[str, str]:
    """Slugs, names and synonyms (case-insensitive) to slugs: Gemini sometimes writes a name."""
    lookup: dict[str, str] = {}
    for activity in context.activities:
        for alias in (activity.name, *activity.synonyms):
            lookup.setdefault(alias.strip().lower(), activity.slug)
    for activity in context.activities:
        lookup[activity.slug] = activity.slug  # a slug always wins over another's synonym
    return lookup


def _clamp_confidence(value: float) -> float:
    if math.isnan(value):
        return 0.0
    return min(1.0, max(0.0, value))


def convert_items(raw_items: Sequence[Any], context: ExtractionContext) -> Conversion:
    """Convert every item Gemini returned into an `ExtractedItem`, keeping what converts.

    Whole items are dropped only when they cannot be represented: not matching the wire
    schema, no title, a date that is not a YYYY-MM-DD calendar date, or an end before the
    start. Parts are dropped, the item kept, for a time that is not a time or a recurrence
    that is not an RRULE. The school's policy (grades, activities, far dates, repeats) is
    `shared.extraction.validation`'s, applied after every extractor; `context` is used here
    only to map activity names and synonyms to slugs.
    """
    result = Conversion()
    lookup = _activity_lookup(context)
    for index, raw in enumerate(raw_items):
        try:
            wire = WireItem.model_validate(raw)
        except ValidationError as exc:
            fields = sorted({".".join(str(p) for p in e["loc"]) or "item" for e in exc.errors()})
            result.dropped.append(Dropped(index, f"not in the schema ({', '.join(fields)})"))
            continue
        title = " ".join(wire.title.split())[:200]
        if not title:
            result.dropped.append(Dropped(index, "no title"))
            continue
        try:
            item = _to_extracted(index, wire, title, lookup, result.trimmed)
        except _Reject as exc:
            result.dropped.append(Dropped(index, str(exc), title))
            continue
        except ValidationError as exc:  # a field the domain model bounds (e.g. too long)
            fields = sorted({".".join(str(p) for p in e["loc"]) for e in exc.errors()})
            result.dropped.append(Dropped(index, f"invalid {', '.join(fields)}", title))
            continue
        result.items.append(item)
    return result


def _to_extracted(
    index: int,
    wire: WireItem,
    title: str,
    lookup: dict[str, str],
    trimmed: list[Dropped],
) -> ExtractedItem:
    start = _parse_date(wire.start_date, "start_date")
    end = _parse_date(wire.end_date, "end_date")
    if start is None and end is not None:
        start, end = end, None  # a lone end date is the item's date (a due date, usually)
    if start is not None and end is not None and end < start:
        raise _Reject(f"end_date {end.isoformat()} is before start_date {start.isoformat()}")
    if end == start:
        end = None

    times: list[clock_time | None] = []
    for what, value in (("start_time", wire.start_time), ("end_time", wire.end_time)):
        try:
            times.append(_parse_time(value))
        except ValueError as exc:
            trimmed.append(Dropped(index, f"{what} dropped: {exc}", title))
            times.append(None)
    start_time, end_time = times

    try:
        recurrence = _normalize_recurrence(wire.recurrence)
    except ValueError as exc:
        trimmed.append(Dropped(index, str(exc), title))
        recurrence = None
    if recurrence is not None and end is not None:
        # The convention: a recurring item's last occurrence lives in the rule, not end_date.
        if "UNTIL=" not in recurrence:
            recurrence += f";UNTIL={end.strftime('%Y%m%d')}"
        end = None

    activities: list[str] = []
    for name in wire.activities:
        # An unknown name passes through unchanged: validation removes it and says so.
        slug = lookup.get(name.strip().lower(), name.strip())
        if slug and slug not in activities:
            activities.append(slug)

    return ExtractedItem(
        title=title,
        details=wire.details.strip()[:2000],
        category=wire.category,
        start_date=start,
        end_date=end,
        start_time=start_time,
        end_time=end_time,
        grades=_grades(wire),
        activities=activities,
        action_required=wire.action_required or wire.action is not None,
        action=wire.action,
        location=(wire.location or "").strip()[:200] or None,
        recurrence=recurrence,
        confidence=_clamp_confidence(wire.confidence),
    )


def _grades(wire: WireItem) -> Literal["all"] | list[int]:
    """The grades named, sorted; "all" for whole-school items, or when none are named.

    Whether the school offers them is validation's business, not the wire format's.
    """
    if wire.all_grades or not wire.grades:
        return "all"
    return sorted(set(wire.grades))


def fits_schema(raw: Any) -> bool:
    """Whether one raw item validates as a WireItem."""
    try:
        WireItem.model_validate(raw)
    except ValidationError:
        return False
    return True


def document_date(value: Any) -> date | None:
    """The issued_on Gemini read, when it is a YYYY-MM-DD calendar date."""
    if not isinstance(value, str):
        return None
    try:
        return _parse_date(value, "issued_on")
    except _Reject:
        return None


def notes_for_admins(conversion: Conversion) -> list[str]:
    """Plain-language remarks shown to the admins who uploaded the document."""
    notes = [
        f'Left out "{d.title}": {d.reason}.'
        if d.title
        else f"Left out item {d.index + 1}: {d.reason}."
        for d in conversion.dropped
    ]
    notes.extend(f'Changed "{t.title}": {t.reason}.' for t in conversion.trimmed)
    return notes
