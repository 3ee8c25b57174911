"""Lines from an OCR engine's words: the words of one line joined, columns split, font sizes
estimated from the letter shapes, and headings marked, so that OCR output becomes the same
`TextLine`s the PDF text layer gives. The engine itself (tesseract) is an adapter.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import statistics
from dataclasses import dataclass, replace

from shared.extraction.layout import TextLine, WordBox, clean_text, table_rows

_NOISE_CONFIDENCE = 30.0


@dataclass(frozen=True)
class OcrPage:
    lines: list[TextLine]
    confidence: float  # mean word confidence, 0-100


def page_from_tsv(tsv: str, page: int) -> OcrPage:
    """An OCR engine's word table (tesseract's TSV output) as the page's lines."""
    rows = list(csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE))
    grouped: dict[tuple[str, str, str], list[_Word]] = {}
    confidences = []
    for row in rows:
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        confidence = float(row.get("conf") or -1)
        if confidence < _NOISE_CONFIDENCE:
            continue  # blank boxes, and shapes read as stray letters
        confidences.append(confidence)
        key = (row["block_num"], row["par_num"], row["line_num"])
        grouped.setdefault(key, []).append(
            _Word(
                text,
                int(row["left"]),
                int(row["top"]),
                int(row["width"]),
                int(row["height"]),
                key[0],
            )
        )
    lines = _page_lines(list(grouped.values()), page)
    mean = statistics.fmean(confidences) if confidences else 0.0
    return OcrPage(lines=lines, confidence=mean)


@dataclass(frozen=True)
class _Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    block: str

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


# How much of the em a word's box spans, by the letter shapes it holds (a typical Latin face:
# ascenders and capitals reach ~0.72 em, descenders ~0.22 em below an x-height of ~0.5 em).
_ASCENDING = re.compile(r"[A-Z0-9bdfhiklt!?%&$#@/\\()\[\]{}|'\"]")
_DESCENDING = re.compile(r"[gjpqy(),;\[\]{}|]")


def _em(word: _Word) -> float:
    """The word's font size in pixels, estimated from its box and its letter shapes."""
    if not re.search(r"[A-Za-z0-9]", word.text):
        return 0.0  # punctuation and symbols say little about size
    ascends = bool(_ASCENDING.search(word.text))
    descends = bool(_DESCENDING.search(word.text))
    share = 0.94 if ascends and descends else 0.72 if ascends or descends else 0.5
    return word.height / share


def _line_size(words: list[_Word]) -> float:
    ems = [e for e in (_em(w) for w in words) if e] or [w.height / 0.72 for w in words]
    # 0.65 em brings the estimate near the scale of the box heights it replaces.
    return statistics.median(ems) * 0.65


def _to_line(words: list[_Word], page: int, region: str, size: float | None = None) -> TextLine:
    return TextLine(
        text=clean_text(" ".join(w.text for w in words)),
        size=_line_size(words) if size is None else size,
        bold=False,
        page=page,
        top=float(min(w.top for w in words)),
        bottom=float(max(w.bottom for w in words)),
        x0=float(min(w.left for w in words)),
        region=region,
    )


def _page_lines(word_lines: list[list[_Word]], page: int) -> list[TextLine]:
    """OCR lines as `TextLine`s: table rows split into cells, side-by-side boxes read one
    after the other, heading-like lines marked."""
    boxes = [
        [WordBox(w.text, w.left, w.top, w.right, w.bottom) for w in words] for words in word_lines
    ]
    out: list[TextLine] = []
    run: list[list[_Word]] = []

    def flush() -> None:
        block = ""
        for suffix, words in _split_columns(run):
            # Side-by-side boxes keep one region per column across tesseract's blocks.
            block = block if suffix and block else words[0].block
            if not suffix:
                block = ""
            out.append(
                _to_line(words, page, f"{page:03d}.{int(block or words[0].block):03d}{suffix}")
            )
        run.clear()

    index = 0
    while index < len(word_lines):
        words = word_lines[index]
        region = f"{page:03d}.T{min(w.top for w in words):07.1f}"
        rows, used = table_rows(boxes[index:], page, region)
        if used:
            flush()
            out.extend(rows)
            index += used
            continue
        run.append(_without_icons([_clean_ocr_word(w) for w in words]))
        index += 1
    flush()
    _mark_headings(out)
    return out


# A flyer's icons (a clock, a pin, a bullet) read as a lone letter or sign.
_ICON = re.compile(r"^[Oo0@©®°•*]$")


