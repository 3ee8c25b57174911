"""A principal's or teacher's letter: things dated by a day relative to the issue, named by
what is had or held. Every sentence here is written for the tests (the issue date, 2027-03-05,
is a Friday)."""

from __future__ import annotations

from datetime import date

import pytest

from shared.adapters.extractor_offline import OfflineExtractor
from shared.extraction.dates import find_dates
from shared.extraction.layout import TextLine
from shared.extraction.relative_days import relative_weekday_dates
from shared.extraction.rules import asks_family, category_of
from shared.extraction.schema import ExtractionContext
from shared.extraction.sniff import MediaType
from shared.models import ItemCategory
from tests.unit.test_extraction_rules import _items, _TypedExtractor

FRIDAY = date(2027, 3, 5)
CONTEXT = ExtractionContext(
    issued_on=FRIDAY,
    issued_on_is_known=True,
    timezone="America/Vancouver",
    grades_offered=[0, 1, 2, 3, 4, 5, 6, 7],
)


def test_a_weekday_after_a_list_opener_still_dates_the_sentence() -> None:
    found = relative_weekday_dates("Second, Monday is our short day for staff.", FRIDAY)
    assert [m.value for m in found] == [date(2027, 3, 8)]


def test_a_weekday_with_its_hour_dates_the_sentence_wherever_it_stands() -> None:
    found = relative_weekday_dates("We have a choir meeting on Tuesday at 3 pm.", FRIDAY)
    assert [m.value for m in found] == [date(2027, 3, 9)]


def test_a_weekday_said_in_passing_dates_nothing() -> None:
    assert relative_weekday_dates("We will let you know on Monday.", FRIDAY) == []


def test_what_we_will_have_on_a_relative_day_is_the_title() -> None:
    items = _items(
        ("Weekly Note", True),
        (
            "Hello families. Tomorrow we'll have our crazy sock day for all classes. "
            "On Wednesday we will have the class photos and family portraits. "
            "We will share more details on Monday.",
            False,
        ),
    )
    assert items == [
        (date(2027, 3, 6), "Crazy sock day", ItemCategory.EVENT),
        (date(2027, 3, 10), "Class photos and family portraits", ItemCategory.EVENT),
    ]


def test_a_thank_you_that_turns_to_what_comes_next_keeps_the_coming_thing() -> None:
    items = _items(
        ("From the Office", True),
        (
            "Thank you to every family who baked for the pie sale. "
            "Tomorrow we will hold our pyjama day for those who sold ten pies.",
            False,
        ),
    )
    assert items == [(date(2027, 3, 6), "Pyjama day", ItemCategory.EVENT)]


def test_a_thank_you_alone_is_still_no_item() -> None:
    items = _items(
        ("From the Office", True),
        ("Thank you to every family who came to the spring fair on March 1.", False),
    )
    assert items == []


def test_a_date_leading_its_clause_is_named_by_what_it_becomes() -> None:
    items = _items(
        ("Calendar Update", True),
        (
            "Because of the storm closures, Friday, April 16 is now a full school day, "
            "but if the board agrees, May 20 and 21 will be make-up days.",
            False,
        ),
    )
    assert [(when, title) for when, title, _ in items] == [
        (date(2027, 4, 16), "Full school day"),
        (date(2027, 5, 20), "Make-up days"),
    ]


