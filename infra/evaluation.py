"""Scores an extractor on a folder of labelled newsletters, as shared/eval/README.md defines.

A document is NAME.pdf, NAME.png, NAME.jpg or NAME.webp with NAME.labels.json beside it;
every such file is scored (the flyer exists as both a PDF and a PNG, with one labels file).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from shared.extraction.schema import ExtractionContext
from shared.extraction.sniff import sniff_media_type
from shared.ports import Extractor

DOCUMENT_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".webp")
SCORED_FIELDS = ("end_date", "start_time", "grades", "activities", "category", "action_required")
MIN_RATIO = 0.5

LabelItem = dict[str, Any]


def title_tokens(title: str | None) -> set[str]:
    """Lower-cased runs of letters and digits (Unicode-aware)."""
    return set(re.sub(r"[\W_]+", " ", (title or "").lower()).split())


def token_set_ratio(a: str | None, b: str | None) -> float:
    first, second = title_tokens(a), title_tokens(b)
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def match_items(
    extracted: Sequence[LabelItem], labelled: Sequence[LabelItem]
) -> list[tuple[int, int]]:
    """Greedy one-to-one (label index, extracted index) pairs, best ratio first.

    Ties go to the higher Jaccard similarity, then the earlier label, then the earlier
    extracted item.
    """
    candidates = []
    for i, label in enumerate(labelled):
        for j, item in enumerate(extracted):
            if label.get("start_date") != item.get("start_date"):
                continue
            ratio = token_set_ratio(label.get("title"), item.get("title"))
            if ratio < MIN_RATIO:
                continue
            first, second = title_tokens(label.get("title")), title_tokens(item.get("title"))
            jaccard = len(first & second) / len(first | second)
            candidates.append((-ratio, -jaccard, i, j))
    used_labels: set[int] = set()
    used_items: set[int] = set()
    pairs = []
    for _, _, i, j in sorted(candidates):
        if i not in used_labels and j not in used_items:
            used_labels.add(i)
            used_items.add(j)
            pairs.append((i, j))
    return pairs


def field_equal(
    name: str, label: LabelItem, item: LabelItem, grades_offered: Sequence[int]
) -> bool:
    expected, actual = label.get(name), item.get(name)
    if name == "grades":
        return _grade_set(expected, grades_offered) == _grade_set(actual, grades_offered)
    if name == "activities":
        return set(expected or []) == set(actual or [])
    return bool(expected == actual)


def _grade_set(grades: Any, grades_offered: Sequence[int]) -> frozenset[int]:
    return frozenset(grades_offered) if grades == "all" else frozenset(grades or [])


def _prf(matched: int, extracted: int, labelled: int) -> dict[str, float]:
    precision = matched / extracted if extracted else (1.0 if not labelled else 0.0)
    recall = matched / labelled if labelled else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def score_document(extracted: Sequence[LabelItem], labels: dict[str, Any]) -> dict[str, Any]:
    """Matches, P/R/F1 and per-field agreement for one document."""
    labelled = labels["items"]
    pairs = match_items(extracted, labelled)
    offered = labels.get("grades_offered", [])
    fields = {
        name: sum(field_equal(name, labelled[i], extracted[j], offered) for i, j in pairs)
        for name in SCORED_FIELDS
    }
    matched_labels = {i for i, _ in pairs}
    matched_items = {j for _, j in pairs}
    return {
        "labelled": len(labelled),
        "extracted": len(extracted),
        "matched": len(pairs),
        **_prf(len(pairs), len(extracted), len(labelled)),
        "field_correct": fields,
        "missed": [_brief(labelled[i]) for i in range(len(labelled)) if i not in matched_labels],
        "spurious": [_brief(extracted[j]) for j in range(len(extracted)) if j not in matched_items],
        "field_errors": [
            {
                "title": labelled[i]["title"],
                "field": name,
                "expected": labelled[i].get(name),
                "got": extracted[j].get(name),
            }
            for i, j in pairs
            for name in SCORED_FIELDS
            if not field_equal(name, labelled[i], extracted[j], offered)
        ],
    }


def _brief(item: LabelItem) -> dict[str, Any]:
    return {"title": item.get("title"), "start_date": item.get("start_date")}


def extract_document(
    path: Path, context: ExtractionContext, extractor: Extractor
) -> dict[str, Any]:
    """The extractor's items for one file, in the label schema."""
    data = path.read_bytes()
    media_type = sniff_media_type(data[:2048])
    if media_type is None:
        raise ValueError(f"{path.name}: not a PDF, image or audio file")
    result = extractor.extract(data, media_type, context)
    return {"items": [item.to_label() for item in result.items]}


def labelled_documents(folder: Path) -> list[tuple[Path, Path]]:
    """(document, labels) pairs: every document file whose stem has a labels file."""
    pairs = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in DOCUMENT_SUFFIXES:
            labels = path.with_name(f"{path.stem}.labels.json")
            if labels.is_file():
                pairs.append((path, labels))
    return pairs


