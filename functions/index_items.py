"""HTTP function `index_items` (a Cloud Tasks target): items into the semantic index."""

from __future__ import annotations

import dataclasses

import flask
import functions_framework
from pydantic import BaseModel, ConfigDict, Field, model_validator

from functions.http import dead_letters_last_attempt, json_response, maps_domain_errors
from shared.services.indexing import index_item, index_newsletter
from shared.wiring import get_container


class IndexItemsTask(BaseModel):
    """A parsed newsletter's items (what parse enqueues), or one item after a review edit."""

    model_config = ConfigDict(extra="forbid")

    newsletter_id: str | None = Field(default=None, min_length=1, max_length=200)
    item_id: str | None = Field(default=None, min_length=1, max_length=200)

    @model_validator(mode="after")
    def _exactly_one(self) -> IndexItemsTask:
        if (self.newsletter_id is None) == (self.item_id is None):
            raise ValueError("give exactly one of newsletter_id and item_id")
        return self


@functions_framework.http
@dead_letters_last_attempt
@maps_domain_errors
def index_items(request: flask.Request) -> flask.Response:
    """Answers the counts; a retry writes the same points (ids derive from item ids)."""
    task = IndexItemsTask.model_validate_json(request.get_data())
    container = get_container()
    if task.newsletter_id is not None:
        outcome = index_newsletter(task.newsletter_id, container.item_index, container.repos)
    else:
        assert task.item_id is not None  # checked by IndexItemsTask
        outcome = index_item(task.item_id, container.item_index, container.repos)
    return json_response(dataclasses.asdict(outcome))
