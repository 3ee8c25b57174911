"""Parents' WhatsApp voice notes as text (behind `VoiceTranscriber`).

The audio is fetched from the Graph API by its media id (`WhatsAppMediaFetcher`) and heard by
the instance's speech-to-text adapter, the same one that reads voice-note newsletters (offline
Whisper tiny.en, which hears English only: a parent writing in another language is told to
type rather than answered from nonsense). Outages and rate limits stay TransientError, so the
replies task is retried; anything that can never work is VoiceNoteUnreadable with the reason.
"""

from __future__ import annotations

from shared.adapters.whatsapp_media import MediaUnavailable, WhatsAppMediaFetcher
from shared.errors import (
    NeedsTranscription,
    UnreadableDocument,
    VoiceLanguageUnheard,
    VoiceNoteUnreadable,
)
from shared.models import LanguageCode
from shared.ports import SpeechToText

# Meta's documented cap on audio a WhatsApp user can send (Cloud API "supported media types").
WHATSAPP_AUDIO_MAX_BYTES = 16 * 1024 * 1024


class WhatsAppVoiceTranscriber:
    def __init__(self, media: WhatsAppMediaFetcher, speech: SpeechToText) -> None:
        self.media = media
        self.speech = speech

    def transcribe(self, media_id: str, language_hint: LanguageCode) -> str:
        if language_hint not in self.speech.languages:
            heard = ", ".join(sorted(self.speech.languages))
            raise VoiceLanguageUnheard(
                f"speech-to-text hears {heard} only; the parent reads {language_hint}"
            )
        try:
            media = self.media.fetch(media_id)
        except MediaUnavailable as exc:
            raise VoiceNoteUnreadable(f"voice note not fetched: {exc}") from exc
        if not media.mime_type.lower().startswith("audio/"):
            raise VoiceNoteUnreadable(f"the media is {media.mime_type[:60]}, not audio")
        try:
            transcript = self.speech.transcribe(media.content)
        except (UnreadableDocument, NeedsTranscription) as exc:
            raise VoiceNoteUnreadable(f"voice note not heard: {type(exc).__name__}") from exc
        if not transcript.strip():
            raise VoiceNoteUnreadable("no words were heard in the voice note")
        return transcript.strip()
