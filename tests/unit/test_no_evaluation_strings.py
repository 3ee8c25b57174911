"""No string of an evaluation document goes into the code: the extractor must hold for
newsletters it has never seen, so it may keep the general rule, never the sentence.

Checked against every labelled set in the repository (and the shared development sets
beside it when present): no labelled title of three words or more appears in shared/, and
no run of six words of a document's text appears in the extraction code. Two-word titles
are often the domain's own words ("No School", "Open House") and may name a vocabulary.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / "shared"
EXTRACTION_CODE = [
    *sorted((SHARED / "extraction").glob("*.py")),
    *(SHARED / "adapters" / name for name in ("extractor_offline.py", "pdf_layout.py")),
    SHARED / "adapters" / "ocr_tesseract.py",
]
RUN = 6


def _label_sets() -> list[Path]:
    folders = [p for p in (ROOT / "infra" / "eval").iterdir() if p.is_dir()]
    folders += [p / "newsletters" for p in folders if (p / "newsletters").is_dir()]
    folders.append(ROOT / "infra" / "sample" / "newsletters")
    for beside in (ROOT.parent / "shared" / "eval", Path("/work/shared/eval")):
        folders += [beside / "newsletters", beside / "real"]
    return [f for f in folders if f.is_dir()]


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())


@cache
def _written_titles() -> frozenset[str]:
    titles = set()
    for folder in _label_sets():
        for labels in folder.glob("*.labels.json"):
            for item in json.loads(labels.read_text(encoding="utf-8"))["items"]:
                titles.add(item["title"])
    return frozenset(titles)


def _titles() -> frozenset[str]:
    return frozenset(" ".join(_words(title)) for title in _written_titles())


def _long_titles() -> list[str]:
    """Titles of three words or more as written: "Read-a-thon" is one word of the domain."""
    return sorted({" ".join(_words(t)) for t in _written_titles() if len(t.split()) >= 3})


@cache
def _document_runs() -> frozenset[tuple[str, ...]]:
    texts = []
    for folder in _label_sets():
        for pdf_path in folder.glob("*.pdf"):
            with pdfplumber.open(pdf_path) as pdf:
                texts.append(" ".join(page.extract_text() or "" for page in pdf.pages))
        texts += [t.read_text(encoding="utf-8") for t in (folder / "text").glob("*.txt")]
    runs = set()
    for text in texts:
        words = _words(text)
        runs.update(tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1))
    return frozenset(runs)


def test_the_labelled_sets_are_there_to_check_against() -> None:
    assert len(_titles()) > 300
    assert len(_document_runs()) > 10_000


def test_no_labelled_title_appears_in_shared() -> None:
    long_titles = _long_titles()
    found = []
    for path in SHARED.rglob("*.py"):
        code = " ".join(_words(path.read_text(encoding="utf-8")))
        found += [(path.name, t) for t in long_titles if f" {t} " in f" {code} "]
    assert found == []


def test_no_sentence_of_an_evaluation_document_appears_in_the_extraction_code() -> None:
    runs = _document_runs()
    found = []
    for path in EXTRACTION_CODE:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            words = _words(line)
            for i in range(len(words) - RUN + 1):
                if tuple(words[i : i + RUN]) in runs:
                    found.append(f"{path.name}:{number}: {' '.join(words[i : i + RUN])}")
                    break
    assert found == []
