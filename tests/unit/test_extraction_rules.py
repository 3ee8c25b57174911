"""The newsletter rules: dates, times, audiences, activities, categories, actions, duplicates."""

from __future__ import annotations

from datetime import date, time

import pytest

from shared.adapters.extractor_offline import OfflineExtractor
from shared.extraction.audience import (
    activities_in,
    division_grades,
    division_legend,
    grades_in,
    grades_in_cell,
    within_school,
)
from shared.extraction.candidates import Candidate, content_words, fold_duplicates
from shared.extraction.dates import (
    find_dates,
    resolve_year,
    starts_with_date,
    weekly_days,
    weekly_rrule,
)
from shared.extraction.layout import TextLine, WordBox, build_blocks, header_columns, table_rows
from shared.extraction.ocr_layout import (
    _clean_ocr_word,
    _em,
    _mark_headings,
    _split_columns,
    _without_icons,
)
from shared.extraction.ocr_layout import _Word as _OcrWord
from shared.extraction.relative_days import relative_weekday_dates
from shared.extraction.rules import action_in, asks_family, category_of
from shared.extraction.schema import ExtractionContext
from shared.extraction.segments import is_dated_content, reads_as_english, sentences_of
from shared.extraction.sniff import MediaType
from shared.extraction.times import find_times
from shared.extraction.titles import tidy_title, with_due_phrase
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
    assert within_school(grades_in("Freshman orientation"), [6, 7, 8]) == [8]  # moving up
    assert within_school([10], [6, 7, 8]) is None


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
        ("Old socks for puppets: just send them in any day.", ItemAction.BRING),
        ("Please complete the online bus survey this week.", ItemAction.SIGN),
        ("Please fill out the allergy card for the nurse.", ItemAction.SIGN),
        ("The survey is complete; thank you.", None),
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


def test_two_sentences_of_one_notice_naming_it_alike_are_one_item() -> None:
    dated = _candidate("Bean Planting Morning", 1, order=(4, 0))
    timed = _candidate("Bean Planting Morning", 1, order=(4, 1), start_time=time(10, 0))
    (kept,) = fold_duplicates([dated, timed])
    assert kept.start_time == time(10, 0)
    # Two entries of a list say two things, even with one name (two sittings of a lunch).
    first = _candidate("Grandparents lunch", 2, order=(5, 0))
    second = _candidate("Grandparents lunch", 2, order=(6, 0), start_time=time(12, 0))
    assert len(fold_duplicates([first, second])) == 2


# --------------------------------------------------------------------------- generalisation rules

NOVEMBER_MEMO = date(2026, 11, 2)  # a Monday


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Tues. Nov. 3 — Picture retake day", date(2026, 11, 3), None),
        ("Thurs. Nov. 5th — practices begin", date(2026, 11, 5), None),
        ("Fri 11/6 — Teddy Bear Day", date(2026, 11, 6), None),
        ("Pro-D Day — Friday the 20th.", date(2026, 11, 20), None),
        ("Mon–Fri 25–29 Jan", date(2027, 1, 25), date(2027, 1, 29)),
        ("October 23-30: Book fair", date(2026, 10, 23), date(2026, 10, 30)),
        ("Dec. 7 to 11th", date(2026, 12, 7), date(2026, 12, 11)),
    ],
)
def test_abbreviated_ordinal_and_day_only_dates(text: str, start: date, end: date | None) -> None:
    (mention,) = find_dates(text, NOVEMBER_MEMO)
    assert (mention.value, mention.end_value) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "Div 1 Gr 7/8 (Mr. Aldana)",
        "Room 1/2 and Rm 3/4",
        "Lakeside School | lakeside.example.org 1/2",
    ],
)
def test_grade_pairs_rooms_and_page_numbers_are_not_dates(text: str) -> None:
    assert find_dates(text, NOVEMBER_MEMO) == []


def test_a_line_that_opens_with_a_date_and_a_dash_opens_an_entry() -> None:
    assert starts_with_date("Mon. Nov. 9, 8 a.m. — Conference booking opens", NOVEMBER_MEMO)
    assert starts_with_date("Nov. 9–13 — Scholastic Book Fair", NOVEMBER_MEMO)
    assert not starts_with_date("Friday, October 30, 6:00–8:00 pm in the gym.", NOVEMBER_MEMO)
    assert not starts_with_date("The Book Fair runs Nov. 9–13.", NOVEMBER_MEMO)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("3–7 p.m.", time(15, 0), time(19, 0)),
        ("12:05–12:35, in the music room", time(12, 5), time(12, 35)),
        ("8:30 a.m.–3 p.m. daily", time(8, 30), time(15, 0)),
        ("9am–noon", time(9, 0), time(12, 0)),
    ],
)
def test_bare_hour_ranges_and_lunchtime(text: str, start: time, end: time) -> None:
    assert find_times(text) == (start, end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("K/1 Teddy Bear Day", [0, 1]),
        ("our grade two and three classes", [2, 3]),
        ("third graders", [3]),
        ("Primary students", [0, 1, 2, 3]),
        ("Intermediate volleyball", [4, 5, 6, 7]),
        ("Intermediate (Gr 4–5) volleyball", [4, 5]),
        ("Incoming K families", [-1]),
        ("primary school teachers' day", None),
    ],
)
def test_more_ways_of_naming_grades(text: str, expected: object) -> None:
    assert grades_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cap and gown pick-up for grads", [12]),
        ("Seniors: last day to order yearbooks", [12]),
        ("Junior class car wash", [11]),
        ("Sophomore parents' night", [10]),
        ("Freshmen orientation in the gym", [9]),
        ("Grade 8 graduation ceremony", [8]),
        ("Kindergarten graduation picnic", [0]),
        ("Junior high open house", [6, 7, 8]),
        ("Senior staff will meet on Monday", None),
    ],
)
def test_a_high_schools_classes_by_name(text: str, expected: object) -> None:
    assert grades_in(text) == expected


def test_ocr_misread_ampersand_in_a_grade_cell() -> None:
    assert grades_in_cell("788") == [7, 8]
    assert grades_in_cell("7&8") == [7, 8]


def test_divisions_follow_the_documents_legend() -> None:
    legend = division_legend("Div 1 Gr 7/8 · Div 2 Gr 5/6 · Div 3 Gr 3/4 · Div 5 K")
    assert legend[3] == [3, 4]
    assert division_grades("Div 3 field trip", legend) == [3, 4]
    assert division_legend("Div 3 concert") == {}  # one mention is no legend


@pytest.mark.parametrize(
    ("title", "clause", "due", "expected"),
    [
        ("Remembrance Day assembly", "at 10:40 a.m. in the gym", False, ItemCategory.EVENT),
        ("Remembrance Day", "School is closed.", False, ItemCategory.CLOSURE),
        ("Book Fair helpers needed", "", False, ItemCategory.VOLUNTEER),
        # A book fair raises money for the library (the real newsletters' convention).
        ("Spring Book Fair", "", False, ItemCategory.FUNDRAISER),
        ("Kindergarten Orientation", "", False, ItemCategory.MEETING),
        ("Conference booking opens", "Conference booking opens.", False, ItemCategory.ANNOUNCEMENT),
        ("Carnival volunteers sign up", "Sign up by Fri.", True, ItemCategory.DEADLINE),
    ],
)
def test_categories_of_holiday_events_helpers_and_openings(
    title: str, clause: str, due: bool, expected: ItemCategory
) -> None:
    assert category_of(title, clause, due_date_cue=due, dated=True) == expected


def test_sentences_keep_abbreviated_dates_and_end_after_clock_times() -> None:
    assert sentences_of("Tues. Nov. 3 — Picture retake day. Students who were away.") == [
        "Tues. Nov. 3 — Picture retake day.",
        "Students who were away.",
    ]
    assert sentences_of("Swim 10:15–11:00 a.m. The $30 fee is due.") == [
        "Swim 10:15–11:00 a.m.",
        "The $30 fee is due.",
    ]
    assert len(sentences_of("Towel. 四、五年级学生将于")) == 2


def test_tagalog_translations_are_told_from_english() -> None:
    assert reads_as_english("Track practices start Tues. Apr. 27 on the field.")
    assert not reads_as_english("Magsisimula ang ensayo sa Martes, Abril 27, sa field.")
    assert not reads_as_english("国际象棋社恢复活动")


def test_calendar_section_headings_may_carry_their_dates() -> None:
    def dated(text: str) -> bool:
        return bool(find_dates(text, NOVEMBER_MEMO))

    assert not is_dated_content("THIS WEEK · Nov. 2–6", dated)
    assert is_dated_content("RSVP by Friday, January 22", dated)


def test_titles_drop_web_addresses_and_a_headings_translation() -> None:
    assert tidy_title("Sign up at cedarhollow.example.org/bookfair") == "Sign up"
    assert tidy_title("Register on the PTA website") == "Register"
    assert tidy_title("Chess Club / 国际象棋社") == "Chess Club"


def _word(text: str, left: float, top: float, width: float = 30.0) -> WordBox:
    return WordBox(text, left, top, left + width, top + 10.0)


def test_an_unruled_calendar_is_read_by_its_header_row() -> None:
    rows = [
        [_word("Day", 0, 0), _word("Date", 40, 0), _word("What", 100, 0), _word("Who", 300, 0)],
        [
            *(_word("Thu", 0, 20), _word("14", 40, 20, 10), _word("Jan", 52, 20, 20)),
            *(_word("Field", 100, 20), _word("trip", 132, 20)),
            *(_word("Div", 300, 20, 15), _word("3", 317, 20, 5)),
        ],
        [_word("(pack", 100, 30), _word("lunch)", 132, 30)],  # a wrapped cell
        [
            *(_word("Fri", 0, 50), _word("15", 40, 50, 10), _word("Jan", 52, 50, 20)),
            *(_word("Pro-D", 100, 50), _word("Everyone", 300, 50, 40)),
        ],
        [_word("Notes", 0, 120, 40)],  # far below: after the table
    ]
    lines, used = table_rows(rows, 1, "001.T")
    assert used == 4
    assert [line.cells for line in lines] == [
        ("Thu", "14 Jan", "Field trip (pack lunch)", "Div 3"),
        ("Fri", "15 Jan", "Pro-D", "Everyone"),
    ]
    assert lines[0].header == ("day", "date", "what", "who")
    assert header_columns([_word("What", 0, 0), _word("When", 34, 0)]) is None  # no gutter


def _line(
    text: str, top: float, x0: float = 0.0, bold: bool = False, region: str = "r"
) -> TextLine:
    return TextLine(text, 10.0, bold, 1, top, top + 10.0, x0, region=region)


def test_unbulleted_dated_entries_and_hanging_indents_open_list_entries() -> None:
    lines = [
        _line("THIS WEEK", 0, bold=True),
        _line("Tues. Nov. 3 — Picture retake day. Students who", 14),
        _line("were away will be photographed.", 28, x0=14),
        _line("Wed., Nov. 4 — Grades 1-3 walk to the Fire Hall", 42),
        _line("at 9:15 a.m.", 56, x0=14),
        _line("PAC meeting — Tue. 11/17, 6:30 PM.", 70),
        _line("Permission forms are due by Monday, October", 90, region="s"),
        _line("26. Students should bring a lunch.", 104, region="s"),
    ]
    blocks = build_blocks(lines, starts_entry=lambda t: starts_with_date(t, NOVEMBER_MEMO))
    assert [(b.listed, b.text[:12]) for b in blocks] == [
        (False, "THIS WEEK"),
        (True, "Tues. Nov. 3"),
        (True, "Wed., Nov. 4"),
        (True, "PAC meeting "),  # set out left of the line before: a hanging indent
        (False, "Permission f"),
    ]
    assert blocks[-1].text.endswith("October 26. Students should bring a lunch.")


def test_ocr_helpers_size_letters_and_side_by_side_boxes() -> None:
    # "Kindergarten" (ascenders and a descender) and "Grades 1" (no descender) set alike.
    tall = _OcrWord("Kindergarten", 0, 0, 100, 28, "1")
    short = _OcrWord("Grades", 0, 0, 60, 21, "1")
    assert abs(_em(tall) - _em(short)) < 2.0
    assert _clean_ocr_word(_OcrWord("1la.m.", 0, 0, 10, 10, "1")).text == "11a.m."
    left_right = [
        [_OcrWord("Workshop", 0, 0, 80, 10, "1"), _OcrWord("Raffle", 300, 0, 50, 10, "1")],
        [_OcrWord("K-3", 0, 15, 30, 10, "1"), _OcrWord("$2", 300, 15, 20, 10, "1")],
    ]
    assert [(tag[-1], [w.text for w in words]) for tag, words in _split_columns(left_right)] == [
        ("L", ["Workshop"]),
        ("L", ["K-3"]),
        ("R", ["Raffle"]),
        ("R", ["$2"]),
    ]
    labelled = [
        [_OcrWord("Bake:", 0, 0, 40, 10, "1"), _OcrWord("drop", 300, 0, 30, 10, "1")],
        [_OcrWord("Pies:", 0, 15, 40, 10, "1"), _OcrWord("order", 300, 15, 30, 10, "1")],
    ]
    assert all(tag == "" for tag, _ in _split_columns(labelled))  # labels and their values


def test_ocr_marks_short_lines_set_above_their_text_as_headings() -> None:
    lines = [
        TextLine("Grades 1 & 2", 18.0, False, 1, 0, 20, 0, region="001.001"),
        TextLine(
            "We are building animal habitats! Please send", 18.0, False, 1, 35, 55, 0, "001.001"
        ),
        TextLine("Return sold stubs & money to the", 18.0, False, 1, 70, 90, 0, "001.002"),
        TextLine("Office by Thursday.", 18.0, False, 1, 105, 125, 0, "001.003"),
    ]
    _mark_headings(lines)
    assert [line.bold for line in lines] == [True, False, False, False]


def test_a_notices_name_gains_what_falls_due() -> None:
    (mention,) = find_dates("$15 each — orders due Wednesday, Nov. 25", NOVEMBER_MEMO)
    clause = "$15 each — orders due Wednesday, Nov. 25"
    assert with_due_phrase("Poinsettias", clause, mention) == "Poinsettias orders due"
    (mention,) = find_dates("Sign up by Fri. 11/27", NOVEMBER_MEMO)
    assert with_due_phrase("Volunteers Needed", "Sign up by Fri. 11/27", mention) == (
        "Volunteers Needed sign up"
    )
    assert with_due_phrase("Hot Lunch Orders", "orders close Sunday", None) == "Hot Lunch Orders"