def _without_icons(words: list[_Word]) -> list[_Word]:
    """A line without the icon read at its start ("O WHEN: Thursday") or end ("7:00 pm O")."""
    if len(words) > 1 and _ICON.match(words[0].text) and words[1].text[:1].isupper():
        words = words[1:]
    if len(words) > 1 and _ICON.match(words[-1].text):
        words = words[:-1]
    return words


def _clean_ocr_word(word: _Word) -> _Word:
    """Digits misread as letters: "1la.m." is "11a.m.", "l0:30" is "10:30"."""
    text = re.sub(r"(?<=\d)[lI](?=\s*(?:[ap]\.?m|:\d|\d))|(?<![^\W\d_])[lI](?=\d)", "1", word.text)
    return replace(word, text=text) if text != word.text else word


def _split_columns(lines: list[list[_Word]]) -> list[tuple[str, list[_Word]]]:
    """Lines, with boxes set side by side read one after the other: where a gap runs down
    through consecutive lines, the left box's lines come first, then the right box's."""
    out: list[tuple[str, list[_Word]]] = []
    index = 0
    while index < len(lines):
        stretch = _side_by_side(lines, index)
        if stretch is None:
            out.append(("", lines[index]))
            index += 1
            continue
        end, x = stretch
        tag = f".S{index:03d}"
        chunk = lines[index:end]
        out.extend((f"{tag}L", [w for w in line if w.right < x]) for line in chunk)
        out.extend((f"{tag}R", [w for w in line if w.left > x]) for line in chunk)
        index = end
    return [(tag, words) for tag, words in out if words]


def _side_by_side(lines: list[list[_Word]], start: int) -> tuple[int, float] | None:
    """Where a stretch of side-by-side boxes starting at `start` ends, and its gutter."""
    first = sorted(lines[start], key=lambda w: w.left)
    height = statistics.median(w.height for w in first)
    best: tuple[int, float] | None = None
    for a, b in itertools.pairwise(first):
        if b.left - a.right <= 2 * height:
            continue
        x = (a.right + b.left) / 2
        split, lefts, end = 0, [], start
        for line in lines[start:]:
            if any(w.left - height / 4 <= x <= w.right + height / 4 for w in line):
                break
            if end > start and min(w.top for w in line) - max(w.bottom for w in lines[end - 1]) > (
                3 * height
            ):
                break
            left = [w for w in line if w.right < x]
            if left and any(w.left > x for w in line):
                split += 1
                lefts.append(left[-1].text)
            end += 1
        # "Bake table:   drop off goodies ..." is a label and its value, not two boxes.
        labels = sum(1 for text in lefts if text.endswith(":"))
        if split >= 2 and labels * 2 < split and (best is None or end > best[0]):
            best = (end, x)
    return best


def _mark_headings(lines: list[TextLine]) -> None:
    """Marks short lines set apart above their text as headings (OCR cannot see bold).

    A sub-heading is often set in the body size, in bold or colour: a short line without
    closing punctuation that starts its block, or follows a finished sentence, with a
    longer line starting a new sentence right below it.
    """
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        previous = lines[index - 1] if index else None
        words = line.text.split()
        if (
            following is None
            or line.cells
            or following.cells
            or not 1 <= len(words) <= 8
            or re.search(r"[.,;:]$", line.text)
            or re.search(
                r"\d\s*[ap]\.?\s?m\b|\d:\d\d", line.text, re.I
            )  # a time belongs to its event
            or re.search(r"\b(?:the|a|an|to|and|or|of|for|at|by|with|on|in|from)$", line.text, re.I)
            or re.match(r"^\W*\s", line.text)
            or not re.search(r"[^\W\d_]{3,}", line.text)
            or following.page != line.page
        ):
            continue
        starts_block = previous is None or previous.region != line.region
        after_sentence = previous is not None and bool(re.search(r"[.!?:]\W*$", previous.text))
        height = max(line.bottom - line.top, 1.0)
        below = following.top - line.bottom < 2.5 * height
        new_sentence = bool(re.match(r"^\W*[A-Z0-9]", following.text))
        set_apart = (
            len(following.text) >= 1.5 * len(line.text)
            or following.region != line.region
            or line.size >= 1.15 * following.size
        )
        exclaims = line.text.endswith("!") and len(words) > 4  # a sentence, not a title
        if (starts_block or after_sentence) and below and new_sentence and set_apart:
            line.bold = not exclaims
