"""SMS sizing: GSM-7 or UCS-2, and how many segments a text costs.

A text that fits the GSM 03.38 alphabet travels in 7-bit septets: 160 in one segment, 153 per
segment once concatenated (the rest is the header); characters of the extension table cost two
septets. Anything else (Gurmukhi, Chinese, an emoji) makes the whole text UCS-2: 70 UTF-16 code
units in one segment, 67 per segment after that.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")

# Typography that word processors put into newsletters, and its GSM-7 spelling: one curly
# quote would otherwise turn a whole English SMS into UCS-2 and more than double its cost.
_GSM_SPELLING = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "–": "-",
        "—": "-",
        "…": "...",
        "·": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)

Encoding = Literal["GSM-7", "UCS-2"]


@dataclass(frozen=True)
class SmsSize:
    encoding: Encoding
    units: int  # septets for GSM-7, UTF-16 code units for UCS-2
    segments: int


def gsm_spelling(text: str) -> str:
    return text.translate(_GSM_SPELLING)


def sms_size(text: str) -> SmsSize:
    if all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text):
        units = sum(2 if c in GSM7_EXTENSION else 1 for c in text)
        single, multi, encoding = 160, 153, "GSM-7"
    else:
        units = len(text.encode("utf-16-le")) // 2
        single, multi, encoding = 70, 67, "UCS-2"
    segments = 1 if units <= single else math.ceil(units / multi)
    return SmsSize(encoding=encoding, units=units, segments=segments)  # type: ignore[arg-type]
