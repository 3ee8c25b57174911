"""Every entry point of main.py by name, through functions-framework as Cloud Functions runs it."""

from __future__ import annotations

import functions_framework
import pytest

from infra.local_stack import FUNCTION_NAMES
from shared.wiring import Container
from tests.functions.conftest import MAIN


@pytest.mark.parametrize("name", FUNCTION_NAMES)
def test_every_entry_point_is_served_and_answers_an_empty_request_without_failing(
    name: str, container: Container
) -> None:
    # Each has its own tests; here: functions-framework finds it in main.py and an empty
    # request gets an answer (done, or bad input never retried), not a 5xx that retries.
    response = functions_framework.create_app(name, MAIN).test_client().post("/", data=b"")
    assert response.status_code < 500, (name, response.status_code)
