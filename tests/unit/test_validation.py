"""The one school policy every extractor's items go through (shared/extraction/validation.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import pytest

from shared.extraction.schema import ExtractedItem, ExtractionContext
from shared.extraction.validation import add_months, items_fit_for_school
from shared.models import Activity, ItemCategory

K_TO_5 = ExtractionContext(
    school_name="Maple Grove Elementary",
    issued_on=date(2026, 10, 2),
    timezone="America/Vancouver",
    grades_offered=[0, 1, 2, 3, 4, 5],
    activities=[
        Activity(slug="basketball", name="Basketball"),
        Activity(slug="choir", name="Choir"),
        Activity(slug="chess", name="Chess Club"),
    ],
)
PRE_K_TO_5 = K_TO_5.model_copy(update={"grades_offered": [-1, 0, 1, 2, 3, 4, 5]})


def item(title: str = "Picture Day", **fields: Any) -> ExtractedItem:
    values: dict[str, Any] = {
        "title": title,
        "category": ItemCategory.EVENT,
        "start_date": date(2026, 10, 8),
        "confidence": 0.9,
    }
    values.update(fields)
    return ExtractedItem(**values)


@dataclass(frozen=True)
class Case:
    items: list[ExtractedItem]
    kept: list[str]  # titles, in order
    grades: dict[str, Literal["all"] | list[int]] = field(default_factory=dict)
    activities: dict[str, list[str]] = field(default_factory=dict)
    confidence_at_most: dict[str, float] = field(default_factory=dict)
    note_has: list[str] = field(default_factory=list)
    context: ExtractionContext = K_TO_5


CASES = {
    "fits as it is": Case(
        items=[item(grades=[1, 2], activities=["choir"])],
        kept=["Picture Day"],
        grades={"Picture Day": [1, 2]},
        activities={"Picture Day": ["choir"]},
    ),
    "a start date years away": Case(
        items=[item("Reunion", start_date=date(2028, 6, 1))],
        kept=[],
        note_has=['Left out "Reunion"', "2028-06-01", "more than 13 months", "2026-10-02"],
    ),
    "a start date long past": Case(
        items=[item("Ancient bake sale", start_date=date(2019, 5, 1))],
        kept=[],
        note_has=['Left out "Ancient bake sale"', "2019-05-01"],
    ),
    "an end date years away": Case(
        items=[item("Long drive", end_date=date(2028, 1, 1))],
        kept=[],
        note_has=['Left out "Long drive"', "2028-01-01"],
    ),
    "13 months either way is still near": Case(
        items=[
            item("Next year", start_date=date(2027, 11, 2)),
            item("Last year", start_date=date(2025, 9, 2)),
            item("Undated", start_date=None),
        ],
        kept=["Next year", "Last year", "Undated"],
    ),
    "grade 11 at a K-5 school is kept for an admin as all, doubtful": Case(
        items=[item("Grade 11 grad photos", grades=[11])],
        kept=["Grade 11 grad photos"],
        grades={"Grade 11 grad photos": "all"},
        confidence_at_most={"Grade 11 grad photos": 0.3},
        note_has=['"Grade 11 grad photos"', "Grade 11 is not offered", "admin"],
    ),
    "the grade after a school's last is for the class moving up": Case(
        items=[item("Grade 6 welcome night", grades=[6])],
        kept=["Grade 6 welcome night"],
        grades={"Grade 6 welcome night": [5]},
        note_has=['"Grade 6 welcome night"', "Grade 6 is the grade after", "moving up"],
    ),
    "Pre-K only at a school without Pre-K goes to all": Case(
        items=[item("Kindergarten registration opens", grades=[-1])],
        kept=["Kindergarten registration opens"],
        grades={"Kindergarten registration opens": "all"},
        note_has=['"Kindergarten registration opens"', "no Pre-K", "all families"],
    ),
    "Pre-K at a school with Pre-K stays Pre-K": Case(
        items=[item("Pre-K registration", grades=[-1])],
        kept=["Pre-K registration"],
        grades={"Pre-K registration": [-1]},
        context=PRE_K_TO_5,
    ),
    "mixed grades are trimmed to those offered": Case(
        items=[item("Reading buddies", grades=[-1, 3, 11])],
        kept=["Reading buddies"],
        grades={"Reading buddies": [3]},
        note_has=['"Reading buddies"', "Pre-K and Grade 11", "not offered"],
    ),
    "unknown activities are removed": Case(
        items=[item("Swim and sing", activities=["swimming", "choir", "underwater-hockey"])],
        kept=["Swim and sing"],
        activities={"Swim and sing": ["choir"]},
        note_has=['"Swim and sing"', '"swimming" and "underwater-hockey"'],
    ),
    "an exact repeat is dropped": Case(
        items=[
            item("Spirit Day", confidence=0.9),
            item("spirit   DAY", confidence=0.5),
            item("Spirit Day", start_date=date(2026, 10, 9)),  # another day: not a repeat
        ],
        kept=["Spirit Day", "Spirit Day"],
        note_has=['repeat of "spirit   DAY"', "2026-10-08"],
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_items_are_checked_against_the_school(case: Case) -> None:
    checked = items_fit_for_school(case.items, case.context)

    assert [i.title for i in checked.kept] == case.kept
    by_title = {i.title: i for i in checked.kept}
    for title, grades in case.grades.items():
        assert by_title[title].grades == grades, title
    for title, activities in case.activities.items():
        assert by_title[title].activities == activities, title
    for title, ceiling in case.confidence_at_most.items():
        assert by_title[title].confidence <= ceiling, title
    notes = "\n".join(checked.notes)
    for expected in case.note_has:
        assert expected in notes, (expected, notes)
    if not case.note_has:
        assert checked.notes == []


def test_a_changed_item_keeps_everything_else() -> None:
    original = item("Gr 4-6 swim", grades=[4, 5, 6], activities=["choir"], location="Pool")

    (kept,) = items_fit_for_school([original], K_TO_5).kept

    assert kept.grades == [4, 5]
    assert kept.model_dump(exclude={"grades"}) == original.model_dump(exclude={"grades"})


def test_a_doubtful_item_never_gains_confidence() -> None:
    (kept,) = items_fit_for_school([item(grades=[12], confidence=0.1)], K_TO_5).kept

    assert (kept.grades, kept.confidence) == ("all", 0.1)


def test_the_first_of_two_repeats_is_the_one_kept() -> None:
    first, second = item("Spirit day", details="first"), item("Spirit day", details="second")

    (kept,) = items_fit_for_school([first, second], K_TO_5).kept

    assert kept.details == "first"


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 10, 2), 13, date(2027, 11, 2)),
        (date(2026, 10, 2), -13, date(2025, 9, 2)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),  # the month is shorter
        (date(2027, 1, 31), 13, date(2028, 2, 29)),  # a leap year
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected
