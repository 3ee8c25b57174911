"""The offline extractor's learned scorer: its features, the shipped weights, the calibration,
and the `train scorer` command that writes the weights."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from infra.cli import main
from infra.scorer_training import TOP_CONFIDENCE, TOP_SHARE, _calibrate, fit_logistic
from shared.extraction.candidates import LETTER, ROW, Candidate, hand_confidence, to_items
from shared.extraction.scorer import (
    FEATURE_NAMES,
    WEIGHTS_PATH,
    Calibration,
    HandScorer,
    LearnedScorer,
    features,
    load_learned,
    scorer_named,
    vector,
)
from shared.models import ItemCategory

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "infra" / "sample" / "newsletters"
ANCHOR = date(2026, 10, 2)


def _candidate(**changes: Any) -> Candidate:
    fields: dict[str, Any] = {
        "title": "Pumpkin Patch Field Trip",
        "category": ItemCategory.EVENT,
        "start": date(2026, 10, 14),
        "end": None,
        "start_time": None,
        "end_time": None,
        "grades": [1, 2],
        "activities": set(),
        "action": None,
        "action_required": False,
        "location": None,
        "recurrence": None,
        "priority": ROW,
        "order": (0, 0),
        "details": "Oct 14 | Pumpkin Patch Field Trip | Grades 1-2",
        "latin": True,
    }
    fields.update(changes)
    return Candidate(**fields)


def test_features_say_how_the_date_was_found_and_where_the_candidate_stood() -> None:
    written = features(_candidate(), ANCHOR)
    assert written["date=explicit"] == 1.0 and written["structure=row"] == 1.0
    assert written["ahead=month"] == 1.0 and written["grades_stated"] == 1.0

    worked_out = features(
        _candidate(details="Next Wednesday we visit the pumpkin patch.", priority=LETTER), ANCHOR
    )
    assert worked_out["date=inferred"] == 1.0 and worked_out["structure=letter"] == 1.0
    assert "date=explicit" not in worked_out

    undated = features(_candidate(start=None, title="Send in a box of crayons"), ANCHOR)
    assert undated["date=none"] == 1.0 and undated["ahead=undated"] == 1.0
    assert undated["title_imperative"] == 1.0


def test_lexicon_categories_are_features_not_phrases() -> None:
    thanks = features(_candidate(details="Thank you to everyone who came out on Oct 14."), ANCHOR)
    assert thanks["thanks"] == 1.0 and thanks["past_tense"] == 1.0
    helpers = features(_candidate(details="We need two parent volunteers on Oct 14."), ANCHOR)
    assert helpers["helpers"] == 1.0
    assert all(0.0 <= v <= 1.0 for v in helpers.values())
    assert set(helpers) <= set(FEATURE_NAMES)
    assert len(vector(helpers)) == len(FEATURE_NAMES)


def test_the_shipped_weights_load_and_score_every_candidate_within_zero_and_one() -> None:
    scorer = load_learned(WEIGHTS_PATH)
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURE_NAMES) and data["trained_on"]
    plain, doubtful = _candidate(), _candidate(grades=None, weak_title=True, priority=LETTER)
    for candidate in (plain, doubtful):
        relevant, correct = scorer.probabilities(candidate, ANCHOR)
        assert 0.0 < relevant < 1.0 and 0.0 < correct < 1.0
    assert scorer.confidence(plain, ANCHOR) > scorer.confidence(doubtful, ANCHOR)  # type: ignore[operator]


def test_weights_of_other_features_are_refused() -> None:
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError, match="retrain"):
        LearnedScorer.from_json(data)


def test_the_setting_names_a_scorer() -> None:
    assert isinstance(scorer_named("hand"), HandScorer)
    assert scorer_named("learned").filter and not scorer_named("learned-confidence").filter  # type: ignore[attr-defined]
    with pytest.raises(ValueError):
        scorer_named("magic")


def test_a_scorer_that_drops_a_candidate_leaves_it_out_of_the_items() -> None:
    kept, dropped = _candidate(), _candidate(title="Staff photo day", order=(1, 1))
    items = to_items([kept, dropped], ANCHOR)
    assert [i.confidence for i in items] == [pytest.approx(hand_confidence(kept))] * 2
    only = to_items([kept, dropped], ANCHOR, lambda c: None if c is dropped else 0.5)
    assert [i.title for i in only] == [kept.title] and only[0].confidence == 0.5


def test_the_calibration_is_monotone_and_flat_outside_its_knots() -> None:
    calibration = Calibration(((0.2, 0.3), (0.6, 0.8), (0.9, 0.95)))
    assert calibration(0.0) == 0.3 and calibration(1.0) == 0.95
    assert calibration(0.4) == pytest.approx(0.55)
    values = [calibration(p / 100) for p in range(101)]
    assert values == sorted(values)


def test_confidence_at_the_top_is_earned_by_the_share_correct() -> None:
    rng = np.random.default_rng(7)
    p = rng.uniform(0, 1, 2000)
    correct = rng.uniform(0, 1, 2000) < np.minimum(p + 0.05, 0.96)  # never 98.5 % right
    calibration = _calibrate(p, correct)
    top = [ok for q, ok in zip(p, correct, strict=True) if calibration(float(q)) >= TOP_CONFIDENCE]
    assert not top or sum(top) / len(top) >= TOP_SHARE
    assert calibration(0.1) < calibration(0.9)

    sure = _calibrate(p, np.ones(2000, dtype=bool))
    assert sure(0.99) >= TOP_CONFIDENCE


def test_logistic_regression_learns_a_separable_feature() -> None:
    x = np.array([[0.0, 1.0], [0.0, 0.0], [1.0, 1.0], [1.0, 0.0]] * 10)
    model = fit_logistic(x, x[:, 0])
    assert model.weights[0] > 2 and abs(model.weights[1]) < 0.5


def test_the_train_command_writes_weights_that_reproduce(tmp_path: Path, capsys: Any) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    for output in (first, second):
        code = main(["train", "scorer", "--sets", str(SAMPLE), "--output", str(output), "--json"])
        assert code == 0
    report = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert report["documents"] == 5 and report["written"] == str(second)
    assert first.read_bytes() == second.read_bytes()
    trained = LearnedScorer.from_json(json.loads(first.read_text(encoding="utf-8")))
    assert trained.correctness.weights != load_learned(WEIGHTS_PATH).correctness.weights


def test_the_train_command_refuses_a_missing_folder(tmp_path: Path) -> None:
    assert main(["train", "scorer", "--sets", str(tmp_path / "nowhere"), "--dry-run"]) == 2


def test_cross_validation_reports_both_scorers_per_set(capsys: Any) -> None:
    code = main(
        ["train", "scorer", "--sets", str(SAMPLE), "--cross-validate", "--dry-run", "--json"]
    )
    assert code == 0
    report = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert "written" not in report
    cv = report["cross_validation"]
    assert cv["left_out"] == "document" and cv["folds"] == 4  # the flyer's PDF and PNG: one
    figures = cv["sets"]["newsletters"]
    assert figures["labelled"] == 61  # as `eval extraction` counts them
    assert set(figures["hand"]) == {"precision", "recall", "f1"}
    for which in ("hand", "learned_confidence"):
        rows = cv["reliability"][which]["buckets"]
        assert sum(r["items"] for r in rows) == report["candidates"]


@pytest.mark.parametrize("name", ["hand", "learned-confidence"])
def test_confidence_at_or_above_0_9_is_right_97_percent_of_the_time(name: str) -> None:
    """On the developer sample (a regression bar: the shipped weights trained on it; the
    cross-validated figures are `train scorer --cross-validate`'s, in README.md)."""
    from infra.evaluation import reliability
    from shared.adapters.extractor_offline import OfflineExtractor

    report = reliability([SAMPLE], OfflineExtractor(scorer=scorer_named(name)))
    top = report["at_or_above_0.9"]
    assert top["items"] >= 10 and top["share"] >= 0.97, report


def _document(set_name: str, name: str, rng: np.random.Generator) -> Any:
    from infra.scorer_training import Document

    labelled = [{"title": f"Thing {k}", "start_date": "2026-10-14"} for k in range(4)]
    items = [*labelled[:3], {"title": "Masthead line", "start_date": "2026-10-14"}]
    matched = np.array([True, True, True, False])
    x = np.zeros((4, len(FEATURE_NAMES)))
    x[:, 0] = matched  # one feature tells items from the rest; another is noise
    x[:, 1] = rng.uniform(0, 1, 4)
    return Document(
        set_name=set_name,
        name=name,
        group=f"{set_name}/{name}",
        items=items,
        labels={"items": labelled, "grades_offered": [1]},
        x=x,
        hand=np.full(4, 0.75),
        matched=matched,
        correct=matched,
    )


@pytest.mark.parametrize("leave_out", ["document", "set"])
def test_cross_validation_holds_out_documents_or_whole_sets(leave_out: str) -> None:
    from infra.scorer_training import cross_validate

    rng = np.random.default_rng(3)
    documents = [_document(s, f"d{n}", rng) for s in ("a", "b", "c") for n in range(4)]
    report = cross_validate(documents, leave_out=leave_out)
    assert report["folds"] == (12 if leave_out == "document" else 3)
    for figures in report["sets"].values():
        assert figures["hand"] == {"precision": 0.75, "recall": 0.75, "f1": 0.75}
        # The learned keep/drop finds the feature that marks the spurious line.
        assert figures["learned"]["precision"] == 1.0 and figures["learned"]["recall"] == 0.75
