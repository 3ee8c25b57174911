"""The WhatsApp Cloud API and Twilio adapters against our stand-ins of those APIs (real HTTP),
and the outbox; what the digest flow relies on holds for each."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest

from infra.standins.messaging import (
    ScriptedFailure,
    TwilioStandin,
    WhatsAppCloudStandin,
    serve_twilio,
    serve_whatsapp,
)
from shared.adapters.clock import FixedClock
from shared.adapters.messenger_http import RateLimiter
from shared.adapters.messenger_outbox import OutboxMessenger
from shared.adapters.messenger_twilio import TwilioSmsMessenger
from shared.adapters.messenger_whatsapp import WhatsAppCloudMessenger
from shared.adapters.store_sqlite import SqliteDocumentStore
from shared.errors import DeliveryDeferred, DeliveryRejected, NeedsTemplate, RecipientUnreachable
from shared.ports import Recipient, TemplateMessage

PHONE = "+16045550102"
WA_ID = PHONE.lstrip("+")
TEMPLATE = TemplateMessage(
    language="pa",
    body_parameters=("Harpreet", "3", "Return the form"),
    quick_reply_payload="digest:d1",
)


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5.0) as client:
        yield client


@pytest.fixture
def whatsapp_api() -> Iterator[WhatsAppCloudStandin]:
    with serve_whatsapp() as standin:
        yield standin


@pytest.fixture
def twilio_api() -> Iterator[TwilioStandin]:
    with serve_twilio() as standin:
        yield standin


class _NoWait:
    """Pacing without sleeping: records the waits the adapter asked for."""

    def __init__(self) -> None:
        self.slept: list[float] = []
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def whatsapp(
    standin: WhatsAppCloudStandin, http: httpx.Client, pacing: _NoWait | None = None
) -> WhatsAppCloudMessenger:
    pacing = pacing or _NoWait()
    return WhatsAppCloudMessenger(
        http,
        base_url=standin.base_url,
        api_version="v23.0",
        phone_number_id=standin.phone_number_id,
        access_token=standin.access_token,
        template_name="weekly_digest",
        rate_limiter=RateLimiter(80, monotonic=pacing.monotonic, sleep=pacing.sleep),
        seconds_between_messages_to_a_user=6.0,
        monotonic=pacing.monotonic,
        sleep=pacing.sleep,
    )


def twilio(standin: TwilioStandin, http: httpx.Client) -> TwilioSmsMessenger:
    return TwilioSmsMessenger(
        http,
        base_url=standin.base_url,
        account_sid=standin.account_sid,
        auth_token=standin.auth_token,
        from_number="+16045550000",
        rate_limiter=RateLimiter(1000),
    )


def test_free_form_text_inside_the_window_carries_our_reference(whatsapp_api, http) -> None:
    whatsapp_api.open_windows.add(WA_ID)
    sent = whatsapp(whatsapp_api, http).send(Recipient(phone_e164=PHONE), "Hi!", reference="m1")
    assert sent.channel == "whatsapp" and sent.provider_message_id.startswith("wamid.")
    request = whatsapp_api.sent[0]
    assert request["to"] == WA_ID and request["type"] == "text"
    assert request["text"]["body"] == "Hi!"
    assert request["biz_opaque_callback_data"] == "m1"
    assert sent.provider_message_id == request["_id"]


def test_text_outside_the_window_is_refused_as_needing_a_template(whatsapp_api, http) -> None:
    with pytest.raises(NeedsTemplate) as refused:
        whatsapp(whatsapp_api, http).send(Recipient(phone_e164=PHONE), "Hi!")
    assert refused.value.code == 131047
    assert whatsapp_api.sent == []


def test_a_template_goes_with_body_parameters_and_a_quick_reply(whatsapp_api, http) -> None:
    sent = whatsapp(whatsapp_api, http).send(
        Recipient(phone_e164=PHONE), "full text", template=TEMPLATE
    )
    assert sent.via_template
    template = whatsapp_api.sent[0]["template"]
    assert template["name"] == "weekly_digest" and template["language"] == {"code": "pa"}
    body, button = template["components"]
    assert [p["text"] for p in body["parameters"]] == ["Harpreet", "3", "Return the form"]
    assert button["sub_type"] == "quick_reply"
    assert button["parameters"] == [{"type": "payload", "payload": "digest:d1"}]


def test_a_parent_without_a_phone_is_reached_by_business_scoped_user_id(whatsapp_api, http) -> None:
    whatsapp(whatsapp_api, http).send(
        Recipient(whatsapp_user_id="CA.13491208655302741918"), "x", template=TEMPLATE
    )
    request = whatsapp_api.sent[0]
    assert "to" not in request and request["recipient"] == "CA.13491208655302741918"


@pytest.mark.parametrize("code", [130429, 131056])
def test_rate_limits_are_deferred_for_a_retry(whatsapp_api, http, code) -> None:
    whatsapp_api.fail_next(code)
    with pytest.raises(DeliveryDeferred) as deferred:
        whatsapp(whatsapp_api, http).send(Recipient(phone_e164=PHONE), "x", template=TEMPLATE)
    assert deferred.value.retry_after_s == 1.0


def test_an_outage_is_deferred(whatsapp_api, http) -> None:
    whatsapp_api.fail_next_with_outage()
    with pytest.raises(DeliveryDeferred):
        whatsapp(whatsapp_api, http).send(Recipient(phone_e164=PHONE), "x", template=TEMPLATE)


@pytest.mark.parametrize("code", [131026, 131030])
def test_not_a_whatsapp_user_is_unreachable(whatsapp_api, http, code) -> None:
    whatsapp_api.fail_next(code)
    with pytest.raises(RecipientUnreachable):
        whatsapp(whatsapp_api, http).send(Recipient(phone_e164=PHONE), "x", template=TEMPLATE)


def test_a_number_the_api_does_not_know_on_whatsapp_is_unreachable(whatsapp_api, http) -> None:
    whatsapp_api.not_on_whatsapp.add(WA_ID)
    with pytest.raises(RecipientUnreachable):
        whatsapp(whatsapp_api, http).send(Recipient(phone_e164=PHONE), "x", template=TEMPLATE)


def test_a_bad_token_is_permanent_not_retried(whatsapp_api, http) -> None:
    messenger = whatsapp(whatsapp_api, http)
    whatsapp_api.access_token = "rotated"
    with pytest.raises(DeliveryRejected) as rejected:
        messenger.send(Recipient(phone_e164=PHONE), "x", template=TEMPLATE)
    assert not isinstance(rejected.value, DeliveryDeferred)
    assert rejected.value.code == 190


def test_a_body_over_4096_characters_is_never_put_on_the_wire(whatsapp_api, http) -> None:
    whatsapp_api.open_windows.add(WA_ID)
    with pytest.raises(ValueError, match="4096"):
        whatsapp(whatsapp_api, http).send(Recipient(phone_e164=PHONE), "x" * 4097)
    assert whatsapp_api.requests == []


def test_messages_to_one_user_are_spaced(whatsapp_api, http) -> None:
    whatsapp_api.open_windows.add(WA_ID)
    pacing = _NoWait()
    messenger = whatsapp(whatsapp_api, http, pacing)
    messenger.send(Recipient(phone_e164=PHONE), "part 1")
    messenger.send(Recipient(phone_e164=PHONE), "part 2")
    assert pytest.approx(sum(pacing.slept), abs=0.1) == 6.0


def test_twilio_sends_form_encoded_with_basic_auth(twilio_api, http) -> None:
    sent = twilio(twilio_api, http).send(Recipient(phone_e164=PHONE), "Hi from school")
    assert sent.channel == "sms" and sent.provider_message_id.startswith("SM")
    assert twilio_api.sent[0]["To"] == PHONE and twilio_api.sent[0]["Body"] == "Hi from school"


@pytest.mark.parametrize("code", [21610, 21211])
def test_twilio_permanent_recipient_errors_are_unreachable(twilio_api, http, code) -> None:
    twilio_api.fail_next(code, 400)
    with pytest.raises(RecipientUnreachable):
        twilio(twilio_api, http).send(Recipient(phone_e164=PHONE), "x")


def test_twilio_rate_limit_and_5xx_are_deferred(twilio_api, http) -> None:
    twilio_api.fail_next(20429, 429)
    with pytest.raises(DeliveryDeferred):
        twilio(twilio_api, http).send(Recipient(phone_e164=PHONE), "x")
    twilio_api.failures.append(ScriptedFailure(500, {}))
    with pytest.raises(DeliveryDeferred):
        twilio(twilio_api, http).send(Recipient(phone_e164=PHONE), "x")


def test_twilio_bad_credentials_are_permanent(twilio_api, http) -> None:
    messenger = twilio(twilio_api, http)
    twilio_api.auth_token = "rotated"
    with pytest.raises(DeliveryRejected) as rejected:
        messenger.send(Recipient(phone_e164=PHONE), "x")
    assert rejected.value.code == 20003 and not isinstance(rejected.value, DeliveryDeferred)


def test_an_unreachable_provider_is_deferred(http) -> None:
    messenger = TwilioSmsMessenger(
        http,
        base_url="http://127.0.0.1:9",
        account_sid="AC1",
        auth_token="t",
        from_number="+16045550000",
        rate_limiter=RateLimiter(1000),
    )
    with pytest.raises(DeliveryDeferred):
        messenger.send(Recipient(phone_e164=PHONE), "x")


@pytest.fixture(params=["outbox", "whatsapp", "twilio"])
def any_messenger(request, tmp_path, http, whatsapp_api, twilio_api):
    """Every adapter of the Messenger port, each on what it talks to."""
    if request.param == "outbox":
        clock = FixedClock(datetime(2026, 10, 5, tzinfo=UTC))
        return OutboxMessenger(SqliteDocumentStore(tmp_path / "s.sqlite3"), clock, "whatsapp")
    if request.param == "whatsapp":
        whatsapp_api.open_windows.add(WA_ID)
        return whatsapp(whatsapp_api, http)
    return twilio(twilio_api, http)


def test_contract_a_text_gets_a_provider_id_on_the_messengers_channel(any_messenger) -> None:
    first = any_messenger.send_text(PHONE, "Picture Day is Wednesday.")
    second = any_messenger.send(Recipient(phone_e164=PHONE), "Reply DONE 1.", reference="m-2")
    assert first.channel == second.channel == any_messenger.channel
    assert first.provider_message_id and second.provider_message_id
    assert first.provider_message_id != second.provider_message_id
    assert not first.via_template
