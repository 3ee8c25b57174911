"""How much an extracted candidate is trusted: whether it is a parent-relevant item at all,
and the confidence it carries to the admin's review (the school's auto-approve threshold
reads it).

Two scorers share one interface. The hand scorer keeps every candidate and gives the
confidence of fixed weights (by where the mention stands, corroborations, a stated audience,
a clean title, a date). The learned scorer reads the same candidate as a few dozen general
features (how its date was found, the structure it came from, its title's length and shape,
the shared lexicon's categories, how far ahead it falls) and applies two small logistic
regressions trained by `python -m infra.cli train scorer` on the labelled sets: one for "is
this an item the labellers list" (below its threshold the candidate is dropped), one for "is
it correct" (matched, with the right dates and audience), whose probability is the
confidence. The weights are JSON in `scorer_weights.json` beside this module, so inference
needs nothing but the standard library.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from shared.extraction.candidates import (
    LETTER,
    LISTED,
    ROW,
    SECTION,
    Candidate,
    hand_confidence,
)
from shared.extraction.dates import find_dates
from shared.extraction.lexicon import (
    ACTION_VERB,
    DISCOURSE,
    DUE_CUE,
    DUE_NOUN,
    GENERIC_WORDS,
    HELPER_WORD,
    ISSUE_NAME,
    NOT_AN_ITEM,
    PAST_TENSE,
    PUBLICATION,
    SALE_WORDS,
    THANKS,
    VOLUNTEER_CALL,
)
from shared.models import ItemAction, ItemCategory

WEIGHTS_PATH = Path(__file__).with_name("scorer_weights.json")

_STRUCTURE = {ROW: "row", LISTED: "listed", SECTION: "section", LETTER: "letter"}
# Words that say a thing is ahead ("will", "upcoming") rather than behind.
_FUTURE = re.compile(r"\b(?:will|upcoming|coming|next|join us|save the date|tomorrow)\b", re.I)
_IMPERATIVE = re.compile(
    r"^(?:please\s+)?(?:bring|send|sign|return|join|come|wear|register|pack|label|donate|"
    r"order|pay|submit|complete|fill|rsvp|volunteer|drop|pick|remember|check|visit|read)\b",
    re.I,
)


def _date_kind(candidate: Candidate, anchor: date) -> str:
    """How the candidate's date was found: written out in its text, worked out from a
    weekday or "tomorrow" or a thing named elsewhere, or none at all."""
    if candidate.start is None:
        return "none"
    written = find_dates(f"{candidate.title} {candidate.details}", anchor)
    if any(m.value == candidate.start for m in written):
        return "explicit"
    return "inferred"


def _ahead(candidate: Candidate, anchor: date) -> str:
    if candidate.start is None:
        return "undated"
    days = (candidate.start - anchor).days
    if days <= 0:
        return "today_or_before"
    if days <= 7:
        return "week"
    if days <= 35:
        return "month"
    if days <= 120:
        return "term"
    return "far"


def features(candidate: Candidate, anchor: date) -> dict[str, float]:
    """The candidate as named features in [0, 1] (missing names read as 0)."""
    title = candidate.title
    words = title.split()
    details = candidate.details
    capitalised = [w for w in words if w[:1].isupper()]
    found: dict[str, float] = {
        f"structure={_STRUCTURE[candidate.priority]}": 1.0,
        f"date={_date_kind(candidate, anchor)}": 1.0,
        f"ahead={_ahead(candidate, anchor)}": 1.0,
        f"category={candidate.category.value}": 1.0,
        "has_time": float(candidate.start_time is not None),
        "has_end_time": float(candidate.end_time is not None),
        "has_end_date": float(candidate.end is not None and candidate.end != candidate.start),
        "recurring": float(candidate.recurrence is not None),
        "grades_stated": float(candidate.grades is not None),
        "activities": float(bool(candidate.activities)),
        "location": float(candidate.location is not None),
        "action_required": float(candidate.action_required),
        "weak_title": float(candidate.weak_title),
        "latin": float(candidate.latin),
        "corroborated": float(candidate.corroborations >= 1),
        "corroborated_twice": float(candidate.corroborations >= 2),
        "hand_confidence": max(0.0, min(1.0, hand_confidence(candidate))),
        # The title's length and shape.
        "title_words": min(len(words), 16) / 16,
        "title_short": float(len(words) <= 2),
        "title_long": float(len(words) >= 9),
        "title_capitalised": len(capitalised) / len(words) if words else 0.0,
        "title_shouted": float(title.isupper() and len(title) > 3),
        "title_digit": float(any(ch.isdigit() for ch in title)),
        "title_punctuated": float(bool(re.search(r"[.!?,;:]$", title))),
        "title_generic_share": (
            sum(w.lower().strip(".,:;!?") in GENERIC_WORDS for w in words) / len(words)
            if words
            else 1.0
        ),
        "title_imperative": float(bool(_IMPERATIVE.match(title))),
        "title_action_verb": float(bool(ACTION_VERB.match(title))),
        "title_discourse": float(bool(DISCOURSE.match(title))),
        "details_long": min(len(details.split()), 120) / 120,
        # The shared lexicon's categories, in the title or the text around it.
        "helpers": float(bool(HELPER_WORD.search(details) or VOLUNTEER_CALL.search(details))),
        "sale": float(bool(SALE_WORDS.search(title))),
        "due_noun": float(bool(DUE_NOUN.search(title))),
        "due_cue": float(bool(DUE_CUE.search(details) or re.search(r"\bdue\b", details, re.I))),
        "publication": float(bool(PUBLICATION.search(details))),
        "issue_name": float(bool(ISSUE_NAME.search(title))),
        "not_an_item": float(bool(NOT_AN_ITEM.search(details))),
        "thanks": float(bool(THANKS.search(details))),
        "past_tense": float(bool(PAST_TENSE.search(details))),
        "future_words": float(bool(_FUTURE.search(details))),
    }
    if candidate.action is not None:
        found[f"action={candidate.action.value}"] = 1.0
    return found


# Every feature name the learned models may weigh, in a fixed order.
FEATURE_NAMES: tuple[str, ...] = (
    *(f"structure={name}" for name in _STRUCTURE.values()),
    *(f"date={kind}" for kind in ("explicit", "inferred", "none")),
    *(f"ahead={a}" for a in ("undated", "today_or_before", "week", "month", "term", "far")),
    *(f"category={c.value}" for c in ItemCategory),
    *(f"action={a.value}" for a in ItemAction),
    "has_time",
    "has_end_time",
    "has_end_date",
    "recurring",
    "grades_stated",
    "activities",
    "location",
    "action_required",
    "weak_title",
    "latin",
    "corroborated",
    "corroborated_twice",
    "hand_confidence",
    "title_words",
    "title_short",
    "title_long",
    "title_capitalised",
    "title_shouted",
    "title_digit",
    "title_punctuated",
    "title_generic_share",
    "title_imperative",
    "title_action_verb",
    "title_discourse",
    "details_long",
    "helpers",
    "sale",
    "due_noun",
    "due_cue",
    "publication",
    "issue_name",
    "not_an_item",
    "thanks",
    "past_tense",
    "future_words",
)


def vector(named: Mapping[str, float]) -> list[float]:
    return [named.get(name, 0.0) for name in FEATURE_NAMES]


class ItemScorer(Protocol):
    """Whether a candidate becomes an item, and its confidence (None: drop it)."""

    @property
    def name(self) -> str: ...

    def confidence(self, candidate: Candidate, anchor: date) -> float | None: ...


class HandScorer:
    """Fixed weights; every candidate is kept."""

    name = "hand"

    def confidence(self, candidate: Candidate, anchor: date) -> float | None:
        return hand_confidence(candidate)


@dataclass(frozen=True)
class LogisticModel:
    """p = sigmoid(bias + Σ weight · feature), the feature names fixed by the weights file."""

    weights: tuple[float, ...]
    bias: float

    def probability(self, values: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, values, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_json(cls, data: Mapping[str, Any], names: Sequence[str]) -> LogisticModel:
        weights = data["weights"]
        if set(weights) != set(names):
            raise ValueError("the scorer weights name other features than this code computes")
        return cls(tuple(float(weights[n]) for n in names), float(data["bias"]))

    def to_json(self, names: Sequence[str]) -> dict[str, Any]:
        return {
            "bias": round(self.bias, 6),
            "weights": {n: round(w, 6) for n, w in zip(names, self.weights, strict=True)},
        }


@dataclass(frozen=True)
class Calibration:
    """A monotone map of the correctness model's probability to the confidence shown:
    (probability, confidence) knots, linear between them, flat outside."""

    knots: tuple[tuple[float, float], ...]

    def __call__(self, p: float) -> float:
        knots = self.knots
        if not knots:
            return p
        if p <= knots[0][0]:
            return knots[0][1]
        for (x0, y0), (x1, y1) in itertools.pairwise(knots):
            if p <= x1:
                return y0 if x1 == x0 else y0 + (y1 - y0) * (p - x0) / (x1 - x0)
        return knots[-1][1]


@dataclass(frozen=True)
class LearnedScorer:
    relevance: LogisticModel
    correctness: LogisticModel
    keep_threshold: float
    calibration: Calibration
    filter: bool = True
    name: str = "learned"

    def probabilities(self, candidate: Candidate, anchor: date) -> tuple[float, float]:
        values = vector(features(candidate, anchor))
        return self.relevance.probability(values), self.correctness.probability(values)

    def confidence(self, candidate: Candidate, anchor: date) -> float | None:
        relevant, correct = self.probabilities(candidate, anchor)
        if self.filter and relevant < self.keep_threshold:
            return None
        return self.calibration(correct)

    def to_json(self, **about: Any) -> dict[str, Any]:
        return {
            **about,
            "features": list(FEATURE_NAMES),
            "relevance": self.relevance.to_json(FEATURE_NAMES),
            "correctness": self.correctness.to_json(FEATURE_NAMES),
            "keep_threshold": round(self.keep_threshold, 6),
            "calibration": [[round(x, 6), round(y, 6)] for x, y in self.calibration.knots],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], *, filter: bool = True) -> LearnedScorer:
        names = list(data["features"])
        if names != list(FEATURE_NAMES):
            raise ValueError("the scorer weights were trained on other features: retrain them")
        return cls(
            relevance=LogisticModel.from_json(data["relevance"], names),
            correctness=LogisticModel.from_json(data["correctness"], names),
            keep_threshold=float(data["keep_threshold"]),
            calibration=Calibration(tuple((float(x), float(y)) for x, y in data["calibration"])),
            filter=filter,
        )


@lru_cache(maxsize=4)
def load_learned(path: Path = WEIGHTS_PATH, *, filter: bool = True) -> LearnedScorer:
    """The shipped (or a given) weights file; read once per process."""
    return LearnedScorer.from_json(json.loads(path.read_text(encoding="utf-8")), filter=filter)


def scorer_named(name: str) -> ItemScorer:
    """The scorer a setting names (OFFLINE_SCORER): "hand", "learned" (keeps and scores),
    "learned-confidence" (keeps what the hand weights keep, scores with the learned model)."""
    if name == "hand":
        return HandScorer()
    if name in ("learned", "learned-confidence"):
        return load_learned(filter=name == "learned")
    raise ValueError(f"unknown offline scorer {name!r}: hand, learned or learned-confidence")
