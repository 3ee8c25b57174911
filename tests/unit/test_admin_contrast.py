"""The admin stylesheet's colour pairs meet WCAG AA contrast (4.5:1 text, 3:1 focus ring)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STYLESHEET = (
    Path(__file__).resolve().parents[2] / "functions" / "admin_web" / "static" / "admin.css"
)
COLOURS = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6});", STYLESHEET.read_text()))


def luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize(
    ("foreground", "background", "minimum"),
    [
        ("ink", "paper", 4.5),
        ("ink", "wash", 4.5),
        ("muted", "paper", 4.5),
        ("muted", "wash", 4.5),
        ("accent", "paper", 4.5),
        ("accent", "wash", 4.5),
        ("accent-ink", "accent", 4.5),
        ("danger", "paper", 4.5),
        ("ok", "paper", 4.5),
        ("warn-ink", "warn-bg", 4.5),
        ("warn-ink", "paper", 4.5),
        ("focus", "paper", 3.0),
        ("focus", "wash", 3.0),
    ],
)
def test_colour_pairs_meet_aa(foreground: str, background: str, minimum: float) -> None:
    ratio = contrast(COLOURS[foreground], COLOURS[background])
    assert ratio >= minimum, f"{foreground} on {background}: {ratio:.2f}:1"
