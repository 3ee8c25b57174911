"""Forms that hand-kept school pages use: a month name mistyped, a weekday set off from its
date by a dash, a weekday on a line of its own, a calendar entry's title wrapped onto the next
line, an hour range with no am or pm, a report "issued" on a day. Every text here is written
for these tests (the issue date, 2027-03-05, is a Friday)."""

from __future__ import annotations

from datetime import date, time

import pytest

from shared.adapters.extractor_offline import OfflineExtractor
from shared.extraction.audience import grades_in
from shared.extraction.dates import find_dates, leading_date_end
from shared.extraction.entries import regroup_entries
from shared.extraction.entry_parts import caption_name
from shared.extraction.layout import build_blocks
from shared.extraction.relative_days import relative_weekday_dates
from shared.extraction.schema import ExtractionContext
from shared.extraction.sniff import MediaType
from shared.extraction.times import find_times
from shared.extraction.titles import tidy_title
from shared.models import PRE_K, ItemCategory
from shared.ports import TextLine
from tests.unit.test_document_entries import _INTRO, _lines
from tests.unit.test_extraction_rules import _items, _TypedExtractor

ISSUED = date(2027, 3, 5)
CONTEXT = ExtractionContext(
    issued_on=ISSUED,
    issued_on_is_known=True,
    timezone="America/Vancouver",
    grades_offered=[0, 1, 2, 3, 4, 5, 6, 7],
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thursday, Novmeber 4", date(2027, 11, 4)),  # two letters swapped
        ("Februaary 26 - Groundhog walk", date(2027, 2, 26)),  # one letter too many
        ("Septembr 14", date(2027, 9, 14)),  # one letter missing
        ("Tue. - 3/9", date(2027, 3, 9)),
        ("Wed - March 10 - Choir", date(2027, 3, 10)),
    ],
)
def test_a_slip_of_the_keyboard_still_dates_the_line(text: str, expected: date) -> None:
    assert [m.value for m in find_dates(text, ISSUED)] == [expected]


@pytest.mark.parametrize("text", ["Marzo 11", "Octavia 3", "Septuagint 4", "Decimal 5"])
def test_words_two_edits_from_a_month_are_not_months(text: str) -> None:
    assert find_dates(text, ISSUED) == []


def test_a_weekday_over_its_date_and_a_wrapped_title_join_their_entry() -> None:
    blocks = build_blocks(
        [
            *_lines(*_INTRO),
            *_lines(
                ("Thursday", 0.0),
                ("3/11 - Kite flying day", 16.5),
                ("3/15 - Spring", 33.0),
                ("Break", 49.5),
                ("3/26 - Classes resume", 66.0),
            ),
        ]
    )[1:]
    regrouped = regroup_entries(blocks, lambda text: leading_date_end(text, ISSUED))
    assert [block.text for block in regrouped] == [
        "Thursday 3/11 - Kite flying day",
        "3/15 - Spring Break",
        "3/26 - Classes resume",
    ]


def test_a_short_line_under_a_dated_line_followed_by_prose_stays_apart() -> None:
    blocks = build_blocks(
        [
            *_lines(*_INTRO),
            *_lines(
                ("3/15 - Spring", 0.0),
                ("Break", 16.5),
                ("Have a restful holiday, and we will see you again soon.", 33.0),
            ),
        ]
    )[1:]
    regrouped = regroup_entries(blocks, lambda text: leading_date_end(text, ISSUED))
    assert regrouped[0].text == "3/15 - Spring"


def test_an_unmarked_hour_range_is_read_as_after_school_hours() -> None:
    assert find_times("Family reading night 6:30-8:00") == (time(18, 30), time(20, 0))
    assert find_times("Assembly 9:15-10:00") == (time(9, 15), time(10, 0))


def test_an_article_after_is_is_not_kept_as_a_letter() -> None:
    items = _items(("Friday, March 12 is an early dismissal day for all grades.", False))
    assert [title for _, title, _ in items] == ["Early dismissal day for all grades"]


def test_a_preposition_whose_date_was_taken_does_not_lead_the_title() -> None:
    items = _items(
        ("On Tuesday, March 16 the first Garden Club meeting will be held in Room 4.", False)
    )
    assert [(day, title) for day, title, _ in items] == [
        (date(2027, 3, 16), "First Garden Club meeting")
    ]