def test_two_days_running_joined_by_and_are_one_span() -> None:
    [span] = find_dates("May 20 and 21 are make-up days.", FRIDAY)
    assert (span.value, span.end_value) == (date(2027, 5, 20), date(2027, 5, 21))
    apart = find_dates("May 20 and 27 are make-up days.", FRIDAY)
    assert [(m.value, m.end_value) for m in apart] == [
        (date(2027, 5, 20), None),
        (date(2027, 5, 27), None),
    ]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Snow make-up: Monday is a regular school day", ItemCategory.ANNOUNCEMENT),
        ("Term 2 report summaries go home", ItemCategory.ANNOUNCEMENT),
        ("Class lists posted", ItemCategory.ANNOUNCEMENT),
        ("Semester 2 begins", ItemCategory.ANNOUNCEMENT),
        ("Term 2 report cards", ItemCategory.ANNOUNCEMENT),
        ("End of 3rd Nine Weeks", ItemCategory.ANNOUNCEMENT),
        ("Make-up snow day", ItemCategory.ANNOUNCEMENT),
        ("PRO D DAY", ItemCategory.CLOSURE),
        ("Winter Recess", ItemCategory.CLOSURE),
        ("Diwali holiday for all students", ItemCategory.CLOSURE),
        ("Holiday Concert", ItemCategory.EVENT),
        ("Walk to School Day", ItemCategory.EVENT),
    ],
)
def test_a_state_of_the_school_is_an_announcement_and_a_named_holiday_a_closure(
    title: str, expected: ItemCategory
) -> None:
    assert category_of(title, title, due_date_cue=False, dated=True) == expected


def test_a_things_beginning_and_end_on_two_lines_are_one_span() -> None:
    result = _TypedExtractor(
        [
            ("Coming Up", True),
            ("• Monday, 3/15 - Sock Drive begins", False),
            ("• Thursday, 3/18 - Spelling Bee", False),
            ("• Friday, 3/19 - Sock Drive ends", False),
        ]
    ).extract(b"", MediaType.PDF, CONTEXT)
    spans = [(i.title, i.start_date, i.end_date) for i in result.items]
    assert ("Sock Drive", date(2027, 3, 15), date(2027, 3, 19)) in spans
    assert len(spans) == 2


def test_an_entry_that_runs_until_a_later_day_ends_then_and_a_second_sitting_is_no_item() -> None:
    result = _TypedExtractor(
        [
            ("Coming Up", True),
            ("• Monday, 3/15 - Used Book Sale begins in the library and runs until 3/19", False),
            ("• Tuesday, 3/16 - Art Night 5:00pm for Grades 1-3; 6:30pm for Grades 4-7", False),
        ]
    ).extract(b"", MediaType.PDF, CONTEXT)
    sale, night = result.items
    assert (sale.title, sale.start_date, sale.end_date) == (
        "Used Book Sale",
        date(2027, 3, 15),
        date(2027, 3, 19),
    )
    assert night.title.startswith("Art Night") and night.start_date == date(2027, 3, 16)


def test_an_undated_request_under_the_masthead_is_its_own_item() -> None:
    items = _items(
        ("Room 4 Weekly News", True),
        ("Our class picnic will be on Friday, March 12 at the park.", False),
        (
            "Puzzle bags go home with the children this week. It is important to return "
            "every puzzle piece in the small bag and please close the zipper.",
            False,
        ),
    )
    assert (None, "Return every puzzle piece in the small bag", ItemCategory.ANNOUNCEMENT) in (
        items
    )


def test_each_item_carries_the_page_and_the_words_it_was_read_from() -> None:
    result = _TypedExtractor(
        [
            ("Coming Up", True),
            ("• Tuesday, 3/16 - Art Night 5:00pm in the gym", False),
            ("Hello families. Tomorrow we'll have our crazy sock day for all classes.", False),
        ]
    ).extract(b"", MediaType.PDF, CONTEXT)
    sources = [(i.title, i.source.page, i.source.text) for i in result.items if i.source]
    assert sources == [
        ("Art Night in the gym", 1, "Tuesday, 3/16 - Art Night 5:00pm in the gym"),
        ("Crazy sock day", 1, "Tomorrow we'll have our crazy sock day for all classes."),
    ]


def test_days_listed_one_after_another_are_one_span() -> None:
    [span] = find_dates("Apr 6, 7, 8 - Hearing tests", FRIDAY)
    assert (span.value, span.end_value) == (date(2027, 4, 6), date(2027, 4, 8))


