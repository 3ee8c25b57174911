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

The importer takes sources as text: files, folders and zips are read at the edge
(shared.adapters.roster_files). What both formats share is in roster_rows, the OneRoster reader
in roster_oneroster; the simple CSV reader and the import itself are here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from shared.models import Child, Parent, School, stable_id
from shared.ports import FieldFilter
from shared.repository import Repositories
from shared.services.roster import ProgressCallback, SchoolRoster, save_families
from shared.services.roster_oneroster import parse_oneroster
from shared.services.roster_rows import (
    OneRosterExport,
    ParsedRoster,
    RosterSource,
    RosterUnreadable,
    RowProblem,
    RowProblems,
    SimpleRosterCsv,
    UnknownSchool,
    activity_slugs,
    grade_label,
    grade_problem,
    language_or_default,
    name_key,
    name_problems,
    normalise_language,
    normalise_phone,
    parse_grade,
    phone_from,
    read_table,
)

# The names callers import from here (the sources, problems and normalisers live in roster_rows).
__all__ = [
    "ImportReport",
    "OneRosterExport",
    "ParsedRoster",
    "RosterSource",
    "RosterUnreadable",
    "RowProblem",
    "SimpleRosterCsv",
    "UnknownSchool",
    "grade_label",
    "import_roster",
    "normalise_language",
    "normalise_phone",
    "parse_grade",
    "parse_oneroster",
    "parse_roster",
    "parse_simple_csv",
]


def parse_roster(source: RosterSource, school: School) -> ParsedRoster:
    if isinstance(source, OneRosterExport):
        return parse_oneroster(source, school)
    return parse_simple_csv(source, school)


def parse_simple_csv(source: SimpleRosterCsv, school: School) -> ParsedRoster:
    file = source.name
    _, rows = read_table(file, source.text, ("parent_name", "phone", "child_name", "grade"))
    problems = RowProblems()
    parents: dict[str, Parent] = {}
    children: dict[str, Child] = {}
    first_line: dict[str, int] = {}  # of each parent and child id
    for row in rows:
        reasons = name_problems(row, "parent_name") + name_problems(row, "child_name")
        phone, phone_reasons = phone_from([("phone", row["phone"])], school.region)
        grade, grade_reason = grade_problem(school, row["grade"], "grade")
        activities, activity_reasons = activity_slugs(school, row.listed("activities", ";"))
        reasons += phone_reasons + ([grade_reason] if grade_reason else []) + activity_reasons
        if reasons or phone is None or grade is None:
            problems.error(file, row.line, reasons)
            continue
        parent_id = stable_id("parent", school.id, phone)
        scope = f"family\x1f{row['family']}" if row["family"] else parent_id
        child_id = stable_id("child", school.id, scope, name_key(row["child_name"]))
        known_child = children.get(child_id)
        if known_child is not None and known_child.grade != grade:
            problems.error(
                file, row.line, f"grade differs from line {first_line[child_id]} for the same child"
            )
            continue
        language = language_or_default(school, row["language"], file, row.line, problems)
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
            if stored is not None and name_key(stored.name) == name_key(child.name):
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
