"""Every entry point of main.py by name, through functions-framework as Cloud Functions runs it."""

from __future__ import annotations

import functions_framework
import pytest
from flask.testing import FlaskClient

from infra.local_stack import FUNCTION_NAMES
from shared.wiring import Container
from tests.functions.conftest import MAIN

# parse_newsletter is a CloudEvent function; target_item and index_items have their own tests.
BUILT = ("parse_newsletter", "target_item", "index_items")
FUNCTIONS_OF_LATER_ISSUES = [name for name in FUNCTION_NAMES if name not in BUILT]


def client_for(name: str) -> FlaskClient:
    return functions_framework.create_app(name, MAIN).test_client()


@pytest.mark.parametrize("name", FUNCTIONS_OF_LATER_ISSUES)
def test_functions_of_later_issues_answer_501_plainly(name: str, container: Container) -> None:
    response = client_for(name).post("/", json={"item_id": "x"})
    assert response.status_code == 501
    assert "not built yet" in response.get_json()["error"]
