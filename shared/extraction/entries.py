"""Blocks regrouped into the entries a reader sees, where line breaks hide them.

Web pages saved as PDFs, and lists typed by hand, break lines where a reader does not:
- a line that stops mid-phrase ("Saturday, <date> @", "Forms come back by", "(ages") runs on
  into the next one;
- a date on a line of its own names the day of the title line(s) under it
  ("Tuesday, April 7, 6:00pm" then "Family Math Night");
- one entry's time may be given per audience on lines of their own ("Early Release" then
  "Primary — 9:45 AM", "Secondary — 10:15 AM"): one entry per audience.

`leading_date(text)` gives the end of a date (and its time) that opens the text, or None.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from shared.extraction.layout import HEADER_WORDS, Block
from shared.extraction.segments import CONTAINER_WORDS as _CONTAINER_HEADING
from shared.extraction.segments import STREET_ADDRESS

LeadingDate = Callable[[str], "int | None"]

# A line that ends here has not finished its phrase.
_DANGLING_END = re.compile(
    r"(?:\b(?:a|an|the|to|of|in|on|at|for|and|or|with|from|your|our|their|by|is|are|be|"
    r"will|that|this|these|those|if|as|than)"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|"
    r"april|june|july|august|september|october|november|december)\.?|[-–—,@&/+])\s*$",
    re.I,
)
_LABEL_END = re.compile(r"[-–—:]\s*$")
_SENTENCE_END = re.compile(r"[.!?:)\"”]\s*$")
_CLOCK = r"\d{1,2}(?::\d\d)?\s*(?:[ap]\.?\s?m\.?|[ap]\b)?|noon"
# "Primary — 9:45 AM": an audience and its time, nothing else.
_AUDIENCE_TIME = re.compile(
    rf"^\s*(?P<label>[^\W\d_][^\d:—–]{{1,40}}?)\s*(?:[—–:]|\s-\s|\bat\b)\s*"
    rf"(?P<time>(?:{_CLOCK})(?:\s*(?:[-–—]|to)\s*(?:{_CLOCK}))?)\s*$",
    re.I,
)
_LONE_WEEKDAY = re.compile(r"^\s*(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)[a-z]*\.?,?\s*$", re.I)
_SEPARATORS = re.compile(r"^[\s\-–—:|@,.;]*$")
_TITLE_WORDS = 14  # a title line is short; a longer one is prose


def _gap(first: Block, second: Block) -> float:
    if not first.lines or not second.lines or first.page != second.page:
        return 0.0
    return second.lines[0].top - first.lines[-1].bottom


def _is_text(block: Block) -> bool:
    return block.kind == "text" and not block.titled


def _unclosed(text: str) -> bool:
    return text.count("(") > text.count(")")


def _runs_on(first: Block, second: Block, after: Block | None, leading_date: LeadingDate) -> bool:
    """Whether the second block finishes the first one's phrase (`after` is the block that
    follows the second)."""
    if not (_is_text(first) and _is_text(second)) or second.listed:
        return False
    if first.page != second.page and not first.lines:
        return False
    text = first.text.rstrip()
    if _LONE_WEEKDAY.match(text) and leading_date(second.text) is not None:
        return True  # "Friday" over "11/21- Report cards": the weekday of that date
    if _title_wraps(first, second, after, leading_date):
        return True
    if _LABEL_END.search(text) and leading_date(second.text) is not None:
        return False  # "Coming up –" over a dated line labels the list, it is no entry's part
    if _unclosed(text) or _DANGLING_END.search(text):
        return True
    return not _SENTENCE_END.search(text) and bool(re.match(r"^\s*[a-z]", second.text))


def _joined(first: Block, second: Block) -> Block:
    separator = "" if first.text.endswith("-") and second.text[:1].islower() else " "
    return replace(
        first,
        text=f"{first.text.rstrip()}{separator}{second.text.lstrip()}",
        lines=[*first.lines, *second.lines],
    )


def _title_wraps(
    first: Block, second: Block, after: Block | None, leading_date: LeadingDate
) -> bool:
    """ "<date> - Winter" then "Break" then the next dated line: a list entry's title that
    wrapped, the way a narrow page column breaks it."""
    end = leading_date(first.text)
    if end is None or leading_date(second.text) is not None:
        return False
    title, rest = first.text[end:].strip(" -–—:|"), second.text.split()
    return (
        0 < len(title.split()) <= 3
        and not _SENTENCE_END.search(first.text)
        and 0 < len(rest) <= 2
        and not _SENTENCE_END.search(second.text)
        and (after is None or leading_date(after.text) is not None)
    )


def _run_ons_joined(blocks: Sequence[Block], leading_date: LeadingDate) -> list[Block]:
    joined: list[Block] = []
    for index, block in enumerate(blocks):
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        if joined and _runs_on(joined[-1], block, after, leading_date):
            joined[-1] = _joined(joined[-1], block)
        else:
            joined.append(block)
    return joined


def _entry(date_block: Block, title: Block, date_text: str) -> Block:
    return replace(
        title,
        text=f"{date_text} - {title.text}",
        listed=True,
        lines=[*date_block.lines, *title.lines],
    )


def _title_line(block: Block, leading_date: LeadingDate) -> bool:
    if not _is_text(block) or leading_date(block.text) is not None:
        return False
    # An aside in parentheses ("(for those who signed up)") does not make a title prose.
    words = re.sub(r"\([^()]*\)", " ", block.text).split()
    return 0 < len(words) <= _TITLE_WORDS and not (
        len(words) > 8 and re.search(r"[.!?]\s*$", block.text)
    )


def _named_paragraph(block: Block, leading_date: LeadingDate) -> bool:
    """A paragraph that opens with a short sentence naming its thing ("Staff Day - no
    school for students. Daycare is open."): under a date line, that day's entry."""
    if not _is_text(block) or block.listed or leading_date(block.text) is not None:
        return False
    first = re.split(r"(?<=[.!?])\s+", block.text, maxsplit=1)[0]
    return 0 < len(first.split()) <= 10 and bool(re.match(r"^\W*(?-i:[A-Z])", first))


def _bold_date_over_notice(
    blocks: Sequence[Block], index: int, end: int, leading_date: LeadingDate
) -> bool:
    """A bold date line alone over a paragraph that names its thing and goes on to tell
    more ("Staff Day - no school. Daycare is open."): that paragraph is the day's entry.
    Over a flyer's venue or time line it is the flyer's date, not an entry."""
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return (
        following is not None
        and bool(_SEPARATORS.match(blocks[index].text[end:]))
        and _named_paragraph(following, leading_date)
        and bool(re.search(r"[.!?]\s+\S", following.text))
    )


def _bullets_under(blocks: Sequence[Block], start: int, leading_date: LeadingDate) -> list[Block]:
    """ "10/23" over bullets: every bullet up to the next date is that day's entry, however
    long, and a line after the list that is no bullet is not."""
    if blocks[start - 1].listed:
        return []
    bullets: list[Block] = []
    for block in blocks[start:]:
        if not (_is_text(block) and block.listed) or leading_date(block.text) is not None:
            break
        bullets.append(block)
    return bullets


def _titles_under(blocks: Sequence[Block], start: int, leading_date: LeadingDate) -> list[Block]:
    """The title lines under a date line, up to a wider gap, a dated line or a heading; a
    bulleted date takes the one entry after it."""
    date_block = blocks[start - 1]
    titles: list[Block] = []
    first_gap: float | None = None
    for candidate in blocks[start:]:
        if not _title_line(candidate, leading_date):
            if not titles and _named_paragraph(candidate, leading_date):
                titles.append(candidate)
            break
        if _AUDIENCE_TIME.match(candidate.text) and titles:
            break
        gap = _gap(titles[-1] if titles else date_block, candidate)
        if first_gap is None:
            first_gap = gap
        elif gap > first_gap + 2.0:
            break
        titles.append(candidate)
        if date_block.listed:
            break
    return titles


def _per_audience(entry: Block, lines: Sequence[Block], date_end: int) -> list[Block]:
    """ "Late Start" with "Primary — 9:45 AM" under it: "Late Start (Primary) 9:45 AM",
    one entry per audience line."""
    date_text, title = entry.text[:date_end], entry.text[date_end:].strip(" -–—:|")
    out = []
    for line in lines:
        found = _AUDIENCE_TIME.match(line.text)
        assert found is not None
        label, clock = found.group("label").strip(), found.group("time")
        out.append(
            replace(
                entry,
                text=f"{date_text} - {title} ({label}) {clock}",
                listed=True,
                lines=[*entry.lines, *line.lines],
            )
        )
    return out


_PIPED = re.compile(r"^\s*\|.*\|\s*$")


def _cells(text: str) -> tuple[str, ...]:
    return tuple(cell.strip() for cell in text.strip().strip("|").split("|"))


def _piped_rows(blocks: Sequence[Block]) -> list[Block]:
    """A table copied from a web page as text, "| DATE | TIME | PLACE |" over "| Thursday,
    Sept. 18 | 6:30pm | Library |": its rows, with the header's names for their cells."""
    out: list[Block] = []
    header: tuple[str, ...] = ()
    for block in blocks:
        piped = _is_text(block) and bool(_PIPED.match(block.text))
        if not piped:
            header = ()
        elif all(HEADER_WORDS.match(cell) for cell in _cells(block.text) if cell):
            header = tuple(cell.lower() for cell in _cells(block.text))
            continue  # the header names the columns; it is no entry
        elif header:
            cells = _cells(block.text)
            block = replace(block, kind="row", listed=False, cells=cells, header=header)
        out.append(block)
    return out


def regroup_entries(blocks: Sequence[Block], dated: LeadingDate) -> list[Block]:
    """The blocks with run-on lines joined and date lines given their titles."""
    blocks = _headed_by_date(_run_ons_joined(_piped_rows(blocks), dated), dated)

    def leading_date(text: str) -> int | None:
        # "Monday" on a line of its own over the week's entries: that day's date line.
        found = dated(text)
        return len(text) if found is None and _LONE_WEEKDAY.match(text) else found

    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        end = leading_date(block.text) if block.kind == "text" else None
        if block.titled and end is not None:
            end = end if _bold_date_over_notice(blocks, index, end, leading_date) else None
        if end is None:
            out.append(block)
            index += 1
            continue
        following = index + 1
        # A date right under a topic's heading is that topic's date ("Harvest Market!"
        # then "Sunday, <date>"); under a calendar's heading it opens an entry.
        under_topic = (
            index > 0
            and blocks[index - 1].kind == "heading"
            and (not _CONTAINER_HEADING.search(blocks[index - 1].text))
        )
        date_only = bool(_SEPARATORS.match(block.text[end:])) and not under_topic
        entries = [block]
        if date_only:
            titles = _bullets_under(blocks, following, leading_date) or _titles_under(
                blocks, following, leading_date
            )
            following += len(titles)
            if titles:
                date_text = block.text[:end].rstrip(" -–—:|@,")
                entries = [_entry(block, title, date_text) for title in titles]
        # Audience lines under the (last) entry.
        audiences: list[Block] = []
        while following < len(blocks) and _is_text(blocks[following]):
            if not _AUDIENCE_TIME.match(blocks[following].text):
                break
            audiences.append(blocks[following])
            following += 1
        if len(audiences) >= 2:
            last = entries.pop()
            date_end = leading_date(last.text) or 0
            entries += _per_audience(last, audiences, date_end)
        else:
            following -= len(audiences)
        out.extend(entries)
        index = following
    return _dated_runs_listed(out, dated)


def _headed_by_date(blocks: Sequence[Block], leading_date: LeadingDate) -> list[Block]:
    """A date on a line of its own over a title set as a heading ("Friday, <date>" then
    "Spring Concert" in bold, then its details): the title is that date's entry, and the
    details under it are the entry's own, not a new section's."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        title = blocks[index + 1] if index + 1 < len(blocks) else None
        details = blocks[index + 2] if index + 2 < len(blocks) else None
        end = leading_date(block.text) if block.kind == "text" else None
        # Under a topic's own heading the date is that topic's (a flyer's title, its date).
        previous = out[-1] if out else None
        under_topic = (
            previous is not None
            and previous.kind == "heading"
            and not _CONTAINER_HEADING.search(previous.text)
        )
        if (
            end is not None
            and not under_topic
            and title is not None
            and title.kind == "heading"
            and _SEPARATORS.match(block.text[end:])
            and leading_date(title.text) is None
            and not _CONTAINER_HEADING.search(title.text)
            and 0 < len(title.text.split()) <= _TITLE_WORDS
            # A time or a venue set large is the date's detail, not its title.
            and re.match(r"^\W*[^\W\d_]", title.text)
            and not (details is not None and STREET_ADDRESS.match(details.text))
        ):
            date_text = block.text[:end].rstrip(" -–—:|@,")
            entry = replace(
                title,
                kind="text",
                text=f"{date_text} - {title.text}",
                listed=True,
                titled=False,
                lines=[*block.lines, *title.lines],
            )
            out.append(entry)
            index += 2
            continue
        out.append(block)
        index += 1
    return out


def _dated_runs_listed(blocks: list[Block], leading_date: LeadingDate) -> list[Block]:
    """Three or more lines in a row that each open with a date are a list without bullets:
    each is an entry ("<month> <day> Staff Planning Day")."""
    dated = [_is_text(b) and leading_date(b.text) is not None for b in blocks]
    out = list(blocks)
    start = 0
    while start < len(blocks):
        end = start
        while end < len(blocks) and dated[end]:
            end += 1
        if end - start >= 3:
            for index in range(start, end):
                out[index] = replace(blocks[index], listed=True)
        start = end + 1 if end == start else end
    return out