def test_a_thing_issued_on_a_day_is_an_item_but_the_issue_itself_is_not() -> None:
    items = _items(("3/19 - Progress reports issued", False), ("Posted March 5, 2027", False))
    assert [(day, title) for day, title, _ in items] == [
        (date(2027, 3, 19), "Progress reports issued")
    ]


def test_bullets_under_a_date_line_are_that_days_entries_however_long() -> None:
    items = _items(
        ("3/9", False),
        (
            "• Fire drill at 10:00 am. Pick-up and drop-off pause during the drill, so please "
            "plan around it and talk with your child about staying calm and listening.",
            False,
        ),
        ("• Reading logs due", False),
        ("See you soon and thanks for reading", False),
    )
    assert [(day, title) for day, title, _ in items] == [
        (date(2027, 3, 9), "Fire drill"),
        (date(2027, 3, 9), "Reading logs due"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("There is no school on Monday.", [date(2027, 3, 8)]),
        ("The class spelling bee will be on Thursday as well.", [date(2027, 3, 11)]),
        ("We will send the photos home on Monday.", []),
        ("Everyone had a great time on Tuesday.", []),
        ("A colour a day: red, blue, and green on Friday.", []),
    ],
)
def test_a_weekday_closing_a_clause_dates_its_thing_unless_the_writer_speaks_of_itself(
    sentence: str, expected: list[date]
) -> None:
    assert [m.value for m in relative_weekday_dates(sentence, ISSUED)] == expected


def test_one_sentence_with_two_groups_on_their_weekdays_gives_two_items() -> None:
    items = _items(
        (
            "The second-graders will have a museum visit on Tuesday, and the sixth graders "
            "will have their science quiz on Thursday.",
            False,
        )
    )
    extracted = _TypedExtractor(
        [("The fifth-grade students will hold a bake sale on Tuesday.", False)]
    ).extract(b"", MediaType.PDF, CONTEXT)
    assert [(day, title) for day, title, _ in items] == [
        (date(2027, 3, 9), "Museum visit"),
        (date(2027, 3, 11), "Science quiz"),
    ]
    assert [(i.title, i.grades) for i in extracted.items] == [("Bake sale", [5])]


def test_the_days_of_a_named_week_are_that_weeks_days() -> None:
    items = _items(
        ("March 15-19 is also our Kindness Week. Here is each day's theme:", False),
        ("Monday - wear blue to show you care", False),
        ("Friday - bring a note for a friend so that everyone gets one", False),
        ("Tomorrow the library is closed.", False),
    )
    assert [(day, title) for day, title, _ in items] == [
        (date(2027, 3, 15), "Kindness Week"),
        (date(2027, 3, 15), "Wear blue"),
        (date(2027, 3, 19), "Bring a note for a friend"),
        (date(2027, 3, 6), "Library"),
    ]


def test_a_star_set_hard_against_the_text_is_a_bullet() -> None:
    items = _items(
        ("*Art club photos are on the board by the office.", False),
        ("*REMINDER: There is no school on Monday.", False),
    )
    assert [(day, title, category) for day, title, category in items] == [
        (date(2027, 3, 8), "No school", ItemCategory.CLOSURE)
    ]


def test_a_relative_clause_names_the_thing_before_it_and_a_pointing_subject_names_none() -> None:
    extracted = _TypedExtractor(
        [
            (
                "The Garden Club invites 3rd-5th grade students to the Festival of Seeds, which "
                "has been moved to Thursday, March 18.",
                False,
            ),
            ("Those staying late today for band should wait in Room 2.", False),
        ]
    ).extract(b"", MediaType.PDF, CONTEXT)
    assert [(i.start_date, i.title, i.grades) for i in extracted.items] == [
        (date(2027, 3, 18), "Festival of Seeds", [3, 4, 5])
    ]


def test_a_cut_off_asked_after_a_thank_you_is_kept() -> None:
    items = _items(
        (
            "Thank you to all who gave to the mitten tree. Please bring any last mittens in by "
            "Wednesday, March 10. Thanks again!",
            False,
        )
    )
    assert [day for day, _, _ in items] == [date(2027, 3, 10)]


