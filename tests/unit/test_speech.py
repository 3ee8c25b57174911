"""Offline English transcription of voice notes (Whisper tiny.en shipped in a wheel)."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared.adapters.speech_whisper import transcribe_english
from shared.errors import UnreadableDocument

VOICE_NOTE = Path(__file__).resolve().parents[2] / "infra/sample/voice/principal-reminders.ogg"


def test_a_clear_english_voice_note_is_transcribed_with_its_dates() -> None:
    text = transcribe_english(VOICE_NOTE.read_bytes()).lower()
    for words in ("school is closed", "november 27", "field trip", "permission slip", "december"):
        assert words in text


def test_damaged_audio_is_an_unreadable_document_with_a_reason_for_staff() -> None:
    with pytest.raises(UnreadableDocument, match="could not be played"):
        transcribe_english(b"OggS\x00\x02" + b"\x00" * 200)
