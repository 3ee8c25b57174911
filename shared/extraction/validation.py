"""Checks every extractor's items against the school before they become Items.

Gemini's output and OCR rules are both untrusted: either can name a grade the school does not
have, an activity it does not run, or a date years away. What cannot be right is removed and
said so in a note for the admins; what may be right but is doubtful stays, for review, at a
lower confidence. Nothing is silently lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from shared.extraction.schema import ExtractedItem, ExtractionContext

# A newsletter looks back a little (a deadline just passed) and ahead at most a school year.
_EARLIEST = timedelta(days=60)
_LATEST = timedelta(days=400)
_DOUBTFUL_CONFIDENCE = 0.3


@dataclass
class CheckedItems:
    kept: list[ExtractedItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def items_fit_for_school(items: list[ExtractedItem], context: ExtractionContext) -> CheckedItems:
    checked = CheckedItems()
    seen: set[tuple[str, date | None]] = set()
    for item in items:
        fitted = _fit(item, context, checked.notes)
        if fitted is None:
            continue
        key = (" ".join(fitted.title.lower().split()), fitted.start_date)
        if key in seen:
            continue
        seen.add(key)
        checked.kept.append(fitted)
    return checked


def _fit(item: ExtractedItem, context: ExtractionContext, notes: list[str]) -> ExtractedItem | None:
    for day in (item.start_date, item.end_date):
        if day is not None and not (
            context.issued_on - _EARLIEST <= day <= context.issued_on + _LATEST
        ):
            notes.append(
                f"Left out {item.title!r}: its date {day.isoformat()} is too far from the "
                f"newsletter's date {context.issued_on.isoformat()} to be right."
            )
            return None
    update: dict[str, object] = {}
    if item.grades != "all":
        offered = [g for g in item.grades if g in context.grades_offered]
        if len(offered) < len(item.grades):
            stray = sorted(set(item.grades) - set(offered))
            notes.append(f"{item.title!r}: grades {stray} are not offered here and were removed.")
        if not offered:
            # The audience is unknown, not empty: keep it for an admin to set, at low confidence.
            update["grades"] = "all"
            update["confidence"] = min(item.confidence, _DOUBTFUL_CONFIDENCE)
        elif len(offered) < len(item.grades):
            update["grades"] = offered
    known = context.activity_slugs
    if unknown := [a for a in item.activities if a not in known]:
        notes.append(f"{item.title!r}: unknown activities {sorted(unknown)} were removed.")
        update["activities"] = [a for a in item.activities if a in known]
    return item.model_copy(update=update) if update else item
