"""The newsletter rules: dates, times, audiences, activities, categories, actions, duplicates."""

from __future__ import annotations

from datetime import date, time

import pytest

from shared.extraction.assemble import Candidate, fold_duplicates
from shared.extraction.dates import (
    find_dates,
    find_times,
    relative_weekday_dates,
    resolve_year,
    weekly_days,
    weekly_rrule,
)
from shared.extraction.rules import (
    action_in,
    activities_in,
    category_of,
    grades_in,
    grades_in_cell,
    within_school,
)
from shared.models import Activity, ItemAction, ItemCategory

OCTOBER_ISSUE = date(2026, 10, 2)
LATE_NOVEMBER_ISSUE = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oct 14", date(2026, 10, 14)),
        ("Friday, October 16", date(2026, 10, 16)),
        ("Wed, Oct 7 – Picture Day", date(2026, 10, 7)),
        ("10/14", date(2026, 10, 14)),
        ("Tuesday, 3 November", date(2026, 11, 3)),
        ("Friday, October 2, 2026", date(2026, 10, 2)),
        ("Biyernes, Oktubre 16", date(2026, 10, 16)),
        ("10月14日", date(2026, 10, 14)),
        ("ਸ਼ੁੱਕਰਵਾਰ, 16 ਅਕਤੂਬਰ", date(2026, 10, 16)),
    ],
)
def test_dates_are_read_in_the_ways_newsletters_write_them(text: str, expected: date) -> None:
    assert [m.value for m in find_dates(text, OCTOBER_ISSUE)] == [expected]


def test_a_month_well_before_the_issue_rolls_into_the_next_year() -> None:
    assert resolve_year(1, 4, LATE_NOVEMBER_ISSUE) == date(2027, 1, 4)
    assert resolve_year(9, 17, OCTOBER_ISSUE) == date(2026, 9, 17)  # a recent past date stays


def test_a_written_weekday_settles_the_year() -> None:
    # 2027-03-01 is a Monday; 2026-03-01 a Sunday.
    assert resolve_year(3, 1, date(2026, 9, 1), weekday=0) == date(2027, 3, 1)


def test_years_and_numbers_that_are_not_days_are_not_dates() -> None:
    assert find_dates("March 2027 Bulletin", OCTOBER_ISSUE) == []
    assert find_dates("Grade 6 students, $8 by 3:00", OCTOBER_ISSUE) == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Monday, December 21 to Friday, January 1", date(2026, 12, 21), date(2027, 1, 1)),
        ("Mar 15 – Mar 26", date(2027, 3, 15), date(2027, 3, 26)),
        ("March 15-26", date(2027, 3, 15), date(2027, 3, 26)),
    ],
)
def test_ranges_keep_their_first_and_last_day(text: str, start: date, end: date) -> None:
    (mention,) = find_dates(text, LATE_NOVEMBER_ISSUE)
    assert (mention.value, mention.end_value) == (start, end)


def test_next_weekday_is_the_first_one_after_the_issue() -> None:
    (mention,) = relative_weekday_dates("see you next Tuesday", OCTOBER_ISSUE)  # a Friday
    assert mention.value == date(2026, 10, 6)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("3:30–4:45 pm", time(15, 30), time(16, 45)),
        ("from 3:00 to 7:00 pm", time(15, 0), time(19, 0)),
        ("9:30 am – 12:30 pm", time(9, 30), time(12, 30)),
        ("7 pm", time(19, 0), None),
        ("at noon", time(12, 0), None),
        ("close at 11:59 pm", time(23, 59), None),
        ("leaving at 9:15 am and returning by 2:30 pm", time(9, 15), time(14, 30)),
        ("11:00–1:00 pm", time(11, 0), time(13, 0)),
        ("Grade 6, Room 12", None, None),
    ],
)
def test_times(text: str, start: time | None, end: time | None) -> None:
    assert find_times(text) == (start, end)


def test_weekly_recurrences_become_rrules() -> None:
    assert weekly_rrule(weekly_days("every Thursday")) == "FREQ=WEEKLY;BYDAY=TH"
    assert weekly_rrule(weekly_days("on Wednesdays and Mondays")) == "FREQ=WEEKLY;BYDAY=MO,WE"
    assert (
        weekly_rrule(weekly_days("every Tuesday"), date(2026, 11, 17))
        == "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261117"
    )
    assert weekly_days("on Tuesday, October 13") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gr. 6–7 tryouts", [6, 7]),
        ("Primary Choir (K–2)", [0, 1, 2]),
        ("Kindergarten field trip", [0]),
        ("7th & 8th grade ski day", [7, 8]),
        ("Grades 4 & 5", [4, 5]),
        ("Grade 4 and 5 classes", [4, 5]),
        ("open to all families", "all"),
        ("Know a little one born in 2022?", [-1]),
        ("Kindergarten registration for September opens", [-1]),
        ("Picture Day", None),
    ],
)
def test_grades(text: str, expected: object) -> None:
    assert grades_in(text) == expected