def test_orders_of_things_sold_at_a_unit_price_are_a_fundraiser() -> None:
    clause = "Poinsettias: $15 each — orders due Wednesday, Nov. 25"
    assert category_of("Poinsettias orders due", clause, due_date_cue=True, dated=True) == (
        ItemCategory.FUNDRAISER
    )
    assert category_of(
        "Hot lunch orders close", "orders close at 11:59 pm", due_date_cue=True, dated=True
    ) == (ItemCategory.DEADLINE)


def test_a_line_opening_with_a_label_starts_a_new_note() -> None:
    lines = [
        _line("Bake table: drop off goodies Fri. Dec. 4, 8:30-9 a.m., library", 0),
        _line("Poinsettias: $15 each — orders due Wednesday, Nov. 25", 14),
    ]
    assert len(build_blocks(lines)) == 2


# --------------------------------------------------------------------------- titles and items
# These notices are written for the tests (not taken from any evaluation document): each rule
# must hold for new wording.


class _TypedExtractor(OfflineExtractor):
    """The offline pipeline over typed paragraphs: (text, is_heading) pairs."""

    def __init__(self, paragraphs: list[tuple[str, bool]]) -> None:
        super().__init__()
        self.paragraphs = paragraphs

    def _lines(self, document: bytes, media_type: MediaType, notes: list[str]) -> list[TextLine]:
        lines, top = [], 0.0
        for number, (text, heading) in enumerate(self.paragraphs):
            size = 14.0 if heading else 10.0
            lines.append(
                TextLine(text, size, heading, 1, top, top + size, 40.0, region=f"p{number}")
            )
            top += size * 2.5
        return lines


def _items(*paragraphs: tuple[str, bool]) -> list[tuple[date | None, str, ItemCategory]]:
    context = ExtractionContext(
        issued_on=date(2027, 3, 5),
        issued_on_is_known=True,
        timezone="America/Vancouver",
        grades_offered=[0, 1, 2, 3, 4, 5, 6, 7],
    )
    result = _TypedExtractor(list(paragraphs)).extract(b"", MediaType.PDF, context)
    return [(item.start_date, item.title, item.category) for item in result.items]


def test_a_pronoun_object_takes_the_thing_named_the_sentence_before() -> None:
    items = _items(
        ("Spring News", True),
        ("Room 12 Notes", True),
        (
            "Our class is gathering old magazines and catalogues for a collage project. "
            "Please bring them to school by Wednesday, March 10.",
            False,
        ),
    )
    assert items == [
        (date(2027, 3, 10), "Bring old magazines and catalogues to school", ItemCategory.DEADLINE)
    ]


def test_an_audience_subject_is_titled_by_what_they_do_and_a_later_call_for_help_is_dated() -> None:
    items = _items(
        ("Grade 3 and 4", True),
        (
            "Our Grade 4 students will visit the Maritime Museum on Thursday, March 18, from "
            "9:30 to 2:00. We need four parent drivers for that morning — please tell Ms. Lee.",
            False,
        ),
    )
    assert items == [
        (date(2027, 3, 18), "Grade 4 students visit the Maritime Museum", ItemCategory.EVENT),
        (
            date(2027, 3, 18),
            "Grade 4 students visit the Maritime Museum parent drivers needed",
            ItemCategory.VOLUNTEER,
        ),
    ]


def test_a_call_for_volunteers_on_the_named_day_takes_that_things_date() -> None:
    items = _items(
        ("Spring Carnival!", True),
        ("Saturday, May 15", False),
        ("Parents: we need 20 volunteers!", True),
        ("Two-hour shifts on carnival day, 9:00 am to 1:00 pm.", False),
    )
    assert (date(2027, 5, 15), "Spring Carnival volunteers needed", ItemCategory.VOLUNTEER) in (
        items
    )


def test_a_pick_up_is_named_by_what_the_section_sells() -> None:
    items = _items(
        ("Bulb Sale", True),
        (
            "Order tulip bulbs ($8 a bag) by Monday, March 15. Bags can be picked up on "
            "Friday, March 26 after school in the foyer.",
            False,
        ),
    )
    assert (date(2027, 3, 26), "Bulb pick-up", ItemCategory.EVENT) in items


def test_return_to_school_lines_and_thank_yous_are_not_items() -> None:
    items = _items(
        ("Spring Break", True),
        (
            "Spring Break runs March 15 to March 26. Classes start again on Monday, March 29. "
            "Thank you for making Pi Day (March 14) such fun! See you on Monday, March 29!",
            False,
        ),
    )
    assert items == [(date(2027, 3, 15), "Spring Break", ItemCategory.CLOSURE)]


