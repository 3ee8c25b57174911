"""Signed, expiring calendar links and the .ics they serve, read back with `icalendar`."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import flask
import icalendar
import pytest

from functions.calendar_links import handle
from shared.adapters.clock import FixedClock
from shared.models import Item, ItemCategory, ItemStatus, School
from shared.services.calendar import CalendarLinks, LinkRejected, ics_for
from shared.settings import Settings
from shared.wiring import Container, use_container

NOW = datetime(2026, 10, 5, 0, 0, tzinfo=UTC)
LINKS = CalendarLinks(key=b"k", base_url="https://pp.example/admin", ttl=timedelta(days=30))
SCHOOL = School(
    id="sample-school", name="Maple Grove", timezone="America/Vancouver", grades_offered=[1]
)


def _item(item_id: str, category: ItemCategory, **fields: object) -> Item:
    return Item(
        id=item_id,
        school_id=SCHOOL.id,
        newsletter_id="n",
        title=fields.pop("title", "PTA meeting"),
        category=category,
        confidence=0.9,
        status=ItemStatus.APPROVED,
        created_at=NOW,
        updated_at=NOW,
        **fields,
    )


def _token(url: str) -> str:
    return url.rsplit("/", 1)[1].removesuffix(".ics")


def test_a_genuine_link_names_its_item() -> None:
    assert LINKS.verify("i", _token(LINKS.item_url("item-1", NOW)), NOW) == "item-1"


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t.replace("item-1", "item-2", 1),  # another item, same signature
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # another signature
        lambda t: t.split(".")[0] + ".zzzzzz." + t.split(".")[2],  # a later expiry
        lambda t: "nonsense",
    ],
)
def test_a_tampered_link_is_refused(tamper) -> None:
    with pytest.raises(LinkRejected):
        LINKS.verify("i", tamper(_token(LINKS.item_url("item-1", NOW))), NOW)


def test_an_item_link_does_not_open_a_digest_and_another_key_refuses_it() -> None:
    token = _token(LINKS.item_url("x", NOW))
    with pytest.raises(LinkRejected):
        LINKS.verify("d", token, NOW)
    other = CalendarLinks(key=b"other", base_url="https://pp.example/admin", ttl=timedelta(days=30))
    with pytest.raises(LinkRejected):
        other.verify("i", token, NOW)


def test_a_link_expires() -> None:
    token = _token(LINKS.item_url("item-1", NOW))
    LINKS.verify("i", token, NOW + timedelta(days=29))
    with pytest.raises(LinkRejected, match="expired"):
        LINKS.verify("i", token, NOW + timedelta(days=31))


def _events(ics: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(ics).walk("VEVENT"))


def test_a_timed_event_is_in_the_schools_timezone() -> None:
    item = _item(
        "m",
        ItemCategory.MEETING,
        start_date=date(2026, 10, 13),
        start_time=time(18, 30),
        end_time=time(20, 0),
        location="Library",
    )
    ics = ics_for([item], SCHOOL, NOW)
    calendar = icalendar.Calendar.from_ical(ics)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/Vancouver"]
    [event] = _events(ics)
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.astimezone(UTC) == datetime(2026, 10, 14, 1, 30, tzinfo=UTC)  # PDT, UTC-7
    assert end - start == timedelta(hours=1, minutes=30)
    assert str(event["LOCATION"]) == "Library" and str(event["UID"]) == "m@parentpath"
    assert b"TZID=America/Vancouver" in ics


def test_after_the_dst_change_the_offset_follows() -> None:
    item = _item("m", ItemCategory.MEETING, start_date=date(2026, 11, 3), start_time=time(18, 30))
    [event] = _events(ics_for([item], SCHOOL, NOW))
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(2026, 11, 4, 2, 30, tzinfo=UTC)


def test_a_closure_is_an_all_day_event_ending_the_day_after() -> None:
    closure = _item(
        "c",
        ItemCategory.CLOSURE,
        title="Winter break",
        start_date=date(2026, 12, 21),
        end_date=date(2027, 1, 1),
    )
    [event] = _events(ics_for([closure], SCHOOL, NOW))
    assert event.decoded("DTSTART") == date(2026, 12, 21)
    assert event.decoded("DTEND") == date(2027, 1, 2)
    assert not isinstance(event.decoded("DTSTART"), datetime)


def test_undated_items_are_left_out() -> None:
    assert _events(ics_for([_item("u", ItemCategory.ANNOUNCEMENT)], SCHOOL, NOW)) == []


@pytest.fixture
def container(tmp_path):
    built = Container(
        Settings(
            data_dir=tmp_path, public_base_url="https://pp.example/admin", calendar_link_key="k"
        ),
        clock=FixedClock(NOW),
    )
    built.repos.schools.put(SCHOOL)
    use_container(built)
    yield built
    use_container(None)
    built.close()


def _get(path: str) -> flask.Response:
    app = flask.Flask("t")
    with app.test_request_context(path):
        return handle(flask.request)


def test_the_route_serves_the_ics_of_a_signed_link(container) -> None:
    item = _item("i1", ItemCategory.EVENT, title="Picture Day", start_date=date(2026, 10, 7))
    container.repos.items.put(item)
    url = container.calendar_links.item_url(item.id, NOW)
    response = _get(url.removeprefix("https://pp.example"))
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    [event] = _events(response.get_data())
    assert str(event["SUMMARY"]) == "Picture Day"


def test_the_route_answers_404_to_a_forged_or_unknown_link(container) -> None:
    assert _get("/admin/calendar/i/i1.toq2o0.AAAAAAAAAAAAAAAA.ics").status_code == 404
    assert _get("/admin/calendar/x/whatever").status_code == 404
    url = container.calendar_links.item_url("deleted", NOW)
    assert _get(url.removeprefix("https://pp.example")).status_code == 404


def test_the_digest_page_escapes_what_the_newsletter_wrote(container) -> None:
    from shared.records import Digest

    digest = Digest(
        id="d1",
        school_id=SCHOOL.id,
        parent_id="p",
        week_of=date(2026, 10, 4),
        language="en",
        body="1. <script>alert(1)</script> https://pp.example/x",
        created_at=NOW,
    )
    container.repos.digests.put(digest)
    response = _get(
        container.calendar_links.digest_url("d1", NOW).removeprefix("https://pp.example")
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "<script>" not in page
    assert "&lt;script&gt;" in page and '<a href="https://pp.example/x">' in page
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
