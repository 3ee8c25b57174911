"""State transitions live on the models: allowed moves are validated, illegal ones refused."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from pydantic import ValidationError

from shared.errors import BadInput, IllegalTransition
from shared.lifecycle import ALLOWED_MOVES, can_move
from shared.models import (
    Card,
    CardStatus,
    Item,
    ItemCategory,
    ItemStatus,
    Newsletter,
    NewsletterStatus,
)
from shared.records import Digest, DigestStatus, Message, MessageStatus

NOW = datetime(2026, 10, 2, 15, 0, tzinfo=UTC)
LATER = NOW + timedelta(hours=1)


def newsletter(status: NewsletterStatus = NewsletterStatus.RECEIVED) -> Newsletter:
    return Newsletter(
        id="n1",
        school_id="maple",
        bucket="b",
        object_name="maple/x.pdf",
        generation="1",
        size_bytes=10,
        uploaded_at=NOW,
        status=status,
    )


def item(status: ItemStatus = ItemStatus.PENDING_REVIEW) -> Item:
    return Item(
        id="i1",
        school_id="maple",
        newsletter_id="n1",
        title="Book fair",
        category=ItemCategory.EVENT,
        confidence=0.8,
        status=status,
        created_at=NOW,
        updated_at=NOW,
    )


def card(status: CardStatus = CardStatus.PENDING) -> Card:
    return Card(
        id="c1", school_id="maple", parent_id="p1", item_id="i1", status=status, created_at=NOW
    )


def test_every_status_of_every_model_has_its_row_of_moves() -> None:
    for status_type, moves in ALLOWED_MOVES.items():
        assert set(moves) == set(status_type)


def test_moves_between_statuses_of_different_models_are_never_allowed() -> None:
    # "sent" is a value of three enums; StrEnums compare equal as strings.
    assert can_move(CardStatus.PENDING, CardStatus.SENT)
    assert not can_move(CardStatus.PENDING, DigestStatus.SENT)
    assert not can_move(DigestStatus.BUILT, MessageStatus.SENT)


def test_a_newsletter_is_parsed_through_an_attempt_and_counts_its_tokens() -> None:
    parsing = newsletter().begin_parse()
    assert (parsing.status, parsing.parse_attempts) == (NewsletterStatus.PARSING, 1)
    again = parsing.begin_parse()  # a redelivery resumes an unfinished parse
    assert again.parse_attempts == 2
    parsed = again.model_copy(update={"tokens_used": 100}).mark_parsed(
        content_type="application/pdf",
        extractor="offline",
        issued_on=date(2026, 10, 1),
        item_ids=["i1"],
        tokens_used=50,
        notes=[],
    )
    assert parsed.status is NewsletterStatus.PARSED
    assert parsed.tokens_used == 150
    assert parsed.failure_reason is None


def test_a_finished_newsletter_cannot_be_parsed_or_failed_again() -> None:
    failed = newsletter().mark_failed("The file is empty.")
    assert failed.failure_reason == "The file is empty."
    with pytest.raises(IllegalTransition, match="newsletter n1 cannot go from failed to parsing"):
        failed.begin_parse()
    parsed = newsletter(NewsletterStatus.PARSING).mark_parsed(
        content_type="image/png",
        extractor="x",
        issued_on=None,
        item_ids=[],
        tokens_used=0,
        notes=[],
    )
    with pytest.raises(IllegalTransition):
        parsed.mark_failed("late")
    with pytest.raises(IllegalTransition):
        newsletter().mark_parsed(
            content_type="image/png",
            extractor="x",
            issued_on=None,
            item_ids=[],
            tokens_used=0,
            notes=[],
        )


def test_audio_waits_for_transcription_and_may_be_parsed_once_a_backend_exists() -> None:
    waiting = newsletter(NewsletterStatus.PARSING).mark_waiting_transcription(
        "no speech", "audio/ogg"
    )
    assert (waiting.status, waiting.content_type) == (
        NewsletterStatus.WAITING_TRANSCRIPTION,
        "audio/ogg",
    )
    assert waiting.begin_parse().status is NewsletterStatus.PARSING


def test_an_item_is_approved_rejected_withdrawn_and_approved_again() -> None:
    approved = item().approve(LATER)
    assert (approved.status, approved.updated_at) == (ItemStatus.APPROVED, LATER)
    withdrawn = approved.withdraw(LATER)
    assert withdrawn.status is ItemStatus.WITHDRAWN
    assert withdrawn.approve(LATER).status is ItemStatus.APPROVED
    assert item().reject(LATER).approve(LATER).status is ItemStatus.APPROVED


@pytest.mark.parametrize(
    ("status", "move"),
    [
        (ItemStatus.PENDING_REVIEW, "withdraw"),
        (ItemStatus.APPROVED, "approve"),
        (ItemStatus.APPROVED, "reject"),
        (ItemStatus.REJECTED, "withdraw"),
        (ItemStatus.WITHDRAWN, "reject"),
    ],
)
def test_illegal_item_moves_raise_and_change_nothing(status: ItemStatus, move: str) -> None:
    before = item(status)
    with pytest.raises(IllegalTransition, match=f"item i1 cannot go from {status.value}"):
        getattr(before, move)(LATER)
    assert before.status is status and before.updated_at == NOW


def test_an_edit_is_validated_and_cannot_touch_status_or_identity() -> None:
    edited = item(ItemStatus.APPROVED).edit({"title": "Book fair (gym)", "grades": [3, 4]}, LATER)
    assert (edited.title, edited.grades, edited.updated_at) == ("Book fair (gym)", [3, 4], LATER)
    assert edited.status is ItemStatus.APPROVED
    with pytest.raises(ValidationError):
        item().edit({"title": ""}, LATER)
    with pytest.raises(ValidationError, match="end_date is before start_date"):
        item().edit({"start_date": date(2026, 10, 5), "end_date": date(2026, 10, 4)}, LATER)
    with pytest.raises(BadInput, match="status"):
        item().edit({"status": ItemStatus.APPROVED}, LATER)
    with pytest.raises(BadInput, match="id, school_id"):
        item().edit({"school_id": "elm", "id": "i2"}, LATER)


def test_a_card_goes_pending_sent_done_and_is_renumbered_in_a_later_digest() -> None:
    sent = card().mark_sent("d1", 2)
    assert (sent.status, sent.digest_id, sent.number) == (CardStatus.SENT, "d1", 2)
    resent = sent.mark_sent("d2", 1)
    assert (resent.digest_id, resent.number) == ("d2", 1)
    done = resent.mark_done(LATER)
    assert (done.status, done.done_at) == (CardStatus.DONE, LATER)


def test_a_pending_card_is_retracted_and_restored() -> None:
    retracted = card().retract()
    assert retracted.status is CardStatus.RETRACTED
    assert retracted.restore().status is CardStatus.PENDING


@pytest.mark.parametrize(
    ("status", "move"),
    [
        (CardStatus.PENDING, lambda c: c.mark_done(LATER)),
        (CardStatus.PENDING, lambda c: c.restore()),
        (CardStatus.SENT, lambda c: c.retract()),
        (CardStatus.DONE, lambda c: c.mark_sent("d3", 1)),
        (CardStatus.DONE, lambda c: c.mark_done(LATER)),
        (CardStatus.RETRACTED, lambda c: c.mark_sent("d3", 1)),
    ],
)
def test_illegal_card_moves_raise(status: CardStatus, move: object) -> None:
    with pytest.raises(IllegalTransition, match=f"card c1 cannot go from {status.value}"):
        move(card(status))  # type: ignore[operator]


def test_a_card_number_is_validated() -> None:
    with pytest.raises(ValidationError):
        card().mark_sent("d1", 0)


def test_a_digest_is_claimed_before_it_is_sent_and_a_released_one_may_be_claimed_again() -> None:
    digest = Digest(
        id="d1",
        school_id="maple",
        parent_id="p1",
        week_of=date(2026, 9, 28),
        language="en",
        created_at=NOW,
    )
    with pytest.raises(IllegalTransition):
        digest.mark_sent(channel="whatsapp", at=NOW)  # never sent without a recorded intent
    released = digest.begin_sending(NOW).release()
    assert (released.status, released.send_started_at) == (DigestStatus.BUILT, None)
    taken_over = released.begin_sending(NOW).begin_sending(NOW)  # a lease that ran out
    sent = taken_over.mark_sent(channel="whatsapp", at=NOW, message_id="m1")
    assert (sent.status, sent.message_id, sent.sent_at) == (DigestStatus.SENT, "m1", NOW)
    with pytest.raises(IllegalTransition):
        sent.begin_sending(NOW)
    failed = digest.begin_sending(NOW).mark_failed("sms", "refused")
    assert (failed.status, failed.error) == (DigestStatus.FAILED, "refused")
    with pytest.raises(IllegalTransition):
        failed.begin_sending(NOW)


def test_a_message_only_moves_forward_and_a_late_status_report_is_recognised() -> None:
    message = Message(
        id="m1",
        school_id="maple",
        parent_id="p1",
        direction="outbound",
        channel="whatsapp",
        body="hi",
        status=MessageStatus.QUEUED,
        created_at=NOW,
        updated_at=NOW,
    )
    read = message.advance(MessageStatus.READ, LATER)
    assert (read.status, read.updated_at) == (MessageStatus.READ, LATER)
    assert not read.can_advance_to(MessageStatus.DELIVERED)
    with pytest.raises(IllegalTransition):
        read.advance(MessageStatus.SENT, LATER)
    failed = message.advance(MessageStatus.SENT, NOW).advance(
        MessageStatus.FAILED, LATER, error="131026"
    )
    assert (failed.status, failed.error) == (MessageStatus.FAILED, "131026")
    inbound = message.model_copy(update={"direction": "inbound", "status": MessageStatus.RECEIVED})
    assert not inbound.can_advance_to(MessageStatus.SENT)