def test_a_named_class_on_a_trip_is_named_by_the_trip_and_a_purpose_does_not_hide_its_day() -> None:
    items = _items(
        ("Mr. Okafor's 6th grade science class will be on a field trip on Tuesday.", False),
        ("There will be a Crazy Hat Day on Thursday to support the library.", False),
    )
    assert [(day, title) for day, title, _ in items] == [
        (date(2027, 3, 9), "Field trip"),
        (date(2027, 3, 11), "Crazy Hat Day"),
    ]


def test_an_act_after_a_modal_names_a_relative_days_thing() -> None:
    items = _items(
        (
            "Your child may keep the reader for a week and must return the reader the following "
            "Friday.",
            False,
        )
    )
    assert [(day, title) for day, title, _ in items] == [(date(2027, 3, 12), "Return the reader")]


def test_what_is_learnt_on_a_day_is_said_in_passing() -> None:
    assert (
        relative_weekday_dates("Families will find out on Monday which room it is.", ISSUED) == []
    )


def test_an_ordinal_day_alone_is_a_day_of_the_month_in_view() -> None:
    items = _items(
        (
            "A busy time in April! The big event of the month is the Science Fair on the 22nd.",
            False,
        ),
        ("Our spring concert is on the 28th at 6 pm.", False),
        ("The 5th grade choir sings at the 100th day party on Friday, March 12.", False),
    )
    assert [(day, title) for day, title, _ in items] == [
        (date(2027, 4, 22), "Science Fair"),
        (date(2027, 4, 28), "Spring concert"),
        (date(2027, 3, 12), "100th day party"),
    ]


def test_a_day_of_a_month_reads_with_of_between() -> None:
    assert [m.value for m in find_dates("on the 20th of May", ISSUED)] == [date(2027, 5, 20)]


def test_a_title_does_not_end_on_the_preposition_its_date_left() -> None:
    assert tidy_title("Family breakfast on") == "Family breakfast"
    assert tidy_title("Sign-up for the") == "Sign-up"


def test_a_bare_hour_takes_the_half_of_day_of_a_marked_hour_beside_it() -> None:
    assert find_times("Planning at about 7:45 (after the board meeting at 6:30 pm)") == (
        time(19, 45),
        None,
    )
    assert find_times("Drop off at 7:45, pick up at 3:30 pm") == (time(7, 45), None)


def test_a_dated_list_line_names_its_thing_after_a_time_without_a_dash() -> None:
    items = _items(
        ("March 9 11:40 a.m. Early Dismissal for staff training", False),
        ("March 10 6:30-8:00 PM Family Games Night", False),
    )
    assert [(day, title) for day, title, _ in items] == [
        (date(2027, 3, 9), "Early Dismissal for staff training"),
        (date(2027, 3, 10), "Family Games Night"),
    ]


def test_one_day_of_an_umbrella_event_keeps_its_own_name() -> None:
    items = _items(
        ("March 15 Kindness Week - Crazy Sock Day", False),
        ("March 16 Book Fair - Library", False),
    )
    assert [title for _, title, _ in items] == ["Kindness Week - Crazy Sock Day", "Book Fair"]


def test_a_day_that_is_something_is_named_by_what_it_is() -> None:
    items = _items(("• Monday, March 8 is an early dismissal (11:40am) for all grades", False))
    assert [(day, title) for day, title, _ in items] == [
        (date(2027, 3, 8), "Early dismissal for all grades")
    ]


def test_all_grades_including_preschool_is_everyone() -> None:
    assert grades_in("for all grades including preschool") == "all"
    assert grades_in("preschool story time") == [PRE_K]


def test_weekday_led_list_lines_of_next_week_are_its_days() -> None:
    items = _items(
        ("Kindness Week is next week! Here are the days:", False),
        ("-Monday – Buddy Day – sit with someone new at lunch.", False),
        ("-Tuesday – Blue and Gold Day to cheer on our teams!", False),
    )
    assert [(day, title) for day, title, _ in items] == [
        (date(2027, 3, 8), "Buddy Day"),
        (date(2027, 3, 9), "Blue and Gold Day"),
    ]


