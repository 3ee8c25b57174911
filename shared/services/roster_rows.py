"""What both roster formats share: sources as text, row problems, normalisation, CSV rows.

shared.services.roster_import describes the formats; shared.adapters.roster_files reads files,
folders and zips into these sources at the edge, so that everything here works on text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import phonenumbers

from shared.errors import BadInput, NotFound
from shared.models import KINDERGARTEN, PRE_K, LanguageCode, School
from shared.services.roster import SchoolRoster
from shared.services.subscriptions import activity_slug_for

ONEROSTER_FILES = (
    "manifest.csv",
    "orgs.csv",
    "users.csv",
    "classes.csv",
    "enrollments.csv",
    "demographics.csv",
)
# A roster of a few thousand families is a few megabytes; anything far larger is not a roster.
MAX_FILE_BYTES = 200 * 1024 * 1024
NAME_MAX = 200  # as Parent.name and Child.name allow

# --------------------------------------------------------------------------- problems


@dataclass(frozen=True)
class RowProblem:
    """One row that was not imported (an error) or was imported with a caveat (a warning)."""

    file: str
    line: int
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "reason": self.reason}


class RosterUnreadable(BadInput):
    """The input as a whole cannot be read: a missing file or column, not UTF-8, a bad zip."""


class UnknownSchool(NotFound):
    """The roster is for a school that is not in the store."""


@dataclass
class RowProblems:
    errors: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)

    def of(self, roster: SchoolRoster) -> ParsedRoster:
        def in_file_order(problems: list[RowProblem]) -> list[RowProblem]:
            return sorted(problems, key=lambda p: (p.file, p.line))

        return ParsedRoster(roster, in_file_order(self.errors), in_file_order(self.warnings))

    def error(self, file: str, line: int, reasons: str | Sequence[str]) -> None:
        reason = reasons if isinstance(reasons, str) else "; ".join(reasons)
        self.errors.append(RowProblem(file, line, reason))

    def warn(self, file: str, line: int, reason: str) -> None:
        self.warnings.append(RowProblem(file, line, reason))


# --------------------------------------------------------------------------- sources


@dataclass(frozen=True)
class OneRosterExport:
    """The CSV files of a OneRoster export, by lower-case file name."""

    files: dict[str, str]


@dataclass(frozen=True)
class SimpleRosterCsv:
    name: str
    text: str


RosterSource = OneRosterExport | SimpleRosterCsv


# --------------------------------------------------------------------------- normalisation

_LANGUAGE_NAMES: dict[str, LanguageCode] = {
    "english": "en",
    "punjabi": "pa",
    "panjabi": "pa",
    "ਪੰਜਾਬੀ": "pa",
    "پنجابی": "pa",
    "tagalog": "tl",
    "filipino": "tl",
    "pilipino": "tl",
    "wikang filipino": "tl",
    "chinese": "zh",
    "mandarin": "zh",
    "cantonese": "zh",
    "中文": "zh",
    "汉语": "zh",
    "漢語": "zh",
    "普通话": "zh",
    "國語": "zh",
    "粤语": "zh",
    "廣東話": "zh",
}
# ISO 639-1/-2/-3 codes; a BCP 47 tag (zh-Hans-CN, fil-PH, en_CA) is read by its first part.
_LANGUAGE_CODES: dict[str, LanguageCode] = {
    "en": "en",
    "eng": "en",
    "pa": "pa",
    "pan": "pa",
    "tl": "tl",
    "tgl": "tl",
    "fil": "tl",
    "zh": "zh",
    "zho": "zh",
    "chi": "zh",
    "cmn": "zh",
    "yue": "zh",
}


def normalise_language(text: str) -> LanguageCode | None:
    """The supported language `text` names (a name in English or in itself, or a code)."""
    key = " ".join(text.split()).casefold()
    if key in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[key]
    return _LANGUAGE_CODES.get(key.replace("_", "-").split("-")[0])


def normalise_phone(text: str, region: str) -> str | None:
    """The number in E.164 form, read as dialled in `region`; None if it is not a valid one."""
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


# CEDS grade-level codes (what OneRoster uses) and what people type in a spreadsheet.
# Pre-school and transitional kindergarten are the year before kindergarten: our Pre-K.
_GRADE_WORDS = {
    "pk": PRE_K,
    "pr": PRE_K,
    "tk": PRE_K,
    "prek": PRE_K,
    "prekindergarten": PRE_K,
    "preschool": PRE_K,
    "k": KINDERGARTEN,
    "kg": KINDERGARTEN,
    "kindergarten": KINDERGARTEN,
}


def parse_grade(text: str) -> int | None:
    """The grade `text` names (PK/TK = -1, K/KG = 0, 1..12 or 01..12), or None."""
    key = "".join(c for c in text.casefold() if c.isalnum() or c == "-").replace("-", "")
    key = key.removeprefix("grade")
    if key in _GRADE_WORDS:
        return _GRADE_WORDS[key]
    if text.strip() == "-1":
        return PRE_K
    if key.isdigit() and 0 <= int(key) <= 12:
        return int(key)
    return None


def grade_label(grade: int) -> str:
    return {PRE_K: "Pre-K", KINDERGARTEN: "K"}.get(grade, str(grade))


def _grades_offered(school: School) -> str:
    grades = school.grades_offered
    contiguous = grades == list(range(grades[0], grades[-1] + 1))
    if contiguous and len(grades) > 2:
        return f"{grade_label(grades[0])}–{grade_label(grades[-1])}"
    return ", ".join(grade_label(g) for g in grades)


def grade_problem(school: School, text: str, column: str) -> tuple[int | None, str | None]:
    """The grade, or why the value cannot be used (values of a grade column are not personal)."""
    if not text.strip():
        return None, f"{column} is empty"
    grade = parse_grade(text)
    if grade is None:
        return None, f"{column} {text.strip()!r} is not a grade (use PK, K or 1-12)"
    if grade not in school.grades_offered:
        return None, (
            f"grade {grade_label(grade)} is not offered by this school ({_grades_offered(school)})"
        )
    return grade, None


def phone_from(candidates: Sequence[tuple[str, str]], region: str) -> tuple[str | None, list[str]]:
    """The first valid number among (column, value) pairs, and what was wrong with the others.

    Reasons name the column and the region, never the number.
    """
    present = [(column, value) for column, value in candidates if value.strip()]
    if not present:
        columns = [column for column, _ in candidates]
        return None, [" and ".join(columns) + (" is empty" if len(columns) == 1 else " are empty")]
    complaints: list[str] = []
    for column, value in present:
        phone = normalise_phone(value, region)
        if phone is not None:
            return phone, complaints
        complaints.append(f"{column} is not a valid {region} number")
    return None, complaints


# --------------------------------------------------------------------------- reading CSV


@dataclass(frozen=True)
class Row:
    """One data row; columns are looked up ignoring case, spaces and underscores."""

    line: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values.get(_column_key(column), "").strip()

    def listed(self, column: str, separators: str = ",") -> list[str]:
        text = self[column]
        for separator in separators[1:]:
            text = text.replace(separator, separators[0])
        return [part.strip() for part in text.split(separators[0]) if part.strip()]


def _column_key(name: str) -> str:
    return "".join(c for c in name.casefold() if c.isalnum())


def read_table(file: str, text: str, required: Iterable[str] = ()) -> tuple[list[str], list[Row]]:
    """The header and the non-blank rows of one CSV file, each row with its spreadsheet line."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            raise RosterUnreadable(f"{file} is empty")
        keys = [_column_key(h) for h in header]
        missing = [column for column in required if _column_key(column) not in keys]
        if missing:
            raise RosterUnreadable(f"{file} has no column {', '.join(missing)}")
        rows = [
            Row(line, dict(zip(keys, cells, strict=False)))
            for line, cells in enumerate(reader, start=2)
            if any(cell.strip() for cell in cells)
        ]
    except csv.Error as exc:
        raise RosterUnreadable(f"{file} is not valid CSV: {exc}") from None
    return header, rows


