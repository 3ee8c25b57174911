"""HTTP function `target_item` (a Cloud Tasks target): an item's cards for its audience."""

from __future__ import annotations

import dataclasses

import flask
import functions_framework
from pydantic import BaseModel, ConfigDict, Field

from functions.http import dead_letters_last_attempt, json_response, maps_domain_errors
from shared.services.targeting import target_parents_for_item
from shared.wiring import get_container


class TargetItemTask(BaseModel):
    model_config = ConfigDict(extra="forbid")

    item_id: str = Field(min_length=1, max_length=200)


@functions_framework.http
@dead_letters_last_attempt
@maps_domain_errors
def target_item(request: flask.Request) -> flask.Response:
    """Answers the counts; run again (a retry, a re-approval), it creates nothing twice."""
    task = TargetItemTask.model_validate_json(request.get_data())
    container = get_container()
    result = target_parents_for_item(task.item_id, container.repos, container.clock)
    return json_response(dataclasses.asdict(result))
