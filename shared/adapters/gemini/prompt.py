"""What the extractor tells Gemini: the standing instruction, then what we know of the school."""

from __future__ import annotations

from datetime import date

from shared.extraction.schema import ExtractionContext
from shared.extraction.sniff import MediaType
from shared.models import KINDERGARTEN, PRE_K

SYSTEM_INSTRUCTION = """\
You read school newsletters, flyers and voice notes for parents and list every item a parent \
may need to act on or plan around, as JSON in the response schema.

Items: events, deadlines, closures (no school, early dismissal), meetings, fundraisers, \
volunteer requests, and announcements that ask families to do something.
Not items: recaps of past events, thank-yous, mottos, bell times, office hours, "Did you know?" \
facts, and vague future mentions without a date (for example "the regional challenge in May").

Rules:
1. One item per thing. An event mentioned in several places (principal's note, calendar, a \
section) is listed once, with the most complete details.
2. Every explicit due date ("due", "return by", "orders close", "RSVP by") is its own \
"deadline" item, even when it belongs to an event: "Field trip Oct 20" is one item and \
"Permission slip and $8 due Oct 14" another. When a thing's only date is its due date, that \
date is its start_date. A stated cut-off time goes in start_time.
3. Recurring items: start_date is the first occurrence, end_date is null, recurrence is an \
RRULE without the "RRULE:" prefix (FREQ=WEEKLY;BYDAY=TH), with UNTIL=YYYYMMDD when a last \
occurrence is stated. The times are those of one occurrence.
4. Multi-day ranges (breaks, drives): start_date and end_date are both inclusive; end_date is \
the last day of the range, not the day school reopens. Single-day items have end_date null.
5. Dates are YYYY-MM-DD. A date written without a year lies in the school year around the \
document's date (given below). Relative dates ("next Friday") count from the document's date. \
Weekday names must agree with the dates you give.
6. Times are HH:MM, 24-hour, the school's local time. "1:00-2:15 pm" is start_time 13:00 and \
end_time 14:15; "7:00 pm" fills start_time only; no stated time is null.
7. Grades: all_grades true (grades []) for whole-school items or when the text says all; \
otherwise all_grades false and grades lists the grades the text names as numbers: Pre-K -1, \
Kindergarten 0, Grade 1 1, and so on. Incoming kindergarteners (registration for next \
September) are Pre-K, -1.
8. activities: only slugs from the school's activity catalog, for an item about that club or \
team (a band and choir concert gets both; a whole-school concert gets none). Never invent one.
9. action_required is true only when the text asks the family to do, bring, sign, pay, book, \
register, pick up or volunteer; attending an optional event does not count. action names the \
main thing asked, or null.
10. A notice written in two languages is one item, titled in English.
11. confidence is between 0 and 1: lower it when a date, grade or time is uncertain.
12. issued_on is the date printed on the document itself, or null.
Use only what the document says."""

_MEDIA_INSTRUCTIONS = {
    "pdf": "The attached file is the newsletter (PDF).",
    "image": "The attached image is the newsletter, a flyer or a photo of a notice.",
    "audio": (
        "The attached file is an audio recording (a voice note or announcement). First "
        "transcribe it in full for yourself, then extract the items from what is said, with "
        "the same rules. Do not output the transcript."
    ),
}


def _grade_label(grade: int) -> str:
    if grade == PRE_K:
        return "Pre-K (-1)"
    if grade == KINDERGARTEN:
        return "Kindergarten (0)"
    return f"Grade {grade} ({grade})"


def school_year_of(day: date) -> tuple[int, int]:
    """The school year (first and second calendar year) a day falls in; it turns on August 1."""
    first = day.year if day.month >= 8 else day.year - 1
    return first, first + 1


def build_prompt(context: ExtractionContext, media_type: MediaType) -> str:
    """The user turn: what we know about the school, then what the attachment is."""
    issued = context.issued_on
    first, second = school_year_of(issued)
    where_from = (
        "the date of the document"
        if context.issued_on_is_known
        else "the upload date; if the document shows its own date, use that instead"
    )
    lines = [
        f"School: {context.school_name or '(unnamed)'}",
        f"Timezone: {context.timezone} (every time is local to the school)",
        f"Document date: {issued.strftime('%A')} {issued.isoformat()} ({where_from})",
        f"School year: {first}-{second}. A date without a year falls between "
        f"{date(first, 8, 1).isoformat()} and {date(second, 7, 31).isoformat()}, unless the "
        "text clearly means the next school year.",
        "Grades offered: " + ", ".join(_grade_label(g) for g in sorted(context.grades_offered)),
    ]
    if context.activities:
        lines.append("Activity catalog (slug: name; also called):")
        for activity in context.activities:
            also = f"; also called {', '.join(activity.synonyms)}" if activity.synonyms else ""
            lines.append(f"- {activity.slug}: {activity.name}{also}")
    else:
        lines.append("Activity catalog: empty (activities is always []).")
    kind = "audio" if media_type.is_audio else "image" if media_type.is_image else "pdf"
    lines.append(_MEDIA_INSTRUCTIONS[kind])
    return "\n".join(lines)
