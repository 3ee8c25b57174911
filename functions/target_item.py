"""HTTP function `target_item`: targeting an item to parents. Answers 501 until its issue lands."""

from __future__ import annotations

import flask
import functions_framework

from functions.http import maps_domain_errors, not_built_yet


@functions_framework.http
@maps_domain_errors
def target_item(request: flask.Request) -> flask.Response:
    return not_built_yet("target_item", "exact targeting of an item to parents")
