"""HTTP function `index_items`: the semantic index. Answers 501 until its issue lands."""

from __future__ import annotations

import flask
import functions_framework

from functions.http import maps_domain_errors, not_built_yet


@functions_framework.http
@maps_domain_errors
def index_items(request: flask.Request) -> flask.Response:
    return not_built_yet(
        "index_items", "the semantic index (embeddings, duplicates, similar items)"
    )
