"""Add-to-calendar links: signed, expiring URLs and the .ics files they serve.

A link names what it opens (one item, or one digest's page) and when it stops working, signed
with HMAC-SHA256 under CALENDAR_LINK_KEY. Nothing in it is secret, only unforgeable: anyone
holding a digest can open its links until they expire, and nobody can mint one for another
item or extend one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

import icalendar

from shared.errors import BadInput
from shared.models import Item, ItemCategory, School

LinkKind = Literal["i", "d"]  # one item's .ics, or one digest's page
# 96 bits: forging one takes 2^96 tries against a rate-limited endpoint; links stay short
# enough for an SMS.
_SIGNATURE_BYTES = 12
_PRODID = "-//ParentPath//Digest calendar//EN"


class LinkRejected(BadInput):
    """A calendar link that is malformed, forged or expired (answered 404: nothing to see)."""


@dataclass(frozen=True)
class CalendarLinks:
    """Signs and checks links under one key, relative to the public base URL."""

    key: bytes
    base_url: str
    ttl: timedelta

    def _signature(self, kind: LinkKind, subject_id: str, expires: int) -> str:
        message = f"{kind}:{subject_id}:{expires}".encode()
        digest = hmac.new(self.key, message, hashlib.sha256).digest()[:_SIGNATURE_BYTES]
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()

    def token(self, kind: LinkKind, subject_id: str, now: datetime) -> str:
        expires = int((now + self.ttl).timestamp())
        return f"{subject_id}.{_base36(expires)}.{self._signature(kind, subject_id, expires)}"

    def item_url(self, item_id: str, now: datetime) -> str:
        return f"{self.base_url.rstrip('/')}/calendar/i/{self.token('i', item_id, now)}.ics"

    def digest_url(self, digest_id: str, now: datetime) -> str:
        return f"{self.base_url.rstrip('/')}/calendar/d/{self.token('d', digest_id, now)}"

    def verify(self, kind: LinkKind, token: str, now: datetime) -> str:
        """The subject id a genuine, unexpired token names; LinkRejected otherwise."""
        subject_id, _, rest = token.partition(".")
        expires_text, _, signature = rest.partition(".")
        if not (subject_id and expires_text.isalnum() and expires_text.isascii() and signature):
            raise LinkRejected("not a calendar link")
        expires = int(expires_text, 36)
        if not hmac.compare_digest(self._signature(kind, subject_id, expires), signature):
            raise LinkRejected("not a calendar link")
        if expires < now.timestamp():
            raise LinkRejected("this calendar link has expired")
        return subject_id


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while number:
        number, remainder = divmod(number, 36)
        text = digits[remainder] + text
    return text or "0"


def is_dated(item: Item) -> bool:
    return item.start_date is not None


def _event(item: Item, school: School, stamp: datetime) -> icalendar.Event:
    assert item.start_date is not None
    tz = ZoneInfo(school.timezone)
    event = icalendar.Event()
    event.add("uid", f"{item.id}@parentpath")
    event.add("dtstamp", stamp)
    event.add("summary", item.title)
    if item.details:
        event.add("description", item.details)
    if item.location:
        event.add("location", item.location)
    last_day = item.end_date or item.start_date
    if item.start_time is None or item.category is ItemCategory.CLOSURE:
        # All-day: DTEND is exclusive, the day after the last day.
        event.add("dtstart", item.start_date)
        event.add("dtend", last_day + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        start = datetime.combine(item.start_date, item.start_time, tzinfo=tz)
        end_time = item.end_time or _plus_one_hour(item.start_time)
        end = datetime.combine(last_day if item.end_time else item.start_date, end_time, tzinfo=tz)
        if end <= start:
            end = start + timedelta(hours=1)
        event.add("dtstart", start)
        event.add("dtend", end)
    return event


def _plus_one_hour(start: time) -> time:
    return (
        (datetime.combine(date.min, start) + timedelta(hours=1)).time()
        if start.hour < 23
        else time(23, 59)
    )


def ics_for(items: list[Item], school: School, now: datetime) -> bytes:
    """An iCalendar file of the dated items, times in the school's timezone (with its VTIMEZONE)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", _PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", school.name)
    for item in items:
        if is_dated(item):
            calendar.add_component(_event(item, school, now))
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
