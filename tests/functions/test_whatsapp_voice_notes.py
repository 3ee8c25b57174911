"""Parents' voice notes through functions-framework: the webhook queues the replies task, which
fetches the audio from the WhatsApp Cloud API stand-in's media routes, hears it, and answers the
transcript as if the parent had typed it; a voice note that cannot be heard is recorded and
answered politely.

Two tests hear real voice notes with the real offline Whisper (the model loads once, ~2.5 s on
two cores; the 30 s sample is heard in ~2 s, the 2 s question in ~0.3 s) and one feeds it audio
it cannot decode; the others replace only the speech-to-text (`Container.speech`), so the
fetch, the transcriber adapter and the replies service are the production ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import functions_framework
import pytest
from flask.testing import FlaskClient

from infra.standins.messaging import WhatsAppCloudStandin, serve_whatsapp
from shared.adapters.voice_notes import WhatsAppVoiceTranscriber
from shared.adapters.whatsapp_inbound import SIGNATURE_HEADER, sign
from shared.models import ConsentState, LanguageCode
from shared.records import Message
from shared.services import reply_texts
from shared.services.intents import Intent
from shared.settings import Settings
from shared.wiring import Container, use_container
from tests.digest_world import WEEK
from tests.fakes import RecordingMessenger
from tests.functions.conftest import MAIN, REPO_ROOT, replying_container

SECRET = "test-app-secret"
FIXTURES = REPO_ROOT / "tests" / "data" / "whatsapp"
SAMPLE_VOICE_NOTE = REPO_ROOT / "infra" / "sample" / "voice" / "principal-reminders.ogg"
PARENT_QUESTION = REPO_ROOT / "tests" / "data" / "voice" / "parent-asks-pta-meeting.ogg"
MEDIA_ID = "1234567890987654321"  # the id in the fixture's audio message
ENGLISH_PARENT, PUNJABI_PARENT = "16045550101", "16045550102"


@dataclass
class SpokenWords:
    """Speech-to-text that hears `words` in any audio (the real one is tested once below)."""

    words: str
    languages: frozenset[LanguageCode] = frozenset({"en"})
    heard: list[bytes] = field(default_factory=list)

    def transcribe(self, audio: bytes) -> str:
        self.heard.append(audio)
        return self.words


@dataclass
class Stack:
    webhook: FlaskClient
    replies: FlaskClient
    container: Container
    messenger: RecordingMessenger
    graph: WhatsAppCloudStandin

    def voice_note(self, sender: str, message_id: str = "wamid.voice1") -> dict[str, Any]:
        """A signed voice-note delivery through the webhook; the replies task it queued."""
        body = json.loads((FIXTURES / "message.json").read_text(encoding="utf-8"))["voice"]
        value = body["entry"][0]["changes"][0]["value"]
        value["contacts"][0]["wa_id"] = value["messages"][0]["from"] = sender
        value["messages"][0]["id"] = message_id
        raw = json.dumps(body).encode()
        headers = {SIGNATURE_HEADER: sign(raw, SECRET), "Content-Type": "application/json"}
        assert self.webhook.post("/", data=raw, headers=headers).status_code == 200
        tasks = self.container.tasks.tasks  # type: ignore[attr-defined]
        target, payload, _ = tasks[-1]
        assert target == "whatsapp_replies"
        return dict(payload)

    def inbound(self, message_id: str = "wamid.voice1") -> Message:
        found = self.container.repos.messages.get(Message.id_for_inbound(message_id))
        assert found is not None
        return found


def _stack(tmp_path: Path, graph: WhatsAppCloudStandin, **overrides: object) -> Stack:
    settings = Settings(
        data_dir=tmp_path,
        whatsapp_app_secret=SECRET,
        whatsapp_access_token=graph.access_token,
        whatsapp_graph_base_url=graph.base_url,
    )
    container, messenger = replying_container(settings, **overrides)
    return Stack(
        functions_framework.create_app("whatsapp_webhook", MAIN).test_client(),
        functions_framework.create_app("whatsapp_replies", MAIN).test_client(),
        container,
        messenger,
        graph,
    )


@pytest.fixture
def graph() -> Iterator[WhatsAppCloudStandin]:
    with serve_whatsapp() as running:
        yield running


@pytest.fixture
def stack_with(tmp_path: Path, graph: WhatsAppCloudStandin) -> Iterator[Any]:
    built: list[Stack] = []

    def make(**overrides: object) -> Stack:
        built.append(_stack(tmp_path, graph, **overrides))
        return built[-1]

    yield make
    use_container(None)
    for stack in built:
        stack.container.close()


def test_the_sample_voice_note_is_heard_and_answered_as_the_same_words_typed(
    stack_with, graph
) -> None:
    graph.media[MEDIA_ID] = (SAMPLE_VOICE_NOTE.read_bytes(), "audio/ogg; codecs=opus")
    stack = stack_with()
    assert isinstance(stack.container.voice_transcriber, WhatsAppVoiceTranscriber)
    payload = stack.voice_note(ENGLISH_PARENT)
    assert stack.messenger.sent == []  # the webhook only queued the task
    assert stack.replies.post("/", json=payload).get_json() == {"outcome": "voice_note"}
    inbound = stack.inbound()
    assert "field trip" in inbound.body.lower() and "aquarium" in inbound.body.lower()
    assert inbound.error is None and inbound.intent not in (None, "voice_note")
    [(to, spoken_answer)] = stack.messenger.sent
    assert to == "+16045550101"
    assert spoken_answer != reply_texts.text("voice_unavailable", "en")
    # The same words typed by the same parent get the same answer.
    body = json.loads((FIXTURES / "message.json").read_text(encoding="utf-8"))["text"]
    value = body["entry"][0]["changes"][0]["value"]
    value["contacts"][0]["wa_id"] = value["messages"][0]["from"] = ENGLISH_PARENT
    value["messages"][0]["id"] = "wamid.typed1"
    value["messages"][0]["text"]["body"] = inbound.body
    raw = json.dumps(body).encode()
    headers = {SIGNATURE_HEADER: sign(raw, SECRET), "Content-Type": "application/json"}
    assert stack.webhook.post("/", data=raw, headers=headers).status_code == 200
    assert stack.messenger.sent[-1] == (to, spoken_answer)
    assert stack.inbound("wamid.typed1").intent == inbound.intent
    # A redelivered task answers nothing more.
    assert stack.replies.post("/", json=payload).get_json() == {"outcome": "duplicate"}
    assert len(stack.messenger.sent) == 2


def test_a_spoken_question_is_answered_from_the_schools_items(stack_with, graph) -> None:
    graph.media[MEDIA_ID] = (PARENT_QUESTION.read_bytes(), "audio/ogg; codecs=opus")
    stack = stack_with()  # the real offline speech-to-text
    pta_meeting = next(item for item in WEEK if item.title == "PTA General Meeting")
    stack.container.repos.items.put(pta_meeting.model_copy(update={"school_id": "sample-school"}))
    payload = stack.voice_note(ENGLISH_PARENT)
    assert stack.replies.post("/", json=payload).get_json() == {"outcome": "voice_note"}
    inbound = stack.inbound()
    assert inbound.body == "Hi, when is the PTA meeting?"
    assert inbound.intent == str(Intent.QUERY)
    [(to, answer)] = stack.messenger.sent
    assert to == "+16045550101"
    assert "PTA General Meeting" in answer and "Library" in answer


def test_a_spoken_stop_opts_the_parent_out(stack_with, graph) -> None:
    graph.media[MEDIA_ID] = (b"OggS spoken stop", "audio/ogg; codecs=opus")
    speech = SpokenWords("Stop.")
    stack = stack_with(speech=speech)
    payload = stack.voice_note(ENGLISH_PARENT)
    assert stack.replies.post("/", json=payload).get_json() == {"outcome": "voice_note"}
    assert speech.heard == [b"OggS spoken stop"]  # the bytes the Graph API served
    assert stack.inbound().intent == str(Intent.STOP) and stack.inbound().body == "Stop."
    parent = stack.container.repos.parents.get("p01")
    assert parent is not None and parent.consent is ConsentState.OPTED_OUT
    [(_, answer)] = stack.messenger.sent
    assert answer != reply_texts.text("voice_unreadable", "en")


def test_a_voice_note_the_graph_api_no_longer_has_is_recorded_and_answered_politely(
    stack_with, graph
) -> None:
    stack = stack_with(speech=SpokenWords("never heard"))  # no media under MEDIA_ID
    payload = stack.voice_note(ENGLISH_PARENT)
    outcome = stack.replies.post("/", json=payload).get_json()
    assert outcome == {"outcome": "voice_note_unreadable"}
    inbound = stack.inbound()
    assert inbound.intent == "voice_unreadable"
    assert inbound.error is not None and "not fetched" in inbound.error and "404" in inbound.error
    assert stack.messenger.sent == [("+16045550101", reply_texts.text("voice_unreadable", "en"))]


def test_media_that_is_not_audio_is_not_heard(stack_with, graph) -> None:
    graph.media[MEDIA_ID] = (b"%PDF-1.7", "application/pdf")
    speech = SpokenWords("never heard")
    stack = stack_with(speech=speech)
    payload = stack.voice_note(ENGLISH_PARENT)
    assert stack.replies.post("/", json=payload).get_json() == {"outcome": "voice_note_unreadable"}
    assert speech.heard == []
    assert "not audio" in (stack.inbound().error or "")


def test_an_outage_of_the_media_api_is_retried_then_answered(stack_with, graph) -> None:
    graph.media[MEDIA_ID] = (b"OggS", "audio/ogg")
    stack = stack_with(speech=SpokenWords("Help"))
    payload = stack.voice_note(ENGLISH_PARENT)
    graph.fail_next_with_outage()
    assert stack.replies.post("/", json=payload).status_code == 503  # Cloud Tasks retries
    assert stack.messenger.sent == [] and stack.inbound().error is None
    assert stack.replies.post("/", json=payload).get_json() == {"outcome": "voice_note"}
    assert stack.inbound().intent == str(Intent.HELP) and len(stack.messenger.sent) == 1


def test_a_parent_whose_language_the_speech_model_does_not_hear_is_asked_to_type(
    stack_with, graph
) -> None:
    graph.media[MEDIA_ID] = (b"OggS", "audio/ogg")
    speech = SpokenWords("confident nonsense")  # hears English only
    stack = stack_with(speech=speech)
    payload = stack.voice_note(PUNJABI_PARENT)
    assert stack.replies.post("/", json=payload).get_json() == {"outcome": "voice_note_unreadable"}
    assert speech.heard == []
    assert "VoiceLanguageUnheard" in (stack.inbound().error or "")
    assert stack.messenger.sent == [("+16045550102", reply_texts.text("voice_unavailable", "pa"))]


def test_audio_whisper_cannot_decode_is_answered_politely(stack_with, graph) -> None:
    graph.media[MEDIA_ID] = (b"OggS" + bytes(range(256)) * 8, "audio/ogg; codecs=opus")
    stack = stack_with()  # the real offline speech-to-text
    payload = stack.voice_note(ENGLISH_PARENT)
    assert stack.replies.post("/", json=payload).get_json() == {"outcome": "voice_note_unreadable"}
    assert "UnreadableDocument" in (stack.inbound().error or "")
    assert stack.messenger.sent == [("+16045550101", reply_texts.text("voice_unreadable", "en"))]
