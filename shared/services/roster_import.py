"""Roster import: what schools actually export, read into families and written idempotently.

Two inputs are understood (docs/roster-csv.md says the same for school staff):

OneRoster 1.1 CSV, as a folder or a zip: users.csv (required), and where present orgs.csv,
classes.csv, enrollments.csv, demographics.csv and manifest.csv. Students and their parents or
guardians are users.csv rows by `role`; they are linked through `agentSourcedIds` on either
side. A student's grade comes from `grades` (CEDS codes: PK, PR, TK, KG, 01..12). A guardian's
phone is `sms`, else `phone`. OneRoster has no language field, so a language-like column of
demographics.csv or users.csv (an extension such as `homeLanguage`) is used when present, the
guardian's own row first, then their students'; else the school's default language. A class in
classes.csv whose title or classCode names an activity of the school makes its enrolled
students (enrollments.csv) members of that activity. When orgs.csv lists several schools, only
students of the one whose sourcedId, identifier or name matches the school are imported.

The simple CSV: one row per parent-and-child pair, header on line 1, UTF-8:

    family       optional: rows with the same family key share their children (two guardians)
    parent_name  required
    phone        required: national or international form, read for the school's region
    language     optional: English, Punjabi, Tagalog/Filipino, Chinese or a code (en, pa, tl,
                 zh, fil, zh-CN...); empty or unsupported means the school's default language
    child_name   required
    grade        required: PK, K, 1..12 (or CEDS codes KG, 01..12)
    activities   optional: activity names, slugs or synonyms separated by ";"

Rows are one parent per phone number. A child is one child per family key and name, or, in
rows without a family key, per parent and name.

Ids derive from the source (a OneRoster sourcedId; in the simple CSV the phone, and the family
or parent plus the child's name), so importing again updates records rather than duplicating
them. A parent already in the store with the same phone, or a child of theirs with the same
name, keeps their id, so switching from one format to the other duplicates nobody either.

Every bad row is reported with its file, its line as a spreadsheet shows it (the header is
line 1) and a reason; the good rows still import. Reasons never carry phone numbers or names.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import phonenumbers

from shared.errors import BadInput, NotFound
from shared.models import (
    KINDERGARTEN,
    PRE_K,
    Child,
    LanguageCode,
    Parent,
    School,
    stable_id,
)
from shared.ports import FieldFilter
from shared.repository import Repositories
from shared.services.roster import ProgressCallback, SchoolRoster, save_families
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
class _Problems:
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


def read_roster_source(path: Path) -> RosterSource:
    """A OneRoster folder or zip, or a simple CSV file, read from disk."""
    if path.is_dir():
        files = {p.name.lower(): p for p in path.iterdir() if p.name.lower() in ONEROSTER_FILES}
        return _oneroster_export({name: _bytes_of(p) for name, p in files.items()})
    if not path.is_file():
        raise RosterUnreadable(f"{path} does not exist")
    if zipfile.is_zipfile(path):
        return oneroster_from_zip(path.read_bytes())
    if path.suffix.lower() == ".csv":
        return SimpleRosterCsv(path.name, _text_of(path.name, _bytes_of(path)))
    raise RosterUnreadable(f"{path.name}: expected a OneRoster folder or zip, or a .csv file")


def oneroster_from_zip(data: bytes) -> OneRosterExport:
    """A zipped OneRoster export (the files may sit in a folder inside the zip)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise RosterUnreadable("the file is not a readable zip") from None
    found: dict[str, bytes] = {}
    with archive:
        for info in archive.infolist():
            name = Path(info.filename).name.lower()
            if info.is_dir() or name not in ONEROSTER_FILES or "__MACOSX" in info.filename:
                continue
            if info.file_size > MAX_FILE_BYTES:
                raise RosterUnreadable(f"{name} is larger than {MAX_FILE_BYTES} bytes")
            found[name] = archive.read(info)
    return _oneroster_export(found)


def _oneroster_export(raw: dict[str, bytes]) -> OneRosterExport:
    if "users.csv" not in raw:
        raise RosterUnreadable("a OneRoster export needs users.csv; none was found")
    return OneRosterExport({name: _text_of(name, data) for name, data in raw.items()})