def test_what_a_named_body_is_celebrating_is_the_thing() -> None:
    items = _items(
        ("The Hillcrest Library Team is celebrating Poetry Week during 3/15-3/19.", False)
    )
    assert [(day, title) for day, title, _ in items] == [(date(2027, 3, 15), "Poetry Week")]


def test_the_days_of_the_week_after_an_undated_break_follow_it() -> None:
    # Issued on a Friday: the break is the week after it, so its days are the week after that.
    items = _items(
        ("Our Kite Club plans a Colour Week for the week after spring break. The days:", False),
        ("Monday- Green", False),
        ("Wednesday- Orange", False),
    )
    assert [(day, title) for day, title, _ in items] == [
        (date(2027, 3, 15), "Colour Week: Green"),
        (date(2027, 3, 17), "Colour Week: Orange"),
    ]


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        (
            "Bus forms must be turned in before the close of school on Wednesday, March 10.",
            "Bus forms due",
        ),
        (
            "Loaner tablets must be returned by the end of the day on Friday, March 12.",
            "Loaner tablets due",
        ),
        ("Yearbook photos are due before dismissal on Monday, March 15.", "Yearbook photos due"),
    ],
)
def test_a_cut_off_at_a_moment_of_the_school_day_is_a_deadline(sentence: str, due: str) -> None:
    items = _items((sentence, False))
    assert [title for _, title, _ in items] == [due]
    assert [category for _, _, category in items] == [ItemCategory.DEADLINE]


def test_a_named_weeks_theme_days_carry_its_name_and_its_asks_read_alone() -> None:
    items = _items(
        ("March 22-26 is our Reading Week.", False),
        ("• Monday - Storybook Characters", False),
        ("• Tuesday - bring a book to swap", False),
    )
    assert [(day, title) for day, title, _ in items][-2:] == [
        (date(2027, 3, 22), "Reading Week: Storybook Characters"),
        (date(2027, 3, 23), "Bring a book to swap"),
    ]


class _LinesExtractor(OfflineExtractor):
    """The offline pipeline over lines set as a web page saved as a PDF sets them."""

    def __init__(self, lines: list[TextLine]) -> None:
        super().__init__()
        self.given = lines

    def _lines(self, document: bytes, media_type: MediaType, notes: list[str]) -> list[TextLine]:
        return self.given


def _items_of_lines(*rows: str) -> list[tuple[date | None, str]]:
    lines = _lines(*_INTRO, *((text, 16.5 * n) for n, text in enumerate(rows)))
    result = _LinesExtractor(lines).extract(b"", MediaType.PDF, CONTEXT)
    return [(item.start_date, item.title) for item in result.items]


def test_a_daily_bulletin_means_its_own_day_by_its_weekday() -> None:
    items = _items_of_lines(
        "Friday, March 5th, 2027",
        "Birthdays: Noor (today!) and Mateo (March 9th)",
        "Today's Meetings",
        "None",
        "1. Friday - 7th grade spelling bee, 1:00 pm.",
        "2. Choir sings at next Friday's assembly.",
    )
    assert items == [(ISSUED, "7th grade spelling bee"), (date(2027, 3, 12), "Choir sings")]


def test_a_date_line_over_a_calendars_entries_still_opens_them() -> None:
    # Not the issue's own date: a calendar's day, whose lines are its entries.
    items = _items_of_lines("Friday, March 12th", "Art show opens", "Book swap")
    assert items == [(date(2027, 3, 12), "Art show opens"), (date(2027, 3, 12), "Book swap")]


def test_a_masthead_date_beside_the_issues_name_and_a_contact_is_no_item() -> None:
    items = _items(
        ("Maple Grove PTA", True),
        ("Spring Letter to Families — Friday, March 5, 2027 | office@maple.example.org", False),
        ("Bake Sale — Thursday, March 11", True),
        ("Bring a treat to share at lunch.", False),
    )
    assert [(day, title) for day, title, _ in items] == [(date(2027, 3, 11), "Bake Sale")]


