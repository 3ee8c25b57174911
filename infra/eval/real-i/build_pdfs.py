#!/usr/bin/env python3
"""Render each text/NAME.txt (a verbatim excerpt of a real school newsletter) as NAME.pdf.

Copy of shared/eval/real/build_pdfs.py for blind set I. Run:
    pip install --target /tmp/relibI reportlab==4.2.5 pypdf fonttools
    PYTHONPATH=/tmp/relibI python3 build_pdfs.py
Font (Debian): fonts-dejavu-core only (no fallback fonts are needed here).

One paragraph per source line, a blank source line becomes vertical space, leading spaces are
kept as non-breaking spaces, and a bold title line with the school's name sits on top.
DejaVu Sans is the main font; characters it lacks are set in Droid Sans Fallback (Chinese)
or Symbola (emoji), so every character is embedded and the text layer round-trips
(checked with pypdf at the end).
"""
import json
import pathlib
import re
from xml.sax.saxutils import escape

from fontTools.ttLib import TTFont as FTFont
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from reportlab.pdfbase import ttfonts

_make_cmap = ttfonts.makeToUnicodeCMap


def _utf16_cmap(fontname, subset):
    """reportlab writes code points above U+FFFF (the emoji) as odd-length hex in the ToUnicode
    CMap, which PDF readers reject; write them as UTF-16BE surrogate pairs instead."""
    text = _make_cmap(fontname, subset)
    return re.sub(r"<([0-9A-F]{5,6})>$",
                  lambda m: "<%s>" % chr(int(m.group(1), 16)).encode("utf-16-be").hex().upper(),
                  text, flags=re.M)


ttfonts.makeToUnicodeCMap = _utf16_cmap

HERE = pathlib.Path(__file__).resolve().parent
FONTS = {
    "DejaVuSans": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "DejaVuSans-Bold": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
}
for name, path in FONTS.items():
    pdfmetrics.registerFont(TTFont(name, path))
CMAPS = {name: set(FTFont(path).getBestCmap()) for name, path in FONTS.items()}
FALLBACKS = []  # every text in this set is Latin script; DejaVu Sans covers it

TITLE = ParagraphStyle("title", fontName="DejaVuSans-Bold", fontSize=15, leading=19, spaceAfter=10)
BODY = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=13.5, spaceAfter=3)

DOCS = json.loads((HERE / "sources.json").read_text(encoding="utf-8"))


def font_for(ch, base):
    if ch.isspace() or ord(ch) in CMAPS[base]:
        return base
    for fb in FALLBACKS:
        if ord(ch) in CMAPS[fb]:
            return fb
    raise ValueError(f"no font covers {ch!r} (U+{ord(ch):04X})")


def markup(text, base):
    """Escape text for a Paragraph, switching font for characters the base font lacks."""
    out, run, cur = [], "", base
    for ch in text:
        f = font_for(ch, base)
        if f != cur and run:
            out.append(escape(run) if cur == base else f'<font name="{cur}">{escape(run)}</font>')
            run = ""
        cur = f
        run += ch
    if run:
        out.append(escape(run) if cur == base else f'<font name="{cur}">{escape(run)}</font>')
    return "".join(out)


def build(name, meta):
    lines = (HERE / "text" / f"{name}.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    story = [Paragraph(markup(meta["title_line"], "DejaVuSans-Bold"), TITLE)]
    for line in lines:
        if not line.strip():
            story.append(Spacer(1, 6))
            continue
        lead = len(line) - len(line.lstrip(" "))
        story.append(Paragraph("&nbsp;" * lead + markup(line.lstrip(" "), "DejaVuSans"), BODY))
    doc = SimpleDocTemplate(str(HERE / f"{name}.pdf"), pagesize=letter,
                            leftMargin=0.9 * inch, rightMargin=0.9 * inch,
                            topMargin=0.8 * inch, bottomMargin=0.8 * inch,
                            title=meta["title_line"], author=meta["school"],
                            subject="Real school newsletter excerpt (blind set I)")
    doc.build(story)


def check(name, meta):
    from pypdf import PdfReader
    reader = PdfReader(str(HERE / f"{name}.pdf"))
    text = "\n".join(p.extract_text() for p in reader.pages)
    src = (HERE / "text" / f"{name}.txt").read_text(encoding="utf-8")
    norm = lambda s: re.sub(r"\s+", "", s)
    ok = norm(meta["title_line"] + src) == norm(text)
    print(f"{name}.pdf: {len(reader.pages)} page(s), text layer matches source: {ok}")
    if not ok:
        a, b = norm(meta["title_line"] + src), norm(text)
        i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
        print("   first difference at", i, repr(a[i - 20:i + 20]), "vs", repr(b[i - 20:i + 20]))
    return ok


if __name__ == "__main__":
    results = []
    for name, meta in DOCS.items():
        build(name, meta)
        results.append(check(name, meta))
    assert all(results)
