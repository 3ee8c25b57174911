"""HTTP function `whatsapp_webhook`: the WhatsApp webhook. Answers 501 until its issue lands."""

from __future__ import annotations

import flask
import functions_framework

from functions.http import maps_domain_errors, not_built_yet


@functions_framework.http
@maps_domain_errors
def whatsapp_webhook(request: flask.Request) -> flask.Response:
    return not_built_yet("whatsapp_webhook", "the WhatsApp webhook")
