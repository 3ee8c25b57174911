"""The real type of an upload, from its first bytes: names and declared types lie."""

from __future__ import annotations

from enum import StrEnum


class MediaType(StrEnum):
    PDF = "application/pdf"
    PNG = "image/png"
    JPEG = "image/jpeg"
    WEBP = "image/webp"
    OGG = "audio/ogg"
    M4A = "audio/mp4"
    MP3 = "audio/mpeg"
    WAV = "audio/wav"

    @property
    def is_image(self) -> bool:
        return self.value.startswith("image/")

    @property
    def is_audio(self) -> bool:
        return self.value.startswith("audio/")


def sniff_media_type(head: bytes) -> MediaType | None:
    """The media type the bytes are, or None when they are none we accept."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        # Acrobat tolerates junk before the header, so real-world PDFs sometimes carry some.
        return MediaType.PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return MediaType.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return MediaType.JPEG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return MediaType.WEBP
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return MediaType.WAV
    if head.startswith(b"OggS"):
        return MediaType.OGG
    if head[4:8] == b"ftyp" and head[8:12] in {b"M4A ", b"M4B ", b"mp42", b"isom", b"dash"}:
        return MediaType.M4A
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return MediaType.MP3
    return None
