"""The offline extractor: PDF text layout or tesseract OCR, then general newsletter rules.

It needs no network and no API key: it is the backend when Gemini is not configured and
the fallback when Gemini gives up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from shared.errors import UnreadableDocument
from shared.extraction.audience import division_legend
from shared.extraction.builder import CandidateBuilder
from shared.extraction.candidates import DocumentFacts, fold_duplicates, to_items
from shared.extraction.dates import find_dates, leading_date_end, starts_with_date
from shared.extraction.entries import regroup_entries
from shared.extraction.layout import (
    Block,
    TextLine,
    build_blocks,
)
from shared.extraction.lexicon import ISSUE_NAME, PUBLICATION_CUE, WEB_ADDRESS
from shared.extraction.schema import ExtractionContext, ExtractionResult
from shared.extraction.scorer import HandScorer, ItemScorer
from shared.extraction.segments import (
    STREET_ADDRESS_TEXT,
    is_dated_content,
    names_school,
    segments_of,
)
from shared.extraction.sniff import MediaType
from shared.extraction.spans import join_halves, join_restatements
from shared.ports import DocumentText, PageOcr, SpeechToText


class OfflineExtractor:
    name = "offline"

    def __init__(
        self,
        ocr_languages: str = "eng+chi_sim+pan+fil",
        *,
        text_layer: DocumentText | None = None,
        ocr: PageOcr | None = None,
        speech: SpeechToText | None = None,
        scorer: ItemScorer | None = None,
    ) -> None:
        # The engines are adapters of their own; these are the ones that need nothing.
        from shared.adapters.ocr_tesseract import TesseractOcr
        from shared.adapters.pdf_layout import PdfplumberText
        from shared.adapters.speech_whisper import WhisperSpeech

        self.text_layer = text_layer or PdfplumberText()
        self.ocr = ocr or TesseractOcr(ocr_languages)
        self.speech = speech or WhisperSpeech()
        self.scorer = scorer or HandScorer()

    def extract(
        self, document: bytes, media_type: MediaType, context: ExtractionContext
    ) -> ExtractionResult:
        notes: list[str] = []
        lines = self._lines(document, media_type, notes)
        if not any(line.text for line in lines):
            raise UnreadableDocument(
                "No text could be found in this document; "
                "upload a clearer scan or the original file."
            )

        def is_dated(text: str) -> bool:
            return bool(find_dates(text, context.issued_on))

        blocks = build_blocks(
            lines,
            not_heading=lambda text: is_dated_content(text, is_dated),
            starts_entry=lambda text: starts_with_date(text, context.issued_on),
        )
        dateline_text, day_of_issue = _dateline(blocks, context) or (None, None)

        def leading_date(text: str) -> int | None:
            # The masthead's own date opens no entry: the lines under it are the issue's.
            return None if text == dateline_text else leading_date_end(text, context.issued_on)

        blocks = regroup_entries(blocks, leading_date)
        document_date = _document_date(blocks, context.issued_on) or day_of_issue
        blocks = [b for b in blocks if b.text != dateline_text]
        anchor = context.issued_on
        if document_date and not context.issued_on_is_known:
            anchor = document_date
        facts = DocumentFacts(
            anchor=anchor,
            main_title=_main_title(blocks, context.school_name),
            document_date=document_date,
            divisions=division_legend(" ".join(b.text for b in blocks)),
            day_of_issue=day_of_issue,
        )
        builder = CandidateBuilder(context, facts)
        for segment in segments_of(
            blocks, lambda text: bool(find_dates(text, anchor)), context.school_name
        ):
            builder.add(segment)
        candidates = join_restatements(join_halves(builder.candidates))
        items = to_items(
            fold_duplicates(candidates),
            anchor,
            lambda candidate: self.scorer.confidence(candidate, anchor),
        )
        return ExtractionResult(
            items=items, extractor=self.name, issued_on=document_date, notes=notes
        )

    def _lines(self, document: bytes, media_type: MediaType, notes: list[str]) -> list[TextLine]:
        if media_type.is_audio:
            notes.append(
                "Transcribed offline by an English-only speech model: check every item against "
                "the recording; a voice note in another language needs Gemini."
            )
            return _spoken_lines(self.speech.transcribe(document))
        if media_type.is_image:
            notes.append("Read with OCR")
            return self.ocr.read_image(document)
        if media_type != MediaType.PDF:
            raise UnreadableDocument("This file type cannot be read; upload a PDF or an image.")
        lines = self.text_layer.lines(document)
        if lines is not None:
            return lines
        notes.append("Read with OCR (the PDF has no text layer)")
        return self.ocr.read_scanned_pdf(document)


def _spoken_lines(transcript: str) -> list[TextLine]:
    """A transcript as lines of one paragraph each, one sentence per line, as if typed."""
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", transcript) if s.strip()]
    return [
        TextLine(
            text=sentence,
            size=10.0,
            bold=False,
            page=1,
            top=14.0 * number,
            bottom=14.0 * number + 10.0,
            x0=0.0,
            region=f"spoken-{number}",
        )
        for number, sentence in enumerate(sentences)
    ]


def _dateline(blocks: Sequence[Block], context: ExtractionContext) -> tuple[str, date] | None:
    """The masthead's date ("Thursday, May 4th, 2028" under a daily bulletin's name, or
    "March Letter to Families - <date> | <address>"): a full date with its year, alone or
    beside the issue's name and a contact, before any other date on the first page, and the
    issue's own date when that is known."""
    for block in [b for b in blocks if b.page == 1][:6]:
        mentions = find_dates(block.text, context.issued_on)
        if not mentions:
            continue
        first = mentions[0]
        rest = _CONTACT.sub(" ", block.text[: first.start] + block.text[first.end :])
        is_dateline = (
            block.kind == "text"
            and len(mentions) == 1
            and first.year_given
            and not first.end_value
            and _names_only_the_issue(rest)
            and (first.value == context.issued_on or not context.issued_on_is_known)
        )
        return (block.text, first.value) if is_dateline else None
    return None