def test_helpers_asked_for_under_a_dated_entry_are_a_volunteer_item_for_that_day() -> None:
    items = _items(
        ("Room 4 News", True),
        ("Harvest Supper", True),
        (
            "Saturday, March 13 — the supper starts at 6:00 pm in the gym. We need a "
            "dish-washing crew that evening from 5:00 to 8:00 pm.",
            False,
        ),
    )
    supper = date(2027, 3, 13)
    assert items == [
        (supper, "Harvest Supper", ItemCategory.EVENT),
        (supper, "Harvest Supper dish-washing crew needed", ItemCategory.VOLUNTEER),
    ]


@pytest.mark.parametrize("days", ["all three days", "every day of the swap"])
def test_helpers_for_all_the_days_of_a_dated_thing_are_asked_for_it(days: str) -> None:
    items = _items(
        ("Room 4 News", True),
        ("Spring Book Swap — March 9 to 11", True),
        (
            "Families can trade books in the library. We need ticket volunteers for the "
            f"lunch shift {days}.",
            False,
        ),
    )
    assert (
        date(2027, 3, 9),
        "Spring Book Swap ticket volunteers needed",
        ItemCategory.VOLUNTEER,
    ) in items


@pytest.mark.parametrize(
    ("heading", "sentence", "title"),
    [
        # A paraphrase sharing only "day" does not rename the notice.
        (
            "Pro-D Day – No School",
            "Friday, March 12 is a professional development day. There is no school.",
            "Pro-D Day - No School",
        ),
        # A heading that names the break is the closure's name.
        (
            "Spring Long Weekend – School Closed",
            "There is no school from Friday, March 26 to Monday, March 29 for Good Friday.",
            "Spring Long Weekend - School Closed",
        ),
        # A bare "No School" heading: the sentence's reason names the day better.
        (
            "No School",
            "There is no school on Friday, March 12 for Staff Development.",
            "No school - Staff Development",
        ),
        # A subject that names the heading's thing more closely still wins.
        (
            "Science Fair",
            "The Grade 5 Science Fair opens on Friday, March 12 in the gym.",
            "Grade 5 Science Fair",
        ),
    ],
)
def test_a_notices_heading_names_it_unless_its_sentence_names_it_more_closely(
    heading: str, sentence: str, title: str
) -> None:
    items = _items(("Room 4 News", True), (heading, True), (sentence, False))
    assert [t for _, t, _ in items] == [title]


def test_a_class_letters_own_dates_are_its_grades_and_the_schools_days_are_everyones() -> None:
    letter = [
        ("Maple Grove School - Grade 4 Class News", True),
        ("Monday, March 8 - Science museum trip", False),
        ("Tuesday, March 9 - No school, staff development", False),
        ("Wednesday, March 10 - Field Day", False),
        ("Friday, March 12 - Last day of classes before spring break", False),
    ]
    result = _TypedExtractor(letter).extract(b"", MediaType.PDF, CONTEXT)
    assert [(item.title, item.grades) for item in result.items] == [
        ("Science museum trip", [4]),
        ("No school", "all"),
        ("Field Day", "all"),
        ("Last day of classes before spring break", "all"),
    ]


def test_a_calendar_lines_spaced_slash_parts_its_things_but_not_a_closures_meaning() -> None:
    items = _items(
        ("Upcoming Dates", True),
        ("Friday, March 12 - Last day of term / Class picnic", False),
        ("Monday, March 15 - Staff Day / No Classes", False),
        ("Tuesday, March 16 - Art Night / Noche de Arte", False),
    )
    assert [(day, title) for day, title, _ in items] == [
        (date(2027, 3, 12), "Last day of term"),
        (date(2027, 3, 12), "Class picnic"),
        (date(2027, 3, 15), "Staff Day / No Classes"),
        (date(2027, 3, 16), "Art Night / Noche de Arte"),
    ]


def test_days_listed_in_a_sentence_each_carry_the_thing_named_after_with() -> None:
    assert [m.value.day for m in find_dates("Swim meets on March 9, 16 and 23rd.", ISSUED)] == [
        9,
        16,
        23,
    ]
    items = _items(
        ("A Note from the Principal", True),
        (
            "Spring is busy. With report card conferences on March 9, 11 and 18th, the term "
            "ends quickly. Each of those days is a 12:30 dismissal day. Please call the office "
            "to book a time.",
            False,
        ),
    )
    days = [date(2027, 3, 9), date(2027, 3, 11), date(2027, 3, 18)]
    assert [(day, title) for day, title, _ in items if "conferences" in title.lower()] == [
        (day, "Report card conferences") for day in days
    ]
    assert [(day, category) for day, title, category in items if "dismissal" in title] == [
        (day, ItemCategory.CLOSURE) for day in days
    ]


