"""The ports: the small typed interfaces through which the domain reaches the outside world.

Each port has one adapter per backend under `shared.adapters`; services take ports as
arguments and never import an adapter. Contract tests under `tests/contract/` run the same
assertions against every adapter of a port.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol, TypeVar

from shared.extraction.layout import TextLine
from shared.extraction.schema import ExtractionContext, ExtractionResult
from shared.extraction.sniff import MediaType
from shared.models import LanguageCode

T = TypeVar("T")
Document = dict[str, Any]

# --------------------------------------------------------------------------- document store

FilterOp = Literal["==", "!=", "<", "<=", ">", ">=", "in", "array_contains", "array_contains_any"]


@dataclass(frozen=True)
class FieldFilter:
    """One condition on a top-level field, with Firestore's meaning for each operator."""

    field: str
    op: FilterOp
    value: Any


@dataclass(frozen=True)
class Query:
    collection: str
    filters: Sequence[FieldFilter] = ()
    order_by: str | None = None
    descending: bool = False
    limit: int | None = None
    # Cursor: the id of the last document of the previous page (ordered queries only).
    start_after_id: str | None = None
    # Projection: only these top-level fields of each document come back (Firestore's select),
    # which saves decoding what the caller does not read. Name fields every document has.
    fields: Sequence[str] | None = None


_INEQUALITIES = frozenset({"!=", "<", "<=", ">", ">="})


def effective_order_field(query: Query) -> str | None:
    """The field results are ordered by (then by id): the asked one, else, as Firestore does,
    the first field with an inequality filter."""
    if query.order_by:
        return query.order_by
    return next((f.field for f in query.filters if f.op in _INEQUALITIES), None)


class StoreTransaction(Protocol):
    """Reads see one consistent snapshot; writes apply together or not at all.

    Do every read before the first write (Firestore refuses reads after writes).
    """

    def get(self, collection: str, doc_id: str) -> Document | None: ...

    def get_many(self, collection: str, doc_ids: Sequence[str]) -> dict[str, Document]:
        """The documents found among `doc_ids`, read in the transaction's snapshot."""
        ...

    def set(self, collection: str, doc_id: str, document: Document) -> None: ...

    def set_many(self, collection: str, documents: dict[str, Document]) -> None:
        """Write many documents as part of the transaction (one statement where possible)."""
        ...

    def delete(self, collection: str, doc_id: str) -> None: ...


class DocumentStore(Protocol):
    """Collections of JSON documents keyed by id (Firestore's model, which SQLite can keep)."""

    def get(self, collection: str, doc_id: str) -> Document | None: ...

    def get_many(
        self, collection: str, doc_ids: Sequence[str], fields: Sequence[str] | None = None
    ) -> dict[str, Document]:
        """The documents found among `doc_ids`; with `fields`, only those (see Query.fields)."""
        ...

    def create(self, collection: str, doc_id: str, document: Document) -> bool:
        """Write only if absent. False (and nothing written) when the id exists already."""
        ...

    def set(self, collection: str, doc_id: str, document: Document) -> None: ...

    def set_many(self, collection: str, documents: dict[str, Document]) -> None:
        """Write many documents in as few round trips as the backend allows."""
        ...

    def update(self, collection: str, doc_id: str, fields: Document) -> None:
        """Merge top-level fields into an existing document; NotFound when it is missing."""
        ...

    def delete(self, collection: str, doc_id: str) -> None: ...

    def query(self, query: Query) -> list[Document]: ...

    def count(self, query: Query) -> int: ...

    def run_transaction(self, work: Callable[[StoreTransaction], T]) -> T:
        """Run read-modify-write work atomically; the backend may retry it on contention."""
        ...


# --------------------------------------------------------------------------- blob store


@dataclass(frozen=True)
class BlobInfo:
    bucket: str
    name: str
    generation: str
    size_bytes: int
    content_type: str | None
    updated_at: datetime
    metadata: dict[str, str] = field(default_factory=dict)


