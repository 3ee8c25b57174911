"""The admin page through functions-framework, signed in with a one-time link as locally."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import functions_framework
import pytest
from flask.testing import FlaskClient

from shared.adapters.clock import FixedClock
from shared.models import ItemStatus, NewsletterStatus
from shared.records import TicketStatus
from shared.services.admin_access import issue_login_link
from shared.settings import Settings
from shared.wiring import Container, use_container
from tests.fakes import RecordingQueue
from tests.functions.admin_fixtures import (
    SAMPLE,
    SAMPLE_ADMIN,
    csrf_from,
    item,
    seed_two_schools,
)
from tests.functions.conftest import MAIN

NOW = datetime(2026, 10, 2, 16, 30, tzinfo=UTC)
ROSTER = Path(__file__).resolve().parents[2] / "infra" / "sample" / "roster.csv"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def queue() -> RecordingQueue:
    return RecordingQueue()


@pytest.fixture
def container(tmp_path: Path, clock: FixedClock, queue: RecordingQueue) -> Iterator[Container]:
    settings = Settings(data_dir=tmp_path, admin_auth="login_link", max_upload_bytes=100_000)
    built = Container(settings, clock=clock, tasks=queue)
    seed_two_schools(built)
    use_container(built)
    yield built
    use_container(None)
    built.close()


def _client() -> FlaskClient:
    return functions_framework.create_app("admin", MAIN).test_client()


def login_link(container: Container) -> str:
    return issue_login_link(
        SAMPLE_ADMIN, SAMPLE, container.repos, container.clock, timedelta(minutes=15)
    )


@pytest.fixture
def client(container: Container) -> FlaskClient:
    """Signed in as the sample school's admin."""
    signed_in = _client()
    response = signed_in.post("/login", data={"token": login_link(container)})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/s/{SAMPLE}/queue")
    return signed_in


@pytest.fixture
def csrf(client: FlaskClient) -> str:
    return csrf_from(client, f"/s/{SAMPLE}/queue")


# --------------------------------------------------------------------------- signing in


def test_a_login_link_works_once(container: Container) -> None:
    secret = login_link(container)
    first, second = _client(), _client()
    assert first.get(f"/login?token={secret}").status_code == 200  # a page, not a sign-in
    assert first.post("/login", data={"token": secret}).status_code == 303
    assert first.get(f"/s/{SAMPLE}/queue").status_code == 200
    assert second.post("/login", data={"token": secret}).status_code == 401
    assert second.get(f"/s/{SAMPLE}/queue").status_code == 401


def test_an_expired_login_link_is_refused(container: Container, clock: FixedClock) -> None:
    secret = login_link(container)
    clock.advance(timedelta(minutes=16))
    assert _client().post("/login", data={"token": secret}).status_code == 401


def test_a_tampered_session_cookie_is_refused(client: FlaskClient) -> None:
    cookie = client.get_cookie("pp_admin_session")
    assert cookie is not None
    client.set_cookie("pp_admin_session", cookie.value[:-2] + "xx")
    assert client.get(f"/s/{SAMPLE}/queue").status_code == 401


def test_signing_out_ends_the_session(client: FlaskClient, csrf: str) -> None:
    assert client.post("/logout", data={"csrf_token": csrf}).status_code == 303
    assert client.get(f"/s/{SAMPLE}/queue").status_code == 401


# --------------------------------------------------------------------------- the queue


def test_the_queue_lists_pending_items_lowest_confidence_first_with_source_and_audience(
    client: FlaskClient,
) -> None:
    html = client.get(f"/s/{SAMPLE}/queue").get_data(as_text=True)
    assert html.index("Picture day") < html.index("Book fair")
    assert "Picture day is Friday, October 9." in html
    assert "Page 1" in html
    assert "2 families, 2 children" in html  # grade 3 of the sample school
    assert "Other school" not in html


