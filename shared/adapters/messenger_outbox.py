"""The local outbox: messages are kept in the store instead of sent, for the local stack.

`GET /_local/outbox` lists them, so a newcomer sees each family's digest after `make run`.
It stands in for WhatsApp or SMS (`stands_for`) and never fails.
"""

from __future__ import annotations

import uuid
from typing import Literal

from shared.ports import Clock, DocumentStore, Recipient, SentMessage, TemplateMessage

OUTBOX_COLLECTION = "outbox"


class OutboxMessenger:
    channel: Literal["outbox"] = "outbox"

    def __init__(
        self, store: DocumentStore, clock: Clock, stands_for: Literal["whatsapp", "sms"]
    ) -> None:
        self._store = store
        self._clock = clock
        self._stands_for = stands_for

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
        # Keyed on our reference, so a retried send overwrites rather than duplicates.
        message_id = f"outbox.{reference or uuid.uuid4().hex}"
        self._store.set(
            OUTBOX_COLLECTION,
            message_id,
            {
                "id": message_id,
                "stands_for": self._stands_for,
                "to": recipient.phone_e164 or recipient.whatsapp_user_id,
                "body": body,
                "template": None
                if template is None
                else {
                    "language": template.language,
                    "body_parameters": list(template.body_parameters),
                    "quick_reply_payload": template.quick_reply_payload,
                },
                "at": self._clock.now().isoformat(),
            },
        )
        return SentMessage(message_id, "outbox", via_template=template is not None)
