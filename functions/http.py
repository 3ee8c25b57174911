"""What every HTTP entry point shares: JSON answers and the one mapping of domain errors."""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Callable
from typing import Any

import flask
from pydantic import ValidationError

from shared.errors import BadInput, IllegalTransition, NotFound, TransientError
from shared.logs import trace_id_from_header
from shared.records import DeadLetter
from shared.wiring import get_container

logger = logging.getLogger(__name__)

Handler = Callable[[flask.Request], flask.Response]

# 4xx says a retry cannot help, 5xx that one may. Cloud Tasks itself retries every answer
# outside 2xx until the queue's max_attempts are spent (see dead_letters_last_attempt).
_STATUS_BY_ERROR: list[tuple[type[Exception], int]] = [
    (ValidationError, 400),
    (BadInput, 400),
    (NotFound, 404),
    (IllegalTransition, 409),
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
            log = logger.exception if status >= 500 else logger.warning
            log(
                "request failed",
                extra={"function": handler.__name__, "status": status, "trace_id": trace_id},
            )
            message = str(exc) if status < 500 else type(exc).__name__
            return json_response({"error": message}, status)

    return wrapper


def dead_letters_last_attempt(handler: Handler) -> Handler:
    """For Cloud Tasks targets: keep a task whose last attempt fails as a DeadLetter.

    Cloud Tasks retries every answer outside 2xx and drops the task without a trace once the
    queue's attempts are spent, so the function records it itself on what the
    X-CloudTasks-TaskRetryCount header shows to be the last attempt (TASK_MAX_ATTEMPTS must
    equal the queue's max_attempts). Put it above maps_domain_errors: it reads the status code.
    """

    @functools.wraps(handler)
    def wrapper(request: flask.Request) -> flask.Response:
        response = handler(request)
        if 200 <= response.status_code < 300:
            return response
        attempt = _task_attempt(request)
        if attempt is not None and attempt >= get_container().settings.task_max_attempts:
            _record_dead_letter(request, response, handler.__name__, attempt)
        return response

    return wrapper


def _task_attempt(request: flask.Request) -> int | None:
    """Which attempt this is (1 for the first), or None for a request not sent by Cloud Tasks."""
    retries = request.headers.get("X-CloudTasks-TaskRetryCount", "")
    return int(retries) + 1 if retries.isdigit() else None


def _record_dead_letter(
    request: flask.Request, response: flask.Response, target: str, attempt: int
) -> None:
    container = get_container()
    task_name = request.headers.get("X-CloudTasks-TaskName", "")
    payload = request.get_json(silent=True)
    answer = response.get_json(silent=True)
    error = answer.get("error") if isinstance(answer, dict) else None
    last_error = f"HTTP {response.status_code}" + (f": {error}" if error else "")
    dead_letter = DeadLetter(
        # The task's name, which the local queue's own dead letter also uses: one record each.
        id=task_name or uuid.uuid4().hex,
        queue=request.headers.get("X-CloudTasks-QueueName", container.settings.tasks_queue),
        target=target,
        payload=payload if isinstance(payload, dict) else {},
        attempts=attempt,
        last_error=last_error,
        at=container.clock.now(),
    )
    log_fields = {"task_name": dead_letter.id, "target": target, "attempt": attempt}
    try:
        container.record_dead_letter(dead_letter)
    except Exception:
        # Often the store is what failed; the log line is then the only trace left.
        logger.exception("dead letter not recorded", extra=log_fields)
    else:
        logger.error("task dead-lettered", extra=log_fields)
