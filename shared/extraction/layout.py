"""A document's text as blocks in reading order: headings, paragraphs, list entries, table rows.

The engines that read a document (the PDF text layer, OCR; see `shared/adapters`) give
`TextLine`s with their size, weight and position; one block builder serves them all.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "text", "row"]

_BULLET_GLYPHS = "•◦▪▫●○■□►▸‣⁃∙·*-–"
# OCR reads small bullets as "e", "o", "©" or "@" before the entry's first word.
# A page typed by hand sets its star or dot hard against the entry: "*REMINDER: ...".
_BULLET_START = re.compile(
    rf"^\s*(?:(?:\(cid:\d+\)|[{re.escape(_BULLET_GLYPHS)}]|[eo©®@°«»](?=\s+[A-Z0-9]))\s+"
    r"|[*•●▪](?=[A-Z0-9\"“(])|-(?=[A-Z][a-z]))"
)
_NUMBERED_START = re.compile(r"^\s*\d{1,2}[.)]\s+(?=\S)")
_CID = re.compile(r"\(cid:\d+\)")


@dataclass
class TextLine:
    """One line of text; `region` groups lines that may join into one paragraph."""

    text: str
    size: float
    bold: bool
    page: int
    top: float
    bottom: float
    x0: float
    region: str = ""
    cells: tuple[str, ...] = ()
    header: tuple[str, ...] = ()


@dataclass
class Block:
    kind: BlockKind
    text: str
    size: float
    page: int
    listed: bool = False  # a bullet or numbered entry
    titled: bool = False  # set as a heading, but content: "Reading Week, 8–12 Feb"
    cells: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    lines: list[TextLine] = field(default_factory=list)


def clean_text(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\ufb01", "fi").replace("\ufb02", "fl")
    text = re.sub("[\ue000-\uf8ff]", "", text)  # private-use glyphs of subset fonts
    text = re.sub(r"(?<=\d)\s*-{2,}\s*(?=\d)", "–", text)  # OCR reads an en dash as "--"
    text = re.sub(r"(?<=\w)\s+-{2,}\s+(?=\w)", " — ", text)
    return re.sub(r"[ \t]+", " ", text).strip()


# --------------------------------------------------------------------------- unruled tables


@dataclass(frozen=True)
class WordBox:
    """A word and its box, from a PDF's text layer or from OCR."""

    text: str
    left: float
    top: float
    right: float
    bottom: float

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


# Column names of a calendar table's header row.
HEADER_WORDS = re.compile(
    r"^(?:date|dates|day|days|when|event|events|what|activity|activities|item|items|"
    r"description|details|grade|grades|who|for|audience|time|times|where|location|place|"
    r"notes?|cost|price)$",
    re.I,
)


def header_columns(words: Sequence[WordBox]) -> list[tuple[float, str]] | None:
    """The left edge and name of each column, if the words are a table's header row.

    Each known column name starts a column, and so does a word after a wide gap; a header
    row has at least two known names and a gap wider than any word space.
    """
    ordered = sorted(words, key=lambda w: w.left)
    if not 2 <= len(ordered) <= 8 or any(re.search(r"\d", w.text) for w in ordered):
        return None
    height = statistics.median(w.height for w in ordered)
    columns: list[tuple[float, list[str]]] = []
    widest = 0.0
    for index, word in enumerate(ordered):
        gap = word.left - ordered[index - 1].right if index else 0.0
        widest = max(widest, gap)
        name = word.text.strip(" :|")
        if not columns or HEADER_WORDS.match(name) or gap > 1.2 * height:
            columns.append((word.left, [name]))
        else:
            columns[-1][1].append(name)
    named = sum(1 for _, names in columns if HEADER_WORDS.match(names[0]))
    if named < 2 or widest < 1.5 * height or any(len(names) > 3 for _, names in columns):
        return None
    return [(left, " ".join(names).lower()) for left, names in columns]


