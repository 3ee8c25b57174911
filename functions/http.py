"""What every HTTP entry point shares: JSON answers and the one mapping of domain errors."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

import flask
from pydantic import ValidationError

from shared.errors import BadInput, NotBuiltYet, NotFound, TransientError
from shared.logs import trace_id_from_header

logger = logging.getLogger(__name__)

Handler = Callable[[flask.Request], flask.Response]

# Status codes are the retry contract with Cloud Tasks: 4xx is never retried, 5xx is.
_STATUS_BY_ERROR: list[tuple[type[Exception], int]] = [
    (ValidationError, 400),
    (BadInput, 400),
    (NotFound, 404),
    (NotBuiltYet, 501),
    (TransientError, 503),
]


def json_response(body: dict[str, Any], status: int = 200) -> flask.Response:
    return flask.make_response(flask.jsonify(body), status)


def maps_domain_errors(handler: Handler) -> Handler:
    """Answer domain errors with their status code; anything unexpected is a logged 500."""

    @functools.wraps(handler)
    def wrapper(request: flask.Request) -> flask.Response:
        trace_id = trace_id_from_header(request.headers.get("X-Cloud-Trace-Context"))
        try:
            return handler(request)
        except Exception as exc:
            status = next((code for kind, code in _STATUS_BY_ERROR if isinstance(exc, kind)), 500)
            log = logger.exception if status >= 500 and status != 501 else logger.warning
            log(
                "request failed",
                extra={"function": handler.__name__, "status": status, "trace_id": trace_id},
            )
            message = str(exc) if status < 500 or status == 501 else type(exc).__name__
            return json_response({"error": message}, status)

    return wrapper


def not_built_yet(function_name: str, capability: str) -> flask.Response:
    """A visible 501 for functions whose issue has not landed: never a silent success."""
    raise NotBuiltYet(
        f"{function_name}: {capability} is not built yet; this function answers 501 until then."
    )
