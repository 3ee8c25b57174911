"""What Gemini is sent for each kind of upload: a documented MIME type, converted if need be.

Gemini documents what it reads (ai.google.dev/gemini-api/docs, checked 2026-12-03):
documents application/pdf; images image/png, image/jpeg, image/webp, image/heic, image/heif;
audio audio/wav, audio/mp3, audio/aiff, audio/aac, audio/ogg (Ogg *Vorbis*) and audio/flac.
The sniffed types of `shared.extraction.sniff` use the IANA names (audio/mpeg, audio/mp4),
which that list does not carry, so each is mapped here:

- MP3 is sent as audio/mp3, WAV as audio/wav: the same bytes under the documented name.
- M4A is an MP4 container, not one of the listed formats: its AAC stream is copied, bit for
  bit, into ADTS framing, which is what audio/aac names. M4A holding another codec (ALAC) is
  transcoded to FLAC.
- Ogg Vorbis is sent as audio/ogg. Ogg Opus (WhatsApp and most phones' voice notes) is not
  documented, so it is transcoded to FLAC, mono 16 kHz (Gemini downsamples audio to 16 kbps
  and mixes channels down anyway, so nothing it would hear is lost).

A type with no entry here, or audio that cannot be decoded, raises `MediaNotSupported` with a
reason written for admins; the extractor then leaves the document to the offline extractor.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import av

from shared.extraction.sniff import MediaType

# Sniffed types sent unchanged, under their documented name.
_SENT_AS = {
    MediaType.PDF: "application/pdf",
    MediaType.PNG: "image/png",
    MediaType.JPEG: "image/jpeg",
    MediaType.WEBP: "image/webp",
    MediaType.WAV: "audio/wav",
    MediaType.MP3: "audio/mp3",
}
_FLAC_RATE = 16_000


class MediaNotSupported(Exception):
    """Gemini cannot be sent this upload (the message says why, for admins)."""


@dataclass(frozen=True)
class GeminiMedia:
    """The bytes and MIME type Gemini receives for one upload."""

    data: bytes
    mime_type: str
    converted: str | None = None  # what was done to the bytes, for logs; None when unchanged


def media_for_gemini(document: bytes, media_type: MediaType) -> GeminiMedia:
    """The upload as Gemini documents it, or MediaNotSupported."""
    if media_type in _SENT_AS:
        return GeminiMedia(document, _SENT_AS[media_type])
    if media_type is MediaType.OGG:
        if _is_ogg_vorbis(document):
            return GeminiMedia(document, "audio/ogg")
        return GeminiMedia(_transcode_to_flac(document), "audio/flac", "ogg (not Vorbis) to flac")
    if media_type is MediaType.M4A:
        adts = _aac_as_adts(document)
        if adts is not None:
            return GeminiMedia(adts, "audio/aac", "m4a to adts (AAC copied)")
        return GeminiMedia(_transcode_to_flac(document), "audio/flac", "m4a to flac")
    raise MediaNotSupported(f"Gemini does not read {media_type.value} files")


def _is_ogg_vorbis(document: bytes) -> bool:
    # The first Ogg page carries the codec's identification header: "\x01vorbis" for Vorbis,
    # "OpusHead" for Opus. Its payload starts after 27 header bytes and the segment table.
    if not document.startswith(b"OggS") or len(document) < 28:
        return False
    payload_at = 27 + document[26]
    return document[payload_at : payload_at + 7] == b"\x01vorbis"


def _aac_as_adts(document: bytes) -> bytes | None:
    """The AAC stream of an MP4/M4A file in ADTS framing, or None when it holds no AAC."""
    try:
        with av.open(io.BytesIO(document), mode="r") as source:
            if not source.streams.audio:
                raise MediaNotSupported("The recording has no sound track Gemini can read.")
            stream = source.streams.audio[0]
            if stream.codec_context.name != "aac":
                return None
            out = io.BytesIO()
            with av.open(out, "w", format="adts") as target:
                copy = target.add_stream_from_template(stream)
                for packet in source.demux(stream):
                    if packet.dts is None:  # the demuxer's flush packet
                        continue
                    packet.stream = copy
                    target.mux(packet)
            return out.getvalue()
    except av.FFmpegError as exc:
        raise MediaNotSupported(f"The recording could not be read ({type(exc).__name__}).") from exc


def _transcode_to_flac(document: bytes) -> bytes:
    """Decode any audio PyAV reads and encode it as mono 16 kHz FLAC."""
    try:
        with av.open(io.BytesIO(document), mode="r") as source:
            if not source.streams.audio:
                raise MediaNotSupported("The recording has no sound track Gemini can read.")
            out = io.BytesIO()
            with av.open(out, "w", format="flac") as target:
                encoder = target.add_stream("flac", rate=_FLAC_RATE, layout="mono")
                resampler = av.AudioResampler(format="s16", layout="mono", rate=_FLAC_RATE)
                for frame in source.decode(source.streams.audio[0]):
                    for resampled in resampler.resample(frame):
                        target.mux(encoder.encode(resampled))
                for resampled in resampler.resample(None):
                    target.mux(encoder.encode(resampled))
                target.mux(encoder.encode(None))
            flac = out.getvalue()
    except av.FFmpegError as exc:
        raise MediaNotSupported(f"The recording could not be read ({type(exc).__name__}).") from exc
    if len(flac) < 100:  # a header and no sound
        raise MediaNotSupported("The recording holds no sound Gemini can read.")
    return flac
