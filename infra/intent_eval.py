"""Scores the reply classifier on labelled JSONL (the format of ../shared/eval/intents.jsonl).

Each line: {"text", "lang", "intent", "item_ref", "language"}. The scores are intent accuracy
overall and per `lang`, item_ref accuracy on the rows whose gold intent is `done`, and the
accuracy of the language asked for on `change_language` rows.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from shared.services.intents import Classification, classify, classify_reply_id


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path.name} line {number}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("text", row.get("reply_id")), str):
            raise ValueError(f'{path.name} line {number}: needs a "text" string')
        rows.append(row)
    return rows


def classify_row(row: dict[str, Any]) -> Classification:
    """A row is free text, or a tap on one of our buttons ({"reply_id", "text"})."""
    if isinstance(row.get("reply_id"), str):
        return classify_reply_id(row["reply_id"], row.get("text"))
    return classify(row["text"])


def score(rows: list[dict[str, Any]]) -> dict[str, Any]:
    by_language: dict[str, list[bool]] = defaultdict(list)
    item_refs: list[bool] = []
    languages: list[bool] = []
    confusion: Counter[tuple[str, str]] = Counter()
    for row in rows:
        got = classify_row(row)
        right = str(got.intent) == row["intent"]
        by_language[str(row.get("lang", "?"))].append(right)
        if not right:
            confusion[(row["intent"], str(got.intent))] += 1
        if row["intent"] == "done":
            item_refs.append(got.item_ref == row.get("item_ref"))
        if row["intent"] == "change_language":
            languages.append(got.language == row.get("language"))
    everything = [r for results in by_language.values() for r in results]
    return {
        "rows": len(everything),
        "accuracy": _ratio(everything),
        "by_language": {
            lang: {"rows": len(results), "accuracy": _ratio(results)}
            for lang, results in sorted(by_language.items())
        },
        "item_ref_accuracy": _ratio(item_refs),
        "item_ref_rows": len(item_refs),
        "language_accuracy": _ratio(languages),
        "confusion": [
            {"expected": gold, "got": got, "count": count}
            for (gold, got), count in confusion.most_common()
        ],
    }


def _ratio(results: list[bool]) -> float | None:
    return round(sum(results) / len(results), 4) if results else None


def format_report(report: dict[str, Any]) -> str:
    lines = [f"intent accuracy  {report['accuracy']}  ({report['rows']} replies)"]
    for lang, figures in report["by_language"].items():
        lines.append(f"  {lang:<4} {figures['accuracy']}  ({figures['rows']})")
    lines.append(
        f"item_ref accuracy {report['item_ref_accuracy']} ({report['item_ref_rows']} done rows)"
    )
    lines.append(f"language asked    {report['language_accuracy']}")
    for wrong in report["confusion"]:
        lines.append(f"  {wrong['expected']} -> {wrong['got']}: {wrong['count']}")
    return "\n".join(lines)
