"""Weekly digests: who gets one when. The rules of the window and of urgency, and the build.

`build_digests` runs on every scheduler tick: a school whose local digest moment has come
(its weekday and time, in its timezone, DST included) fans out one `send_digest` task per
opted-in, reachable parent with unsent cards in the window; task names carry the parent and
the school week, so a second tick that week queues nothing. The same tick queues a one-item
alert for an urgent card approved after the weekly run (one alert a day per parent at most).
Sending is `shared.services.digest_send`; the text, `shared.services.digest_content`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from pydantic import ConfigDict

from shared.models import (
    Card,
    ConsentState,
    DomainModel,
    Item,
    ItemCategory,
    ItemStatus,
    School,
    stable_id,
)
from shared.ports import Clock, FieldFilter, Messenger, TaskQueue, Translator
from shared.rendering.digest import due_date, is_task
from shared.repository import Collection, Repositories
from shared.services.calendar import CalendarLinks

SEND_DIGEST = "send_digest"
# A tick this long after the digest moment still sends it (the scheduler ticks hourly).
CATCH_UP = timedelta(hours=24)
# No alert this close to the weekly digest: it will carry the urgent item anyway.
ALERT_QUIET_BEFORE_DIGEST = timedelta(hours=12)


@dataclass(frozen=True)
class DigestDependencies:
    repos: Repositories
    tasks: TaskQueue
    clock: Clock
    whatsapp: Messenger
    sms: Messenger | None
    translator: Translator
    links: CalendarLinks
    window_days: int = 14
    urgent_hours: int = 48
    sms_segment_budget: int = 6
    template_languages: dict[str, str] = field(default_factory=dict)


def digest_moment(school: School, now: datetime) -> datetime:
    """The school's latest weekly digest moment at or before `now`, as an aware datetime.

    Computed on the local calendar, so 17:00 on Sunday stays 17:00 local across a DST change.
    """
    tz = ZoneInfo(school.timezone)
    local = now.astimezone(tz)
    day = local.date() - timedelta(days=(local.weekday() - school.digest_weekday) % 7)
    moment = datetime.combine(day, school.digest_time, tzinfo=tz)
    if moment > now:
        moment = datetime.combine(day - timedelta(days=7), school.digest_time, tzinfo=tz)
    return moment


def _next_moment(school: School, moment: datetime) -> datetime:
    tz = ZoneInfo(school.timezone)
    return datetime.combine(moment.date() + timedelta(days=7), school.digest_time, tzinfo=tz)


def in_window(item: Item, today: date, window_days: int) -> bool:
    """Due or happening between today and `window_days` ahead; undated items always (they
    are news, newly approved, since their card was never sent)."""
    if item.start_date is None:
        return True
    last = item.end_date or item.start_date
    return last >= today and item.start_date <= today + timedelta(days=window_days)


def is_urgent(item: Item, now: datetime, today: date, urgent_hours: int) -> bool:
    """A closure today or tomorrow, or something due within `urgent_hours`."""
    if item.start_date is None:
        return False
    if item.category is ItemCategory.CLOSURE:
        return today <= item.start_date <= today + timedelta(days=1)
    if is_task(item):
        due = due_date(item)
        return due is not None and today <= due <= (now + timedelta(hours=urgent_hours)).date()
    return False


class _ReachParent(DomainModel):
    """The fields of a stored Parent that the fan-out reads (no phone validation per parent)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    consent: ConsentState
    whatsapp_reachable: bool = True
    sms_reachable: bool = True


@dataclass
class BuildResult:
    schools_due: int = 0
    enqueued: int = 0
    already_queued: int = 0
    alerts_enqueued: int = 0
    skipped_unreachable: int = 0


def _task_name(*parts: str) -> str:
    return f"{parts[0]}-{stable_id(*parts)}"


def build_digests(deps: DigestDependencies, *, ignore_schedule: bool = False) -> BuildResult:
    """Queue the digests (and urgent alerts) that are due now; idempotent per school week.

    Between digest moments a tick reads only the cards created since the last one (the
    candidates for an alert), so the hourly schedule costs little on a quiet week.
    """
    now = deps.clock.now()
    result = BuildResult()
    for school in deps.repos.schools.scan():
        moment = digest_moment(school, now)
        today = now.astimezone(ZoneInfo(school.timezone)).date()
        if ignore_schedule or now - moment < CATCH_UP:
            result.schools_due += 1
            _queue_weekly(deps, school, moment.date(), today, result)
        elif _next_moment(school, moment) - now >= ALERT_QUIET_BEFORE_DIGEST:
            # Closer to the next digest than that, it carries the urgent items anyway.
            _queue_alerts(deps, school, moment, now, today, result)
    return result


def _sendable(
    deps: DigestDependencies, school: School, today: date, *since: FieldFilter
) -> tuple[list[Card], dict[str, Item], set[str], int]:
    """Pending cards of approved items in the window, their items, the parents who can be
    reached, and how many parents could not be."""
    pending = deps.repos.cards.find(
        FieldFilter("school_id", "==", school.id), FieldFilter("status", "==", "pending"), *since
    )
    items = deps.repos.items.get_many(sorted({c.item_id for c in pending}))
    cards = [
        c
        for c in pending
        if (item := items.get(c.item_id)) is not None
        and item.status is ItemStatus.APPROVED
        and in_window(item, today, deps.window_days)
    ]
    wanted = {c.parent_id for c in cards}
    parents = Collection(deps.repos.store, deps.repos.parents.name, _ReachParent).get_many(
        sorted(wanted)
    )
    reachable = {
        pid
        for pid, p in parents.items()
        if p.consent is ConsentState.OPTED_IN
        and (p.whatsapp_reachable or (p.sms_reachable and deps.sms is not None))
    }
    return [c for c in cards if c.parent_id in reachable], items, reachable, len(wanted - reachable)


def _queue_weekly(
    deps: DigestDependencies, school: School, week_of: date, today: date, result: BuildResult
) -> None:
    cards, _, _, unreachable = _sendable(deps, school, today)
    result.skipped_unreachable += unreachable
    for parent_id in sorted({c.parent_id for c in cards}):
        queued = deps.tasks.enqueue(
            SEND_DIGEST,
            {"parent_id": parent_id, "kind": "weekly", "on": week_of.isoformat()},
            task_name=_task_name("digest", school.id, week_of.isoformat(), parent_id),
        )
        result.enqueued += queued
        result.already_queued += not queued


def _queue_alerts(
    deps: DigestDependencies,
    school: School,
    moment: datetime,
    now: datetime,
    today: date,
    result: BuildResult,
) -> None:
    """One alert per parent and day, for the first urgent card approved since the digest."""
    since = FieldFilter("created_at", ">", moment.astimezone(UTC).isoformat())
    cards, items, _, _ = _sendable(deps, school, today, since)
    urgent: dict[str, Card] = {}
    for card in sorted(cards, key=lambda c: c.created_at):
        if is_urgent(items[card.item_id], now, today, deps.urgent_hours):
            urgent.setdefault(card.parent_id, card)
    for parent_id, card in sorted(urgent.items()):
        queued = deps.tasks.enqueue(
            SEND_DIGEST,
            {"parent_id": parent_id, "kind": "alert", "on": today.isoformat(), "card_id": card.id},
            task_name=_task_name("alert", parent_id, today.isoformat()),
        )
        result.alerts_enqueued += queued