def test_untrusted_text_is_escaped(client: FlaskClient, container: Container) -> None:
    container.repos.items.put(
        item("xss", SAMPLE, 0.1, title="<img src=x onerror=alert(1)>", details="<script>x</script>")
    )
    html = client.get(f"/s/{SAMPLE}/queue").get_data(as_text=True)
    assert "<img src=x" not in html and "<script>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    item_page = client.get(f"/s/{SAMPLE}/items/xss").get_data(as_text=True)
    assert "<img src=x" not in item_page and "&lt;script&gt;" in item_page


def test_approving_queues_targeting_and_records_the_change(
    client: FlaskClient, csrf: str, container: Container, queue: RecordingQueue
) -> None:
    response = client.post(f"/s/{SAMPLE}/items/{SAMPLE}-1/approve", data={"csrf_token": csrf})
    assert response.status_code == 303
    approved = container.repos.items.get(f"{SAMPLE}-1")
    assert approved is not None and approved.status is ItemStatus.APPROVED
    assert queue.targets() == ["index_items", "target_item"]
    assert [payload for _, payload, _ in queue.tasks] == [{"item_id": f"{SAMPLE}-1"}] * 2
    (event,) = container.repos.audit_events.find()
    assert (event.actor, event.action, event.subject_id) == (
        SAMPLE_ADMIN,
        "item.approved",
        f"{SAMPLE}-1",
    )
    assert event.changes == {
        "before": {"status": "pending_review"},
        "after": {"status": "approved"},
    }
    audit = client.get(f"/s/{SAMPLE}/audit").get_data(as_text=True)
    assert "Approved:" in audit and ">Picture day</a>" in audit and "pending_review" in audit


def test_an_edit_reindexes_and_retargets_and_keeps_before_and_after(
    client: FlaskClient, csrf: str, container: Container, queue: RecordingQueue
) -> None:
    form = {
        "csrf_token": csrf,
        "title": "Picture day (retakes)",
        "details": "",
        "category": "event",
        "start_date": "2026-10-16",
        "grades": ["3", "4"],
        "action": "",
    }
    response = client.post(f"/s/{SAMPLE}/items/{SAMPLE}-1/edit", data=form)
    assert response.status_code == 303, response.get_data(as_text=True)
    edited = container.repos.items.get(f"{SAMPLE}-1")
    assert edited is not None
    assert (edited.title, edited.start_date.isoformat() if edited.start_date else None) == (
        "Picture day (retakes)",
        "2026-10-16",
    )
    assert edited.grades == [3, 4]
    assert edited.status is ItemStatus.PENDING_REVIEW
    assert sorted(queue.targets()) == ["index_items", "target_item"]
    (event,) = container.repos.audit_events.find()
    assert event.changes["before"] == {
        "title": "Picture day",
        "start_date": "2026-10-09",
        "grades": [3],
    }
    assert event.changes["after"]["start_date"] == "2026-10-16"


@pytest.mark.parametrize(
    ("field", "value"),
    [("title", ""), ("start_date", "not a date"), ("grades", "9"), ("category", "party")],
)
def test_an_invalid_edit_is_refused_with_the_reason_and_changes_nothing(
    client: FlaskClient, csrf: str, container: Container, field: str, value: str
) -> None:
    form = {"csrf_token": csrf, "title": "Picture day", "category": "event", "grades": "3"}
    form[field] = value
    form["location"] = "Gym B"
    response = client.post(f"/s/{SAMPLE}/items/{SAMPLE}-1/edit", data=form)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'role="alert"' in page
    assert 'value="Gym B"' in page  # what was typed is kept for another try
    stored = container.repos.items.get(f"{SAMPLE}-1")
    assert stored is not None and stored.title == "Picture day"
    assert container.repos.audit_events.count() == 0


