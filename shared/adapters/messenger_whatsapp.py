"""WhatsApp Cloud API over httpx: POST {base}/{version}/{phone-number-id}/messages.

Free-form text inside the 24-hour customer-service window, the approved utility template
outside it. Meta's error codes decide what happens next (shared.errors): rate limits and
outages are retried later, 131047 asks for the template, 131026/131030 mean this parent cannot
be reached on WhatsApp (the caller falls back to SMS), anything else is permanent.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, Literal

import httpx

from shared.adapters.messenger_http import RateLimiter, post, retry_after
from shared.errors import DeliveryDeferred, DeliveryRejected, NeedsTemplate, RecipientUnreachable
from shared.ports import Recipient, SentMessage, TemplateMessage
from shared.rendering.digest import WHATSAPP_TEXT_LIMIT

# Meta's codes (Cloud API error codes page). Throughput: 130429 rate limit hit, 131056 pair
# rate limit (too many messages to one user), 131048 spam rate limit, 80007 account rate
# limit, 4 app call limit; 1/2/131000/131016 are outages. 131047 is re-engagement: more than
# 24 hours since the user last wrote. 131026: not a WhatsApp user or cannot receive this;
# 131030: the number is not on the allowed list (test numbers).
RETRY_LATER_CODES = frozenset({1, 2, 4, 80007, 130429, 131000, 131016, 131048, 131056})
NEEDS_TEMPLATE_CODES = frozenset({131047})
UNREACHABLE_CODES = frozenset({131026, 131030})


class WhatsAppCloudMessenger:
    channel: Literal["whatsapp"] = "whatsapp"

    def __init__(
        self,
        client: httpx.Client,
        *,
        base_url: str,
        api_version: str,
        phone_number_id: str,
        access_token: str,
        template_name: str,
        rate_limiter: RateLimiter,
        seconds_between_messages_to_a_user: float = 6.0,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._client = client
        self._url = f"{base_url.rstrip('/')}/{api_version}/{phone_number_id}/messages"
        self._headers = {"Authorization": f"Bearer {access_token}"}
        self._template_name = template_name
        self._limiter = rate_limiter
        self._per_user_gap = seconds_between_messages_to_a_user
        self._monotonic = monotonic
        self._sleep = sleep
        self._last_to_user: dict[str, float] = {}
        self._lock = threading.Lock()

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
        payload: dict[str, Any] = {"messaging_product": "whatsapp", "recipient_type": "individual"}
        if recipient.phone_e164:
            payload["to"] = recipient.phone_e164.lstrip("+")
        else:
            payload["recipient"] = recipient.whatsapp_user_id
        if reference:
            payload["biz_opaque_callback_data"] = reference
        if template is not None:
            payload["type"] = "template"
            payload["template"] = self._template(template)
        else:
            if len(body) > WHATSAPP_TEXT_LIMIT:
                raise ValueError("a WhatsApp text body holds at most 4096 characters: split it")
            payload["type"] = "text"
            payload["text"] = {"preview_url": False, "body": body}
        self._pace(recipient)
        response = post(self._client, self._url, json=payload, headers=self._headers)
        return self._sent(response, via_template=template is not None)

    def _template(self, template: TemplateMessage) -> dict[str, Any]:
        components: list[dict[str, Any]] = [
            {
                "type": "body",
                "parameters": [{"type": "text", "text": p} for p in template.body_parameters],
            }
        ]
        if template.quick_reply_payload:
            components.append(
                {
                    "type": "button",
                    "sub_type": "quick_reply",
                    "index": "0",
                    "parameters": [{"type": "payload", "payload": template.quick_reply_payload}],
                }
            )
        return {
            "name": self._template_name,
            "language": {"code": template.language},
            "components": components,
        }

    def _pace(self, recipient: Recipient) -> None:
        """The number's rate, and about one message per few seconds to the same user."""
        self._limiter.wait()
        key = recipient.phone_e164 or recipient.whatsapp_user_id or ""
        with self._lock:
            now = self._monotonic()
            ready = self._last_to_user.get(key, float("-inf")) + self._per_user_gap
            self._last_to_user[key] = max(now, ready)
        if ready > now:
            self._sleep(ready - now)

    def _sent(self, response: httpx.Response, *, via_template: bool) -> SentMessage:
        try:
            answer = response.json()
        except ValueError:
            answer = {}
        if response.is_success:
            messages = answer.get("messages") if isinstance(answer, dict) else None
            if not messages or not isinstance(messages[0], dict) or "id" not in messages[0]:
                raise DeliveryDeferred("WhatsApp answered without a message id")
            return SentMessage(str(messages[0]["id"]), "whatsapp", via_template=via_template)
        error = answer.get("error", {}) if isinstance(answer, dict) else {}
        code = error.get("code") if isinstance(error, dict) else None
        title = str(error.get("message", "")) if isinstance(error, dict) else ""
        described = (
            f"WhatsApp error {code}: {title}" if code else f"WhatsApp HTTP {response.status_code}"
        )
        if code in RETRY_LATER_CODES or response.status_code == 429 or response.status_code >= 500:
            raise DeliveryDeferred(described, retry_after(response))
        if code in NEEDS_TEMPLATE_CODES:
            raise NeedsTemplate(described, code)
        if code in UNREACHABLE_CODES:
            raise RecipientUnreachable(described, code)
        raise DeliveryRejected(described, code if isinstance(code, int) else None)