def evaluate_folder(folder: Path, extractor: Extractor) -> dict[str, Any]:
    """Per-document and micro-averaged scores of the extractor on a labelled folder."""
    documents = []
    for path, labels_path in labelled_documents(folder):
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
        context = ExtractionContext.from_labels(labels)
        extracted = extract_document(path, context, extractor)["items"]
        documents.append({"document": path.name, **score_document(extracted, labels)})
    matched = sum(d["matched"] for d in documents)
    extracted_total = sum(d["extracted"] for d in documents)
    labelled_total = sum(d["labelled"] for d in documents)
    field_accuracy = {
        name: round(sum(d["field_correct"][name] for d in documents) / matched, 4)
        if matched
        else 0.0
        for name in SCORED_FIELDS
    }
    return {
        "extractor": extractor.name,
        "overall": {
            "labelled": labelled_total,
            "extracted": extracted_total,
            "matched": matched,
            **_prf(matched, extracted_total, labelled_total),
        },
        "field_accuracy": field_accuracy,
        "documents": documents,
    }


# Confidence buckets of the reliability table: [low, high).
BUCKETS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01))
# What an item must get right to count as correct: matched (title and start date), and the
# rest of its dates and its audience. The school's auto-approve threshold relies on it.
CORRECT_FIELDS = ("end_date", "grades")


def correct_flags(extracted: Sequence[LabelItem], labels: dict[str, Any]) -> list[bool]:
    """For each extracted item, whether it is correct (see CORRECT_FIELDS)."""
    labelled = labels["items"]
    offered = labels.get("grades_offered", [])
    flags = [False] * len(extracted)
    for i, j in match_items(extracted, labelled):
        flags[j] = all(field_equal(f, labelled[i], extracted[j], offered) for f in CORRECT_FIELDS)
    return flags


def reliability(folders: Sequence[Path], extractor: Extractor) -> dict[str, Any]:
    """Confidence bucket -> how many items, and what share of them is correct, over every
    labelled document of the folders; and the same for items at or above 0.9."""
    scored: list[tuple[float, bool]] = []
    for folder in folders:
        for path, labels_path in labelled_documents(folder):
            labels = json.loads(labels_path.read_text(encoding="utf-8"))
            context = ExtractionContext.from_labels(labels)
            extracted = extract_document(path, context, extractor)["items"]
            flags = correct_flags(extracted, labels)
            scored += [(float(e["confidence"]), ok) for e, ok in zip(extracted, flags, strict=True)]

    def row(name: str, members: list[bool]) -> dict[str, Any]:
        share = round(sum(members) / len(members), 4) if members else None
        return {"bucket": name, "items": len(members), "correct": sum(members), "share": share}

    rows = [
        row(f"{low:.2f}-{min(high, 1.0):.2f}", [ok for c, ok in scored if low <= c < high])
        for low, high in BUCKETS
    ]
    return {
        "extractor": extractor.name,
        "folders": [str(f) for f in folders],
        "buckets": rows,
        "at_or_above_0.9": row(">=0.90", [ok for c, ok in scored if c >= 0.9]),
        "all": row("all", [ok for _, ok in scored]),
    }


def format_reliability(report: dict[str, Any]) -> str:
    header = f"{'confidence':<12} {'items':>6} {'correct':>8} {'share':>7}"
    lines = [header, "-" * len(header)]
    for figures in [*report["buckets"], report["at_or_above_0.9"], report["all"]]:
        share = "-" if figures["share"] is None else f"{figures['share']:.3f}"
        lines.append(
            f"{figures['bucket']:<12} {figures['items']:>6} {figures['correct']:>8} {share:>7}"
        )
    return "\n".join(lines)


def format_table(report: dict[str, Any]) -> str:
    """The report as a plain-text table, then the missed and spurious items."""
    header = f"{'document':<34} {'label':>5} {'extr':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6}"
    lines = [header, "-" * len(header)]

    def row(name: str, figures: dict[str, Any]) -> str:
        return (
            f"{name:<34} {figures['labelled']:>5} {figures['extracted']:>5} "
            f"{figures['matched']:>5} "
            f"{figures['precision']:>6.3f} {figures['recall']:>6.3f} {figures['f1']:>6.3f}"
        )

    lines += [row(d["document"], d) for d in report["documents"]]
    lines += ["-" * len(header), row("overall (micro)", report["overall"]), ""]
    lines.append("field accuracy over matched items:")
    lines += [f"  {name:<16} {value:.3f}" for name, value in report["field_accuracy"].items()]
    for document in report["documents"]:
        for kind in ("missed", "spurious"):
            for item in document[kind]:
                lines.append(
                    f"{kind:<8} {document['document']}: {item['start_date']} {item['title']}"
                )
    return "\n".join(lines)
