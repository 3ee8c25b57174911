"""The replies service: each action, identity, redelivery, statuses and unknown senders."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, date, datetime, time, timedelta

import pytest

from shared.adapters.clock import FixedClock
from shared.errors import TransientError
from shared.logs import CloudLoggingFormatter
from shared.models import (
    Card,
    CardStatus,
    ConsentState,
    Item,
    ItemCategory,
    ItemStatus,
    Parent,
    School,
)
from shared.records import Digest, DigestStatus, Message, MessageStatus
from shared.repository import Repositories
from shared.services import reply_texts
from shared.services.inbound import (
    DeliveryStatus,
    IdentityChange,
    InboundEvent,
    IncomingMessage,
    Sender,
)
from shared.services.replies import ReplyDependencies, answer_voice_note, handle_events
from tests.fakes import KeywordItemSearch, RecordingMessenger, RecordingQueue

PHONE = "+16045550101"
BSUID = "CA.1502576394655843"
NOW = datetime(2026, 10, 2, 16, 30, tzinfo=UTC)
ROSTER_PHONE = Sender(PHONE)


@pytest.fixture
def world(repos: Repositories, clock: FixedClock) -> tuple[ReplyDependencies, RecordingMessenger]:
    repos.schools.put(
        School(
            id="maple", name="Maple Grove", timezone="America/Vancouver", grades_offered=[0, 1, 2]
        )
    )
    repos.parents.put(
        Parent(id="p1", school_id="maple", name="Parent One", phone=PHONE, language="pa")
    )
    items = [
        _item("i1", "Pumpkin patch field trip", date(2026, 10, 20), time(9, 0), "Applewood Farm"),
        _item("i2", "Permission slip due", date(2026, 10, 14), None, None),
    ]
    repos.items.put_many(items)
    cards = [
        Card(
            id=Card.id_for("p1", item.id),
            school_id="maple",
            parent_id="p1",
            item_id=item.id,
            status=CardStatus.SENT,
            digest_id="d1",
            number=number,
            created_at=NOW,
        )
        for number, item in enumerate(items, start=1)
    ]
    repos.cards.put_many(cards)
    repos.digests.put(
        Digest(
            id="d1",
            school_id="maple",
            parent_id="p1",
            week_of=date(2026, 9, 28),
            language="pa",
            card_ids=[c.id for c in cards],
            status=DigestStatus.SENT,
            created_at=NOW - timedelta(days=1),
        )
    )
    messenger = RecordingMessenger()
    deps = ReplyDependencies(repos, messenger, KeywordItemSearch(repos), clock)
    return deps, messenger


def _item(item_id: str, title: str, day: date, at: time | None, place: str | None) -> Item:
    return Item(
        id=item_id,
        school_id="maple",
        newsletter_id="n1",
        title=title,
        category=ItemCategory.EVENT,
        start_date=day,
        start_time=at,
        location=place,
        confidence=0.9,
        status=ItemStatus.APPROVED,
        created_at=NOW,
        updated_at=NOW,
    )


_counter = iter(range(10_000))


def text(
    body: str, sender: Sender = ROSTER_PHONE, message_id: str | None = None
) -> IncomingMessage:
    return IncomingMessage(message_id or f"wamid.{next(_counter)}", sender, "text", NOW, text=body)


def run(deps: ReplyDependencies, *events: InboundEvent) -> dict[str, int]:
    return handle_events(list(events), deps).as_json()


def card(deps: ReplyDependencies, item_id: str) -> Card:
    found = deps.repos.cards.get(Card.id_for("p1", item_id))
    assert found is not None
    return found


def parent(deps: ReplyDependencies, parent_id: str = "p1") -> Parent:
    found = deps.repos.parents.get(parent_id)
    assert found is not None
    return found


# --------------------------------------------------------------------------- actions


def test_done_with_a_number_marks_that_card_and_names_the_item_in_the_parents_language(
    world,
) -> None:
    deps, messenger = world
    assert run(deps, text("੨ ਹੋ ਗਿਆ")) == {"done": 1}
    assert card(deps, "i2").status is CardStatus.DONE
    assert card(deps, "i1").status is CardStatus.SENT
    [reply] = messenger.bodies_to(PHONE)
    assert "Permission slip due" in reply and "ਧੰਨਵਾਦ" in reply


def test_done_out_of_range_asks_which_and_changes_nothing(world) -> None:
    deps, messenger = world
    run(deps, text("done 7"))
    assert {card(deps, i).status for i in ("i1", "i2")} == {CardStatus.SENT}
    [reply] = messenger.sent
    assert "1. Pumpkin patch field trip" in reply[1] and "2. Permission slip due" in reply[1]


def test_done_without_a_number_asks_which_when_two_are_open_and_marks_the_last_one(world) -> None:
    deps, messenger = world
    run(deps, text("tapos na po"))
    assert card(deps, "i1").status is CardStatus.SENT
    assert "DONE" in messenger.sent[-1][1]
    run(deps, text("done 1"))
    run(deps, text("all done ✅"))
    assert card(deps, "i2").status is CardStatus.DONE
    assert "Permission slip due" in messenger.sent[-1][1]


def test_done_again_says_it_was_already_done(world) -> None:
    deps, messenger = world
    run(deps, text("done 1"), text("DONE 1"))
    assert "ਪਹਿਲਾਂ ਹੀ" in messenger.sent[-1][1]


def test_a_button_reply_from_our_own_message_is_the_same_intent(world) -> None:
    deps, _ = world
    tap = IncomingMessage(
        "wamid.tap", Sender(PHONE), "button_reply", NOW, text="Done", reply_id="done:1"
    )
    assert run(deps, tap) == {"done": 1}
    assert card(deps, "i1").status is CardStatus.DONE


def test_help_sends_the_short_guide(world) -> None:
    deps, messenger = world
    run(deps, text("help"))
    assert "DONE 2" in messenger.sent[0][1] and "STOP" in messenger.sent[0][1]


def test_a_question_is_answered_from_the_best_item_with_date_time_and_place(world) -> None:
    deps, messenger = world
    assert run(deps, text("when is the pumpkin patch trip?")) == {"query": 1}
    [(_, reply)] = messenger.sent
    assert "Pumpkin patch field trip" in reply
    assert "20" in reply and "09:00" in reply and "Applewood Farm" in reply
    assert deps.repos.tickets.count() == 0


def test_a_question_nothing_answers_says_so_and_asks_the_school(world) -> None:
    deps, messenger = world
    run(deps, text("is there a swimming lesson on saturday?"))
    [ticket] = deps.repos.tickets.find()
    assert ticket.kind == "unanswered_question" and ticket.parent_id == "p1"
    assert "ਸਕੂਲ ਨੂੰ ਪੁੱਛ" in messenger.sent[0][1]


@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("en", "does not say anything about parking"),
        ("pa", "ਪਾਰਕਿੰਗ ਬਾਰੇ ਨਹੀਂ ਦੱਸਿਆ ਗਿਆ"),
        ("tl", "hindi po sinasabi ng newsletter ang tungkol sa parking"),
        ("zh", "没有写明停车安排"),
    ],
)
def test_a_detail_the_newsletter_leaves_unsaid_names_the_item_and_asks_the_school(
    world, language: str, says: str
) -> None:
    deps, messenger = world
    deps.repos.parents.put(parent(deps).model_copy(update={"language": language}))
    run(deps, text("is there parking at the pumpkin patch farm?"))
    [(_, reply)] = messenger.sent
    assert reply.startswith("Pumpkin patch field trip") and "Applewood Farm" in reply
    assert says in reply
    [ticket] = deps.repos.tickets.find()
    assert ticket.kind == "unanswered_question" and ticket.item_id == "i1"


def test_a_detail_the_item_states_is_answered_without_a_ticket(world) -> None:
    deps, messenger = world
    run(deps, text("where is the pumpkin patch trip?"))
    [(_, reply)] = messenger.sent
    assert "Applewood Farm" in reply and "ਨਹੀਂ ਦੱਸਿਆ" not in reply
    assert deps.repos.tickets.count() == 0


def test_an_error_report_opens_a_ticket_on_the_item_meant(world) -> None:
    deps, messenger = world
    run(deps, text("#1 has the wrong date, it is the 21st", message_id="wamid.r"))
    [ticket] = deps.repos.tickets.find()
    assert ticket.item_id == "i1" and ticket.kind == "error_report"
    assert ticket.message_id == Message.id_for_inbound("wamid.r")
    assert "Pumpkin patch field trip" in messenger.sent[0][1]


def test_stop_opts_out_every_record_and_says_how_to_come_back(world) -> None:
    deps, messenger = world
    deps.repos.parents.put(Parent(id="q1", school_id="other", name="Same person", phone=PHONE))
    run(deps, text("STOP"))
    assert {parent(deps, pid).consent for pid in ("p1", "q1")} == {ConsentState.OPTED_OUT}
    assert not parent(deps).can_be_messaged
    assert "START" in messenger.sent[0][1]
    run(deps, text("when is the pumpkin patch trip?"))
    assert "START" in messenger.sent[-1][1] and "Applewood" not in messenger.sent[-1][1]
    run(deps, text("start"))
    assert {parent(deps, pid).consent for pid in ("p1", "q1")} == {ConsentState.OPTED_IN}


def test_a_language_change_updates_the_parent_and_answers_in_the_new_language(world) -> None:
    deps, messenger = world
    run(deps, text("can you send it in chinese from now on"))
    assert parent(deps).language == "zh"
    assert "中文" in messenger.sent[0][1]


def test_thanks_gets_a_short_answer_and_nonsense_a_pointer_to_help(world) -> None:
    deps, messenger = world
    run(deps, text("ਬਹੁਤ ਧੰਨਵਾਦ 🙏"), text("zzq"))
    assert "😊" in messenger.sent[0][1] and "HELP" in messenger.sent[1][1]


def test_a_voice_note_is_recorded_and_answered_plainly(world) -> None:
    deps, messenger = world
    note = IncomingMessage("wamid.voice", Sender(PHONE), "audio", NOW, media_id="m1", is_voice=True)
    assert run(deps, note) == {"voice_note": 1}
    stored = deps.repos.messages.get(Message.id_for_inbound("wamid.voice"))
    assert stored is not None and stored.kind == "audio" and stored.parent_id == "p1"
    assert len(messenger.sent) == 1


def test_every_inbound_and_outbound_is_a_message_of_the_parent(world) -> None:
    deps, _ = world
    run(deps, text("help", message_id="wamid.h"))
    inbound = deps.repos.messages.get(Message.id_for_inbound("wamid.h"))
    outbound = deps.repos.messages.get(Message.id_for_reply(Message.id_for_inbound("wamid.h")))
    assert inbound is not None and inbound.parent_id == "p1" and inbound.handled_at is not None
    assert outbound is not None and outbound.parent_id == "p1"
    assert outbound.status is MessageStatus.SENT and outbound.provider_message_id


def test_a_reply_that_cannot_be_sent_is_recorded_as_failed(world) -> None:
    deps, messenger = world
    messenger.fail_with = TransientError("network")
    run(deps, text("help", message_id="wamid.f"))
    outbound = deps.repos.messages.get(Message.id_for_reply(Message.id_for_inbound("wamid.f")))
    assert outbound is not None and outbound.status is MessageStatus.FAILED


# --------------------------------------------------------------------------- redelivery


def test_a_redelivered_message_is_acted_on_once(world) -> None:
    deps, messenger = world
    event = text("done 1", message_id="wamid.same")
    assert run(deps, event) == {"done": 1}
    assert run(deps, event) == {"duplicate": 1}
    assert len(messenger.sent) == 1
    assert deps.repos.messages.count() == 2  # the inbound and our one answer


def test_concurrent_deliveries_of_one_message_act_once(world) -> None:
    deps, messenger = world
    event = text("done 2", message_id="wamid.race")
    outcomes: list[dict[str, int]] = []
    threads = [threading.Thread(target=lambda: outcomes.append(run(deps, event))) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(o.get("done", 0) for o in outcomes) == [0, 0, 0, 0, 0, 1]
    assert len(messenger.sent) == 1


def test_a_delivery_that_failed_transiently_is_acted_on_when_redelivered(world) -> None:
    deps, messenger = world

    class FlakySearch(KeywordItemSearch):
        failures = 1

        def search(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            if self.failures:
                self.failures -= 1
                raise TransientError("index unavailable")
            return super().search(*args, **kwargs)

    deps.search = FlakySearch(deps.repos)
    event = text("when is the pumpkin patch trip?", message_id="wamid.flaky")
    with pytest.raises(TransientError):
        run(deps, event)
    assert run(deps, event) == {"query": 1}
    assert "Applewood Farm" in messenger.sent[-1][1]


# --------------------------------------------------------------------------- statuses


def _outbound(deps: ReplyDependencies) -> Message:
    run(deps, text("help", message_id="wamid.s"))
    message = deps.repos.messages.get(Message.id_for_reply(Message.id_for_inbound("wamid.s")))
    assert message is not None and message.provider_message_id
    return message


def status(message: Message, name: str, code: int | None = None) -> DeliveryStatus:
    assert message.provider_message_id
    return DeliveryStatus(message.provider_message_id, name, NOW, Sender(PHONE), error_code=code)


def stored_status(deps: ReplyDependencies, message: Message) -> MessageStatus:
    found = deps.repos.messages.get(message.id)
    assert found is not None
    return found.status


def test_statuses_move_a_message_forward_only_and_redelivery_changes_nothing(world) -> None:
    deps, _ = world
    message = _outbound(deps)
    run(deps, status(message, "read"))
    assert run(deps, status(message, "delivered"), status(message, "sent")) == {"status_stale": 2}
    assert stored_status(deps, message) is MessageStatus.READ
    assert run(deps, status(message, "read")) == {"status_stale": 1}
    assert run(deps, status(message, "failed", 131026)) == {"status_stale": 1}
    assert parent(deps).whatsapp_reachable


def test_a_permanent_failure_marks_the_parent_unreachable_and_a_transient_one_does_not(
    world,
) -> None:
    deps, _ = world
    message = _outbound(deps)
    run(deps, status(message, "failed", 130472))
    assert stored_status(deps, message) is MessageStatus.FAILED
    assert parent(deps).whatsapp_reachable
    again = _outbound_second(deps)
    run(deps, status(again, "failed", 131026))
    assert not parent(deps).whatsapp_reachable
    # Writing to us shows they are reachable again.
    run(deps, text("thanks"))
    assert parent(deps).whatsapp_reachable


def _outbound_second(deps: ReplyDependencies) -> Message:
    run(deps, text("help", message_id="wamid.s2"))
    message = deps.repos.messages.get(Message.id_for_reply(Message.id_for_inbound("wamid.s2")))
    assert message is not None
    return message


def test_a_status_for_a_message_we_never_sent_is_recorded_as_ignored(world) -> None:
    deps, _ = world
    assert run(deps, DeliveryStatus("wamid.nope", "read", NOW, Sender(PHONE))) == {"ignored": 1}
    assert [u.kind for u in deps.repos.ignored_updates.find()] == ["status:unknown_message"]


# --------------------------------------------------------------------------- identity


def test_phone_only_finds_the_parent(world) -> None:
    deps, _ = world
    assert run(deps, text("help", Sender(PHONE))) == {"help": 1}


def test_both_ids_store_the_pair_and_then_the_bsuid_alone_finds_the_parent(world) -> None:
    deps, messenger = world
    run(deps, text("help", Sender(PHONE, BSUID)))
    assert parent(deps).whatsapp_user_id == BSUID
    assert run(deps, text("done 1", Sender(None, BSUID))) == {"done": 1}
    # Replies go by phone where we have one.
    assert len(messenger.bodies_to(PHONE)) == 2


def test_a_bsuid_we_never_paired_is_an_unknown_sender(world) -> None:
    deps, _ = world
    assert run(deps, text("done 1", Sender(None, "CA.777"))) == {"unknown_sender": 1}


def test_a_number_change_moves_the_parent_without_duplicating(world) -> None:
    deps, messenger = world
    run(deps, text("help", Sender(PHONE, BSUID)))
    change = IdentityChange(
        "wamid.sys1",
        "user_changed_number",
        Sender(PHONE, BSUID),
        Sender("+16045550199", "CA.42"),
        NOW,
    )
    assert run(deps, change) == {"identity_changed": 1}
    assert run(deps, change) == {"identity_changed": 1}  # redelivered: nothing more to do
    moved = parent(deps)
    assert (moved.phone, moved.whatsapp_user_id) == ("+16045550199", "CA.42")
    assert deps.repos.parents.count() == 1
    assert run(deps, text("done 1", Sender("+16045550199"))) == {"done": 1}
    assert messenger.bodies_to("+16045550199")
    assert run(deps, text("help", Sender(PHONE))) == {"unknown_sender": 1}


def test_a_bsuid_change_moves_the_parent(world) -> None:
    deps, _ = world
    run(deps, text("help", Sender(PHONE, BSUID)))
    change = IdentityChange(
        "wamid.sys2", "user_changed_user_id", Sender(None, BSUID), Sender(None, "CA.NEW1"), NOW
    )
    assert run(deps, change) == {"identity_changed": 1}
    assert parent(deps).whatsapp_user_id == "CA.NEW1"
    assert run(deps, text("help", Sender(None, "CA.NEW1"))) == {"help": 1}
    assert deps.repos.parents.count() == 1


def test_a_change_for_nobody_we_know_is_recorded_as_ignored(world) -> None:
    deps, _ = world
    change = IdentityChange(
        "wamid.sys3", "user_changed_number", Sender("+16045550177"), Sender("+16045550188"), NOW
    )
    assert run(deps, change) == {"ignored": 1}


# --------------------------------------------------------------------------- unknown senders


def test_an_unknown_sender_gets_one_polite_answer_that_reveals_nothing(
    world, clock: FixedClock
) -> None:
    deps, messenger = world
    stranger = Sender("+16045550142")
    run(deps, text("when is the pumpkin patch trip?", stranger), text("hello??", stranger))
    [(_, reply)] = messenger.sent
    for secret in ("Maple", "Pumpkin", "Parent One", "Applewood"):
        assert secret not in reply
    clock.advance(timedelta(days=8))
    run(deps, text("hello again", stranger))
    assert len(messenger.sent) == 2
    assert deps.repos.tickets.count() == 0
    assert {m.parent_id for m in deps.repos.messages.find()} == {None}


def test_an_unknown_bsuid_is_answered_by_bsuid_in_its_language(world) -> None:
    deps, messenger = world
    run(deps, text("你好，请问几点放学？", Sender(None, "CA.UNKNOWN1")))
    [(to, reply)] = messenger.sent
    assert to == "CA.UNKNOWN1" and "您好" in reply


def test_done_naming_several_items_marks_each(world) -> None:
    deps, messenger = world
    assert run(deps, text("done 1 and 2")) == {"done": 1}
    assert {card(deps, i).status for i in ("i1", "i2")} == {CardStatus.DONE}
    reply = messenger.sent[0][1]
    assert "Pumpkin patch field trip" in reply and "Permission slip due" in reply


def test_logs_carry_no_phone_number_bsuid_or_message_text(
    world, caplog: pytest.LogCaptureFixture
) -> None:
    deps, _ = world
    caplog.set_level(logging.DEBUG)
    run(
        deps,
        text("when is the pumpkin patch trip?", Sender(PHONE, BSUID)),
        text("secret words here", Sender("+16045550142", "CA.STRANGER1")),
        IdentityChange(
            "wamid.x", "user_changed_user_id", Sender(None, BSUID), Sender(None, "CA.N2"), NOW
        ),
    )
    lines = [CloudLoggingFormatter().format(record) for record in caplog.records]
    assert lines
    for secret in (PHONE, PHONE[1:], BSUID, "CA.STRANGER1", "CA.N2", "pumpkin", "secret words"):
        assert not any(secret in line for line in lines), secret


class ScriptedTranscriber:
    def __init__(self, transcript: str) -> None:
        self.transcript = transcript

    def transcribe(self, media_id: str, language_hint: str) -> str:
        return self.transcript


def test_a_voice_note_is_queued_then_transcribed_and_acted_on_once(world) -> None:
    deps, messenger = world
    deps.tasks = RecordingQueue()
    deps.transcriber = ScriptedTranscriber("ho gaya 1")
    note = IncomingMessage("wamid.v2", Sender(PHONE), "audio", NOW, media_id="m2", is_voice=True)
    assert run(deps, note) == {"voice_note_queued": 1}
    [(target, payload, _)] = deps.tasks.tasks
    assert target == "whatsapp_replies" and messenger.sent == []
    assert answer_voice_note(payload["message_id"], payload["media_id"], deps) == "voice_note"
    assert answer_voice_note(payload["message_id"], payload["media_id"], deps) == "duplicate"
    assert card(deps, "i1").status is CardStatus.DONE
    assert len(messenger.sent) == 1


def test_a_voice_note_without_a_queue_is_heard_inline_and_stored_as_its_words(world) -> None:
    deps, messenger = world
    deps.transcriber = ScriptedTranscriber("ho gaya 1")
    note = IncomingMessage("wamid.v3", Sender(PHONE), "audio", NOW, media_id="m3", is_voice=True)
    assert run(deps, note) == {"voice_note": 1}
    stored = deps.repos.messages.get(Message.id_for_inbound("wamid.v3"))
    assert stored is not None and stored.body == "ho gaya 1" and stored.intent == "done"
    assert stored.handled_at is not None and stored.error is None
    assert card(deps, "i1").status is CardStatus.DONE and len(messenger.sent) == 1


class BrokenTranscriber:
    def __init__(self, error: Exception) -> None:
        self.error = error

    def transcribe(self, media_id: str, language_hint: str) -> str:
        raise self.error


def test_a_transcriber_that_fails_is_recorded_and_the_parent_asked_politely_to_type(
    world,
) -> None:
    deps, messenger = world
    deps.tasks = RecordingQueue()
    deps.transcriber = BrokenTranscriber(RuntimeError("decoder crashed"))
    note = IncomingMessage("wamid.v4", Sender(PHONE), "audio", NOW, media_id="m4", is_voice=True)
    run(deps, note)
    [(_, payload, _)] = deps.tasks.tasks
    outcome = answer_voice_note(payload["message_id"], payload["media_id"], deps)
    assert outcome == "voice_note_unreadable"
    stored = deps.repos.messages.get(payload["message_id"])
    assert stored is not None and stored.intent == "voice_unreadable"
    assert stored.error == "voice note not transcribed: RuntimeError: decoder crashed"
    assert messenger.sent == [(PHONE, reply_texts.text("voice_unreadable", "pa"))]


def test_a_transient_transcription_failure_is_retried_not_answered(world) -> None:
    deps, messenger = world
    deps.transcriber = BrokenTranscriber(TransientError("WhatsApp media answered 503"))
    note = IncomingMessage("wamid.v5", Sender(PHONE), "audio", NOW, media_id="m5", is_voice=True)
    with pytest.raises(TransientError):
        run(deps, note)  # the webhook answers 5xx: Meta redelivers
    assert messenger.sent == []
    deps.transcriber = ScriptedTranscriber("help")
    assert run(deps, note) == {"voice_note": 1}  # the claim was given back
    assert len(messenger.sent) == 1


def test_a_language_we_do_not_offer_gets_the_list_of_those_we_do(world) -> None:
    deps, messenger = world
    run(deps, text("could I get these in Spanish"))
    assert parent(deps).language == "pa"
    assert "Tagalog" in messenger.sent[0][1] and "中文" in messenger.sent[0][1]
