"""build_digests and send_digest on the embedded store: schedule, numbering, exactly-once."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from shared.errors import DeliveryDeferred, RecipientUnreachable
from shared.models import (
    CardStatus,
    ConsentState,
    Item,
    ItemAction,
    ItemCategory,
    ItemStatus,
    School,
)
from shared.records import DigestStatus
from shared.services.digest_send import SEND_LEASE, SendDigestTask, SendInProgress, send_digest
from shared.services.digests import build_digests, digest_moment
from shared.services.targeting import target_parents_for_item
from tests.digest_world import (
    DIGEST_MOMENT,
    SCHOOL,
    SenderCrashed,
    World,
    deferred,
    make_world,
    open_window,
)

MARIA = "p04"  # Tagalog; a grade-5 child in basketball and robotics
MARIA_PHONE = "+16045550104"


def _school(**fields: object) -> School:
    return School(id="s", name="S", timezone="America/Vancouver", grades_offered=[1], **fields)


def _send_all(world: World) -> list[str]:
    outcomes = []
    for _, payload, _ in world.tasks.tasks:
        outcomes.append(send_digest(world.deps, SendDigestTask.model_validate(payload)).outcome)
    return outcomes


def _task_for(world: World, parent_id: str) -> SendDigestTask:
    build_digests(world.deps)
    payload = next(p for _, p, _ in world.tasks.tasks if p["parent_id"] == parent_id)
    return SendDigestTask.model_validate(payload)


# --------------------------------------------------------------------------- the schedule


def test_the_digest_moment_is_sunday_17_00_local_on_both_sides_of_the_dst_change() -> None:
    school = _school()
    # 25 Oct 2026 is PDT (UTC-7); 1 Nov 2026 is the day DST ends, PST (UTC-8) by 17:00.
    before = digest_moment(school, datetime(2026, 10, 26, 1, 0, tzinfo=UTC))
    after = digest_moment(school, datetime(2026, 11, 2, 2, 0, tzinfo=UTC))
    assert before.astimezone(UTC) == datetime(2026, 10, 26, 0, 0, tzinfo=UTC)
    assert after.astimezone(UTC) == datetime(2026, 11, 2, 1, 0, tzinfo=UTC)
    assert (before.hour, after.hour) == (17, 17)


def test_the_moment_follows_the_schools_own_day_and_time() -> None:
    school = _school(digest_weekday=4, digest_time=time(7, 30))  # Friday 07:30
    moment = digest_moment(school, datetime(2026, 10, 9, 15, 0, tzinfo=UTC))  # Fri 08:00 PDT
    assert (moment.date(), moment.hour, moment.minute) == (date(2026, 10, 9), 7, 30)
    earlier = digest_moment(school, datetime(2026, 10, 9, 14, 0, tzinfo=UTC))  # Fri 07:00 PDT
    assert earlier.date() == date(2026, 10, 2)


def test_nothing_is_queued_before_the_schools_digest_time(tmp_path) -> None:
    world = make_world(tmp_path, at=DIGEST_MOMENT - timedelta(minutes=5))
    result = build_digests(world.deps)
    assert result.schools_due == 0 and world.tasks.tasks == []


def test_one_task_per_reachable_parent_with_cards_and_a_second_tick_queues_nothing(
    tmp_path,
) -> None:
    world = make_world(tmp_path)
    first = build_digests(world.deps)
    world.clock.advance(timedelta(hours=1))
    second = build_digests(world.deps)
    parents = sorted(p["parent_id"] for _, p, _ in world.tasks.tasks)
    assert parents == ["p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08"]
    assert first.enqueued == 8 and second.enqueued == 0 and second.already_queued == 8
    assert {p["on"] for _, p, _ in world.tasks.tasks} == {"2026-10-04"}


def test_stopped_and_unreachable_parents_are_not_queued(tmp_path) -> None:
    world = make_world(tmp_path)
    world.repos.store.update("parents", "p01", {"consent": ConsentState.OPTED_OUT.value})
    world.repos.store.update(
        "parents", "p02", {"whatsapp_reachable": False, "sms_reachable": False}
    )
    result = build_digests(world.deps)
    parents = {p["parent_id"] for _, p, _ in world.tasks.tasks}
    assert "p01" not in parents and "p02" not in parents
    assert result.skipped_unreachable == 2


# --------------------------------------------------------------------------- numbering


def test_cards_are_numbered_in_reading_order_and_the_numbering_is_stored(tmp_path) -> None:
    world = make_world(tmp_path)
    outcome = send_digest(world.deps, _task_for(world, MARIA))
    digest = world.repos.digests.get(outcome.digest_id or "")
    assert digest is not None and digest.status is DigestStatus.SENT
    cards = world.repos.cards.get_many(digest.card_ids)
    titles = [world.repos.items.get(cards[c].item_id).title for c in digest.card_ids]  # type: ignore[union-attr]
    assert titles == [
        "Robotics Club registration closes",  # due soon
        "Thanksgiving Day – school closed",  # no school
        "Return the field trip permission form",  # to do
        "Picture Day",  # this week, by date
        "Basketball practice moves to the gym",
        "Hot lunch orders are open",  # undated last
        "PTA General Meeting",  # next week
    ]
    for number, card_id in enumerate(digest.card_ids, start=1):
        assert cards[card_id].status is CardStatus.SENT
        assert (cards[card_id].number, cards[card_id].digest_id) == (number, digest.id)
    excluded = {"week-item-8", "week-item-9", "week-item-10"}
    assert not excluded & {cards[c].item_id for c in digest.card_ids}


# --------------------------------------------------------------------------- exactly once


def test_a_redelivered_task_sends_once(tmp_path) -> None:
    world = make_world(tmp_path)
    task = _task_for(world, MARIA)
    assert send_digest(world.deps, task).outcome == "sent"
    assert send_digest(world.deps, task).outcome == "already_sent"
    assert len(world.whatsapp.to(MARIA_PHONE)) == 1


def test_the_whole_week_twice_gives_every_parent_one_digest(tmp_path) -> None:
    world = make_world(tmp_path)
    build_digests(world.deps)
    first = _send_all(world)
    world.clock.advance(timedelta(minutes=30))
    build_digests(world.deps, ignore_schedule=True)
    second = _send_all(world)
    assert first == ["sent"] * 8 and second == ["already_sent"] * 8
    phones = [recipient.phone_e164 for recipient, _, _ in world.whatsapp.sent]
    assert len(phones) == len(set(phones)) == 8


def test_a_crash_between_sending_and_recording_does_not_send_again(tmp_path) -> None:
    world = make_world(tmp_path)
    task = _task_for(world, MARIA)
    world.whatsapp.crash_after_send = True
    with pytest.raises(SenderCrashed):
        send_digest(world.deps, task)
    world.whatsapp.crash_after_send = False
    # Redelivered at once: the claim is still fresh, so this delivery waits (503, retried).
    with pytest.raises(SendInProgress):
        send_digest(world.deps, task)
    world.clock.advance(SEND_LEASE + timedelta(seconds=1))
    assert send_digest(world.deps, task).outcome == "recovered"
    assert send_digest(world.deps, task).outcome == "already_sent"
    assert len(world.whatsapp.to(MARIA_PHONE)) == 1
    digest = world.repos.digests.get(world.repos.digests.find()[0].id)
    assert digest is not None and digest.status is DigestStatus.SENT
    assert digest.error and "unconfirmed" in digest.error
    cards = world.repos.cards.get_many(digest.card_ids)
    assert all(c.status is CardStatus.SENT for c in cards.values())


def test_a_provider_5xx_then_success_sends_once(tmp_path) -> None:
    world = make_world(tmp_path)
    task = _task_for(world, MARIA)
    world.whatsapp.fail_next.append(deferred())
    with pytest.raises(DeliveryDeferred):  # answered 503: Cloud Tasks retries
        send_digest(world.deps, task)
    assert world.repos.digests.find()[0].status is DigestStatus.BUILT
    assert send_digest(world.deps, task).outcome == "sent"
    assert len(world.whatsapp.to(MARIA_PHONE)) == 1


def test_the_numbering_of_a_retry_is_the_numbering_recorded_first(tmp_path) -> None:
    world = make_world(tmp_path)
    task = _task_for(world, MARIA)
    world.whatsapp.fail_next.append(deferred())
    with pytest.raises(DeliveryDeferred):
        send_digest(world.deps, task)
    first = world.repos.digests.find()[0].card_ids
    # A new item approved between the attempts does not renumber the digest being sent.
    late = Item(
        id="late",
        school_id=SCHOOL,
        newsletter_id="n",
        title="Early dismissal",
        category=ItemCategory.EVENT,
        start_date=date(2026, 10, 5),
        confidence=0.9,
        status=ItemStatus.APPROVED,
        created_at=world.clock.now(),
        updated_at=world.clock.now(),
    )
    world.repos.items.put(late)
    target_parents_for_item(late.id, world.repos, world.clock)
    send_digest(world.deps, task)
    assert world.repos.digests.find()[0].card_ids == first


def test_a_parent_who_stopped_after_the_build_gets_nothing(tmp_path) -> None:
    world = make_world(tmp_path)
    task = _task_for(world, MARIA)
    world.repos.store.update("parents", MARIA, {"consent": ConsentState.OPTED_OUT.value})
    outcome = send_digest(world.deps, task)
    assert (outcome.outcome, outcome.reason) == ("skipped", "opted out")
    assert world.whatsapp.sent == [] and world.sms.sent == []
    assert world.repos.digests.find() == []


def test_an_unreachable_parent_gets_nothing(tmp_path) -> None:
    world = make_world(tmp_path)
    task = _task_for(world, MARIA)
    world.repos.store.update(
        "parents", MARIA, {"whatsapp_reachable": False, "sms_reachable": False}
    )
    assert send_digest(world.deps, task).reason == "unreachable"
    assert world.whatsapp.sent == [] and world.sms.sent == []


# --------------------------------------------------------------------------- channels


def test_outside_the_24_hour_window_the_template_carries_the_first_thing_to_do(tmp_path) -> None:
    world = make_world(tmp_path)
    send_digest(world.deps, _task_for(world, MARIA))
    [(_, _, template)] = world.whatsapp.sent
    assert template is not None and template.language == "fil"
    assert template.body_parameters == ("Maria", "7", "Robotics Club registration closes")
    assert template.quick_reply_payload and template.quick_reply_payload.startswith("digest:")
    digest = world.repos.digests.find()[0]
    assert digest.body and "Robotics Club registration closes" in digest.body


def test_inside_the_window_the_full_digest_goes_as_text(tmp_path) -> None:
    world = make_world(tmp_path)
    open_window(world, MARIA)
    send_digest(world.deps, _task_for(world, MARIA))
    [(_, body, template)] = world.whatsapp.sent
    assert template is None and body.startswith("Kumusta, Maria!")
    [message] = [m for m in world.repos.messages.find() if m.direction == "outbound"]
    assert message.provider_message_id == "whatsapp-1" and message.body == body


def test_not_on_whatsapp_marks_the_parent_and_falls_back_to_sms(tmp_path) -> None:
    world = make_world(tmp_path)
    world.whatsapp.fail_next.append(RecipientUnreachable("WhatsApp error 131026", 131026))
    outcome = send_digest(world.deps, _task_for(world, MARIA))
    assert (outcome.outcome, outcome.channel) == ("sent", "sms")
    [body] = world.sms.to(MARIA_PHONE)
    assert "https://parentpath.example/admin/calendar/d/" in body
    parent = world.repos.parents.get(MARIA)
    assert parent is not None and not parent.whatsapp_reachable
    # The digest records the channel it went by.
    assert world.repos.digests.find()[0].channel == "sms"


# --------------------------------------------------------------------------- urgent alerts


def _approve_urgent(world: World, item_id: str, title: str, due: date) -> None:
    now = world.clock.now()
    item = Item(
        id=item_id,
        school_id=SCHOOL,
        newsletter_id="n2",
        title=title,
        category=ItemCategory.DEADLINE,
        start_date=due,
        action_required=True,
        action=ItemAction.PAY,
        confidence=0.9,
        status=ItemStatus.APPROVED,
        created_at=now,
        updated_at=now,
    )
    world.repos.items.put(item)
    target_parents_for_item(item.id, world.repos, world.clock)


def test_an_urgent_item_approved_after_the_weekly_run_goes_alone_once_a_day(tmp_path) -> None:
    world = make_world(tmp_path)
    build_digests(world.deps)
    _send_all(world)
    world.clock.advance(timedelta(days=1, hours=20))  # Tuesday 13:00 local
    _approve_urgent(world, "urgent-1", "Pay for the bus by tomorrow", date(2026, 10, 7))
    _approve_urgent(world, "urgent-2", "Bring a lunch tomorrow", date(2026, 10, 7))
    first = build_digests(world.deps)
    world.clock.advance(timedelta(hours=1))
    again = build_digests(world.deps)
    assert first.alerts_enqueued == 8 and again.alerts_enqueued == 0
    alerts = [p for _, p, _ in world.tasks.tasks if p["kind"] == "alert"]
    maria = next(p for p in alerts if p["parent_id"] == MARIA)
    before = world.repos.digests.get(
        next(d.id for d in world.repos.digests.find() if d.parent_id == MARIA)
    )
    outcome = send_digest(world.deps, SendDigestTask.model_validate(maria))
    assert outcome.outcome == "sent"
    alert = world.repos.digests.get(outcome.digest_id or "")
    assert alert is not None and alert.kind == "alert"
    # The weekly numbers keep their meaning; the alert's item is the next number.
    assert before is not None and alert.card_ids[:-1] == before.card_ids
    assert alert.body and alert.body.startswith("⚠️") and f"{len(alert.card_ids)}. " in alert.body