def table_rows(
    rows: Sequence[Sequence[WordBox]], page: int, region: str
) -> tuple[list[TextLine], int]:
    """A header row's table: its rows with their cells, and how many word rows it took.

    `rows` starts with the header row. A row set closer under the one before than rows
    are spaced continues a wrapped cell. The table ends at a row set larger, further
    left, or far below.
    """
    columns = header_columns(rows[0])
    if columns is None:
        return [], 0
    header = tuple(name for _, name in columns)
    lefts = [left for left, _ in columns]
    height = statistics.median(w.height for w in rows[0])
    groups: list[Sequence[WordBox]] = []
    previous_top = min(w.top for w in rows[0])
    for words in rows[1:]:
        top = min(w.top for w in words)
        if (
            header_columns(words) is not None
            or min(w.left for w in words) < lefts[0] - 2 * height
            or top - previous_top > 4 * height
            or statistics.median(w.height for w in words) > 1.3 * height
        ):
            break
        groups.append(words)
        previous_top = top
    tops = [min(w.top for w in g) for g in groups]
    pitches = [b - a for a, b in itertools.pairwise(tops)]
    pitch = statistics.median(pitches) if pitches else 2 * height
    merged: list[list[WordBox]] = []
    for index, group in enumerate(groups):
        if merged and tops[index] - tops[index - 1] < 0.8 * pitch:
            merged[-1].extend(group)  # a wrapped cell
        else:
            merged.append(list(group))
    if not merged:
        return [], 0
    lines = []
    for row in merged:
        cells: list[list[str]] = [[] for _ in columns]
        for word in sorted(row, key=lambda w: (round(w.top), w.left)):
            column = max(
                (i for i, left in enumerate(lefts) if word.left >= left - height), default=0
            )
            cells[column].append(word.text)
        texts = tuple(clean_text(" ".join(c)) for c in cells)
        lines.append(
            TextLine(
                text=" | ".join(t for t in texts if t),
                size=0.0,
                bold=False,
                page=page,
                top=min(w.top for w in row),
                bottom=max(w.bottom for w in row),
                x0=min(w.left for w in row),
                region=region,
                cells=texts,
                header=header,
            )
        )
    return lines, 1 + len(groups)


# --------------------------------------------------------------------------- blocks


def body_size(lines: Sequence[TextLine]) -> float:
    """The font size most of the text is set in."""
    weights: Counter[float] = Counter()
    for line in lines:
        if line.size:
            weights[round(line.size, 1)] += len(line.text)
    if not weights:
        return 10.0

    # OCR estimates scatter around the true size: count each size's near neighbours too.
    def support(size: float) -> int:
        return sum(n for other, n in weights.items() if abs(other - size) <= 0.04 * size)

    return max(weights, key=lambda size: (support(size), weights[size]))


# Lines set like headings that are content: "WHEN: ...", "Please bring ...".
_NOT_A_HEADING = re.compile(r"^(?:[A-Z]{2,}\s*:|please\b|call\b|email\b)", re.I)


def _is_heading(line: TextLine, body: float, not_heading: Callable[[str], bool]) -> bool:
    text = _CID.sub("", line.text).strip()
    if not text or line.cells or _BULLET_START.match(line.text) or _NUMBERED_START.match(text):
        return False
    if _NOT_A_HEADING.match(text) or not_heading(text) or not re.search(r"[^\W\d_]{3,}", text):
        return False
    if len(text.split()) >= 8 and text.endswith((".", "!")):
        return False  # a sentence set large
    if re.match(r"^\d{3,}\b", text):
        return False  # a street address or phone number set large
    words = text.split()
    if line.size >= body * 1.3 and len(words) <= 12:
        return True
    return line.bold and len(words) <= 10 and not text.endswith((".", ",", ";"))


_MONTH_AT_END = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?$", re.I
)


# A calendar's month label on a line of its own: "August 2023", "OCTOBER".
_MONTH_LABEL = re.compile(
    r"^\s*(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)(?:\s+(?:19|20)\d\d)?\s*$",
    re.I,
)


def _continues_a_date(previous: TextLine, line: TextLine) -> bool:
    """Whether "26. Students ..." is the day of a date the previous line broke off."""
    number = _NUMBERED_START.match(line.text)
    return (
        number is not None
        and previous.region == line.region
        and bool(_MONTH_AT_END.search(previous.text))
        and int(re.sub(r"\D", "", number.group(0))) <= 31
    )


def _opens_entry(
    previous: TextLine | None, line: TextLine, starts_entry: Callable[[str], bool]
) -> bool:
    if previous is None or previous.region != line.region or previous.page != line.page:
        return starts_entry(line.text)
    outdented = line.x0 < previous.x0 - 0.5 * max(line.size, 1.0)
    sentence_ended = bool(re.search(r"[.!?:)]\W*$", previous.text)) or previous.bold
    # A dated entry line ends where the next one opens with its date, full stop or not.
    ended = sentence_ended or starts_entry(previous.text) or bool(_MONTH_LABEL.match(previous.text))
    return ended and (outdented or starts_entry(line.text))


# "Poinsettias: $15 each ...": a line that opens with a short label starts a new note.
_LABEL_START = re.compile(r"^[A-Z][\w'’&/ -]{1,30}:\s+\S")


