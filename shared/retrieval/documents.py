"""An item as the index holds it: the passage that is embedded, its terms, and its payload."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from shared.models import Item, School
from shared.retrieval.terms import Vocabulary, activity_names

# Undated items (an announcement) are never outside a date window.
UNDATED_LAST_DAY = date.max.toordinal()
# A weekly item with no stated last occurrence is taken to run through the school year.
_OPEN_RECURRENCE = timedelta(days=300)
_UNTIL = re.compile(r"UNTIL=(\d{4})(\d{2})(\d{2})")
_BYDAY = re.compile(r"BYDAY=([A-Z,]+)")
_RRULE_DAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}

_CATEGORY_TERMS = {
    "closure": "c:closure",
    "deadline": "q:deadline",
    "fundraiser": "c:fundraiser",
    "volunteer": "c:volunteer",
    "meeting": "c:meeting",
}


def school_vocabulary(school: School) -> Vocabulary:
    """The lexicon plus the school's own activity names and synonyms."""
    extra = {a.slug: [a.name, *a.synonyms] for a in school.activities}
    return Vocabulary(activity_names(extra, extra))


def recurrence_weekdays(recurrence: str | None) -> frozenset[int]:
    found = _BYDAY.search(recurrence or "")
    if not found:
        return frozenset()
    return frozenset(_RRULE_DAYS[d] for d in found.group(1).split(",") if d in _RRULE_DAYS)


def last_day(item: Item) -> date | None:
    """The last day the item happens or is due; None for an undated item."""
    if item.start_date is None:
        return None
    if item.recurrence:
        until = _UNTIL.search(item.recurrence)
        if until:
            return date(int(until[1]), int(until[2]), int(until[3]))
        return item.start_date + _OPEN_RECURRENCE
    return item.end_date or item.start_date


def passage(item: Item, school: School) -> str:
    """What is embedded: the item's words and when, where and for whom, in plain English."""
    names = {a.slug: a.name for a in school.activities}
    parts = [item.title, item.category.value]
    if item.start_date:
        when = item.start_date.strftime("%A %B %-d")
        if item.end_date and item.end_date != item.start_date:
            when += " to " + item.end_date.strftime("%A %B %-d")
        parts.append(when)
    if item.start_time:
        parts.append(item.start_time.strftime("%-I:%M %p"))
    if item.location:
        parts.append(item.location)
    if item.activities:
        parts.append(", ".join(names.get(a, a.replace("-", " ")) for a in item.activities))
    if item.details:
        parts.append(item.details)
    return ". ".join(parts)


def item_terms(item: Item, vocabulary: Vocabulary) -> dict[str, float]:
    text = " ".join(filter(None, [item.title, item.details, item.location]))
    terms = vocabulary.terms(text, asks=True)
    for slug in item.activities:
        terms[f"a:{slug}"] = 1.5
    category_term = _CATEGORY_TERMS.get(item.category.value)
    if category_term:
        terms.setdefault(category_term, 1.0)
    return terms


def payload(item: Item, school: School, terms: dict[str, float]) -> dict[str, Any]:
    """Payload fields the engine filters on, and what ranking and duplicates read back."""
    last = last_day(item)
    return {
        "school_id": item.school_id,
        "newsletter_id": item.newsletter_id,
        "status": item.status.value,
        "category": item.category.value,
        "title": item.title,
        "grades": sorted(item.grades_within(school)),
        "all_grades": item.grades == "all",
        "activities": sorted(item.activities),
        "start_date": item.start_date.isoformat() if item.start_date else None,
        "end_date": item.end_date.isoformat() if item.end_date else None,
        "start_time": item.start_time.strftime("%H:%M") if item.start_time else None,
        "recurrence": item.recurrence,
        "last_day": last.toordinal() if last else UNDATED_LAST_DAY,
        "terms": sorted(terms),
    }
