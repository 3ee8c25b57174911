"""The leave-one-set-out calibration of "nothing fits", on hand-made rankings."""

from __future__ import annotations

from dataclasses import replace

from infra.answer_calibration import Asked, decided_well, fit
from shared.services.search import Scored, SearchTuning


def _asked(kind: str, *scores_and_cosines: tuple[float, float]) -> Asked:
    ranked = tuple(
        Scored(f"i{n}", f"item {n}", score, (), {}, cosine)
        for n, (score, cosine) in enumerate(scores_and_cosines)
    )
    return Asked("set", kind, ranked)


# Right answers in another language: low scores, but their meaning stands out.
RIGHT = [_asked("right", (0.5, 0.85), (0.2, 0.79), (0.1, 0.78)) for _ in range(3)]
# Unanswerable: the nearest of equally distant items, at a higher score.
NONE = [_asked("none", (1.0, 0.80), (0.9, 0.80), (0.8, 0.80)) for _ in range(3)]
WRONG = [_asked("wrong", (5.0, 0.9), (1.0, 0.8))]


def test_a_score_alone_cannot_tell_them_apart_but_the_fitted_standing_out_can() -> None:
    plain = SearchTuning(answer_margin=0.0, answer_standout=0.0, threshold=0.7)
    assert decided_well(RIGHT + NONE, plain) == 0
    fitted = fit(RIGHT + NONE + WRONG, plain)
    assert fitted.answer_standout > 0
    assert decided_well(RIGHT + NONE, fitted) == 6


def test_a_wrong_best_item_counts_neither_way() -> None:
    tuning = SearchTuning()
    assert decided_well(WRONG, tuning) == 0
    assert decided_well(WRONG, SearchTuning(threshold=100.0)) == 0


def test_a_confident_best_item_that_leaves_the_detail_asked_unsaid_answers_nothing() -> None:
    tuning = SearchTuning(threshold=0.0)
    [confident] = _asked("none", (5.0, 0.9), (1.0, 0.8)).ranked[:1]
    unsaid = replace(confident, unsaid=("parking",))
    assert decided_well([Asked("set", "none", (unsaid,))], tuning) == 1
    assert decided_well([Asked("set", "none", (confident,))], tuning) == 0
    # Asked when as well, the item's date answers: a right answer, whatever it leaves unsaid.
    dated = replace(unsaid, when_asked=True)
    assert decided_well([Asked("set", "right", (dated,))], tuning) == 1