def _join_gap(previous: TextLine, line: TextLine) -> float:
    """The widest gap between two lines of one paragraph: most of a line's height (OCR boxes
    span ascenders to descenders; flyers set loose leading)."""
    box = max(line.bottom - line.top, previous.bottom - previous.top)
    return max(0.9 * max(line.size, previous.size), 0.8 * box)


def _sizes_join(first: float, second: float, body: float, heading: bool) -> bool:
    """Whether two lines' sizes allow one block: a heading level sets its own size, except
    for display titles, whose lines are often set in different sizes."""
    ratio = min(first, second) / max(first, second, 0.1)
    if not heading:
        return ratio >= 0.65
    return ratio >= 0.92 or (ratio >= 0.7 and min(first, second) >= 2 * body)


def _leadings(lines: Sequence[TextLine]) -> dict[float, float]:
    """Per font size, the line pitch inside a paragraph: the smallest top-to-top distance
    between consecutive lines of one region that recurs (a wrapped paragraph's leading).
    A size whose lines never wrap has no entry."""
    pitches: dict[float, Counter[float]] = {}
    for previous, line in itertools.pairwise(lines):
        same_flow = previous.region == line.region and previous.page == line.page
        if not same_flow or abs(previous.size - line.size) > 0.2 or line.cells:
            continue
        pitch = round((line.top - previous.top) * 2) / 2
        if 0 < pitch < 3 * line.size:
            pitches.setdefault(round(line.size, 1), Counter())[pitch] += 1
    return {
        size: min(p for p, n in counts.items() if n >= 2)
        for size, counts in pitches.items()
        if any(n >= 2 for n in counts.values())
    }


def _paragraph_break(previous: TextLine, line: TextLine, leadings: dict[float, float]) -> bool:
    """Whether the space above a line is wider than its paragraph's leading: a new
    paragraph even without a blank line (web pages set one paragraph per line)."""
    leading = leadings.get(round(line.size, 1))
    if leading is None or abs(previous.size - line.size) > 0.2:
        return False
    return line.top - previous.top > leading + max(1.5, 0.15 * line.size)


def build_blocks(
    lines: Sequence[TextLine],
    not_heading: Callable[[str], bool] = lambda text: False,
    starts_entry: Callable[[str], bool] = lambda text: False,
) -> list[Block]:
    """Lines joined into headings, paragraphs, list entries and table rows.

    `not_heading` vetoes lines that look like headings but are content (e.g. a dated line).
    `starts_entry` says a line opens an entry of an unbulleted list ("Tues. Nov. 3 — ...")
    when it begins a new sentence; a line set out to the left of the one before it (a
    hanging indent) opens one too.
    """
    body = body_size(lines)
    leadings = _leadings([line for line in lines if line.text])
    blocks: list[Block] = []
    previous: TextLine | None = None
    for line in lines:
        if not line.text:
            continue
        if line.cells:
            blocks.append(
                Block("row", line.text, body, line.page, cells=line.cells, header=line.header)
            )
            previous = None
            continue
        heading = _is_heading(line, body, not_heading)
        titled = not heading and _is_heading(line, body, lambda text: False)
        listed = bool(_BULLET_START.match(line.text) or _NUMBERED_START.match(line.text))
        if listed and previous is not None and _continues_a_date(previous, line):
            listed = False
        if not listed and not heading and _opens_entry(previous, line, starts_entry):
            listed = True
        text = _NUMBERED_START.sub("", _BULLET_START.sub("", line.text)) if listed else line.text
        text = clean_text(_CID.sub("|", text))
        current = blocks[-1] if blocks else None
        joins = (
            current is not None
            and previous is not None
            and not listed
            and not titled
            and current.kind == ("heading" if heading else "text")
            # OCR may put the lines of one big title in separate blocks.
            and (previous.region == line.region or heading)
            and previous.page == line.page
            and line.top > previous.top  # not back up to the next column's top
            and _sizes_join(previous.size, line.size, body, heading)
            and line.top - previous.bottom < _join_gap(previous, line)
            and not (not heading and _paragraph_break(previous, line, leadings))
            and not _LABEL_START.match(line.text)
        )
        if joins and current is not None:
            separator = " " if not current.text.endswith("-") or heading else ""
            current.text = f"{current.text}{separator}{text}"
            current.lines.append(line)
        else:
            kind: BlockKind = "heading" if heading else "text"
            blocks.append(
                Block(kind, text, line.size, line.page, listed=listed, titled=titled, lines=[line])
            )
        previous = line
    return blocks