def test_a_thing_and_its_order_cut_off_in_one_sentence_are_two_items() -> None:
    items = _items(
        ("Hot Dog Day", True),
        (
            "Order hot dogs for Thursday, April 8 on the PAC site before 9 pm on Sunday, April 4.",
            False,
        ),
    )
    assert items == [
        (date(2027, 4, 8), "Hot Dog Day", ItemCategory.EVENT),
        (date(2027, 4, 4), "Hot Dog Day orders deadline", ItemCategory.DEADLINE),
    ]


def test_two_dates_in_one_notice_each_name_their_own_thing() -> None:
    items = _items(
        (
            "Easter Weekend: No School — Friday, April 2 is Good Friday and Monday, April 5 is "
            "Easter Monday.",
            False,
        ),
    )
    assert [title for _, title, _ in items] == ["Good Friday - Easter Weekend", "Easter Monday"]
    assert {category for _, _, category in items} == {ItemCategory.CLOSURE}


def test_a_helpers_notice_is_a_call_for_volunteers() -> None:
    items = _items(
        ("Track Day Helpers", True),
        ("Track Day is Tuesday, April 20. We need 12 adults to time races.", False),
    )
    assert items == [(date(2027, 4, 20), "Track Day Helpers", ItemCategory.VOLUNTEER)]


def test_a_bare_thing_falling_due_is_named_by_its_section() -> None:
    items = _items(
        ("Grade 7 Year-End Trip", True),
        (
            "The trip to Playland is on Friday, June 11. Wristbands are $35 per student and "
            "must be paid on School Cash no later than May 28.",
            False,
        ),
    )
    assert (date(2027, 5, 28), "Grade 7 Year-End Trip wristbands due", ItemCategory.DEADLINE) in (
        items
    )


def test_two_cut_offs_on_one_day_about_one_form_fold() -> None:
    cut_offs = [
        _candidate(
            title,
            priority,
            category=ItemCategory.DEADLINE,
            words=content_words(title),
            title_words=content_words(title),
        )
        for title, priority in (
            ("Grade 1 forms due back to class", 2),
            ("Sign and return the walking trip form", 1),
        )
    ]
    assert [c.title for c in fold_duplicates(cut_offs)] == ["Grade 1 forms due back to class"]


def test_meetings_over_coffee_and_info_evenings() -> None:
    assert category_of("Coffee with the Principal", "", due_date_cue=False, dated=True) == (
        ItemCategory.MEETING
    )
    assert category_of("Course info evening", "", due_date_cue=False, dated=True) == (
        ItemCategory.MEETING
    )


def test_a_bare_start_hour_before_a_clock_end_is_a_range() -> None:
    assert find_times("from 9 until 2:30") == (time(9, 0), time(14, 30))
    assert find_times("ages 9 to 12") == (None, None)


# ---------------------------------------------------------------- canonical titles (probes)


def test_a_form_handed_over_is_titled_by_its_topic_and_the_thing_due() -> None:
    items = _items(
        ("Spring News", True),
        (
            "Swim Team (Grades 4–6) — Practices are on Tuesdays, 3:00–4:00 pm, from "
            "March 16. Please return the signed medical form to the coach by Friday, March 12.",
            False,
        ),
    )
    assert (date(2027, 3, 12), "Swim Team medical form due", ItemCategory.DEADLINE) in items


def test_a_reminder_opener_is_no_part_of_a_deadline_title() -> None:
    items = _items(
        ("Spring News", True),
        ("Yearbook", True),
        ("Reminder: yearbook order forms are due Friday, March 19.", False),
    )
    assert [title for _, title, _ in items] == ["Yearbook order forms due"]


def test_a_pre_order_under_a_priced_heading_is_titled_pre_orders_due() -> None:
    items = _items(
        ("Spring News", True),
        ("Hot dog lunch: $4", True),
        ("Pre-order by Monday, March 15 on the PAC store.", False),
    )
    assert items == [(date(2027, 3, 15), "Hot dog lunch pre-orders due", ItemCategory.DEADLINE)]


def test_a_call_for_parents_is_titled_by_the_event_they_help_with() -> None:
    items = _items(
        ("Spring News", True),
        ("Helping Hands", True),
        (
            "We need eight parents to pour lemonade after the Spring Concert "
            "on Thursday, March 18.",
            False,
        ),
    )
    assert (
        date(2027, 3, 18),
        "Spring Concert volunteers needed",
        ItemCategory.VOLUNTEER,
    ) in items


def test_fragments_and_recaps_are_no_items() -> None:
    items = _items(
        ("Spring News", True),
        ("Drama", True),
        (
            "Our students cycled to school all through Bike Week (March 1 to 5). "
            "The Drama Club show is on March 11 and March 12, 7:00 pm both nights.",
            False,
        ),
    )
    titles = [title for _, title, _ in items]
    assert "Both nights" not in titles
    assert all(start and start >= date(2027, 3, 5) for start, _, _ in items)
    assert any("Drama Club show" in title for title in titles)