class BlobStore(Protocol):
    """The newsletter bucket: staff uploads land here and stay (nothing is ever lost)."""

    @property
    def bucket(self) -> str: ...

    def write(
        self,
        name: str,
        data: bytes,
        content_type: str | None = None,
        *,
        if_absent: bool = False,
    ) -> BlobInfo:
        """Store bytes; with if_absent, BlobExists when the name is taken."""
        ...

    def read(self, name: str) -> bytes:
        """The bytes of a blob; BlobNotFound when missing."""
        ...

    def stat(self, name: str) -> BlobInfo | None: ...

    def list(self, prefix: str = "") -> list[BlobInfo]: ...

    def set_metadata(self, name: str, metadata: dict[str, str]) -> BlobInfo:
        """Merge custom metadata into a blob; BlobNotFound when missing."""
        ...

    def delete(self, name: str) -> None: ...


# --------------------------------------------------------------------------- task queue


class TaskQueue(Protocol):
    """HTTP tasks for the functions: POST a JSON payload to a named function, with retries.

    Non-2xx answers are retried with backoff; task names de-duplicate (a second task with the
    same name is refused, which is how retried fan-outs stay single).
    """

    def enqueue(
        self,
        target: str,
        payload: dict[str, Any],
        *,
        task_name: str | None = None,
        delay_s: float = 0.0,
    ) -> bool:
        """Queue a task for the function `target`; False if `task_name` was already used."""
        ...


# --------------------------------------------------------------------------- vector index


@dataclass(frozen=True)
class SparseVector:
    """Weighted terms: the dimensions that are not zero and their values (the engine applies
    IDF across the collection, so values are term weights within one text)."""

    indices: Sequence[int]
    values: Sequence[float]


@dataclass(frozen=True)
class VectorPoint:
    id: str
    vector: Sequence[float]
    payload: dict[str, Any]
    # The text's terms, searched with `search_sparse`; None for a point without any.
    sparse: SparseVector | None = None


@dataclass(frozen=True)
class VectorFilter:
    """Payload conditions, all of which must hold: key equals value, or key is any of values."""

    equals: dict[str, str | int | bool] = field(default_factory=dict)
    any_of: dict[str, Sequence[str | int]] = field(default_factory=dict)
    # key >= value, for integer fields (a date as its ordinal, say).
    at_least: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class VectorHit:
    id: str
    score: float
    payload: dict[str, Any]


class VectorIndex(Protocol):
    """Embeddings of items for semantic search, duplicate detection and similar items."""

    def ensure_collection(self, name: str, size: int, embedder: str) -> None:
        """Create the collection if missing; IndexMismatch if it exists with another embedder
        or vector size (a collection is filled by one embedder only)."""
        ...

    def upsert(self, collection: str, points: Sequence[VectorPoint]) -> None: ...

    def search(
        self,
        collection: str,
        vector: Sequence[float],
        *,
        limit: int = 10,
        where: VectorFilter | None = None,
    ) -> list[VectorHit]: ...

    def search_sparse(
        self,
        collection: str,
        terms: SparseVector,
        *,
        limit: int = 10,
        where: VectorFilter | None = None,
    ) -> list[VectorHit]:
        """Points sharing terms with `terms`, by the dot product of IDF-weighted terms (BM25
        when the values are BM25 term weights); points without shared terms are not returned."""
        ...

    def delete(self, collection: str, ids: Sequence[str]) -> None: ...

    def count(self, collection: str, where: VectorFilter | None = None) -> int: ...

    def drop_collection(self, name: str) -> None:
        """Remove a collection and its record, if it exists (a reindex starts afresh)."""
        ...


# --------------------------------------------------------------------------- intelligence


class Extractor(Protocol):
    """Turns one newsletter's bytes into parent-relevant items (Gemini or offline rules)."""

    name: str

    def extract(
        self, document: bytes, media_type: MediaType, context: ExtractionContext
    ) -> ExtractionResult:
        """Items found in the document.

        Raises UnreadableDocument for bytes that can never be read (shown to admins),
        NeedsTranscription for audio it cannot transcribe, TransientError when a retry may
        help, and ExtractorFailed when it gave up for good (the caller falls back).
        """
        ...


class Embedder(Protocol):
    name: str
    size: int

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


@dataclass(frozen=True)
class ItemMatch:
    """One item found for a query, with how well and why it matched, and which details the
    question asks about that the item does not state (`shared.retrieval.details`)."""

    item_id: str
    score: float
    reason: str
    unsaid: tuple[str, ...] = ()


