"""Targeting, marking sent and marking done race on the same cards and lose no update.

On every store (SQLite, the Firestore emulator): first two races forced into the exact
interleaving that used to lose a write, then threads hammering the same cards at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from shared.adapters.clock import FixedClock
from shared.adapters.store_sqlite import SqliteDocumentStore
from shared.errors import IllegalTransition, TransientError
from shared.models import (
    Card,
    CardStatus,
    Child,
    ConsentState,
    Item,
    ItemCategory,
    ItemStatus,
    Parent,
)
from shared.ports import Document, DocumentStore, Query
from shared.repository import Repositories
from shared.services import cards
from shared.services.targeting import target_parents_for_item

SCHOOL = "maple"
ITEM = "item-1"
AT = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
CLOCK = FixedClock(AT)


@dataclass(frozen=True)
class Stores:
    """Makes store clients on one shared backend: one per thread, as separate instances are."""

    connect: Callable[[], DocumentStore]
    families: int  # the emulator is slower: fewer cards, the same races


@pytest.fixture(params=["sqlite", "firestore"])
def stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Stores]:
    if request.param == "sqlite":
        path = tmp_path / "store.sqlite3"
        yield Stores(lambda: SqliteDocumentStore(path), families=40)
        return
    from google.cloud import firestore

    from infra.standins.firestore import PROJECT, wipe
    from shared.adapters.store_firestore import FirestoreDocumentStore

    host = request.getfixturevalue("firestore_emulator_host")
    wipe(host)
    yield Stores(lambda: FirestoreDocumentStore(lambda: firestore.Client(project=PROJECT)), 12)


def parent_id(n: int) -> str:
    return f"p{n:03d}"


def card_id(n: int) -> str:
    return Card.id_for(parent_id(n), ITEM)


def seed(repos: Repositories, families: int) -> None:
    repos.parents.put_many(
        [
            Parent(id=parent_id(n), school_id=SCHOOL, name=f"P{n}", phone=f"+1604555{n:04d}")
            for n in range(families)
        ]
    )
    repos.children.put_many(
        [
            Child(
                id=f"c{n:03d}", school_id=SCHOOL, name=f"C{n}", grade=3, parent_ids=[parent_id(n)]
            )
            for n in range(families)
        ]
    )
    repos.items.put(
        Item(
            id=ITEM,
            school_id=SCHOOL,
            newsletter_id="nl-1",
            title="Picture day",
            category=ItemCategory.EVENT,
            confidence=0.9,
            status=ItemStatus.APPROVED,
            created_at=AT,
            updated_at=AT,
        )
    )


def set_consent(repos: Repositories, n: int, consent: ConsentState) -> None:
    parent = repos.parents.get(parent_id(n))
    assert parent is not None
    repos.parents.put(parent.model_copy(update={"consent": consent}))


class AfterCardsAreRead:
    """A store that runs `meanwhile` once, right after targeting has read the item's cards:
    the moment another writer could slip in before targeting writes."""

    def __init__(self, inner: DocumentStore, meanwhile: Callable[[], None]) -> None:
        self._inner = inner
        self._meanwhile: Callable[[], None] | None = meanwhile

    def query(self, query: Query) -> list[Document]:
        found = self._inner.query(query)
        if query.collection == "cards" and self._meanwhile is not None:
            meanwhile, self._meanwhile = self._meanwhile, None
            # Another thread, with its own client: a separate writer, as in production.
            worker = threading.Thread(target=meanwhile)
            worker.start()
            worker.join()
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def statuses(repos: Repositories) -> dict[str, CardStatus]:
    return {card.id: card.status for card in repos.cards.find()}


def test_a_card_sent_while_targeting_retracts_it_stays_sent(stores: Stores) -> None:
    repos = Repositories(stores.connect())
    seed(repos, 3)
    target_parents_for_item(ITEM, repos, CLOCK)
    set_consent(repos, 2, ConsentState.OPTED_OUT)  # p002 leaves: its pending card goes

    def digest_goes_out() -> None:
        sender = Repositories(stores.connect())
        assert cards.mark_sent(sender, "digest-1", [card_id(2), card_id(0)]).skipped == []

    racing = Repositories(AfterCardsAreRead(stores.connect(), digest_goes_out))  # type: ignore[arg-type]
    result = target_parents_for_item(ITEM, racing, CLOCK)

    assert result.retracted == 0
    sent = repos.cards.get(card_id(2))
    assert sent is not None
    assert (sent.status, sent.digest_id, sent.number) == (CardStatus.SENT, "digest-1", 1)
    assert statuses(repos)[card_id(1)] is CardStatus.PENDING


def test_a_card_sent_and_done_while_targeting_retracts_it_stays_done(stores: Stores) -> None:
    repos = Repositories(stores.connect())
    seed(repos, 2)
    target_parents_for_item(ITEM, repos, CLOCK)
    set_consent(repos, 1, ConsentState.OPTED_OUT)

    def sent_then_done() -> None:
        other = Repositories(stores.connect())
        cards.mark_sent(other, "digest-1", [card_id(1)])
        assert cards.mark_done(other, card_id(1), parent_id=parent_id(1), at=AT).changed

    racing = Repositories(AfterCardsAreRead(stores.connect(), sent_then_done))  # type: ignore[arg-type]
    target_parents_for_item(ITEM, racing, CLOCK)
    assert statuses(repos) == {card_id(0): CardStatus.PENDING, card_id(1): CardStatus.DONE}


def test_an_item_withdrawn_while_targeting_stops_the_stale_run(stores: Stores) -> None:
    repos = Repositories(stores.connect())
    seed(repos, 3)

    def admin_withdraws() -> None:
        admin = Repositories(stores.connect())
        item = admin.items.get(ITEM)
        assert item is not None
        admin.items.put(item.withdraw(datetime(2026, 10, 1, 10, 0, tzinfo=UTC)))

    racing = Repositories(AfterCardsAreRead(stores.connect(), admin_withdraws))  # type: ignore[arg-type]
    with pytest.raises(TransientError, match="changed while its cards were being written"):
        target_parents_for_item(ITEM, racing, CLOCK)
    assert statuses(repos) == {}  # nothing written for an audience that no longer holds
    assert target_parents_for_item(ITEM, repos, CLOCK).audience == 0  # the retry


def retried(work: Callable[[], Any]) -> Any:
    """What Cloud Tasks does for a TransientError (a contended transaction): try again."""
    for _ in range(20):
        try:
            return work()
        except TransientError:
            continue
    raise AssertionError("still contended after 20 attempts")


def test_targeting_sending_and_done_replies_at_once_lose_no_update(stores: Stores) -> None:
    families = stores.families
    setup = Repositories(stores.connect())
    seed(setup, families)
    target_parents_for_item(ITEM, setup, CLOCK)  # every card exists, pending, before the race
    leaving = range(0, families, 3)  # these parents opt out and back in, over and over
    reported_sent: dict[str, set[str]] = {}  # card id -> the digests it was reported sent in
    reported_done: set[str] = set()
    failures: list[BaseException] = []

    def targeter() -> None:
        repos = Repositories(stores.connect())
        for round_ in range(4):
            consent = ConsentState.OPTED_OUT if round_ % 2 == 0 else ConsentState.OPTED_IN
            for n in leaving:
                set_consent(repos, n, consent)
            retried(lambda: target_parents_for_item(ITEM, repos, CLOCK))

    def sender() -> None:
        repos = Repositories(stores.connect())
        for week in range(4):
            digest_id = f"digest-{week}"
            ids = [card_id(n) for n in range(families)]
            result = retried(lambda: cards.mark_sent(repos, digest_id, ids))  # noqa: B023
            for card in result.sent:
                reported_sent.setdefault(card.id, set()).add(digest_id)

    def doner() -> None:
        repos = Repositories(stores.connect())
        for _ in range(3):
            for n in range(1, families, 2):
                try:
                    done = retried(
                        lambda: cards.mark_done(repos, card_id(n), parent_id=parent_id(n), at=AT)  # noqa: B023
                    )
                except IllegalTransition:
                    continue  # not sent yet, or retracted
                reported_done.add(done.card.id)

    def guarded(work: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            try:
                work()
            except BaseException as exc:
                failures.append(exc)

        return run

    threads = [threading.Thread(target=guarded(w)) for w in (targeter, sender, doner)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in threads)
    assert failures == []

    final = {card.id: card for card in Repositories(stores.connect()).cards.find()}
    assert reported_sent, "the sender never found a card: the race did not happen"
    for done_id in reported_done:
        assert final[done_id].status is CardStatus.DONE, done_id
    for sent_id, digests in reported_sent.items():
        card = final[sent_id]
        assert card.status in (CardStatus.SENT, CardStatus.DONE), (sent_id, card.status)
        assert card.digest_id in digests
    # And every parent still in the audience has a live card.
    assert all(final[card_id(n)].status is not CardStatus.RETRACTED for n in range(families))
