"""Domain errors: specific types raised inside, mapped to responses once, at the edge."""


class ParentPathError(Exception):
    """Base of every error the domain raises on purpose."""


class BadInput(ParentPathError):
    """The request or event is malformed: acknowledge it, record it, never retry it."""


class NotFound(ParentPathError):
    """A document, blob or record that must exist does not."""


class AlreadyExists(ParentPathError):
    """Something that must be new exists already."""


class IllegalTransition(ParentPathError):
    """A state change the model does not allow from its current state (a stale or bad request).

    The allowed moves of every model are listed once, at the end of `shared.models`.
    """


class BlobNotFound(NotFound):
    pass


class BlobExists(AlreadyExists):
    pass


class IndexMismatch(ParentPathError):
    """A vector collection exists with another embedder or vector size than asked for."""


class TransientError(ParentPathError):
    """A dependency failed in a way a retry may fix (the function answers 5xx)."""


class UnreadableDocument(BadInput):
    """A newsletter that can never be parsed (corrupt, encrypted, no pages, unsupported type).

    Its message is shown to admins as the newsletter's failure reason, so it is written for them.
    """


class NeedsTranscription(ParentPathError):
    """Audio that no configured backend can transcribe; the newsletter waits for one."""


class VoiceNoteUnreadable(BadInput):
    """A parent's voice note that cannot be turned into text (gone, not audio, undecodable,
    silent); the message says why, for the record, and names no one."""


class VoiceLanguageUnheard(VoiceNoteUnreadable):
    """The speech-to-text in use does not hear the parent's language."""


class ExtractorFailed(ParentPathError):
    """An extractor gave up for good (exhausted retries, unusable output); fall back."""


class DeliveryDeferred(TransientError):
    """The messaging provider asks us to try later (rate limit, outage): retry with backoff."""

    def __init__(self, message: str, retry_after_s: float | None = None) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class DeliveryRejected(ParentPathError):
    """The provider refused the message for good: retrying the same request cannot help."""

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(message)
        self.code = code


class NeedsTemplate(DeliveryRejected):
    """WhatsApp accepts only a template for this parent now (outside the 24-hour window)."""


class RecipientUnreachable(DeliveryRejected):
    """The parent cannot receive messages on this channel (not a WhatsApp user, unsubscribed
    from SMS, not a mobile number): mark it and use another channel."""


class NotAuthenticated(ParentPathError):
    """No valid proof of who is asking (no session, a forged or expired token)."""


class NotAuthorised(ParentPathError):
    """Who is asking is known, and may not do this (another school's data, a non-admin)."""
