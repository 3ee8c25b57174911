"""Checks every extractor's items against the school before they become Items.

This is the one school policy: the parse service applies it to whatever any extractor (Gemini,
offline) returned, and extractors only convert what they read into `ExtractedItem`s.

Gemini's output and OCR rules are both untrusted: either can name a grade the school does not
have, an activity it does not run, or a date years away. What cannot be right is removed and
said so in a note for the admins; what may be right but is doubtful stays, for review, at a
lower confidence. Nothing is silently lost. Notes are plain language for school staff; they
may quote item titles and are never logged.

The rules:
- a date (start or end) more than 13 months before or after the newsletter's date is a
  misreading: the item is left out;
- grades the school does not offer are removed. When none remain, an item only for Pre-K at a
  school without Pre-K is about incoming kindergartners, which concerns every family, so it
  goes to all grades; any other item goes to all grades at a confidence of at most 0.3, so an
  admin decides (auto-approval never fires that low);
- activities the school does not run are removed;
- exact repeats (same title, ignoring case and spacing, and same start date) are left out.
An end date before the start date cannot reach this far: `ExtractedItem` refuses it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from shared.extraction.audience import class_moving_up
from shared.extraction.schema import ExtractedItem, ExtractionContext
from shared.models import KINDERGARTEN, PRE_K

# A newsletter looks back a little and ahead at most a school year and a bit, either way.
MAX_MONTHS_FROM_ISSUE = 13
DOUBTFUL_CONFIDENCE = 0.3


@dataclass
class CheckedItems:
    kept: list[ExtractedItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (earlier when negative), or that month's last day."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    for last_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def items_fit_for_school(items: list[ExtractedItem], context: ExtractionContext) -> CheckedItems:
    checked = CheckedItems()
    seen: set[tuple[str, date | None]] = set()
    for item in items:
        fitted = _fit(item, context, checked.notes)
        if fitted is None:
            continue
        key = (_normalised_title(fitted.title), fitted.start_date)
        if key in seen:
            when = f" on {fitted.start_date.isoformat()}" if fitted.start_date else ""
            checked.notes.append(
                f'Left out a repeat of "{fitted.title}"{when}: the newsletter lists it twice.'
            )
            continue
        seen.add(key)
        checked.kept.append(fitted)
    return checked


def _normalised_title(title: str) -> str:
    return " ".join(title.lower().split())


def _fit(item: ExtractedItem, context: ExtractionContext, notes: list[str]) -> ExtractedItem | None:
    if (far := _far_date(item, context.issued_on)) is not None:
        notes.append(
            f'Left out "{item.title}": its date {far.isoformat()} is more than '
            f"{MAX_MONTHS_FROM_ISSUE} months from the newsletter's date "
            f"{context.issued_on.isoformat()}, so it is most likely a misreading."
        )
        return None
    update: dict[str, object] = {}
    update.update(_fit_grades(item, context, notes))
    known = context.activity_slugs
    if unknown := [a for a in item.activities if a not in known]:
        names = _and_list(f'"{a}"' for a in sorted(set(unknown)))
        which = "the activity" if len(set(unknown)) == 1 else "the activities"
        notes.append(f'"{item.title}": removed {which} {names}, not on the school\'s list.')
        update["activities"] = [a for a in item.activities if a in known]
    return item.model_copy(update=update) if update else item


def _far_date(item: ExtractedItem, issued_on: date) -> date | None:
    earliest = add_months(issued_on, -MAX_MONTHS_FROM_ISSUE)
    latest = add_months(issued_on, MAX_MONTHS_FROM_ISSUE)
    for day in (item.start_date, item.end_date):
        if day is not None and not earliest <= day <= latest:
            return day
    return None


def _fit_grades(
    item: ExtractedItem, context: ExtractionContext, notes: list[str]
) -> dict[str, object]:
    """The changes to an item's grades (none when every grade is offered)."""
    if item.grades == "all":
        return {}
    offered = set(context.grades_offered)
    kept = [g for g in item.grades if g in offered]
    stray = sorted(set(item.grades) - offered)
    if not stray:
        return {}
    if kept:
        notes.append(f'"{item.title}": removed {_grade_names(stray)}, not offered at this school.')
        return {"grades": kept}
    moving_up = class_moving_up(stray, sorted(offered))
    if moving_up:
        notes.append(
            f'"{item.title}": {_grade_names(stray)} is the grade after this school\'s last, so '
            "the item is for the class moving up to it."
        )
        return {"grades": moving_up}
    if stray == [PRE_K]:
        notes.append(
            f'"{item.title}": this school has no Pre-K, so the item is about incoming '
            "kindergartners and is shown to all families."
        )
        return {"grades": "all"}
    # The audience is unknown, not empty: keep it for an admin to set, at low confidence.
    notes.append(
        f'"{item.title}": {_grade_names(stray)} {"is" if len(stray) == 1 else "are"} not '
        "offered at this school. The item is kept for all grades, at low confidence, for an "
        "admin to check."
    )
    return {"grades": "all", "confidence": min(item.confidence, DOUBTFUL_CONFIDENCE)}


def _grade_name(grade: int) -> str:
    if grade == PRE_K:
        return "Pre-K"
    if grade == KINDERGARTEN:
        return "Kindergarten"
    return f"Grade {grade}"


def _grade_names(grades: list[int]) -> str:
    return _and_list(_grade_name(g) for g in grades)


def _and_list(words: Iterable[str]) -> str:
    listed = list(words)
    if len(listed) <= 1:
        return "".join(listed)
    return f"{', '.join(listed[:-1])} and {listed[-1]}"


__all__ = ["MAX_MONTHS_FROM_ISSUE", "CheckedItems", "add_months", "items_fit_for_school"]
