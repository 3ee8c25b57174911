"""The card helpers every sender and reply handler uses: numbered, idempotent, atomic."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from shared.errors import BadInput, IllegalTransition, NotFound
from shared.models import Card, CardStatus
from shared.repository import Repositories
from shared.services import cards

AT = datetime(2026, 10, 2, 9, 0, tzinfo=UTC)


def put_card(repos: Repositories, parent_id: str, status: CardStatus = CardStatus.PENDING) -> str:
    card = Card(
        id=Card.id_for(parent_id, "i1"),
        school_id="maple",
        parent_id=parent_id,
        item_id="i1",
        status=status,
        created_at=AT,
    )
    repos.cards.put(card)
    return card.id


def test_cards_are_numbered_in_digest_order_and_a_retry_writes_nothing(repos: Repositories) -> None:
    first, second = put_card(repos, "ana"), put_card(repos, "ben")
    result = cards.mark_sent(repos, "d1", [second, first])
    assert [(c.id, c.number, c.digest_id) for c in result.sent] == [
        (second, 1, "d1"),
        (first, 2, "d1"),
    ]
    stored = repos.cards.get(first)
    assert stored is not None and (stored.status, stored.number) == (CardStatus.SENT, 2)

    before = repos.store.get("cards", first)
    again = cards.mark_sent(repos, "d1", [second, first])
    assert [c.number for c in again.sent] == [1, 2]
    assert repos.store.get("cards", first) == before


def test_cards_that_cannot_be_sent_are_skipped_and_keep_their_number_slot(
    repos: Repositories,
) -> None:
    gone = put_card(repos, "ana", CardStatus.RETRACTED)
    done = put_card(repos, "ben", CardStatus.DONE)
    live = put_card(repos, "cy")
    result = cards.mark_sent(repos, "d1", [gone, done, "missing", live])
    assert result.skipped == [gone, done, "missing"]
    assert [(c.id, c.number) for c in result.sent] == [(live, 4)]
    assert {c.id: c.status for c in repos.cards.find()} == {
        gone: CardStatus.RETRACTED,
        done: CardStatus.DONE,
        live: CardStatus.SENT,
    }


def test_an_open_card_is_renumbered_in_the_next_digest(repos: Repositories) -> None:
    card = put_card(repos, "ana")
    cards.mark_sent(repos, "week-1", [card])
    (resent,) = cards.mark_sent(repos, "week-2", [put_card(repos, "ben"), card]).sent[1:]
    assert (resent.digest_id, resent.number) == ("week-2", 2)


def test_a_digest_lists_each_card_once(repos: Repositories) -> None:
    card = put_card(repos, "ana")
    with pytest.raises(BadInput):
        cards.mark_sent(repos, "d1", [card, card])


def test_done_is_recorded_once_and_a_redelivery_changes_nothing(repos: Repositories) -> None:
    card = put_card(repos, "ana")
    cards.mark_sent(repos, "d1", [card])
    first = cards.mark_done(repos, card, parent_id="ana", at=AT)
    assert first.changed and first.card.done_at == AT
    later = datetime(2026, 10, 3, tzinfo=UTC)
    again = cards.mark_done(repos, card, parent_id="ana", at=later)
    assert not again.changed and again.card.done_at == AT


def test_done_for_another_parents_card_or_an_unsent_one_is_refused(repos: Repositories) -> None:
    card = put_card(repos, "ana")
    with pytest.raises(IllegalTransition, match="pending to done"):
        cards.mark_done(repos, card, parent_id="ana", at=AT)
    cards.mark_sent(repos, "d1", [card])
    with pytest.raises(NotFound):
        cards.mark_done(repos, card, parent_id="ben", at=AT)
    with pytest.raises(NotFound):
        cards.mark_done(repos, "nope", parent_id="ana", at=AT)
    stored = repos.cards.get(card)
    assert stored is not None and stored.status is CardStatus.SENT