def test_a_class_heading_to_a_place_is_a_trip_the_following_weekday_after_the_last_day() -> None:
    items = _items(
        ("Room 9 News", True),
        ("On Wednesday we will be heading to the Maritime Museum! Pack a lunch.", False),
        ("On Friday we will be having our Poetry Cafe for families.", False),
        ("The following Thursday we are going to Cedar Lake for the day.", False),
        ("We are going to need more glue sticks.", False),
    )
    assert [(day, title) for day, title, _ in items] == [
        (date(2027, 3, 10), "Trip to the Maritime Museum"),
        (date(2027, 3, 12), "Poetry Cafe"),
        (date(2027, 3, 18), "Trip to Cedar Lake"),
    ]


def test_two_named_things_joined_by_and_on_a_calendar_line_are_two_items() -> None:
    items = _items(
        ("Upcoming Dates", True),
        ("Thursday, March 11 - Grade 5 Graduation and Family Picnic", False),
        ("Friday, March 12 - PAC meeting and holiday potluck", False),
        ("Monday, March 15 - Pizza and Movie Night", False),
    )
    assert [(day, title) for day, title, _ in items] == [
        (date(2027, 3, 11), "Grade 5 Graduation"),
        (date(2027, 3, 11), "Family Picnic"),
        (date(2027, 3, 12), "PAC meeting and holiday potluck"),
        (date(2027, 3, 15), "Pizza and Movie Night"),
    ]


def test_a_letters_that_clause_a_condition_first_and_a_name_announced_before_its_days() -> None:
    items = _items(
        ("A Note from the Principal", True),
        (
            "Then at the end of the month, please remember that Friday, March 26 is a "
            "staff development day, so there is no school. If you have a child born in 2022, "
            "Kindergarten registration for September 2027 opens on Monday, March 29. "
            "Drum Circle is back! Wednesday mornings at 8:00 in the gym, starting March 10.",
            False,
        ),
    )
    assert [(day, title) for day, title, _ in items] == [
        (date(2027, 3, 26), "Staff development day"),
        (date(2027, 3, 29), "Kindergarten registration for September 2027"),
        (date(2027, 3, 10), "Drum Circle"),
    ]


def test_a_calendars_lines_with_bracketed_weekdays_under_a_month_label_are_its_entries() -> None:
    items = _items_of_lines(
        "March 2027",
        "Mar 10 (Wed) Lantern Making",
        "Mar 11 (Thurs) Science Fair (5:30-7:00pm)",
        "Mar 12 (Fri) Family Dance/ Pizza Night (6-8pm)",
        "Mar 15 (Mon) PAC Meeting (6:00pm), Library + Meet the Staff (5-6pm)",
        "Mar 16 (Tue) Hot lunch forms + $10 due",
    )
    assert items == [
        (date(2027, 3, 10), "Lantern Making"),
        (date(2027, 3, 11), "Science Fair"),
        (date(2027, 3, 12), "Family Dance/ Pizza Night"),
        (date(2027, 3, 15), "PAC Meeting"),
        (date(2027, 3, 15), "Meet the Staff"),
        (date(2027, 3, 16), "Hot lunch forms + $10 due"),
    ]


def test_a_daily_lists_label_over_none_is_no_item_and_an_entrys_early_dismissal_is_one() -> None:
    items = _items_of_lines(
        "Friday, March 5th, 2027",
        "Clubs Meeting Today",
        "None",
        "1. Friday - Grade 7 awards assembly 9:00 - 10:30 in the gym. 11:45 dismissal.",
    )
    assert items == [(ISSUED, "Grade 7 awards assembly"), (ISSUED, "Early dismissal")]