class ItemSearch(Protocol):
    """Items of one school by meaning: the index issue builds it; replies and the admin page
    consume it. An empty list means nothing fits well enough (never the merely nearest item)."""

    def search(
        self,
        school_id: str,
        text: str,
        *,
        now: datetime,
        parent_id: str | None = None,
        grades: Sequence[int] | None = None,
        limit: int = 5,
    ) -> list[ItemMatch]:
        """Best first; `parent_id` limits to what that parent may see (the targeting rule),
        `grades` to items for those grades."""
        ...

    def similar(self, item_id: str, limit: int = 5) -> list[ItemMatch]:
        """Other items of the same school closest in meaning to this one."""
        ...


class Translator(Protocol):
    """Item text into a parent's language. `translates` is False for the offline identity
    translator, which translates nothing (the digest then says so, once)."""

    name: str
    translates: bool

    def translate(self, texts: Sequence[str], target_language: LanguageCode) -> list[str] | None:
        """All of one digest's texts in one language, one for one and in order (one request
        to a remote translator); None when they could not be translated, for any reason: the
        caller shows the source text and says so. Never raises for a translation failure."""
        ...


@dataclass(frozen=True)
class SentMessage:
    provider_message_id: str
    channel: Literal["whatsapp", "sms", "outbox"]
    via_template: bool = False


@dataclass(frozen=True)
class Recipient:
    """Who a message goes to: a phone number, or WhatsApp's business-scoped user id (BSUID)
    for a parent who hides their number behind a username. The phone wins when both exist."""

    phone_e164: str | None = None
    whatsapp_user_id: str | None = None

    def __post_init__(self) -> None:
        if not (self.phone_e164 or self.whatsapp_user_id):
            raise ValueError("a recipient needs a phone number or a WhatsApp user id")


@dataclass(frozen=True)
class TemplateMessage:
    """A pre-approved WhatsApp utility template, for a parent outside the 24-hour window:
    its body's parameters, and the payload its quick-reply button sends back."""

    language: str
    body_parameters: tuple[str, ...]
    quick_reply_payload: str | None = None


class Messenger(Protocol):
    """Sends a text to a parent (WhatsApp, SMS, or the local outbox).

    Errors (shared.errors): DeliveryDeferred when a retry later may work (rate limits, 5xx);
    NeedsTemplate when WhatsApp wants a template (outside the 24-hour window);
    RecipientUnreachable when the parent cannot get messages on this channel at all;
    DeliveryRejected for any other permanent refusal. Only DeliveryDeferred is worth a retry.
    """

    @property
    def channel(self) -> Literal["whatsapp", "sms", "outbox"]: ...

    def send_text(self, phone_e164: str, body: str) -> SentMessage: ...

    def send(
        self,
        recipient: Recipient,
        body: str,
        *,
        template: TemplateMessage | None = None,
        reference: str | None = None,
    ) -> SentMessage:
        """Send `body` as free-form text, or the template instead when one is given.

        `reference` is our id of the message, handed back by the provider's status callbacks
        where it allows (WhatsApp's biz_opaque_callback_data).
        """
        ...


class VoiceTranscriber(Protocol):
    """The words of a voice note a person sent on WhatsApp, fetched by its media id."""

    def transcribe(self, media_id: str, language_hint: LanguageCode) -> str:
        """The transcript; TransientError when a retry may help, VoiceNoteUnreadable (and
        VoiceLanguageUnheard) when it can never be read."""
        ...


class SignedIdentityVerifier(Protocol):
    """Checks a signed assertion of who a request comes from (IAP's JWT in production)."""

    def verify(self, assertion: str) -> str:
        """The verified, lower-cased email; NotAuthenticated for anything not provably valid,
        TransientError when the signing keys cannot be fetched."""
        ...


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware (UTC)."""
        ...


class DocumentText(Protocol):
    """A PDF's text layer as lines with their size, weight and position."""

    def lines(self, document: bytes) -> list[TextLine] | None:
        """The lines in reading order; None when the PDF has no text layer (a scan).
        Raises UnreadableDocument for a damaged or locked file."""
        ...


class PageOcr(Protocol):
    """Text read from pictures: flyer images and scanned PDFs."""

    def read_image(self, image: bytes) -> list[TextLine]: ...

    def read_scanned_pdf(self, document: bytes) -> list[TextLine]: ...


class SpeechToText(Protocol):
    """The words spoken in a voice note. `languages` are those it hears: speech in another
    comes out as confident nonsense, so callers ask only for these."""

    languages: frozenset[LanguageCode]

    def transcribe(self, audio: bytes) -> str: ...