def test_rejecting_needs_a_reason_and_keeps_it(
    client: FlaskClient, csrf: str, container: Container
) -> None:
    path = f"/s/{SAMPLE}/items/{SAMPLE}-1/reject"
    assert client.post(path, data={"csrf_token": csrf, "reason": "  "}).status_code == 400
    response = client.post(path, data={"csrf_token": csrf, "reason": "Not for families"})
    assert response.status_code == 303
    rejected = container.repos.items.get(f"{SAMPLE}-1")
    assert rejected is not None and rejected.status is ItemStatus.REJECTED
    (event,) = container.repos.audit_events.find()
    assert event.changes["reason"] == "Not for families"


def test_bulk_approval_approves_the_selection(
    client: FlaskClient, csrf: str, container: Container, queue: RecordingQueue
) -> None:
    form = {"csrf_token": csrf, "item_id": [f"{SAMPLE}-1", f"{SAMPLE}-2"]}
    assert client.post(f"/s/{SAMPLE}/bulk-approve", data=form).status_code == 303
    statuses = {i.id: i.status for i in container.repos.items.find()}
    assert statuses[f"{SAMPLE}-1"] is statuses[f"{SAMPLE}-2"] is ItemStatus.APPROVED
    assert queue.targets() == ["index_items", "target_item"] * 2
    again = client.post(f"/s/{SAMPLE}/bulk-approve", data=form)
    assert again.status_code == 303
    assert len(queue.tasks) == 4  # approving twice queues nothing new


# --------------------------------------------------------------------------- newsletters


def test_an_upload_lands_in_the_bucket_under_the_school(
    client: FlaskClient, csrf: str, container: Container
) -> None:
    data = {"csrf_token": csrf, "newsletter": (io.BytesIO(b"%PDF-1.4 tiny"), "Oct news!.pdf")}
    response = client.post(f"/s/{SAMPLE}/newsletters/upload", data=data)
    assert response.status_code == 303
    (blob,) = container.blobs.list(prefix=f"{SAMPLE}/")
    assert blob.name.endswith("-Oct-news-.pdf")
    assert container.blobs.read(blob.name) == b"%PDF-1.4 tiny"


def test_an_upload_too_large_is_refused_plainly(
    client: FlaskClient, csrf: str, container: Container
) -> None:
    data = {"csrf_token": csrf, "newsletter": (io.BytesIO(b"x" * 100_001), "big.pdf")}
    response = client.post(f"/s/{SAMPLE}/newsletters/upload", data=data)
    assert response.status_code == 400
    assert "the limit is" in response.get_data(as_text=True)
    assert container.blobs.list() == []


def test_the_newsletters_page_shows_failures_and_reruns_them(
    client: FlaskClient, csrf: str, container: Container
) -> None:
    html = client.get(f"/s/{SAMPLE}/newsletters").get_data(as_text=True)
    assert "weekly.pdf" in html and "The file is empty." in html
    response = client.post(f"/s/{SAMPLE}/newsletters/nl-{SAMPLE}/rerun", data={"csrf_token": csrf})
    assert response.status_code == 303
    rerun = container.repos.newsletters.get(f"nl-{SAMPLE}")
    assert rerun is not None and rerun.status is NewsletterStatus.FAILED  # no blob: still failed
    assert rerun.parse_attempts == 1
    assert [e.action for e in container.repos.audit_events.find()] == ["newsletter.rerun"]


# --------------------------------------------------------------------------- the rest


def test_families_show_reach_without_full_phone_numbers(client: FlaskClient) -> None:
    html = client.get(f"/s/{SAMPLE}/families").get_data(as_text=True)
    assert "Avery Thompson" in html
    assert "•••101" in html
    assert "6045550101" not in html and "604-555-0101" not in html


def test_a_roster_import_reports_its_bad_lines(client: FlaskClient, csrf: str) -> None:
    data = {"csrf_token": csrf, "roster": (io.BytesIO(ROSTER.read_bytes()), "roster.csv")}
    response = client.post(f"/s/{SAMPLE}/families/import", data=data)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "roster.csv line 10:" in html  # Omar Haddad's short phone number
    assert "parents" in html and "imported" in html