def _bytes_of(path: Path) -> bytes:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise RosterUnreadable(f"{path.name} is larger than {MAX_FILE_BYTES} bytes")
    return path.read_bytes()


def _text_of(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")  # spreadsheets save UTF-8 with a byte-order mark
    except UnicodeDecodeError:
        raise RosterUnreadable(f"{name} is not UTF-8 text (save it as 'CSV UTF-8')") from None


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


def _grade_problem(school: School, text: str, column: str) -> tuple[int | None, str | None]:
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


def _phone_from(candidates: Sequence[tuple[str, str]], region: str) -> tuple[str | None, list[str]]:
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
class _Row:
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


def _table(file: str, text: str, required: Iterable[str] = ()) -> tuple[list[str], list[_Row]]:
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
            _Row(line, dict(zip(keys, cells, strict=False)))
            for line, cells in enumerate(reader, start=2)
            if any(cell.strip() for cell in cells)
        ]
    except csv.Error as exc:
        raise RosterUnreadable(f"{file} is not valid CSV: {exc}") from None
    return header, rows


def _language_column(header: Sequence[str]) -> str | None:
    """The first column that holds a language (OneRoster has none; extensions often do)."""
    return next((h for h in header if "language" in h.casefold()), None)


def _language(
    school: School, value: str, file: str, line: int, problems: _Problems
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


def _name_problems(row: _Row, *columns: str) -> list[str]:
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


def parse_roster(source: RosterSource, school: School) -> ParsedRoster:
    if isinstance(source, OneRosterExport):
        return parse_oneroster(source, school)
    return parse_simple_csv(source, school)


def parse_simple_csv(source: SimpleRosterCsv, school: School) -> ParsedRoster:
    file = source.name
    _, rows = _table(file, source.text, ("parent_name", "phone", "child_name", "grade"))
    problems = _Problems()
    parents: dict[str, Parent] = {}
    children: dict[str, Child] = {}
    first_line: dict[str, int] = {}  # of each parent and child id
    for row in rows:
        reasons = _name_problems(row, "parent_name") + _name_problems(row, "child_name")
        phone, phone_reasons = _phone_from([("phone", row["phone"])], school.region)
        grade, grade_reason = _grade_problem(school, row["grade"], "grade")
        activities, activity_reasons = _activities(school, row.listed("activities", ";"))
        reasons += phone_reasons + ([grade_reason] if grade_reason else []) + activity_reasons
        if reasons or phone is None or grade is None:
            problems.error(file, row.line, reasons)
            continue
        parent_id = stable_id("parent", school.id, phone)
        scope = f"family\x1f{row['family']}" if row["family"] else parent_id
        child_id = stable_id("child", school.id, scope, _name_key(row["child_name"]))
        known_child = children.get(child_id)
        if known_child is not None and known_child.grade != grade:
            problems.error(
                file, row.line, f"grade differs from line {first_line[child_id]} for the same child"
            )
            continue
        language = _language(school, row["language"], file, row.line, problems)
        known_parent = parents.get(parent_id)
        if known_parent is None:
            parents[parent_id] = Parent(
                id=parent_id,
                school_id=school.id,
                name=row["parent_name"],
                phone=phone,
                language=language,
            )
            first_line[parent_id] = row.line
        elif known_parent.language != language:
            problems.warn(
                file,
                row.line,
                f"language differs from line {first_line[parent_id]} for the same phone;"
                f" kept line {first_line[parent_id]}'s",
            )
        if known_child is None:
            known_child = Child(
                id=child_id, school_id=school.id, name=row["child_name"], grade=grade
            )
            first_line[child_id] = row.line
        children[child_id] = known_child.model_copy(
            update={
                "parent_ids": sorted({*known_child.parent_ids, parent_id}),
                "activities": sorted({*known_child.activities, *activities}),
            }
        )
    roster = SchoolRoster(
        school=school, parents=list(parents.values()), children=list(children.values())
    )
    return problems.of(roster)


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _activities(school: School, names: Iterable[str]) -> tuple[list[str], list[str]]:
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


_USERS = "users.csv"
_GUARDIAN_ROLES = frozenset({"parent", "guardian"})


def _active(row: _Row) -> bool:
    return row["status"].casefold() != "tobedeleted"


def parse_oneroster(export: OneRosterExport, school: School) -> ParsedRoster:
    problems = _Problems()
    _check_manifest(export, problems)
    org_id = _school_org_id(export, school)
    header, users = _table(
        _USERS,
        export.files[_USERS],
        ("sourcedId", "role", "givenName", "familyName", "agentSourcedIds"),
    )
    students: dict[str, _Row] = {}
    guardians: dict[str, _Row] = {}
    elsewhere: set[str] = set()  # students of another school of the same export
    first_line: dict[str, int] = {}
    for row in users:
        sourced_id = row["sourcedId"]
        if not sourced_id:
            problems.error(_USERS, row.line, "sourcedId is empty")
            continue
        if sourced_id in first_line:
            problems.error(
                _USERS, row.line, f"duplicate sourcedId (first on line {first_line[sourced_id]})"
            )
            continue
        first_line[sourced_id] = row.line
        role = row["role"].casefold()
        if not _active(row):
            continue
        if role == "student":
            if org_id is not None and org_id not in row.listed("orgSourcedIds"):
                elsewhere.add(sourced_id)
            else:
                students[sourced_id] = row
        elif role in _GUARDIAN_ROLES:
            guardians[sourced_id] = row

    grades: dict[str, int] = {}
    own_reasons: dict[str, list[str]] = {}
    for sourced_id, row in students.items():
        grade, grade_reasons = _student_grade(school, row)
        own_reasons[sourced_id] = _name_problems(row, "givenName", "familyName") + grade_reasons
        if grade is not None:
            grades[sourced_id] = grade
    phones: dict[str, str] = {}
    for sourced_id, row in guardians.items():
        phone, complaints = _phone_from(
            [("sms", row["sms"]), ("phone", row["phone"])], school.region
        )
        own_reasons[sourced_id] = _name_problems(row, "givenName", "familyName")
        if phone is None:
            own_reasons[sourced_id] += complaints
        else:
            phones[sourced_id] = phone
            for complaint in complaints:
                problems.warn(_USERS, row.line, f"{complaint}; used phone")

    links = {
        (guardian, student)
        for student, row in students.items()
        for guardian in row.listed("agentSourcedIds")
        if guardian in guardians
    } | {
        (guardian, student)
        for guardian, row in guardians.items()
        for student in row.listed("agentSourcedIds")
        if student in students
    }
    guardians_of: dict[str, set[str]] = {s: set() for s in students}
    students_of: dict[str, set[str]] = {g: set() for g in guardians}
    for guardian, student in links:
        guardians_of[student].add(guardian)
        students_of[guardian].add(student)

    def lines(ids: Iterable[str]) -> str:
        return ", ".join(str(n) for n in sorted(first_line[i] for i in ids))

    importable_students: set[str] = set()
    for student, row in students.items():
        reasons = own_reasons[student]
        usable = {g for g in guardians_of[student] if not own_reasons[g]}
        if not guardians_of[student]:
            reasons = [*reasons, "no parent or guardian is linked to this student"]
        elif not reasons and not usable:
            seen_on = lines(guardians_of[student])
            reasons = [f"none of the student's guardians could be imported (lines {seen_on})"]
        if reasons:
            problems.error(_USERS, row.line, reasons)
        else:
            importable_students.add(student)
    importable_guardians: list[str] = []
    for guardian, row in guardians.items():
        reasons = own_reasons[guardian]
        if not students_of[guardian]:
            if set(row.listed("agentSourcedIds")) & elsewhere:
                continue  # a guardian of another school's students: not ours to report
            reasons = [*reasons, "agentSourcedIds names no student in users.csv"]
        elif not reasons and not students_of[guardian] & importable_students:
            seen_on = lines(students_of[guardian])
            reasons = [f"none of the guardian's students could be imported (lines {seen_on})"]
        if reasons:
            problems.error(_USERS, row.line, reasons)
        else:
            importable_guardians.append(guardian)

    # One phone is one WhatsApp account: guardians sharing one become one parent.
    parent_of: dict[str, str] = {}
    by_phone: dict[str, str] = {}
    for guardian in importable_guardians:
        first = by_phone.setdefault(phones[guardian], guardian)
        parent_of[guardian] = stable_id("oneroster", school.id, first)
        if first != guardian:
            problems.warn(
                _USERS,
                first_line[guardian],
                f"same phone as the guardian on line {first_line[first]};"
                " their students are linked to that guardian",
            )

    languages = _oneroster_languages(export, header, users)
    activities = _enrolled_activities(export, school, first_line, importable_students, problems)
    parents = [
        Parent(
            id=parent_of[guardian],
            school_id=school.id,
            name=_full_name(guardians[guardian]),
            phone=phones[guardian],
            language=_guardian_language(
                school,
                [guardian, *sorted(students_of[guardian], key=first_line.__getitem__)],
                languages,
                problems,
            ),
        )
        for guardian in importable_guardians
        if by_phone[phones[guardian]] == guardian
    ]
    children = [
        Child(
            id=stable_id("oneroster", school.id, student),
            school_id=school.id,
            name=_full_name(row),
            grade=grades[student],
            parent_ids=sorted({parent_of[g] for g in guardians_of[student] if g in parent_of}),
            activities=sorted(activities.get(student, set())),
        )
        for student, row in students.items()
        if student in importable_students
    ]
    roster = SchoolRoster(school=school, parents=parents, children=children)
    return problems.of(roster)


def _full_name(row: _Row) -> str:
    return " ".join(row[c] for c in ("givenName", "familyName") if row[c])


def _student_grade(school: School, row: _Row) -> tuple[int | None, list[str]]:
    codes = row.listed("grades")
    if len({parse_grade(code) for code in codes}) > 1:
        return None, [f"grades lists several grades ({', '.join(codes)})"]
    grade, reason = _grade_problem(school, codes[0] if codes else "", "grades")
    return grade, [reason] if reason else []


def _check_manifest(export: OneRosterExport, problems: _Problems) -> None:
    if "manifest.csv" not in export.files:
        return
    _, rows = _table("manifest.csv", export.files["manifest.csv"], ("propertyName", "value"))
    for row in rows:
        if row["propertyName"] == "oneroster.version" and row["value"] != "1.1":
            problems.warn(
                "manifest.csv",
                row.line,
                f"oneroster.version is {row['value']!r}; this importer reads 1.1",
            )


def _school_org_id(export: OneRosterExport, school: School) -> str | None:
    """The org whose students to import when the export holds several schools; None for all."""
    if "orgs.csv" not in export.files:
        return None
    _, rows = _table("orgs.csv", export.files["orgs.csv"], ("sourcedId", "name", "type"))
    schools = [r for r in rows if r["type"].casefold() == "school" and _active(r)]
    if len(schools) <= 1:
        return None
    for row in schools:
        if school.id in (row["sourcedId"], row["identifier"]) or (
            row["name"].casefold() == school.name.casefold()
        ):
            return row["sourcedId"]
    raise RosterUnreadable(
        f"orgs.csv lists {len(schools)} schools and none has the sourcedId, identifier or name"
        f" of school {school.id!r}; set one school's identifier to {school.id!r}"
    )


_Sighting = tuple[str, int, str]  # file, line, value


def _oneroster_languages(
    export: OneRosterExport, users_header: Sequence[str], users: Sequence[_Row]
) -> dict[str, _Sighting]:
    """Each user's language as some column records it; demographics.csv wins over users.csv."""
    found: dict[str, _Sighting] = {}
    column = _language_column(users_header)
    if column is not None:
        for row in users:
            if row[column]:
                found[row["sourcedId"]] = (_USERS, row.line, row[column])
    if "demographics.csv" in export.files:
        header, rows = _table("demographics.csv", export.files["demographics.csv"])
        column = _language_column(header)
        for row in rows if column is not None else []:
            # 1.1 keys demographics by the user's sourcedId; some exporters say userSourcedId.
            user = row["sourcedId"] or row["userSourcedId"]
            if user and row[column or ""]:
                found[user] = ("demographics.csv", row.line, row[column or ""])
    return found


def _guardian_language(
    school: School,
    sourced_ids: Sequence[str],
    languages: dict[str, _Sighting],
    problems: _Problems,
) -> LanguageCode:
    """The guardian's own language, else their students' home language, else the default."""
    for sourced_id in sourced_ids:
        if sourced_id in languages:
            file, line, value = languages[sourced_id]
            return _language(school, value, file, line, problems)
    return school.default_language


def _enrolled_activities(
    export: OneRosterExport,
    school: School,
    users: dict[str, int],
    students: set[str],
    problems: _Problems,
) -> dict[str, set[str]]:
    """Activities of students enrolled in classes that name an activity of the school."""
    if "classes.csv" not in export.files or "enrollments.csv" not in export.files:
        return {}
    _, classes = _table("classes.csv", export.files["classes.csv"], ("sourcedId", "title"))
    activity_of = {
        row["sourcedId"]: activity_slug_for(school, row["title"])
        or activity_slug_for(school, row["classCode"])
        for row in classes
    }
    _, enrollments = _table(
        "enrollments.csv", export.files["enrollments.csv"], ("classSourcedId", "userSourcedId")
    )
    found: dict[str, set[str]] = {}
    for row in enrollments:
        if not _active(row) or row["role"].casefold() not in ("", "student"):
            continue
        if row["classSourcedId"] not in activity_of:
            problems.error(
                "enrollments.csv", row.line, "classSourcedId names no class in classes.csv"
            )
        elif row["userSourcedId"] not in users:
            problems.error("enrollments.csv", row.line, "userSourcedId names no user in users.csv")
        elif (slug := activity_of[row["classSourcedId"]]) and row["userSourcedId"] in students:
            found.setdefault(row["userSourcedId"], set()).add(slug)
    return found


# --------------------------------------------------------------------------- importing


@dataclass(frozen=True)
class ImportReport:
    school_id: str
    parents: int
    children: int
    subscriptions: int
    errors: list[RowProblem]
    warnings: list[RowProblem]

    @property
    def imported_anything(self) -> bool:
        return self.parents + self.children > 0

    def summary(self) -> dict[str, Any]:
        return {
            "school": self.school_id,
            "parents": self.parents,
            "children": self.children,
            "subscriptions": self.subscriptions,
            "errors": [e.as_dict() for e in self.errors],
            "warnings": [w.as_dict() for w in self.warnings],
        }


def import_roster(
    source: RosterSource,
    school_id: str,
    repos: Repositories,
    on_progress: ProgressCallback | None = None,
) -> ImportReport:
    """Read the source for the school and write its good rows; bad rows are in the report."""
    school = repos.schools.get(school_id)
    if school is None:
        raise UnknownSchool(f"school {school_id!r} does not exist")
    parsed = parse_roster(source, school)
    roster = _with_stored_ids(parsed.roster, repos)
    counts = save_families(roster, repos, on_progress)
    return ImportReport(
        school_id=school.id,
        parents=counts["parents"],
        children=counts["children"],
        subscriptions=counts["subscriptions"],
        errors=parsed.errors,
        warnings=parsed.warnings,
    )


def _with_stored_ids(roster: SchoolRoster, repos: Repositories) -> SchoolRoster:
    """The roster with the ids of people already stored under another id: a parent with the
    same phone, a child of theirs with the same name (entered by hand, or by the other format)."""
    stored_parents = list(repos.parents.scan(FieldFilter("school_id", "==", roster.school.id)))
    stored_parent_ids = {p.id for p in stored_parents}
    by_phone = {p.phone: p for p in stored_parents}
    parent_id = {
        p.id: by_phone[p.phone].id
        for p in roster.parents
        if p.id not in stored_parent_ids and p.phone in by_phone
    }
    if not parent_id:
        return roster
    siblings = {p.id: p.child_ids for p in stored_parents if p.id in parent_id.values()}
    stored_children = repos.children.get_many(
        [c.id for c in roster.children] + [c for ids in siblings.values() for c in ids]
    )
    child_id: dict[str, str] = {}
    for child in roster.children:
        if child.id in stored_children:
            continue
        for stored_id in (
            c for p in child.parent_ids for c in siblings.get(parent_id.get(p, p), [])
        ):
            stored = stored_children.get(stored_id)
            if stored is not None and _name_key(stored.name) == _name_key(child.name):
                child_id[child.id] = stored.id
                break
    parents = [p.model_copy(update={"id": parent_id.get(p.id, p.id)}) for p in roster.parents]
    children = [
        c.model_copy(
            update={
                "id": child_id.get(c.id, c.id),
                "parent_ids": sorted({parent_id.get(p, p) for p in c.parent_ids}),
            }
        )
        for c in roster.children
    ]
    return SchoolRoster(school=roster.school, parents=parents, children=children)
