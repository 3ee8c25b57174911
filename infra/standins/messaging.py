"""Local stand-ins for Meta's WhatsApp Cloud API and Twilio's Messages API.

Each is a small HTTP server on loopback that answers the send endpoint the way the real one
does, with the documented success bodies and error envelopes:

- WhatsApp: POST /{version}/{phone-number-id}/messages with a Bearer token; 200
  `{"messaging_product": "whatsapp", "contacts": [{"input", "wa_id" | "user_id"}],
  "messages": [{"id": "wamid..."}]}`; errors `{"error": {"message", "type", "code",
  "error_data": {"messaging_product", "details"}, "fbtrace_id"}}`. It keeps Meta's rules that
  the adapter must get right: free-form text only inside a user's 24-hour window (else 131047),
  numbers that are not on WhatsApp (131026), bodies over 4,096 characters (100), bad tokens
  (190), and scripted failures (`fail_next`) for rate limits and outages. Media a user sent
  (`media`) is served in Graph API's two steps: GET /{version}/{media-id} answers
  `{"messaging_product", "url", "mime_type", "sha256", "file_size", "id"}`, and GET of that
  url with the same Bearer token answers the bytes; an unknown id is a 404 error envelope.
- Twilio: POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded, HTTP Basic auth;
  201 with the Message resource (`sid` "SM...", `status` "queued", `num_segments`); errors
  `{"code", "message", "more_info", "status"}`: 21211 invalid number, 21610 unsubscribed,
  20003 bad credentials, 20429 too many requests.

Tests start them in-process (`serve_whatsapp()` / `serve_twilio()` context managers) and
inspect `requests` to see exactly what the adapter put on the wire.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import flask
from werkzeug.serving import make_server

from shared.rendering.sms import sms_size

WHATSAPP_TEXT_LIMIT = 4096


@dataclass
class ScriptedFailure:
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class WhatsAppCloudStandin:
    access_token: str = "test-token"
    phone_number_id: str = "1234567890"
    # Users who wrote to the business in the last 24 hours (free-form text allowed).
    open_windows: set[str] = field(default_factory=set)
    not_on_whatsapp: set[str] = field(default_factory=set)
    requests: list[dict[str, Any]] = field(default_factory=list)
    failures: list[ScriptedFailure] = field(default_factory=list)
    base_url: str = ""
    # Media users sent: id -> (bytes, mime type), served by the two Graph API media routes.
    media: dict[str, tuple[bytes, str]] = field(default_factory=dict)

    def fail_next(
        self, code: int, *, status: int = 400, title: str = "", details: str = ""
    ) -> None:
        """The next send answers this Meta error code (once per call)."""
        self.failures.append(
            ScriptedFailure(
                status,
                meta_error(code, title or f"(#{code}) scripted failure", details),
                {"Retry-After": "1"} if code in (130429, 131056) else {},
            )
        )

    def fail_next_with_outage(self) -> None:
        self.failures.append(
            ScriptedFailure(503, {"error": {"message": "Service unavailable", "code": 2}})
        )

    @property
    def sent(self) -> list[dict[str, Any]]:
        return [r for r in self.requests if r.get("_accepted")]

    def app(self) -> flask.Flask:
        app = flask.Flask("whatsapp-cloud-standin")

        @app.post("/<version>/<phone_number_id>/messages")
        def messages(version: str, phone_number_id: str) -> flask.Response:
            body = flask.request.get_json(silent=True) or {}
            record = dict(body)
            self.requests.append(record)
            if flask.request.headers.get("Authorization") != f"Bearer {self.access_token}":
                return _json(
                    401,
                    meta_error(
                        190,
                        "Invalid OAuth access token - Cannot parse access token",
                        "",
                        "OAuthException",
                    ),
                )
            if phone_number_id != self.phone_number_id:
                return _json(400, meta_error(100, "Invalid parameter", "Unknown phone number id"))
            if self.failures:
                failure = self.failures.pop(0)
                return _json(failure.status, failure.body, failure.headers)
            if body.get("messaging_product") != "whatsapp":
                return _json(
                    400, meta_error(100, "Invalid parameter", "messaging_product must be whatsapp")
                )
            to, user_id = body.get("to"), body.get("recipient")
            who = to or user_id
            if not who:
                return _json(
                    400, meta_error(100, "Invalid parameter", "to or recipient is required")
                )
            if who in self.not_on_whatsapp:
                return _json(
                    400,
                    meta_error(131026, "Message undeliverable", "Unable to deliver message"),
                )
            kind = body.get("type")
            if kind == "text":
                text = (body.get("text") or {}).get("body", "")
                if not text or len(text) > WHATSAPP_TEXT_LIMIT:
                    return _json(
                        400,
                        meta_error(
                            100, "Invalid parameter", "text.body must be 1 to 4096 characters"
                        ),
                    )
                if who not in self.open_windows:
                    return _json(
                        400,
                        meta_error(
                            131047,
                            "Re-engagement message",
                            "Message failed to send because more than 24 hours have passed "
                            "since the customer last replied to this number.",
                        ),
                    )
            elif kind == "template":
                template = body.get("template") or {}
                if not template.get("name") or not (template.get("language") or {}).get("code"):
                    return _json(
                        400,
                        meta_error(
                            132000,
                            "Number of parameters does not match",
                            "template name and language are required",
                        ),
                    )
            else:
                return _json(
                    400, meta_error(100, "Invalid parameter", f"unsupported type {kind!r}")
                )
            record["_accepted"] = True
            contact = {"input": who, "wa_id": to} if to else {"input": who, "user_id": user_id}
            message_id = "wamid." + base64.b64encode(uuid.uuid4().bytes).decode()
            record["_id"] = message_id
            return _json(
                200,
                {
                    "messaging_product": "whatsapp",
                    "contacts": [contact],
                    "messages": [{"id": message_id}],
                },
            )

        @app.get("/<version>/<media_id>")
        def media_info(version: str, media_id: str) -> flask.Response:
            # Graph API "Retrieve media URL": the url, valid ~5 minutes, needs the same token.
            if flask.request.headers.get("Authorization") != f"Bearer {self.access_token}":
                return _json(401, meta_error(190, "Invalid OAuth access token", ""))
            if self.failures:
                failure = self.failures.pop(0)
                return _json(failure.status, failure.body, failure.headers)
            if media_id not in self.media:
                return _json(404, meta_error(100, "Invalid parameter", "Unknown media id"))
            content, mime_type = self.media[media_id]
            return _json(
                200,
                {
                    "messaging_product": "whatsapp",
                    "url": f"{self.base_url}/media-download/{media_id}",
                    "mime_type": mime_type,
                    "sha256": hashlib.sha256(content).hexdigest(),
                    "file_size": len(content),
                    "id": media_id,
                },
            )

        @app.get("/media-download/<media_id>")
        def media_download(media_id: str) -> flask.Response:
            if flask.request.headers.get("Authorization") != f"Bearer {self.access_token}":
                return _json(401, meta_error(190, "Invalid OAuth access token", ""))
            if media_id not in self.media:
                return _json(404, meta_error(100, "Invalid parameter", "Unknown media id"))
            content, mime_type = self.media[media_id]
            return flask.Response(content, mimetype=mime_type)

        return app


def meta_error(
    code: int, message: str, details: str, kind: str = "OAuthException"
) -> dict[str, Any]:
    return {
        "error": {
            "message": message,
            "type": kind,
            "code": code,
            "error_data": {"messaging_product": "whatsapp", "details": details},
            "fbtrace_id": "A" + uuid.uuid4().hex[:22],
        }
    }


@dataclass
class TwilioStandin:
    account_sid: str = "AC" + "0" * 32
    auth_token: str = "test-auth-token"
    unsubscribed: set[str] = field(default_factory=set)
    requests: list[dict[str, str]] = field(default_factory=list)
    failures: list[ScriptedFailure] = field(default_factory=list)
    base_url: str = ""

    def fail_next(self, code: int, status: int) -> None:
        self.failures.append(
            ScriptedFailure(status, twilio_error(code, "scripted failure", status))
        )

    @property
    def sent(self) -> list[dict[str, str]]:
        return [r for r in self.requests if r.get("_accepted")]

    def app(self) -> flask.Flask:
        app = flask.Flask("twilio-standin")

        @app.post("/2010-04-01/Accounts/<account_sid>/Messages.json")
        def messages(account_sid: str) -> flask.Response:
            form = {k: v for k, v in flask.request.form.items()}
            self.requests.append(form)
            auth = flask.request.authorization
            if (
                auth is None
                or (auth.username, auth.password) != (self.account_sid, self.auth_token)
                or account_sid != self.account_sid
            ):
                return _json(
                    401, twilio_error(20003, "Authentication Error - invalid username", 401)
                )
            if self.failures:
                failure = self.failures.pop(0)
                return _json(failure.status, failure.body, failure.headers)
            to, body = form.get("To", ""), form.get("Body", "")
            if not to.startswith("+") or not to[1:].isdigit() or len(to) < 8:
                return _json(
                    400,
                    twilio_error(21211, f"The 'To' number {to} is not a valid phone number.", 400),
                )
            if to in self.unsubscribed:
                return _json(
                    400,
                    twilio_error(21610, "Attempt to send to unsubscribed recipient", 400),
                )
            if not body:
                return _json(400, twilio_error(21602, "Message body is required.", 400))
            if len(body) > 1600:
                return _json(
                    400,
                    twilio_error(
                        21617,
                        "The concatenated message body exceeds the 1600 character limit.",
                        400,
                    ),
                )
            sid = "SM" + uuid.uuid4().hex
            form["_accepted"] = "yes"
            form["_sid"] = sid
            return _json(
                201,
                {
                    "account_sid": self.account_sid,
                    "api_version": "2010-04-01",
                    "body": body,
                    "direction": "outbound-api",
                    "error_code": None,
                    "error_message": None,
                    "from": form.get("From"),
                    "num_media": "0",
                    "num_segments": str(sms_size(body).segments),
                    "sid": sid,
                    "status": "queued",
                    "to": to,
                    "uri": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}.json",
                },
            )

        return app


def twilio_error(code: int, message: str, status: int) -> dict[str, Any]:
    return {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }


def _json(
    status: int, body: dict[str, Any], headers: dict[str, str] | None = None
) -> flask.Response:
    response = flask.make_response(flask.jsonify(body), status)
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


@contextlib.contextmanager
def _serving(app: flask.Flask) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name=app.name, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@contextlib.contextmanager
def serve_whatsapp(standin: WhatsAppCloudStandin | None = None) -> Iterator[WhatsAppCloudStandin]:
    standin = standin or WhatsAppCloudStandin()
    with _serving(standin.app()) as url:
        standin.base_url = url
        yield standin


@contextlib.contextmanager
def serve_twilio(standin: TwilioStandin | None = None) -> Iterator[TwilioStandin]:
    standin = standin or TwilioStandin()
    with _serving(standin.app()) as url:
        standin.base_url = url
        yield standin