def test_a_ticket_is_shown_and_resolved(
    client: FlaskClient, csrf: str, container: Container
) -> None:
    html = client.get(f"/s/{SAMPLE}/tickets").get_data(as_text=True)
    assert "That date is wrong" in html and "Picture day" in html
    path = f"/s/{SAMPLE}/tickets/ticket-{SAMPLE}/resolve"
    assert client.post(path, data={"csrf_token": csrf}).status_code == 303
    ticket = container.repos.tickets.get(f"ticket-{SAMPLE}")
    assert ticket is not None and ticket.status is TicketStatus.RESOLVED
    assert ticket.resolved_at == NOW


def test_calendar_paths_go_to_the_calendar_links_module(
    container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    import flask

    import functions.calendar_links as calendar_links

    seen: list[str] = []

    def handle(request: flask.Request) -> flask.Response:
        seen.append(request.path)
        return flask.Response("BEGIN:VCALENDAR", mimetype="text/calendar")

    monkeypatch.setattr(calendar_links, "handle", handle)
    response = _client().get("/calendar/some/signed/link.ics")  # no sign-in needed
    assert response.status_code == 200
    assert seen == ["/calendar/some/signed/link.ics"]


def test_the_newsletters_page_reloads_itself_while_an_upload_is_read(
    client: FlaskClient, container: Container
) -> None:
    assert 'http-equiv="refresh"' not in client.get(f"/s/{SAMPLE}/newsletters").get_data(True)
    stored = container.repos.newsletters.get(f"nl-{SAMPLE}")
    assert stored is not None
    container.repos.newsletters.put(stored.model_copy(update={"status": NewsletterStatus.PARSING}))
    assert 'http-equiv="refresh"' in client.get(f"/s/{SAMPLE}/newsletters").get_data(True)


def test_a_body_over_the_upload_limit_is_refused_before_it_is_read(
    client: FlaskClient, csrf: str, container: Container
) -> None:
    data = {"csrf_token": csrf, "newsletter": (io.BytesIO(b"x" * 200_000), "huge.pdf")}
    response = client.post(f"/s/{SAMPLE}/newsletters/upload", data=data)
    assert response.status_code == 413
    assert response.headers["X-Frame-Options"] == "DENY"
    assert container.blobs.list() == []


def test_the_page_speaks_the_browsers_language_when_a_catalog_exists(
    client: FlaskClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    from functions.admin_web import app

    catalog = Catalog(locale="pa", domain="admin")
    catalog.add("Review queue", "ਸਮੀਖਿਆ ਕਤਾਰ")
    folder = tmp_path / "locale" / "pa" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "admin.mo").open("wb") as mo:
        write_mo(mo, catalog)
    monkeypatch.setattr(app, "LOCALE_DIR", tmp_path / "locale")
    for cached in (app.translations, app.environment):
        cached.cache_clear()
    try:
        punjabi = client.get(f"/s/{SAMPLE}/queue", headers={"Accept-Language": "pa-IN,pa;q=0.9"})
        html = punjabi.get_data(as_text=True)
        assert '<html lang="pa">' in html and "ਸਮੀਖਿਆ ਕਤਾਰ" in html
        english = client.get(f"/s/{SAMPLE}/queue", headers={"Accept-Language": "fr"})
        assert "Review queue" in english.get_data(as_text=True)
    finally:
        for cached in (app.translations, app.environment):
            cached.cache_clear()


def test_times_are_shown_in_the_schools_timezone(client: FlaskClient) -> None:
    # The ticket was opened at 09:00 UTC: 2 a.m. in Vancouver, where the sample school is.
    html = client.get(f"/s/{SAMPLE}/tickets").get_data(as_text=True)
    assert "Oct 1, 2026, 2:00:00" in html and ", 9:00:00" not in html