def test_an_entry_pointing_below_and_the_notice_below_are_one_item() -> None:
    result = _TypedExtractor(
        [
            ("Coming Up", True),
            ("• Apr 6, 7, 8 - Hearing tests (see details below)", False),
            ("From the Nurse", True),
            ("A public health team will be in the library April 6 to April 8 for checks.", False),
        ]
    ).extract(b"", MediaType.PDF, CONTEXT)
    assert [(i.title, i.start_date, i.end_date) for i in result.items] == [
        ("Hearing tests", date(2027, 4, 6), date(2027, 4, 8))
    ]


def test_a_notice_line_and_the_paragraph_saying_it_again_are_one_item() -> None:
    result = _TypedExtractor(
        [
            ("Bulletin", True),
            ("Summer Camp: Registration opens April 12", False),
            ("Good news! Registration for Summer Camp opens April 12 on the district site.", False),
        ]
    ).extract(b"", MediaType.PDF, CONTEXT)
    assert [i.start_date for i in result.items] == [date(2027, 4, 12)]


def test_a_calendar_line_naming_a_trip_asks_nothing_but_a_notice_about_it_may() -> None:
    line = "Wednesday, April 14th - Grade 2 Farm Field Trip"
    trip = "Grade 2 Farm Field Trip"
    assert asks_family(ItemCategory.EVENT, trip, line, line, calendar_line=True) == (False, None)
    notice = "The Grade 2 Farm Field Trip leaves at 9. Forms are in backpacks."
    assert asks_family(ItemCategory.EVENT, "Grade 2 Farm Field Trip", notice, notice)[0]
    conferences = "Thursday, April 15th - Parent/Teacher Conferences"
    title = "Parent/Teacher Conferences"
    assert not asks_family(
        ItemCategory.MEETING, title, conferences, conferences, calendar_line=True
    )[0]


def test_list_entries_for_school_reopening_or_a_season_starting_are_no_items() -> None:
    result = _TypedExtractor(
        [
            ("Dates", True),
            ("• March 20th - First Day of Spring!", False),
            ("• March 29th - Classes resume", False),
            ("• March 30th - Back to School Bingo Night", False),
        ]
    ).extract(b"", MediaType.PDF, CONTEXT)
    assert [i.start_date for i in result.items] == [date(2027, 3, 30)]


class _LinesExtractor(OfflineExtractor):
    """The offline pipeline over lines of body text set one under the other."""

    def __init__(self, heading: str, lines: list[str]) -> None:
        super().__init__()
        self.heading, self.body = heading, lines

    def _lines(self, document: bytes, media_type: MediaType, notes: list[str]) -> list[TextLine]:
        lines = [TextLine(self.heading, 14.0, True, 1, 0.0, 14.0, 40.0, region="head")]
        for number, text in enumerate(self.body):
            top = 30.0 + 12.0 * number
            lines.append(TextLine(text, 10.0, False, 1, top, top + 10.0, 40.0, region="body"))
        return lines


def test_a_printed_calendar_without_separators_or_stops_gives_one_item_a_line() -> None:
    extractor = _LinesExtractor(
        "Year at a Glance", ["Apr. 2 Family Bingo", "Apr. 12-16 Spring Break", "May 3 Band Concert"]
    )
    result = extractor.extract(b"", MediaType.PDF, CONTEXT)
    assert [(i.title, i.start_date, i.end_date) for i in result.items] == [
        ("Family Bingo", date(2027, 4, 2), None),
        ("Spring Break", date(2027, 4, 12), date(2027, 4, 16)),
        ("Band Concert", date(2027, 5, 3), None),
    ]


def test_an_ordinal_with_a_shortened_grade_names_that_grade() -> None:
    from shared.extraction.audience import grades_in

    assert grades_in("Third Gr. Spelling Bee") == [3]
    assert grades_in("4th gr. swim day") == [4]