def test_grade_cells_and_the_schools_own_grades() -> None:
    assert grades_in_cell("6–8") == [6, 7, 8]
    assert grades_in_cell("7 & 8") == [7, 8]
    assert grades_in_cell("All") == "all"
    assert within_school([6, 7, 8], [6, 7, 8]) == "all"
    assert within_school([5, 6], [6, 7, 8]) == [6]
    assert within_school([3], [6, 7, 8]) is None


def test_activities_by_name_slug_and_common_synonym() -> None:
    catalogue = [
        Activity(slug="basketball", name="Basketball"),
        Activity(slug="track-and-field", name="Track and field"),
        Activity(slug="choir", name="Choir", synonyms=["Glee"]),
    ]
    assert activities_in("Hoops practice after school", catalogue) == ["basketball"]
    assert activities_in("Track & field sign-up forms due", catalogue) == ["track-and-field"]
    assert activities_in("Glee rehearsal", catalogue) == ["choir"]
    assert activities_in("Winter concert", catalogue) == []


@pytest.mark.parametrize(
    ("title", "clause", "due", "expected"),
    [
        ("Thanksgiving Day: school closed", "", False, ItemCategory.CLOSURE),
        ("Easter Monday", "", False, ItemCategory.CLOSURE),
        ("Yearbook orders close", "", False, ItemCategory.DEADLINE),
        ("Send an empty shoebox", "please send ... by Friday", True, ItemCategory.DEADLINE),
        ("Fall Pie Fundraiser", "order pies by Wednesday", True, ItemCategory.FUNDRAISER),
        ("Pie fundraiser pick-up", "", False, ItemCategory.EVENT),
        ("Ski Day Chaperones Needed", "", False, ItemCategory.VOLUNTEER),
        ("Grade 8 course selection night", "", False, ItemCategory.MEETING),
        (
            "Kindergarten registration",
            "registration opens Monday",
            False,
            ItemCategory.ANNOUNCEMENT,
        ),
        (
            "Robotics Club",
            "every Thursday (no meetings over Spring Break)",
            False,
            ItemCategory.EVENT,
        ),
    ],
)
def test_categories(title: str, clause: str, due: bool, expected: ItemCategory) -> None:
    assert category_of(title, clause, due_date_cue=due, dated=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please return the signed permission slip", ItemAction.SIGN),
        ("Ski trip payment ($65) due on SchoolCash Online", ItemAction.PAY),
        ("register on the PTA website by Friday", ItemAction.REGISTER),
        ("RSVP by Friday, January 22", ItemAction.RSVP),
        ("Please bring a snack to share", ItemAction.BRING),
        ("We need 10 adults; if you can help, tell us", ItemAction.VOLUNTEER),
        ("No sign-up needed; beginners are welcome!", None),
        ("Spring Dance, Gym (student card required)", None),
        ("the costume parade returns on Friday", None),
    ],
)
def test_actions(text: str, expected: ItemAction | None) -> None:
    assert action_in(text) == expected


def _candidate(title: str, priority: int, **fields: object) -> Candidate:
    values: dict[str, object] = {
        "category": ItemCategory.EVENT,
        "start": date(2026, 10, 30),
        "end": None,
        "start_time": None,
        "end_time": None,
        "grades": None,
        "activities": set(),
        "action": None,
        "action_required": False,
        "location": None,
        "recurrence": None,
        "order": (priority, 0),
        "details": title,
        "latin": True,
        "words": {w.lower()[:6] for w in title.split()},
        "title_words": {w.lower()[:6] for w in title.split()},
    }
    values.update(fields)
    return Candidate(title=title, priority=priority, **values)  # type: ignore[arg-type]


def test_a_thing_mentioned_twice_is_one_item_with_the_structured_title_and_both_details() -> None:
    listed = _candidate("Halloween costume parade", 2, start_time=time(9, 0))
    retold = _candidate("Costume parade", 1, location="Gym", action_required=True, grades=[0])
    (kept,) = fold_duplicates([retold, listed])
    assert kept.title == "Halloween costume parade"
    assert (kept.location, kept.action_required, kept.grades) == ("Gym", True, [0])


def test_different_things_on_one_day_stay_apart() -> None:
    parade = _candidate("Halloween costume parade", 2, start_time=time(9, 0))
    dance = _candidate("Halloween Family Dance", 1, start_time=time(18, 0))
    helpers = _candidate("Halloween Dance volunteers needed", 1, category=ItemCategory.VOLUNTEER)
    twin_entry = _candidate("Halloween costume parade", 2, order=(3, 0))
    assert len(fold_duplicates([parade, dance, helpers, twin_entry])) == 4
