"""Roster import: OneRoster 1.1 CSV and the simple CSV, bad rows reported, re-imports idempotent."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from infra.local_stack import SAMPLE_ROSTER
from shared.adapters.roster_files import read_roster_source
from shared.logs import redact
from shared.models import ConsentState, School, Subscription
from shared.repository import Repositories
from shared.services.roster import SchoolRoster, load_roster
from shared.services.roster_import import (
    ImportReport,
    OneRosterExport,
    RosterUnreadable,
    SimpleRosterCsv,
    UnknownSchool,
    grade_label,
    import_roster,
    normalise_language,
    normalise_phone,
    parse_grade,
)

SAMPLE_ONEROSTER = SAMPLE_ROSTER.parent / "oneroster"
SAMPLE_SIMPLE_CSV = SAMPLE_ROSTER.parent / "roster.csv"
HEADER = "family,parent_name,phone,language,child_name,grade,activities\n"


@pytest.fixture
def school(repos: Repositories, sample_roster: SchoolRoster) -> School:
    repos.schools.put(sample_roster.school)
    return sample_roster.school


def simple(text: str) -> SimpleRosterCsv:
    return SimpleRosterCsv("roster.csv", HEADER + text)


def problems(report: ImportReport) -> list[tuple[str, int, str]]:
    return [(p.file, p.line, p.reason) for p in report.errors]


def test_oneroster_folder_imports_good_rows_and_reports_each_bad_one(
    repos: Repositories, school: School
) -> None:
    report = import_roster(read_roster_source(SAMPLE_ONEROSTER), school.id, repos)
    assert (report.parents, report.children) == (10, 11)
    assert problems(report) == [
        ("enrollments.csv", 13, "classSourcedId names no class in classes.csv"),
        ("enrollments.csv", 14, "userSourcedId names no user in users.csv"),
        ("users.csv", 22, "grade 7 is not offered by this school (K–5)"),
        ("users.csv", 25, "sms is not a valid CA number"),
        ("users.csv", 26, "none of the student's guardians could be imported (lines 25)"),
        ("users.csv", 27, "no parent or guardian is linked to this student"),
        ("users.csv", 28, "agentSourcedIds names no student in users.csv"),
        ("users.csv", 29, "duplicate sourcedId (first on line 3)"),
        ("users.csv", 30, "sms and phone are empty"),
        ("users.csv", 31, "none of the student's guardians could be imported (lines 30)"),
    ]
    assert [(w.file, w.line) for w in report.warnings] == [("demographics.csv", 9)]
    assert repos.parents.count() == 10 and repos.children.count() == 11
    by_name = {p.name: p for p in repos.parents.find()}
    # sms preferred, phone when sms is empty; language from demographics, own row or a child's.
    assert by_name["Harpreet Sandhu"].phone == "+16045550102"
    assert {n: by_name[n].language for n in ("Gurdeep Gill", "Maria Santos", "Zhang Min")} == {
        "Gurdeep Gill": "pa",
        "Maria Santos": "tl",
        "Zhang Min": "zh",
    }
    children = {c.name: c for c in repos.children.find()}
    assert children["Mila Thompson"].grade == 0
    assert len(children["Arjun Gill"].parent_ids) == 2  # two guardians
    assert children["Zhang Hao"].activities == ["basketball", "chess"]  # from enrollments
    assert children["Noah Thompson"].activities == ["chess"]  # Math 3 is not an activity


def test_a_zip_imports_as_the_folder_does(
    repos: Repositories, school: School, tmp_path: Path
) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for csv_file in SAMPLE_ONEROSTER.iterdir():
            zipped.write(csv_file, f"export-2026/{csv_file.name}")  # exports nest a folder
    from_zip = import_roster(read_roster_source(archive), school.id, repos)
    from_folder = import_roster(read_roster_source(SAMPLE_ONEROSTER), school.id, repos)
    assert from_zip == from_folder
    assert repos.parents.count() == 10


def test_simple_csv_imports_good_rows_and_reports_each_bad_one(
    repos: Repositories, school: School
) -> None:
    report = import_roster(read_roster_source(SAMPLE_SIMPLE_CSV), school.id, repos)
    assert (report.parents, report.children) == (6, 7)
    assert problems(report) == [
        ("roster.csv", 10, "phone is not a valid CA number"),
        ("roster.csv", 11, "grade 7 is not offered by this school (K–5)"),
        ("roster.csv", 12, "activity 'quidditch' is not in the school's catalog"),
        ("roster.csv", 13, "parent_name is empty"),
    ]
    assert [(w.line, w.reason) for w in report.warnings] == [
        (14, "language 'Spanish' is not supported; using en")
    ]
    children = {c.name: c for c in repos.children.find()}
    gill_parents = {p.id for p in repos.parents.find() if p.name.endswith("Gill")}
    assert set(children["Jasleen Gill"].parent_ids) == gill_parents  # one child, two guardians
    assert children["Jasleen Gill"].activities == ["choir"]  # "singing" is a synonym
    assert children["Paolo Santos"].activities == ["basketball", "robotics"]
    assert repos.subscriptions.count() == report.subscriptions == 6


def test_a_row_with_several_faults_is_reported_once_with_each_reason(
    repos: Repositories, school: School
) -> None:
    report = import_roster(simple(",,12,Klingon,,9,chess;darts\n"), school.id, repos)
    assert problems(report) == [
        (
            "roster.csv",
            2,
            "parent_name is empty; child_name is empty; phone is not a valid CA number;"
            " grade 9 is not offered by this school (K–5);"
            " activity 'darts' is not in the school's catalog",
        )
    ]
    assert not report.imported_anything


def test_reimporting_updates_and_never_duplicates(repos: Repositories, school: School) -> None:
    rows = ",Li Wei,604-555-0106,English,Chen Yu,3,chess\n,Li Wei,604-555-0106,English,Mei Yu,1,\n"
    first = import_roster(simple(rows), school.id, repos)
    again = import_roster(simple(rows.replace("English", "Chinese")), school.id, repos)
    assert (first.parents, first.children) == (again.parents, again.children) == (1, 2)
    [parent] = repos.parents.find()
    assert parent.language == "zh"
    assert sorted(parent.child_ids) == sorted(c.id for c in repos.children.find())
    assert repos.children.count() == 2 and repos.subscriptions.count() == 1


def test_oneroster_reimport_updates_a_language(
    repos: Repositories, school: School, tmp_path: Path
) -> None:
    export = read_roster_source(SAMPLE_ONEROSTER)
    assert isinstance(export, OneRosterExport)
    import_roster(export, school.id, repos)
    files = dict(export.files)
    files["demographics.csv"] = files["demographics.csv"].replace(",Tagalog", ",English")
    import_roster(OneRosterExport(files), school.id, repos)
    assert repos.parents.count() == 10 and repos.children.count() == 11
    [maria] = [p for p in repos.parents.find() if p.name == "Maria Santos"]
    assert maria.language == "en"


def test_reimporting_never_changes_consent(repos: Repositories, school: School) -> None:
    rows = ",Li Wei,604-555-0106,zh,Chen Yu,3,\n"
    import_roster(simple(rows), school.id, repos)
    [parent] = repos.parents.find()
    repos.parents.put(parent.model_copy(update={"consent": ConsentState.OPTED_OUT}))
    import_roster(simple(rows), school.id, repos)
    stored = repos.parents.get(parent.id)
    assert stored is not None and stored.consent is ConsentState.OPTED_OUT


def test_an_activity_the_child_dropped_loses_its_roster_subscription(
    repos: Repositories, school: School
) -> None:
    import_roster(simple(",Li Wei,604-555-0106,zh,Chen Yu,3,chess;choir\n"), school.id, repos)
    import_roster(simple(",Li Wei,604-555-0106,zh,Chen Yu,3,choir\n"), school.id, repos)
    assert [s.activity for s in repos.subscriptions.find()] == ["choir"]


def test_people_already_stored_keep_their_ids(
    repos: Repositories, sample_roster: SchoolRoster
) -> None:
    load_roster(sample_roster, repos)
    import_roster(read_roster_source(SAMPLE_ONEROSTER), sample_roster.school.id, repos)
    import_roster(read_roster_source(SAMPLE_SIMPLE_CSV), sample_roster.school.id, repos)
    phones = [p.phone for p in repos.parents.find()]
    assert len(phones) == len(set(phones)) == 11  # the sample's 8, Manpreet, Claire, Rosa
    avery = repos.parents.get("p01")
    assert avery is not None and sorted(avery.child_ids) == ["p01c1", "p01c2"]
    assert repos.children.count() == 12  # the sample's 10, Zoe, Lucia


def test_guardians_sharing_a_phone_become_one_parent(repos: Repositories, school: School) -> None:
    users = (
        "sourcedId,role,givenName,familyName,sms,phone,agentSourcedIds,grades\n"
        "g1,parent,Ana,Cruz,604-555-0120,,s1,\n"
        "g2,guardian,Ben,Cruz,,604-555-0120,s2,\n"
        "s1,student,Cy,Cruz,,,g1,01\n"
        "s2,student,Di,Cruz,,,g2,02\n"
    )
    report = import_roster(OneRosterExport({"users.csv": users}), school.id, repos)
    assert (report.parents, report.children) == (1, 2)
    assert [(w.line, w.reason) for w in report.warnings] == [
        (3, "same phone as the guardian on line 2; their students are linked to that guardian")
    ]
    [parent] = repos.parents.find()
    assert len(parent.child_ids) == 2


def test_an_invalid_sms_falls_back_to_phone_with_a_warning(
    repos: Repositories, school: School
) -> None:
    users = (
        "sourcedId,role,givenName,familyName,sms,phone,agentSourcedIds,grades\n"
        "g1,parent,Ana,Cruz,555,604-555-0120,s1,\n"
        "s1,student,Cy,Cruz,,,,KG\n"
    )
    report = import_roster(OneRosterExport({"users.csv": users}), school.id, repos)
    assert report.parents == 1 and not report.errors
    assert [w.reason for w in report.warnings] == ["sms is not a valid CA number; used phone"]


def test_only_the_schools_own_students_are_read_from_a_district_export(
    repos: Repositories, school: School
) -> None:
    orgs = (
        "sourcedId,status,name,type,identifier\n"
        "o1,active,Maple Grove Elementary (sample),school,\n"
        "o2,active,Cedar Heights Middle,school,\n"
    )
    users = (
        "sourcedId,role,givenName,familyName,sms,agentSourcedIds,grades,orgSourcedIds\n"
        "g1,parent,Ana,Cruz,604-555-0120,s1,,\n"
        "s1,student,Cy,Cruz,,g1,01,o1\n"
        "g2,parent,Eve,Lam,604-555-0121,s2,,\n"
        "s2,student,Fay,Lam,,g2,07,o2\n"
    )
    report = import_roster(
        OneRosterExport({"users.csv": users, "orgs.csv": orgs}), school.id, repos
    )
    assert (report.parents, report.children, report.errors) == (1, 1, [])
    with pytest.raises(RosterUnreadable, match="none has the sourcedId, identifier or name"):
        import_roster(
            OneRosterExport({"users.csv": users, "orgs.csv": orgs.replace("Maple", "Oak")}),
            school.id,
            repos,
        )


def test_reasons_never_hold_phone_numbers_or_names(repos: Repositories, school: School) -> None:
    reports = [
        import_roster(read_roster_source(path), school.id, repos)
        for path in (SAMPLE_ONEROSTER, SAMPLE_SIMPLE_CSV)
    ]
    names = {"Martin", "Haddad", "Walsh", "Diaz", "Ito", "Okafor", "Thompson", "Leo", "Yara"}
    for problem in [p for r in reports for p in (*r.errors, *r.warnings)]:
        assert redact(problem.reason) == problem.reason
        assert not any(name in problem.reason for name in names)


def test_progress_is_reported_up_to_the_total(repos: Repositories, school: School) -> None:
    calls: list[tuple[int, int]] = []
    import_roster(
        read_roster_source(SAMPLE_ONEROSTER),
        school.id,
        repos,
        lambda done, total: calls.append((done, total)),
    )
    assert calls and calls[-1] == (21, 21)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_an_unknown_school_or_an_unreadable_file_is_refused(
    repos: Repositories, school: School, tmp_path: Path
) -> None:
    with pytest.raises(UnknownSchool):
        import_roster(simple(""), "no-such-school", repos)
    with pytest.raises(RosterUnreadable, match="has no column phone"):
        import_roster(SimpleRosterCsv("r.csv", "parent_name,child_name,grade\n"), school.id, repos)
    folder = tmp_path / "export"
    shutil.copytree(SAMPLE_ONEROSTER, folder)
    (folder / "users.csv").unlink()
    with pytest.raises(RosterUnreadable, match=r"needs users\.csv"):
        read_roster_source(folder)
    (tmp_path / "latin1.csv").write_bytes(HEADER.encode() + "é".encode("latin-1"))
    with pytest.raises(RosterUnreadable, match="not UTF-8"):
        read_roster_source(tmp_path / "latin1.csv")


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("English", "en"),
        ("eng", "en"),
        ("en-CA", "en"),
        ("Punjabi", "pa"),
        ("Panjabi", "pa"),
        ("ਪੰਜਾਬੀ", "pa"),
        ("pan", "pa"),
        ("Tagalog", "tl"),
        ("filipino", "tl"),
        ("fil-PH", "tl"),
        ("tgl", "tl"),
        ("Chinese", "zh"),
        ("Mandarin", "zh"),
        ("Cantonese", "zh"),
        ("zh-CN", "zh"),
        ("zh_Hans", "zh"),
        ("中文", "zh"),
        (" CHINESE ", "zh"),
        ("French", None),
        ("Klingon", None),
    ],
)
def test_languages_are_normalised(written: str, code: str | None) -> None:
    assert normalise_language(written) == code


@pytest.mark.parametrize(
    ("written", "region", "e164"),
    [
        ("604-555-0101", "CA", "+16045550101"),
        ("(604) 555 0101", "CA", "+16045550101"),
        ("+1 604.555.0101", "GB", "+16045550101"),
        ("020 7946 0018", "GB", "+442079460018"),
        ("020 7946 0018", "CA", None),
        ("604-555-12", "CA", None),
        ("call me", "CA", None),
    ],
)
def test_phones_are_read_for_the_schools_region(
    written: str, region: str, e164: str | None
) -> None:
    assert normalise_phone(written, region) == e164


@pytest.mark.parametrize(
    ("written", "grade"),
    [
        ("PK", -1),
        ("TK", -1),
        ("Pre-K", -1),
        ("-1", -1),
        ("KG", 0),
        ("k", 0),
        ("Kindergarten", 0),
        ("01", 1),
        ("Grade 5", 5),
        ("12", 12),
        ("13", None),
        ("UG", None),
        ("IT", None),
    ],
)
def test_grades_are_read_from_ceds_codes_and_plain_forms(written: str, grade: int | None) -> None:
    assert parse_grade(written) == grade


def test_grade_labels() -> None:
    assert [grade_label(g) for g in (-1, 0, 7)] == ["Pre-K", "K", "7"]


def test_subscription_ids_stay_deterministic(repos: Repositories, school: School) -> None:
    import_roster(simple(",Li Wei,604-555-0106,zh,Chen Yu,3,chess\n"), school.id, repos)
    [subscription] = repos.subscriptions.find()
    assert subscription.id == Subscription.id_for(
        subscription.parent_id, "chess", subscription.child_id
    )
    assert subscription.source == "roster"