def test_a_cut_off_in_a_dated_entrys_details_is_an_item_of_its_own() -> None:
    result = _TypedExtractor(
        [
            ("Coming Up", True),
            (
                "• April 20th - Trip to the Aquarium: Forms went home today. Please return the "
                "signed permission form by Friday, April 9th. Lunch is provided.",
                False,
            ),
            ("• April 22nd - Choir practice: practices run until Friday, April 30th.", False),
        ]
    ).extract(b"", MediaType.PDF, CONTEXT)
    dates = [(i.start_date, i.category) for i in result.items]
    assert (date(2027, 4, 9), ItemCategory.DEADLINE) in dates
    assert (date(2027, 4, 20), ItemCategory.EVENT) in dates
    assert len(dates) == 3


def test_a_name_on_its_own_line_in_body_type_titles_the_relative_day_under_it() -> None:
    result = _TypedExtractor(
        [
            ("Parent Club Newsletter", True),
            ("Family Movie Night", False),
            ("This Friday! Bring a blanket and a flashlight.", False),
        ]
    ).extract(b"", MediaType.PDF, CONTEXT)
    assert [(i.title, i.start_date) for i in result.items] == [
        ("Family Movie Night", date(2027, 3, 12))
    ]


def test_one_thing_on_each_day_of_a_list_of_dates_is_one_item_a_day() -> None:
    items = _items(
        ("Late Start Mornings", True),
        ("Late start mornings this spring fall on 4/6/27, 4/20/27, 5/4/27 and 5/18/27.", False),
    )
    assert [(when, title) for when, title, _ in items] == [
        (date(2027, 4, day), "Late Start Mornings") for day in (6, 20)
    ] + [(date(2027, 5, day), "Late Start Mornings") for day in (4, 18)]


def test_a_weekday_span_before_a_date_range_leads_the_entry() -> None:
    [span] = find_dates("Monday-Friday, April 12-16 - Spring Break", FRIDAY)
    assert (span.start, span.value, span.end_value) == (0, date(2027, 4, 12), date(2027, 4, 16))


def test_a_notice_name_holds_for_each_date_of_its_sentence() -> None:
    items = _items(
        ("Notes", True),
        ("Choir Showcase: Tuesday, 4/6 and Thursday, 4/8. Tickets are free.", False),
    )
    assert [(when, title) for when, title, _ in items] == [
        (date(2027, 4, 6), "Choir Showcase"),
        (date(2027, 4, 8), "Choir Showcase"),
    ]


def test_please_sign_names_an_undated_request() -> None:
    items = _items(
        ("Notes", True),
        ("Please sign and return the blue field guide folder.", False),
    )
    assert [title for _, title, _ in items] == ["Sign and return the blue field guide folder"]


def test_two_days_of_one_month_not_running_are_two_dates() -> None:
    found = find_dates("Hearing checks: May 11th and 13th", FRIDAY)
    assert [(m.value, m.end_value) for m in found] == [
        (date(2027, 5, 11), None),
        (date(2027, 5, 13), None),
    ]


def test_each_groups_dates_in_one_line_are_that_groups_item() -> None:
    items = _items(
        ("Notes", True),
        ("Swim Tests: Grades 1 & 2: April 6th and 7th, Grades 3 & 4: April 13th and 14th", False),
    )
    assert [(when, title) for when, title, _ in items] == [
        (date(2027, 4, 6), "Swim Tests"),
        (date(2027, 4, 13), "Swim Tests, Grades 3 & 4"),
    ]


def test_todays_menu_is_no_item() -> None:
    items = _items(
        ("Daily Notes", True),
        ("Today's Lunch: Chicken wraps and fruit cups, tomorrow rice bowls.", False),
    )
    assert items == []


def test_an_entry_name_before_a_colon_and_its_sentence_is_the_title() -> None:
    from shared.extraction.entry_parts import lead_phrase

    assert lead_phrase("Kite Day: All classes are invited to fly kites at noon") == "Kite Day"
    assert lead_phrase("Art Walk: 6:30 pm") == "Art Walk"
