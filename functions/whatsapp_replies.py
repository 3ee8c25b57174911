"""HTTP function `whatsapp_replies` (a Cloud Tasks target): the slow part of answering a
parent, a voice note's transcription, out of the webhook's time budget."""

from __future__ import annotations

import flask
import functions_framework
from pydantic import BaseModel, ConfigDict, Field

from functions.http import dead_letters_last_attempt, json_response, maps_domain_errors
from shared.services.replies import answer_voice_note
from shared.wiring import get_container


class VoiceNoteTask(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message_id: str = Field(min_length=1, max_length=200)
    media_id: str = Field(min_length=1, max_length=200)


@functions_framework.http
@dead_letters_last_attempt
@maps_domain_errors
def whatsapp_replies(request: flask.Request) -> flask.Response:
    task = VoiceNoteTask.model_validate_json(request.get_data())
    outcome = answer_voice_note(task.message_id, task.media_id, get_container().reply_dependencies)
    return json_response({"outcome": outcome})
