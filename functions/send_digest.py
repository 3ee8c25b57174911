"""HTTP function `send_digest` (a Cloud Tasks target): one parent's digest or alert, once."""

from __future__ import annotations

import dataclasses

import flask
import functions_framework

from functions.http import dead_letters_last_attempt, json_response, maps_domain_errors
from shared.services.digest_send import SendDigestTask
from shared.services.digest_send import send_digest as send_one_digest
from shared.wiring import get_container


@functions_framework.http
@dead_letters_last_attempt
@maps_domain_errors
def send_digest(request: flask.Request) -> flask.Response:
    """2xx once the digest is sent, skipped or refused for good; 503 when a retry may send."""
    task = SendDigestTask.model_validate_json(request.get_data())
    outcome = send_one_digest(get_container().digest_dependencies, task)
    return json_response(dataclasses.asdict(outcome))
