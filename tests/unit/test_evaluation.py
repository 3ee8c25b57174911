"""The extraction scorer, on small hand-made cases, against shared/eval/README.md's rule."""

from __future__ import annotations

from typing import Any

from infra.evaluation import format_table, match_items, score_document, token_set_ratio


def item(title: str, start: str | None = "2026-10-07", **fields: Any) -> dict[str, Any]:
    return {
        "title": title,
        "start_date": start,
        "end_date": None,
        "start_time": None,
        "grades": "all",
        "activities": [],
        "category": "event",
        "action_required": False,
        **fields,
    }


def test_token_set_ratio_divides_by_the_smaller_title() -> None:
    assert token_set_ratio("Pro-D Day - no school", "Pro-D Day") == 1.0
    assert token_set_ratio("Robotics Club", "Robotics (Grades 3–5)") == 0.5
    assert token_set_ratio("Ünïcode café", "ÜNÏCODE") == 1.0
    assert token_set_ratio("", "anything") == 0.0


def test_items_match_only_on_the_same_start_date_and_half_the_words() -> None:
    labelled = [item("Picture Day"), item("Label clothing", None)]
    extracted = [item("Picture Day", "2026-10-08"), item("Label your clothing", None)]
    assert match_items(extracted, labelled) == [(1, 1)]
    assert match_items([item("Class photos taken")], [item("Picture Day")]) == []


def test_matching_is_greedy_and_ties_go_to_jaccard_then_label_order() -> None:
    labelled = [item("Halloween parade"), item("Halloween parade and dance")]
    extracted = [item("Halloween parade and dance"), item("Halloween parade")]
    # Both pairs have ratio 1.0 both ways; Jaccard prefers the exact titles.
    assert sorted(match_items(extracted, labelled)) == [(0, 1), (1, 0)]
    # Equal ratio and Jaccard: the earlier label wins the one extracted item.
    assert match_items([item("Dance")], [item("Dance night"), item("Dance party")]) == [(0, 0)]


def test_scores_and_field_accuracy_with_all_grades_equal_to_the_full_list() -> None:
    labels = {
        "grades_offered": [6, 7, 8],
        "items": [
            item("Spring Dance", grades=[7, 8], start_time="18:30"),
            item("PAC meeting", grades="all", activities=["band", "choir"]),
            item("Yearbook orders close", category="deadline"),
        ],
    }
    extracted = [
        item("Spring Dance (Grades 7 & 8)", grades=[7, 8], start_time="18:30"),
        item("PAC meeting", grades=[6, 7, 8], activities=["choir", "band"]),
        item("Bell times"),
    ]
    scores = score_document(extracted, labels)
    assert (scores["matched"], scores["precision"], scores["recall"]) == (2, 0.6667, 0.6667)
    assert scores["field_correct"]["grades"] == 2
    assert scores["field_correct"]["activities"] == 2
    assert scores["field_correct"]["start_time"] == 2
    assert scores["missed"] == [{"title": "Yearbook orders close", "start_date": "2026-10-07"}]
    assert scores["spurious"] == [{"title": "Bell times", "start_date": "2026-10-07"}]


def test_the_table_lists_documents_overall_fields_and_misses() -> None:
    labels = {"grades_offered": [0], "items": [item("Picture Day")]}
    document = {"document": "a.pdf", **score_document([], labels)}
    report = {
        "documents": [document],
        "overall": {
            k: document[k]
            for k in ("labelled", "extracted", "matched", "precision", "recall", "f1")
        },
        "field_accuracy": {"category": 0.0},
    }
    table = format_table(report)
    assert "a.pdf" in table and "overall (micro)" in table
    assert "missed   a.pdf: 2026-10-07 Picture Day" in table


def test_an_item_is_correct_when_matched_with_its_dates_and_audience() -> None:
    from infra.evaluation import correct_flags

    labels = {
        "grades_offered": [0, 1, 2, 3],
        "items": [
            item("Kite Day", end_date=None, grades=[1, 2]),
            item("Book Swap", start="2026-10-09", end_date="2026-10-11"),
        ],
    }
    extracted = [
        item("Kite Day", grades=[1, 2]),  # right
        item("Book Swap", start="2026-10-09"),  # matched, but the range's end is missing
        item("Pumpkin Walk"),  # no label at all
    ]
    assert correct_flags(extracted, labels) == [True, False, False]


def test_the_reliability_table_puts_each_item_in_its_confidence_bucket(tmp_path: Any) -> None:
    import json
    from datetime import date

    from infra.evaluation import format_reliability, reliability
    from shared.extraction.schema import ExtractedItem, ExtractionResult
    from shared.models import ItemCategory

    labels = {
        "source": "note.pdf",
        "issued_on": "2026-10-01",
        "timezone": "America/Vancouver",
        "grades_offered": [0, 1, 2],
        "items": [item("Kite Day"), item("Book Swap", start="2026-10-09")],
    }
    (tmp_path / "note.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "note.labels.json").write_text(json.dumps(labels), encoding="utf-8")

    class Fixed:
        name = "fixed"

        def extract(self, document: bytes, media_type: Any, context: Any) -> ExtractionResult:
            found = (("Kite Day", 7, 0.96), ("Book Swap", 10, 0.92), ("Book Swap", 9, 0.75))
            made = [
                ExtractedItem(
                    title=title,
                    category=ItemCategory.EVENT,
                    start_date=date(2026, 10, day),
                    confidence=confidence,
                )
                for title, day, confidence in found
            ]
            return ExtractionResult(items=made, extractor=self.name)

    report = reliability([tmp_path], Fixed())  # type: ignore[arg-type]
    shares = {row["bucket"]: (row["items"], row["correct"]) for row in report["buckets"]}
    assert shares["0.95-1.00"] == (1, 1)
    assert shares["0.90-0.95"] == (1, 0)  # a wrong date is a wrong item
    assert shares["0.70-0.80"] == (1, 1)
    assert report["at_or_above_0.9"]["share"] == 0.5
    assert ">=0.90" in format_reliability(report)
