"""One school's realistic week for the digest tests: the sample roster, a newsletter's
approved items targeted to their parents, a fixed clock at the school's digest moment."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal

from infra.local_stack import SAMPLE_ROSTER
from shared.adapters.clock import FixedClock
from shared.adapters.store_sqlite import SqliteDocumentStore
from shared.adapters.translator_identity import IdentityTranslator
from shared.errors import DeliveryDeferred
from shared.models import Item, ItemAction, ItemCategory, ItemStatus
from shared.ports import Messenger, Recipient, SentMessage, TemplateMessage, Translator
from shared.repository import Repositories
from shared.services.calendar import CalendarLinks
from shared.services.digests import DigestDependencies
from shared.services.roster import SchoolRoster, load_roster
from shared.services.targeting import target_parents_for_item
from tests.fakes import RecordingQueue

# Sunday 4 October 2026, 17:00 in Vancouver (PDT): the sample school's digest moment.
DIGEST_MOMENT = datetime(2026, 10, 5, 0, 0, tzinfo=UTC)
SCHOOL = "sample-school"


def _item(n: int, title: str, category: ItemCategory, **fields: Any) -> Item:
    at = DIGEST_MOMENT - timedelta(days=2)
    return Item(
        id=f"week-item-{n}",
        school_id=SCHOOL,
        newsletter_id="maple-grove-weekly",
        title=title,
        category=category,
        confidence=0.92,
        status=fields.pop("status", ItemStatus.APPROVED),
        created_at=at,
        updated_at=at,
        **fields,
    )


WEEK = [
    _item(
        1,
        "Picture Day",
        ItemCategory.EVENT,
        start_date=date(2026, 10, 7),
        details="Wear your school colours; retakes are in November.",
    ),
    _item(
        2,
        "Robotics Club registration closes",
        ItemCategory.DEADLINE,
        start_date=date(2026, 10, 6),
        grades=[3, 4, 5],
        activities=["robotics"],
        action_required=True,
        action=ItemAction.REGISTER,
    ),
    _item(
        3,
        "Basketball practice moves to the gym",
        ItemCategory.EVENT,
        start_date=date(2026, 10, 8),
        start_time=time(15, 15),
        end_time=time(16, 30),
        grades=[4, 5],
        activities=["basketball"],
        location="Gym",
    ),
    _item(
        4, "Thanksgiving Day – school closed", ItemCategory.CLOSURE, start_date=date(2026, 10, 12)
    ),
    _item(
        5,
        "PTA General Meeting",
        ItemCategory.MEETING,
        start_date=date(2026, 10, 13),
        start_time=time(18, 30),
        end_time=time(20, 0),
        location="Library",
    ),
    _item(
        6,
        "Return the field trip permission form",
        ItemCategory.DEADLINE,
        start_date=date(2026, 10, 16),
        grades=[5],
        action_required=True,
        action=ItemAction.SIGN,
        details="Signed form and $12 to the office.",
    ),
    _item(
        7,
        "Hot lunch orders are open",
        ItemCategory.ANNOUNCEMENT,
        details="Order online by the end of the month.",
    ),
    # Outside the digest: too far ahead, already past, not approved.
    _item(8, "Winter concert", ItemCategory.EVENT, start_date=date(2026, 12, 10)),
    _item(9, "Terry Fox Run", ItemCategory.EVENT, start_date=date(2026, 9, 30)),
    _item(
        10,
        "Bake sale",
        ItemCategory.FUNDRAISER,
        start_date=date(2026, 10, 9),
        status=ItemStatus.PENDING_REVIEW,
    ),
]


@dataclass
class RecordingMessenger:
    """A Messenger of our own for domain tests: keeps what it was asked to send; can be told
    to fail the next sends, or to 'crash' (raise past every handler) right after sending."""

    channel: Literal["whatsapp", "sms", "outbox"] = "whatsapp"
    sent: list[tuple[Recipient, str, TemplateMessage | None]] = field(default_factory=list)
    fail_next: list[Exception] = field(default_factory=list)
    crash_after_send: bool = False

    def send_text(self, phone_e164: str, body: str) -> SentMessage:
        return self.send(Recipient(phone_e164=phone_e164), body)

    def send(
        self,
        recipient: Recipient,
        body: str,
        *,
        template: TemplateMessage | None = None,
        reference: str | None = None,
    ) -> SentMessage:
        if self.fail_next:
            raise self.fail_next.pop(0)
        self.sent.append((recipient, body, template))
        if self.crash_after_send:
            raise SenderCrashed
        return SentMessage(f"{self.channel}-{len(self.sent)}", self.channel, template is not None)

    def to(self, phone: str) -> list[str]:
        return [body for recipient, body, _ in self.sent if recipient.phone_e164 == phone]


class SenderCrashed(BaseException):
    """The instance died mid-request: nothing of ours catches it."""


@dataclass
class World:
    repos: Repositories
    clock: FixedClock
    tasks: RecordingQueue
    whatsapp: RecordingMessenger
    sms: RecordingMessenger
    deps: DigestDependencies


def make_world(
    tmp_path: Path,
    *,
    at: datetime = DIGEST_MOMENT,
    whatsapp: Messenger | None = None,
    sms: Messenger | None = None,
    items: list[Item] = WEEK,
    translator: Translator | None = None,
) -> World:
    repos = Repositories(SqliteDocumentStore(tmp_path / "store.sqlite3"))
    load_roster(SchoolRoster.model_validate_json(SAMPLE_ROSTER.read_text(encoding="utf-8")), repos)
    clock = FixedClock(at - timedelta(days=2))
    for item in items:
        repos.items.put(item)
        target_parents_for_item(item.id, repos, clock)
    clock.advance(at - clock.now())
    tasks = RecordingQueue()
    wa = RecordingMessenger("whatsapp")
    text = RecordingMessenger("sms")
    deps = DigestDependencies(
        repos=repos,
        tasks=tasks,
        clock=clock,
        whatsapp=whatsapp or wa,
        sms=sms or text,
        translator=translator or IdentityTranslator(),
        links=CalendarLinks(
            key=b"test-key", base_url="https://parentpath.example/admin", ttl=timedelta(days=45)
        ),
        template_languages={"en": "en", "pa": "pa", "tl": "fil", "zh": "zh_CN"},
    )
    return World(repos, clock, tasks, wa, text, deps)


def open_window(world: World, parent_id: str) -> None:
    """The parent wrote to us an hour ago: free-form text is allowed for 24 hours."""
    from shared.records import Message, MessageStatus

    at = world.clock.now() - timedelta(hours=1)
    world.repos.messages.put(
        Message(
            id=f"in-{parent_id}",
            school_id=SCHOOL,
            parent_id=parent_id,
            direction="inbound",
            channel="whatsapp",
            body="hi",
            status=MessageStatus.RECEIVED,
            created_at=at,
            updated_at=at,
        )
    )


def deferred() -> DeliveryDeferred:
    return DeliveryDeferred("WhatsApp error 131000: Something went wrong")