def test_days_named_by_weekday_are_what_they_are_said_to_be() -> None:
    items = _items(
        ("Announcements", True),
        (
            "Monday, March 8 is a pupil-free day. Tuesday, Wednesday and Thursday (Mar. 9, 10, "
            "11) are Minimum Days to allow time for conferences.",
            False,
        ),
    )
    assert items == [
        (date(2027, 3, 8), "Pupil-free day", ItemCategory.CLOSURE),
        (date(2027, 3, 9), "Minimum Days", ItemCategory.CLOSURE),
    ]


def test_a_date_line_over_a_paragraph_that_names_its_thing_is_that_days_entry() -> None:
    items = _items(
        ("Dates to Remember", True),
        ("Monday, March 8", True),
        ("Staff Day - no school for students. The daycare on site is open as usual.", False),
        ("Friday, March 12", True),
        ("Spring concert, 9:00 am in the gym. The choir and the band play for families.", False),
    )
    assert [(day, title) for day, title, _ in items] == [
        (date(2027, 3, 8), "Staff Day"),
        (date(2027, 3, 12), "Spring concert"),
    ]


def test_a_masthead_with_its_street_address_and_phone_is_no_item() -> None:
    items = _items(
        ("Maple Grove Elementary", True),
        ("Maple Notes · Weekly Newsletter · Friday, March 5, 2027 · 120 Birch Road", False),
        ("Bake Sale — Thursday, March 11", True),
        ("Call 555-0143 or visit maple.example.org to help.", False),
    )
    assert [(day, title) for day, title, _ in items] == [(date(2027, 3, 11), "Bake Sale")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Report cards go home Thursday.", [(date(2027, 3, 11), "Report cards")]),
        (
            "Please return the library survey by Friday.",
            [(date(2027, 3, 12), "Library survey due")],
        ),
        ("There is no school Monday in honour of the holiday.", [(date(2027, 3, 8), "No school")]),
        (
            "Don't forget that Wednesday is a late start day.",
            [(date(2027, 3, 10), "Late start day")],
        ),
        (
            "Reminder: Early dismissal this Friday at 12:30.",
            [(date(2027, 3, 12), "Early dismissal")],
        ),
        # A habit, the past, a timetable's span or list, a holiday's name: no day of a thing.
        ("The library is open every Tuesday after school.", []),
        ("Last Friday the choir sang for the seniors.", []),
        ("The office is open Monday to Friday, 8 to 4.", []),
        ("We have gym on Wednesday, Thursday and Friday.", []),
        ("Hope to see you Friday night!", []),
    ],
)
def test_a_weekday_named_without_on_dates_its_clause(
    sentence: str, expected: list[tuple[date, str]]
) -> None:
    items = _items(("School News", True), (sentence, False))
    assert [(day, title) for day, title, _ in items] == expected


def test_a_closures_dashed_reason_stays_in_its_title() -> None:
    items = _items_of_lines(
        "Upcoming Events", "3/9 - Spring pictures", "3/12 No School - Teacher In-Service"
    )
    assert items == [
        (date(2027, 3, 9), "Spring pictures"),
        (date(2027, 3, 12), "No School - Teacher In-Service"),
    ]


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (
            ["This Friday, March 12, is our Spring Carnival from 5-8 pm. Bring a friend!"],
            [(date(2027, 3, 12), "Spring Carnival", ItemCategory.EVENT)],
        ),
        (
            [
                "Next week is Spirit Week! Monday is Pajama Day, Tuesday is Hat Day and Friday "
                "is Jersey Day."
            ],
            [
                (date(2027, 3, 8), "Pajama Day", ItemCategory.EVENT),
                (date(2027, 3, 9), "Hat Day", ItemCategory.EVENT),
                (date(2027, 3, 12), "Jersey Day", ItemCategory.EVENT),
            ],
        ),
        (
            ["PTA meetings this year: March 18, April 15 and May 13, all at 7 pm."],
            [
                (day, "PTA meetings", ItemCategory.MEETING)
                for day in (date(2027, 3, 18), date(2027, 4, 15), date(2027, 5, 13))
            ],
        ),
        (
            # One closure a day, however it is worded twice.
            [
                "Friday, March 12 - Staff Day, no classes.",
                "Remember that Friday, March 12 is a professional development day.",
            ],
            [(date(2027, 3, 12), "Staff Day", ItemCategory.CLOSURE)],
        ),
    ],
)
def test_what_a_day_is_said_to_be_in_prose(
    sentences: list[str], expected: list[tuple[date, str, ItemCategory]]
) -> None:
    assert _items(("School News", True), *((s, False) for s in sentences)) == expected


