"""A document's text as blocks in reading order: headings, paragraphs, list entries, table rows.

PDF pages are read with pdfplumber: words keep their font size and weight, two-column
regions are read column by column, and ruled tables come out one row at a time. OCR output
(see `ocr`) is turned into the same `TextLine`s so that one block builder serves both.
"""

from __future__ import annotations

import io
import itertools
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from shared.errors import UnreadableDocument

BlockKind = Literal["heading", "text", "row"]

_BULLET_GLYPHS = "•◦▪▫●○■□►▸‣⁃∙·*-–"
# OCR reads small bullets as "e", "o", "©" or "@" before the entry's first word.
_BULLET_START = re.compile(
    rf"^\s*(?:\(cid:\d+\)|[{re.escape(_BULLET_GLYPHS)}]|[eo©®@°«»](?=\s+[A-Z0-9]))\s+"
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
    titled: bool = False  # set as a heading, but content: "Winter Spirit Week, 25–29 Jan"
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


# --------------------------------------------------------------------------- PDF


_LOCKED = "The PDF is password-protected; upload an unlocked copy."
_DAMAGED = "The PDF is damaged and cannot be opened; export or scan it again and re-upload."


def open_pdf(document: bytes) -> Any:
    """The pdfplumber document, or UnreadableDocument with a reason staff can act on."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(document))
        pages = pdf.pages
    except Exception as exc:  # pdfminer raises many types for broken files; pdfplumber wraps them
        causes = [exc, *exc.args]
        if any(isinstance(c, PDFPasswordIncorrect | PDFEncryptionError) for c in causes):
            raise UnreadableDocument(_LOCKED) from None
        raise UnreadableDocument(_DAMAGED) from None
    if not pages:
        pdf.close()
        raise UnreadableDocument("The PDF has no pages.")
    return pdf


def pdf_lines(pdf: Any) -> list[TextLine]:
    """Every page's lines in reading order (columns one after the other, tables by row)."""
    lines: list[TextLine] = []
    for number, page in enumerate(pdf.pages, start=1):
        lines.extend(_page_lines(page, number))
    return lines


def pdf_has_text(pdf: Any) -> bool:
    """Whether the PDF carries a usable text layer (a scan does not)."""
    chars = sum(len(page.chars) for page in pdf.pages)
    return chars >= 40 * len(pdf.pages)


def _page_lines(page: Any, number: int) -> list[TextLine]:
    tables = [t for t in page.find_tables() if t.rows and len(t.rows[0].cells) >= 2]
    boxes = [t.bbox for t in tables]

    def in_table(word: dict[str, Any]) -> bool:
        cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
        return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    words = [
        w
        for w in page.extract_words(extra_attrs=["fontname", "size"], x_tolerance=1.5)
        if not in_table(w)
    ]
    rows = _word_rows(words)
    unruled, rows = _unruled_tables(rows, number)
    flow = _reading_order(rows, float(page.width), number)
    flow.extend(unruled)
    for table in tables:
        flow.extend(_table_lines(table, number))
    flow.sort(key=lambda line: (_region_order(line), 0))
    return _order_by_regions(flow)


def _word_rows(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words grouped into visual rows (same baseline band), each sorted left to right."""
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        middle = (word["top"] + word["bottom"]) / 2
        for row in rows[-4:]:
            top = min(w["top"] for w in row)
            bottom = max(w["bottom"] for w in row)
            if top <= middle <= bottom and abs(row[0]["bottom"] - word["bottom"]) < word["size"]:
                row.append(word)
                break
        else:
            rows.append([word])
    for row in rows:
        row.sort(key=lambda w: w["x0"])
    rows.sort(key=lambda r: min(w["top"] for w in r))
    return rows


def _unruled_tables(
    rows: list[list[dict[str, Any]]], page: int
) -> tuple[list[TextLine], list[list[dict[str, Any]]]]:
    """Tables drawn without rules (found by their header row), and the rows left over."""
    boxes = [
        [
            WordBox(w["text"], float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]))
            for w in row
        ]
        for row in rows
    ]
    tables: list[TextLine] = []
    rest: list[list[dict[str, Any]]] = []
    index = 0
    while index < len(rows):
        lines, used = table_rows(boxes[index:], page, f"{page:03d}.T{boxes[index][0].top:07.1f}")
        if used:
            tables.extend(lines)
            index += used
        else:
            rest.append(rows[index])
            index += 1
    return tables, rest


_MIN_GUTTER = 8.0  # points; wider than any word space, narrower than a column gap


def _crosses(row: list[dict[str, Any]], x: float) -> bool:
    """Whether a row runs across x (a word covers it, or only a word space separates)."""
    if any(w["x0"] - 1 <= x <= w["x1"] + 1 for w in row):
        return True
    left_end = max((w["x1"] for w in row if w["x1"] < x), default=None)
    right_start = min((w["x0"] for w in row if w["x0"] > x), default=None)
    return left_end is not None and right_start is not None and right_start - left_end < _MIN_GUTTER


def _gutter(rows: list[list[dict[str, Any]]], width: float) -> float | None:
    """The x of the gap between two columns, if the page has two columns anywhere."""
    best: tuple[int, int, float] | None = None
    for step in range(int(width * 0.3), int(width * 0.7), 2):
        x = float(step)
        covered = left = right = 0
        for row in rows:
            if _crosses(row, x):
                covered += 1
            else:
                left += any(w["x1"] < x for w in row)
                right += any(w["x0"] > x for w in row)
        if min(left, right) < 4:
            continue
        score = (covered, -min(left, right), abs(x - width / 2))
        if best is None or score < (best[0], best[1], abs(best[2] - width / 2)):
            best = (covered, -min(left, right), x)
    return best[2] if best else None


def _line(words: Sequence[dict[str, Any]], page: int, region: str) -> TextLine:
    sizes = [float(w["size"]) for w in words]
    weights = Counter(
        "bold" if re.search(r"bold|black|heavy", w["fontname"], re.I) else "regular"
        for w in words
        for c in w["text"]
        # CJK and Gurmukhi fonts seldom have a bold face: a bold title's translation is not.
        if c.isalnum() and ord(c) < 0x250
    )
    text = clean_text(" ".join(w["text"] for w in words))
    return TextLine(
        text=text,
        size=statistics.median(sizes),
        bold=weights["bold"] > 0 and weights["regular"] == 0,
        page=page,
        top=min(float(w["top"]) for w in words),
        bottom=max(float(w["bottom"]) for w in words),
        x0=min(float(w["x0"]) for w in words),
        region=region,
    )


def _ends_a_paragraph(rows: list[list[dict[str, Any]]], index: int, gutter: float | None) -> bool:
    """Whether a short line that stops before the gutter, between two full-width lines and
    aligned with the one above, is the last line of a full-width paragraph."""
    if gutter is None or index == 0 or any(w["x0"] > gutter for w in rows[index]):
        return False
    above = rows[index - 1]
    below = rows[index + 1] if index + 1 < len(rows) else None
    aligned = abs(min(w["x0"] for w in rows[index]) - min(w["x0"] for w in above)) <= 2
    return aligned and (below is None or _crosses(below, gutter))


def _reading_order(rows: list[list[dict[str, Any]]], width: float, page: int) -> list[TextLine]:
    """Lines tagged with their region: full-width bands and, between them, left then right."""
    gutter = _gutter(rows, width)
    lines: list[TextLine] = []
    band = 0
    full_width = False
    for index, row in enumerate(rows):
        crosses = gutter is None or _crosses(row, gutter)
        if not crosses and full_width and _ends_a_paragraph(rows, index, gutter):
            crosses = True  # a full-width paragraph's short last line
        if crosses != full_width:
            band += 1
            full_width = crosses
        if crosses:
            lines.append(_line(row, page, f"{page:03d}.{band:03d}.F"))
            continue
        assert gutter is not None
        left = [w for w in row if w["x1"] < gutter]
        right = [w for w in row if w["x0"] > gutter]
        if left:
            lines.append(_line(left, page, f"{page:03d}.{band:03d}.L"))
        if right:
            lines.append(_line(right, page, f"{page:03d}.{band:03d}.R"))
    return lines


def _table_lines(table: Any, page: int) -> list[TextLine]:
    extracted = table.extract()
    lines: list[TextLine] = []
    header: tuple[str, ...] = ()
    for index, (row, cells) in enumerate(zip(table.rows, extracted, strict=False)):
        texts = tuple(clean_text((c or "").replace("\n", " ")) for c in cells)
        if not any(texts):
            continue
        if index == 0 and _looks_like_header(texts):
            header = tuple(t.lower() for t in texts)
            continue
        top, bottom = float(row.bbox[1]), float(row.bbox[3])
        lines.append(
            TextLine(
                text=" | ".join(t for t in texts if t),
                size=0.0,
                bold=False,
                page=page,
                top=top,
                bottom=bottom,
                x0=float(row.bbox[0]),
                region=f"{page:03d}.T{table.bbox[1]:07.1f}",
                cells=texts,
                header=header,
            )
        )
    return lines


def _looks_like_header(cells: Iterable[str]) -> bool:
    return all(len(c.split()) <= 3 and not re.search(r"\d", c) for c in cells)


def _region_order(line: TextLine) -> tuple[int, float, float]:
    return (line.page, line.top, line.x0)


def _order_by_regions(lines: list[TextLine]) -> list[TextLine]:
    """Full-width bands and tables in page order; within a band, the left column first."""
    ordered: list[TextLine] = []
    pending_left: list[TextLine] = []
    pending_right: list[TextLine] = []

    def flush() -> None:
        ordered.extend(sorted(pending_left, key=lambda line: line.top))
        ordered.extend(sorted(pending_right, key=lambda line: line.top))
        pending_left.clear()
        pending_right.clear()

    current_band = ""
    for line in lines:
        band = line.region.rsplit(".", 1)[0]
        side = line.region.rsplit(".", 1)[-1]
        if line.cells or side == "F" or band != current_band:
            flush()
            current_band = band
        if line.cells or side == "F":
            ordered.append(line)
        elif side == "L":
            pending_left.append(line)
        else:
            pending_right.append(line)
    flush()
    return ordered


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
_HEADER_WORDS = re.compile(
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
        if not columns or _HEADER_WORDS.match(name) or gap > 1.2 * height:
            columns.append((word.left, [name]))
        else:
            columns[-1][1].append(name)
    named = sum(1 for _, names in columns if _HEADER_WORDS.match(names[0]))
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
    return sentence_ended and (outdented or starts_entry(line.text))


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
