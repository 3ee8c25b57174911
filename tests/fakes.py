"""Test doubles of our own ports, for tests of the domain and of the functions' wiring."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from shared.adapters.clock import FixedClock
from shared.models import ItemStatus
from shared.ports import FieldFilter, ItemMatch, Recipient, SentMessage, TemplateMessage
from shared.repository import Repositories
from shared.retrieval.details import details_asked, details_unsaid

# "Now" in every test: the afternoon the sample newsletter was issued (Friday 2 October 2026,
# 09:30 in Vancouver). Tests never read the wall clock; `make test` runs them again with the
# wall clock a year ahead in another timezone to prove it.
TEST_NOW = datetime(2026, 10, 2, 16, 30, tzinfo=UTC)


def frozen_clock() -> FixedClock:
    return FixedClock(TEST_NOW)


@dataclass
class RecordingQueue:
    """A TaskQueue that keeps what was queued (with name de-duplication) and runs nothing."""

    tasks: list[tuple[str, dict[str, Any], str | None]] = field(default_factory=list)

    def enqueue(
        self,
        target: str,
        payload: dict[str, Any],
        *,
        task_name: str | None = None,
        delay_s: float = 0.0,
    ) -> bool:
        if task_name is not None and any(name == task_name for _, _, name in self.tasks):
            return False
        self.tasks.append((target, payload, task_name))
        return True

    def targets(self) -> list[str]:
        return [target for target, _, _ in self.tasks]


@dataclass
class RecordingMessenger:
    """A Messenger that keeps what it was asked to send (by phone or by BSUID)."""

    sent: list[tuple[str, str]] = field(default_factory=list)
    fail_with: Exception | None = None

    channel: Literal["whatsapp", "sms", "outbox"] = "whatsapp"

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
        if self.fail_with is not None:
            raise self.fail_with
        # The phone wins when both are known, as with WhatsApp itself.
        self.sent.append((recipient.phone_e164 or recipient.whatsapp_user_id or "", body))
        return SentMessage(provider_message_id=f"wamid.out-{len(self.sent)}", channel="whatsapp")

    def bodies_to(self, recipient: str) -> list[str]:
        return [body for to, body in self.sent if to == recipient]


@dataclass
class KeywordItemSearch:
    """An ItemSearch over the store's approved items by shared title words (the real one, by
    meaning, is the index issue's); nothing in common means nothing fits. Details the text
    asks about that an item does not state are read by the real rule."""

    repos: Repositories
    calls: list[str] = field(default_factory=list)

    def search(
        self,
        school_id: str,
        text: str,
        *,
        now: datetime,
        parent_id: str | None = None,
        grades: Sequence[int] | None = None,
        limit: int = 5,
    ) -> list[ItemMatch]:
        self.calls.append(text)
        words = set(re.findall(r"\w{4,}", text.lower()))
        matches = []
        for item in self.repos.items.find(FieldFilter("school_id", "==", school_id)):
            if item.status is not ItemStatus.APPROVED:
                continue
            shared = words & set(re.findall(r"\w{4,}", item.title.lower()))
            if shared:
                unsaid = details_unsaid(
                    details_asked(text),
                    title=item.title,
                    details=item.details,
                    location=item.location,
                    action=item.action,
                )
                matches.append(ItemMatch(item.id, len(shared) / len(words), "title words", unsaid))
        return sorted(matches, key=lambda m: -m.score)[:limit]

    def similar(self, item_id: str, limit: int = 5) -> list[ItemMatch]:
        return []