@pytest.mark.parametrize(
    "notice",
    [
        [("PTO Notes", True), ("Fall Fest - Fri. March 12", False)],
        [("Fall Fest - Friday, March 12", True)],
    ],
)
def test_an_undated_call_for_volunteers_under_one_dated_thing_is_for_it(
    notice: list[tuple[str, bool]],
) -> None:
    items = _items(
        *notice, ("A free event with face painting and games. Volunteers are still needed.", False)
    )
    assert items == [
        (date(2027, 3, 12), "Fall Fest", ItemCategory.EVENT),
        (date(2027, 3, 12), "Fall Fest volunteers needed", ItemCategory.VOLUNTEER),
    ]


def test_a_weekday_on_a_line_of_its_own_dates_the_entries_under_it() -> None:
    items = _items_of_lines(
        "Next Week at School",
        "Monday",
        "Senior class meeting during 3rd period",
        "Tuesday",
        "Spring sports photos",
        "Boys volleyball vs. Central, 4 pm",
        "Thursday",
        "Band concert, 7 pm in the auditorium",
    )
    assert items == [
        (date(2027, 3, 8), "Senior class meeting during 3rd period"),
        (date(2027, 3, 9), "Spring sports photos"),
        (date(2027, 3, 9), "Boys volleyball vs. Central"),
        (date(2027, 3, 11), "Band concert"),
    ]


def test_a_calendar_change_dates_the_thing_by_its_new_day() -> None:
    items = _items(
        ("Calendar Changes", True),
        ("Friday, March 12 will now be a full day of school.", False),
        ("The early dismissal on March 26 has been moved to March 31.", False),
    )
    assert items == [
        (date(2027, 3, 12), "Full day of school", ItemCategory.EVENT),
        (date(2027, 3, 31), "Early dismissal", ItemCategory.CLOSURE),
    ]


def test_a_lead_in_before_a_colon_is_no_part_of_the_name() -> None:
    items = _items(
        ("From the Principal", True),
        ("A few reminders: our Family Math Night is this Thursday from 6-7:30.", False),
    )
    assert items == [(date(2027, 3, 11), "Family Math Night", ItemCategory.EVENT)]


def test_a_piped_text_table_is_read_as_rows_named_by_the_line_above_it() -> None:
    items = _items_of_lines(
        "Maple Grove PTA",
        "Spring Meeting Dates",
        "| DATE | TIME | PLACE | DETAILS |",
        "| Thursday, March 11 | 6:30-7:30pm | Library | Budget vote |",
        "| Thursday, April 15 | 6:30-7:30pm | Zoom | |",
    )
    assert items == [(date(2027, 3, 11), "Budget vote"), (date(2027, 4, 15), "Spring Meeting")]


def test_a_tables_caption_names_its_rows_with_the_body_that_holds_them() -> None:
    assert caption_name("2025-2026 Meeting Dates", "Oak Grove School PTA") == "PTA Meeting"
    assert caption_name("Please read the notes below before signing up", "Oak Grove") == ""


def test_a_weekday_set_before_its_clause_dates_it() -> None:
    items = _items(
        ("This Week", True), ("For parents, on Tuesday, the Booster Club will meet.", False)
    )
    assert [(day, title) for day, title, _ in items] == [(date(2027, 3, 9), "Booster Club")]


def test_a_thing_moved_from_one_day_to_another_and_two_days_said_with_while() -> None:
    items = _items(
        ("Calendar Update", True),
        (
            "Spring conferences have been moved from March 10th and will now take place on "
            "March 17th. March 10th will now be a full day of school while March 17th will be "
            "an early dismissal day.",
            False,
        ),
    )
    assert items == [
        (date(2027, 3, 17), "Spring conferences", ItemCategory.MEETING),
        (date(2027, 3, 10), "Full day of school", ItemCategory.EVENT),
        (date(2027, 3, 17), "Early dismissal day", ItemCategory.CLOSURE),
    ]