def test_an_undated_request_is_titled_by_what_it_asks() -> None:
    from shared.extraction.asked_titles import request_title

    text = "Rainy Days — please send rain boots with your child every day, labelled."
    assert request_title(text) == "Send rain boots every day"


def test_a_pronoun_one_takes_the_thing_needed_earlier_in_the_sentence() -> None:
    items = _items(
        ("Kindergarten", True),
        (
            "We also need clean, empty jam jars for a planting project - please send one "
            "with your child by Tuesday, March 16.",
            False,
        ),
    )
    assert items == [(date(2027, 3, 16), "Send clean empty jam jars", ItemCategory.DEADLINE)]


def test_sign_it_and_send_it_back_is_the_form_named_the_sentence_before() -> None:
    items = _items(
        ("Principal's Message", True),
        (
            "Every family should have received a medical update form. Please look it over, "
            "sign it and send it back to the office by Friday, March 12.",
            False,
        ),
    )
    assert items == [(date(2027, 3, 12), "Medical update form due", ItemCategory.DEADLINE)]


def test_a_request_after_a_remark_is_titled_by_the_notice_and_what_it_asks() -> None:
    items = _items(
        ("Chess Club (Grades 3-5)", True),
        (
            "Chess Club meets Wednesdays at lunch, starting March 10. Places are limited, so "
            "please register on the PAC website by Monday, March 8.",
            False,
        ),
    )
    assert (date(2027, 3, 8), "Chess Club registration closes", ItemCategory.DEADLINE) in items


def test_a_thing_that_should_come_to_school_by_a_date_falls_due() -> None:
    items = _items(
        ("Grade 5", True),
        ("Science fair posters should come to school by Monday, March 15.", False),
    )
    assert items == [(date(2027, 3, 15), "Science fair posters due", ItemCategory.DEADLINE)]


def test_a_call_for_parent_walkers_for_the_morning_takes_the_outing_s_date() -> None:
    items = _items(
        ("Grade 2", True),
        (
            "Grade 2 classes will walk to Elm Park for a pond study on Tuesday, March 23. We are "
            "looking for four parent walkers for the morning; please reply to your child's "
            "teacher by Thursday, March 18.",
            False,
        ),
    )
    assert (
        date(2027, 3, 23),
        "Pond study parent walkers needed",
        ItemCategory.VOLUNTEER,
    ) in items


def test_helpers_named_in_a_call_and_dated_in_the_next_sentence_are_the_call() -> None:
    items = _items(
        ("Spring Art Show", True),
        ("Thursday, April 8, 6:00 - 7:30 pm in the gym.", False),
        ("Can you help? We need 6 parent greeters! Greeters arrive at 5:30 pm on April 8.", False),
    )
    assert (
        date(2027, 4, 8),
        "Spring Art Show parent greeters needed",
        ItemCategory.VOLUNTEER,
    ) in items
    assert len(items) == 2


def test_a_rain_date_is_no_item() -> None:
    items = _items(
        ("Field Day", True),
        (
            "Field Day is on Friday, April 16 at Centennial Field. If it rains, Field Day "
            "moves to Monday, April 19. In case of rain, we will also post on the website.",
            False,
        ),
    )
    assert items == [(date(2027, 4, 16), "Field Day", ItemCategory.EVENT)]


def test_a_notices_name_outlasts_its_cut_off_and_names_the_thing_itself() -> None:
    items = _items(
        ("Spring News", True),
        (
            "Book Swap - Bring gently used books to the library by Friday, March 12. On "
            "Thursday, March 18, every child may choose two books to take home.",
            False,
        ),
    )
    assert (date(2027, 3, 18), "Book Swap", ItemCategory.EVENT) in items


def test_an_undated_request_in_a_paragraph_is_an_item() -> None:
    items = _items(
        ("From the Principal", True),
        (
            "One everyday request: with the cold weather, please send a warm hat (labelled "
            "with your child's name) that can stay at school.",
            False,
        ),
    )
    assert [title for _, title, _ in items] == ["Send a warm hat"]


def test_a_venue_set_large_above_its_address_is_no_heading() -> None:
    items = _items(
        ("Spring Art Show", True),
        ("Thursday, April 8, 6:00 - 7:30 pm", False),
        ("Maplewood Gym & Library", True),
        ("1200 Cedar Way, Fraser Hollow", False),
        ("Can you help? We need 6 parent greeters! Greeters arrive at 5:30 pm on April 8.", False),
    )
    assert [title for _, title, _ in items] == [
        "Spring Art Show",
        "Spring Art Show parent greeters needed",
    ]


def test_a_dated_entrys_later_last_day_to_return_is_a_cut_off_that_day() -> None:
    items = _items(
        ("This Week", True),
        (
            "Tues. Mar. 9 - Hearing screening. Grade 1: this is also the last day to return "
            "the signed aquarium trip permission form.",
            False,
        ),
    )
    assert (date(2027, 3, 9), "Aquarium trip permission form due", ItemCategory.DEADLINE) in items


