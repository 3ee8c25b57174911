"""Domain errors: specific types raised inside, mapped to responses once, at the edge."""


class ParentPathError(Exception):
    """Base of every error the domain raises on purpose."""


class BadInput(ParentPathError):
    """The request or event is malformed: acknowledge it, record it, never retry it."""


class NotFound(ParentPathError):
    """A document, blob or record that must exist does not."""


class AlreadyExists(ParentPathError):
    """Something that must be new exists already."""


class BlobNotFound(NotFound):
    pass


class BlobExists(AlreadyExists):
    pass


class IndexMismatch(ParentPathError):
    """A vector collection exists with another embedder or vector size than asked for."""


class TransientError(ParentPathError):
    """A dependency failed in a way a retry may fix (the function answers 5xx)."""


class NotBuiltYet(ParentPathError):
    """A capability a later issue delivers; answered as 501 so nobody mistakes it for done."""


class UnreadableDocument(BadInput):
    """A newsletter that can never be parsed (corrupt, encrypted, no pages, unsupported type).

    Its message is shown to admins as the newsletter's failure reason, so it is written for them.
    """


class NeedsTranscription(ParentPathError):
    """Audio that no configured backend can transcribe; the newsletter waits for one."""


class ExtractorFailed(ParentPathError):
    """An extractor gave up for good (exhausted retries, unusable output); fall back."""


class NotAuthenticated(ParentPathError):
    """No valid proof of who is asking (no session, a forged or expired token)."""


class NotAuthorised(ParentPathError):
    """Who is asking is known, and may not do this (another school's data, a non-admin)."""
