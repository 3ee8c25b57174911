"""Twilio Programmable Messaging over httpx: POST /2010-04-01/Accounts/{sid}/Messages.json.

REST over httpx rather than the `twilio` package: one call is all we use, httpx is already the
project's HTTP client (timeouts, one pooled client per instance, a base URL the stand-in can
take), and the package would add its own HTTP stack and aiohttp to every function's install.
"""

from __future__ import annotations

from typing import Any, Literal

import httpx

from shared.adapters.messenger_http import RateLimiter, post, retry_after
from shared.errors import DeliveryDeferred, DeliveryRejected, RecipientUnreachable
from shared.ports import Recipient, SentMessage, TemplateMessage

# Twilio's error dictionary: 20429 too many requests; 21211 invalid 'To' number, 21408 no
# permission for the region, 21610 the recipient replied STOP to this sender, 21612 not
# routable, 21614 not a mobile number.
RETRY_LATER_CODES = frozenset({20429, 20500, 20503})
UNREACHABLE_CODES = frozenset({21211, 21408, 21610, 21612, 21614})


class TwilioSmsMessenger:
    channel: Literal["sms"] = "sms"

    def __init__(
        self,
        client: httpx.Client,
        *,
        base_url: str,
        account_sid: str,
        auth_token: str,
        from_number: str,
        rate_limiter: RateLimiter,
    ) -> None:
        self._client = client
        self._url = f"{base_url.rstrip('/')}/2010-04-01/Accounts/{account_sid}/Messages.json"
        self._auth = (account_sid, auth_token)
        self._from = from_number
        self._limiter = rate_limiter

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
        if not recipient.phone_e164:
            raise RecipientUnreachable("SMS needs a phone number")
        self._limiter.wait()
        response = post(
            self._client,
            self._url,
            data={"To": recipient.phone_e164, "From": self._from, "Body": body},
            auth=self._auth,
        )
        try:
            answer: Any = response.json()
        except ValueError:
            answer = {}
        if response.is_success and isinstance(answer, dict) and answer.get("sid"):
            return SentMessage(str(answer["sid"]), "sms")
        code = answer.get("code") if isinstance(answer, dict) else None
        message = answer.get("message", "") if isinstance(answer, dict) else ""
        described = (
            f"Twilio error {code}: {message}" if code else f"Twilio HTTP {response.status_code}"
        )
        if code in RETRY_LATER_CODES or response.status_code == 429 or response.status_code >= 500:
            raise DeliveryDeferred(described, retry_after(response))
        if code in UNREACHABLE_CODES:
            raise RecipientUnreachable(described, code)
        if response.is_success:
            raise DeliveryDeferred("Twilio answered without a message sid")
        raise DeliveryRejected(described, code if isinstance(code, int) else None)
