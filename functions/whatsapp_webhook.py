"""HTTP function `whatsapp_webhook`: Meta's subscription handshake and signed webhook deliveries.

GET answers the handshake (hub.mode=subscribe, hub.verify_token, hub.challenge). POST checks
X-Hub-Signature-256 over the raw body before anything is parsed: missing is 401, wrong is 403,
and nothing of such a request is read further. Every signed delivery is answered 200 once it
has been acted on, including kinds we ignore: any other answer makes Meta redeliver and, in
the end, disable the subscription. Only a TransientError (the store is down) answers 503.
"""

from __future__ import annotations

import hashlib
import hmac
import logging

import flask
import functions_framework

from functions.http import json_response, maps_domain_errors
from shared.adapters.whatsapp_inbound import SIGNATURE_HEADER, events_from_body, verify_signature
from shared.services.replies import handle_events
from shared.wiring import get_container

logger = logging.getLogger(__name__)


@functions_framework.http
@maps_domain_errors
def whatsapp_webhook(request: flask.Request) -> flask.Response:
    settings = get_container().settings
    if request.method == "GET":
        return _handshake(request, settings.whatsapp_verify_token)
    if request.method != "POST":
        return json_response({"error": "use GET for the handshake, POST for updates"}, 405)
    body = request.get_data(cache=True)
    header = request.headers.get(SIGNATURE_HEADER)
    if not verify_signature(body, header, settings.whatsapp_app_secret or ""):
        status = 401 if not header else 403
        logger.warning(
            "webhook refused: bad signature",
            extra={
                "status": status,
                "configured": settings.whatsapp_app_secret is not None,
                "body_sha256": hashlib.sha256(body).hexdigest()[:16],
                "bytes": len(body),
            },
        )
        return json_response(
            {"error": "signature missing" if status == 401 else "bad signature"}, status
        )
    outcome = handle_events(events_from_body(body), get_container().reply_dependencies)
    return json_response({"received": outcome.as_json()})


def _handshake(request: flask.Request, verify_token: str | None) -> flask.Response:
    mode = request.args.get("hub.mode", "")
    token = request.args.get("hub.verify_token", "")
    challenge = request.args.get("hub.challenge", "")
    if (
        mode != "subscribe"
        or not verify_token
        or not hmac.compare_digest(token.encode(), verify_token.encode())
    ):
        logger.warning("webhook handshake refused", extra={"mode": mode[:20]})
        return json_response({"error": "verification failed"}, 403)
    response = flask.make_response(challenge, 200)
    response.mimetype = "text/plain"
    return response
