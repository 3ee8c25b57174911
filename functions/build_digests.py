"""HTTP function `build_digests` (Cloud Scheduler, hourly, with an OIDC token): queue the
digests and urgent alerts that are due now; a second tick in the same week queues nothing."""

from __future__ import annotations

import dataclasses

import flask
import functions_framework
from pydantic import BaseModel, ConfigDict, Field

from functions.http import json_response, maps_domain_errors
from shared.services.digests import build_digests as build_due_digests
from shared.wiring import get_container


class BuildDigestsRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    source: str | None = Field(default=None, max_length=100)
    # Send this week's digests now, whatever the schools' digest times (the local stack's
    # tick, or an admin's "send now"); task names still keep it to one per parent and week.
    ignore_schedule: bool = False


@functions_framework.http
@maps_domain_errors
def build_digests(request: flask.Request) -> flask.Response:
    body = request.get_data() or b"{}"
    ask = BuildDigestsRequest.model_validate_json(body)
    result = build_due_digests(
        get_container().digest_dependencies, ignore_schedule=ask.ignore_schedule
    )
    return json_response(dataclasses.asdict(result))