def _asked(*paragraphs: tuple[str, bool]) -> dict[str, bool]:
    context = ExtractionContext(
        issued_on=date(2027, 3, 5),
        issued_on_is_known=True,
        timezone="America/Vancouver",
        grades_offered=[0, 1, 2, 3, 4, 5, 6, 7],
    )
    result = _TypedExtractor(list(paragraphs)).extract(b"", MediaType.PDF, context)
    return {item.title: item.action_required for item in result.items}


@pytest.mark.parametrize(
    ("category", "title", "sentence", "paragraph", "asked"),
    [
        # A closure never asks anything; a deadline or a call for helpers always does.
        (ItemCategory.CLOSURE, "Pro-D Day - no school", "Pro-D Day, no school.", "", False),
        (ItemCategory.DEADLINE, "Reading logs due", "Reading logs are due.", "", True),
        # Conferences need a booked time; a PAC meeting is open to all.
        (ItemCategory.MEETING, "Parent-teacher interviews", "Interviews, 3-7 pm", "", True),
        (ItemCategory.MEETING, "PAC meeting", "PAC meeting, library, 7 pm", "", False),
        # A sale or a drive asks families to buy or give; a fair is dropped in on.
        (ItemCategory.FUNDRAISER, "Winter Clothing Drive", "Coats to the office", "", True),
        (ItemCategory.FUNDRAISER, "Scholastic Book Fair", "Book Fair, library", "", False),
        # Trips, meets and lessons need forms, fees or gear even when the line says none.
        (ItemCategory.EVENT, "Grade 6 field trip", "Field trip to the museum", "", True),
        (ItemCategory.EVENT, "District Track Meet", "Track meet, stadium", "", True),
        # Paying at the door, or by donation, is part of attending.
        (ItemCategory.EVENT, "Drama Club play", "Drama Club play ($5 at the door)", "", False),
        (ItemCategory.EVENT, "Hat Day", "Hat Day ($2 by donation to the food bank)", "", False),
        # Another sentence of the notice asks the family to do something.
        (
            ItemCategory.EVENT,
            "Book Swap",
            "Book Swap, Monday to Friday.",
            "Book Swap, Monday to Friday. Send gently used books to the library.",
            True,
        ),
        # An offer ("if you have one") is no request; nor is an ask for helpers.
        (
            ItemCategory.EVENT,
            "Recorder Ensemble",
            "Recorder Ensemble meets Mondays.",
            "Recorder Ensemble meets Mondays. Bring your own recorder if you have one.",
            False,
        ),
        (
            ItemCategory.EVENT,
            "Spring Concert",
            "Spring Concert on Thursday.",
            "Spring Concert on Thursday. We need parent volunteers; please sign up online.",
            False,
        ),
        # A sentence led by its own audience is about something else.
        (
            ItemCategory.EVENT,
            "Photo retake day",
            "Photo retake day.",
            "Photo retake day. Grades 1-3: return the signed trip permission form today.",
            False,
        ),
    ],
)
def test_what_asks_the_family_to_act(
    category: ItemCategory, title: str, sentence: str, paragraph: str, asked: bool
) -> None:
    assert asks_family(category, title, sentence, paragraph)[0] is asked


def test_a_dated_sign_up_counts_for_a_club_but_belongs_to_its_own_item_otherwise() -> None:
    def dated(text: str) -> bool:
        return "May" in text

    club = "Lego Club builds on Fridays. Please register online by Wednesday, May 5."
    carnival = "The Spring Carnival is on Friday. Please register online by Wednesday, May 5."
    assert asks_family(ItemCategory.EVENT, "Lego Club", "Lego Club builds.", club, dated)[0]
    assert not asks_family(
        ItemCategory.EVENT, "Spring Carnival", "The carnival is on.", carnival, dated
    )[0]


def test_event_notices_ask_by_their_kind_and_their_paragraph() -> None:
    asked = _asked(
        ("March News", True),
        ("Grade 4 Snowshoe Trip", True),
        ("Grade 4 students go snowshoeing on Thursday, March 18 at Mount Cedar.", False),
        ("Spring Concert", True),
        ("Our Spring Concert is on Wednesday, March 24 at 7 pm in the gym.", False),
        ("Parent-Teacher Conferences", True),
        ("Parent-teacher conferences are on Thursday, March 11, 3:30-7:30 pm.", False),
    )
    assert {title.lower(): value for title, value in asked.items()} == {
        "grade 4 snowshoe trip": True,
        "spring concert": False,
        "parent-teacher conferences": True,
    }