# A masthead's contact: an e-mail, a web address, a phone number, a street address.
_CONTACT = re.compile(
    rf"\S+@\S+|\b(?:https?://|www\.)\S+|{WEB_ADDRESS.pattern}"
    r"|\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b|\b\d{3}-\d{4}\b"
    rf"|\b{STREET_ADDRESS_TEXT}",
    re.I,
)
_LETTER_HOME = re.compile(r"\bletter\b", re.I)


def _names_only_the_issue(text: str) -> bool:
    """Nothing but the issue's name beside a masthead's date: "Weekly Bulletin", "November
    Letter to Families". A line that says more is a notice with a date in it."""
    words = re.findall(r"[^\W_]+", text)
    if not words:
        return True
    return len(words) <= 6 and bool(ISSUE_NAME.search(text) or _LETTER_HOME.search(text))


def _document_date(blocks: Sequence[Block], fallback: date) -> date | None:
    """The date the document carries: a "Published ..." line, else a dateline near the top."""
    top = [b for b in blocks[:12] if b.page == 1] + [b for b in blocks if b.page == 1][-4:]
    for block in top:
        if PUBLICATION_CUE.search(block.text):
            mentions = [m for m in find_dates(block.text, fallback) if m.year_given]
            if mentions:
                return mentions[-1].value
    # A dateline: a full date with few other words, in the masthead.
    for text in [t for block in blocks[:3] for t in (block.text, *(x.text for x in block.lines))]:
        mentions = find_dates(text, fallback)
        if mentions and mentions[0].year_given:
            rest = text[: mentions[0].start] + text[mentions[0].end :]
            if len(rest.split()) <= 6:
                return mentions[0].value
    return None


def _main_title(blocks: Sequence[Block], school_name: str) -> str:
    """The largest heading on the first page that is not the masthead: a flyer's event name."""
    headings = [
        b
        for b in blocks
        if b.kind == "heading" and b.page == 1 and not names_school(b.text, school_name)
    ]
    if not headings:
        return ""
    return max(headings, key=lambda b: b.size).text
