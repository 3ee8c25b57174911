"""The PDF text layer as lines, read with pdfplumber (behind `shared.ports.DocumentText`).

Words keep their font size and weight, two-column regions are read column by column, ruled
tables come out one row at a time and unruled ones (a header row of "Date", "Event", ...)
too. A scan has no text layer: `lines` gives None and the caller turns to OCR.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from shared.errors import UnreadableDocument
from shared.extraction.layout import TextLine, WordBox, clean_text, table_rows


class PdfplumberText:
    """`DocumentText` on pdfplumber."""

    def lines(self, document: bytes) -> list[TextLine] | None:
        pdf = open_pdf(document)
        try:
            return pdf_lines(pdf) if pdf_has_text(pdf) else None
        finally:
            pdf.close()


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