@pytest.mark.parametrize(
    ("title", "clause", "expected"),
    [
        (
            "Lost and found clear-out",
            "unclaimed items are donated at 3 pm",
            ItemCategory.ANNOUNCEMENT,
        ),
        (
            "Cookie dough orders due",
            "orders due Friday; profits go to books",
            ItemCategory.FUNDRAISER,
        ),
        ("Hot lunch orders close", "orders close Sunday at 9 pm", ItemCategory.DEADLINE),
        ("Online safety evening for parents", "Tuesday at 7 pm", ItemCategory.MEETING),
        ("Spring Open House & Art Walk", "Thursday, 5-7 pm", ItemCategory.EVENT),
        (
            "Hot Chocolate Fridays",
            "Cups are $2; all money raised goes to the fund",
            ItemCategory.FUNDRAISER,
        ),
    ],
)
def test_categories_of_lost_and_found_fundraiser_orders_and_parent_evenings(
    title: str, clause: str, expected: ItemCategory
) -> None:
    assert category_of(title, clause, due_date_cue=False, dated=True) == expected


def test_an_early_dismissal_on_the_day_just_named_is_a_closure() -> None:
    items = _items(
        ("March Dates", True),
        (
            "Parent-Teacher Conferences - Thursday, March 11, 1:00-7:00 pm. Students will be "
            "dismissed early, at 12:00 pm, that day. Please book a time on the app by March 8.",
            False,
        ),
    )
    assert (date(2027, 3, 11), "Early dismissal", ItemCategory.CLOSURE) in items


def test_a_notice_named_for_what_it_asks_keeps_its_name() -> None:
    named = _items(
        ("Notices", True),
        (
            "Rain Gear for Outdoor Learning - Classes go outside every afternoon. Please send "
            "rain gear with your child every day.",
            False,
        ),
    )
    vague = _items(
        ("Notices", True),
        (
            "Sunny Days Ahead - Now that it is warm, please send a hat with your child every day.",
            False,
        ),
    )
    assert [title for _, title, _ in named] == ["Rain Gear for Outdoor Learning"]
    assert [title for _, title, _ in vague] != ["Sunny Days Ahead"]


def test_an_ocr_icon_at_a_lines_edge_is_dropped() -> None:
    def words(*texts: str) -> list[_OcrWord]:
        return [_OcrWord(t, 10 * i, 0, 8, 10, "1") for i, t in enumerate(texts)]

    assert [w.text for w in _without_icons(words("O", "WHEN:", "Thursday"))] == [
        "WHEN:",
        "Thursday",
    ]
    assert [w.text for w in _without_icons(words("5:30", "pm", "O"))] == ["5:30", "pm"]


def test_a_meet_followed_by_its_verb_is_the_thing_not_a_verb() -> None:
    track = _items(
        ("Sports and clubs", True),
        ("The track meet is on Thursday, March 18 at Cedar Stadium.", False),
    )
    chess = _items(
        ("Sports and clubs", True),
        ("Chess Club meets on Fridays at lunch, starting March 12.", False),
    )
    assert [title for _, title, _ in track] == ["Track meet"]
    assert [title for _, title, _ in chess] == ["Chess Club"]


def test_a_closure_told_again_by_an_adverb_is_no_item_of_its_own() -> None:
    items = _items(
        ("From the Office", True),
        (
            "The school is closed on Monday, March 15 for a staff day, and again on "
            "Friday, March 19 for a Professional Development Day.",
            False,
        ),
    )
    assert all(title.lower() != "again" for _, title, _ in items)


def test_a_request_for_your_own_names_no_thing() -> None:
    items = _items(
        ("Spring Swim Day", True),
        ("Swim day is Thursday, March 18 at the Lakeview Pool.", False),
        ("Goggles are recommended for swimmers - please bring your own.", False),
    )
    assert [start for start, _, _ in items] == [date(2027, 3, 18)]
    assert all("your own" not in title.lower() for _, title, _ in items)


def test_registration_opening_for_a_break_camp_is_no_closure() -> None:
    assert category_of(
        "Winter Break Art Camp registration",
        "Winter Break Art Camp registration opens Tuesday, March 9",
        due_date_cue=False,
        dated=True,
    ) == (ItemCategory.ANNOUNCEMENT)


def test_an_entry_saying_only_when_and_where_takes_its_heading() -> None:
    items = _items(
        ("Summer Science Camp sign-ups open", True),
        ("Tuesday, March 16 at 10:00 am at lakeview.example.org/science", False),
    )
    assert [(start, title) for start, title, _ in items] == [
        (date(2027, 3, 16), "Summer Science Camp sign-ups open")
    ]


def test_a_subject_that_adds_nothing_to_the_heading_gives_way_to_it() -> None:
    items = _items(
        ("Clubs", True),
        ("Drawing Club (Grades 2-3)", True),
        ("Drawers meet on Tuesdays at lunch in Room 4, starting March 9.", False),
    )
    assert [title for _, title, _ in items] == ["Drawing Club (Grades 2-3)"]