def language_column(header: Sequence[str]) -> str | None:
    """The first column that holds a language (OneRoster has none; extensions often do)."""
    return next((h for h in header if "language" in h.casefold()), None)


def language_or_default(
    school: School, value: str, file: str, line: int, problems: RowProblems
) -> LanguageCode:
    language = normalise_language(value) if value else school.default_language
    if language is None:
        problems.warn(
            file,
            line,
            f"language {value!r} is not supported; using {school.default_language}",
        )
        return school.default_language
    return language


def name_problems(row: Row, *columns: str) -> list[str]:
    """Why the name in these columns (given and family names, say) cannot be used, if it can't."""
    subject = " and ".join(columns) + (" is" if len(columns) == 1 else " are")
    name = " ".join(row[c] for c in columns if row[c])
    if not name:
        return [f"{subject} empty"]
    if len(name) > NAME_MAX:
        return [f"{subject} longer than {NAME_MAX} characters"]
    return []


# --------------------------------------------------------------------------- parsing


@dataclass(frozen=True)
class ParsedRoster:
    """What a source holds for one school: the importable families and every row problem."""

    roster: SchoolRoster
    errors: list[RowProblem]
    warnings: list[RowProblem]


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def activity_slugs(school: School, names: Iterable[str]) -> tuple[list[str], list[str]]:
    """The slugs of the named activities, and a reason for each name the catalog lacks."""
    slugs: list[str] = []
    reasons: list[str] = []
    for name in names:
        slug = activity_slug_for(school, name)
        if slug is None:
            reasons.append(f"activity {name!r} is not in the school's catalog")
        else:
            slugs.append(slug)
    return slugs, reasons
