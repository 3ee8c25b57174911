"""The OneRoster 1.1 CSV reader (shared.services.roster_import describes what it understands)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from shared.models import Child, LanguageCode, Parent, School, stable_id
from shared.services.roster import SchoolRoster
from shared.services.roster_rows import (
    OneRosterExport,
    ParsedRoster,
    RosterUnreadable,
    Row,
    RowProblems,
    grade_problem,
    language_column,
    language_or_default,
    name_problems,
    parse_grade,
    phone_from,
    read_table,
)
from shared.services.subscriptions import activity_slug_for

_USERS = "users.csv"
_GUARDIAN_ROLES = frozenset({"parent", "guardian"})


def _active(row: Row) -> bool:
    return row["status"].casefold() != "tobedeleted"


def parse_oneroster(export: OneRosterExport, school: School) -> ParsedRoster:
    problems = RowProblems()
    _check_manifest(export, problems)
    org_id = _school_org_id(export, school)
    header, users = read_table(
        _USERS,
        export.files[_USERS],
        ("sourcedId", "role", "givenName", "familyName", "agentSourcedIds"),
    )
    students: dict[str, Row] = {}
    guardians: dict[str, Row] = {}
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
        own_reasons[sourced_id] = name_problems(row, "givenName", "familyName") + grade_reasons
        if grade is not None:
            grades[sourced_id] = grade
    phones: dict[str, str] = {}
    for sourced_id, row in guardians.items():
        phone, complaints = phone_from(
            [("sms", row["sms"]), ("phone", row["phone"])], school.region
        )
        own_reasons[sourced_id] = name_problems(row, "givenName", "familyName")
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


def _full_name(row: Row) -> str:
    return " ".join(row[c] for c in ("givenName", "familyName") if row[c])


def _student_grade(school: School, row: Row) -> tuple[int | None, list[str]]:
    codes = row.listed("grades")
    if len({parse_grade(code) for code in codes}) > 1:
        return None, [f"grades lists several grades ({', '.join(codes)})"]
    grade, reason = grade_problem(school, codes[0] if codes else "", "grades")
    return grade, [reason] if reason else []


def _check_manifest(export: OneRosterExport, problems: RowProblems) -> None:
    if "manifest.csv" not in export.files:
        return
    _, rows = read_table("manifest.csv", export.files["manifest.csv"], ("propertyName", "value"))
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
    _, rows = read_table("orgs.csv", export.files["orgs.csv"], ("sourcedId", "name", "type"))
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
    export: OneRosterExport, users_header: Sequence[str], users: Sequence[Row]
) -> dict[str, _Sighting]:
    """Each user's language as some column records it; demographics.csv wins over users.csv."""
    found: dict[str, _Sighting] = {}
    column = language_column(users_header)
    if column is not None:
        for row in users:
            if row[column]:
                found[row["sourcedId"]] = (_USERS, row.line, row[column])
    if "demographics.csv" in export.files:
        header, rows = read_table("demographics.csv", export.files["demographics.csv"])
        column = language_column(header)
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
    problems: RowProblems,
) -> LanguageCode:
    """The guardian's own language, else their students' home language, else the default."""
    for sourced_id in sourced_ids:
        if sourced_id in languages:
            file, line, value = languages[sourced_id]
            return language_or_default(school, value, file, line, problems)
    return school.default_language


def _enrolled_activities(
    export: OneRosterExport,
    school: School,
    users: dict[str, int],
    students: set[str],
    problems: RowProblems,
) -> dict[str, set[str]]:
    """Activities of students enrolled in classes that name an activity of the school."""
    if "classes.csv" not in export.files or "enrollments.csv" not in export.files:
        return {}
    _, classes = read_table("classes.csv", export.files["classes.csv"], ("sourcedId", "title"))
    activity_of = {
        row["sourcedId"]: activity_slug_for(school, row["title"])
        or activity_slug_for(school, row["classCode"])
        for row in classes
    }
    _, enrollments = read_table(
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
