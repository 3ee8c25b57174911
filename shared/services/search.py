"""Search: a parent's question, in any of the four languages, to the items of their school.

The engine finds candidates two ways, both filtered by school, status, the parent's grades
and a date window: by meaning (the dense vector of the question) and by what the question
says in words the lexicon knows (sparse terms, weighted with the collection's IDF). The
candidates are then scored on features that mean the same for any school: closeness in
meaning, shared terms, the dates, weekdays and months the question names, the grade it
names, and what it asks for (a price, a form or a deadline points at deadline items; a time at
items with a time). Nothing is returned when even the best candidate's score stays under a
threshold calibrated on labelled questions: the nearest item is not an answer. A question about
one detail of an item (where, how much, what to wear, parking...) that the item does not state
is not answered by it either: the match says which details are unsaid (`gives_an_answer`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from shared.errors import NotFound
from shared.models import ItemStatus, School
from shared.ports import FieldFilter, ItemMatch, VectorFilter, VectorHit
from shared.repository import Repositories
from shared.retrieval.details import asks_when, details_asked, details_unsaid
from shared.retrieval.documents import recurrence_weekdays
from shared.retrieval.terms import normalise, sparse_vector
from shared.retrieval.when import AskedWhen, asked_when
from shared.services.indexing import ItemIndex, index_available


@dataclass(frozen=True)
class SearchTuning:
    """Weights of the features and the "nothing fits" threshold (calibrated, see README)."""

    dense: float = 4.0
    dense_floor: float = 0.78
    # Shared terms count twice: by their weight in the lexicon (the same for any collection,
    # so the threshold holds at any size) and by the engine's BM25 score relative to the best
    # candidate's (rare words weigh more, whatever the collection's IDF scale).
    shared_topics: float = 0.8
    shared_words: float = 0.25
    shared_cap: float = 4.0
    relative_terms: float = 1.2
    date_hit: float = 1.6
    date_miss: float = -1.5
    already_past: float = -0.8
    weekday_hit: float = 0.5
    month_hit: float = 0.4
    month_miss: float = -0.3
    grade_hit: float = 0.3
    grade_miss: float = -0.8
    asks_deadline: float = 2.2
    asks_money_or_form: float = 0.8
    money_or_form_deadline: float = 1.2
    asks_range: float = 0.8
    unasked_deadline: float = -0.4
    unasked_volunteer: float = -0.4
    asks_time: float = 0.15
    topic_missing: float = 0.9
    topic_extra: float = 0.5
    topic_unknown: float = 0.5
    # "Nothing fits" is judged on the best candidate's confidence: its score, plus how far it
    # leads the runner-up, plus how far its meaning stands out from the candidates' typical
    # meaning. A question in another language than the items lowers every cosine together, so
    # the lead and the standing-out hold where one absolute score does not.
    threshold: float = 1.45
    answer_margin: float = 0.3
    margin_cap: float = 1.0
    answer_standout: float = 20.0
    candidates: int = 40
    past_days: int = 14


@dataclass(frozen=True)
class Question:
    """What is read from the question before searching."""

    text: str
    terms: dict[str, float]
    when: AskedWhen
    grades: frozenset[int]
    details: tuple[str, ...] = ()
    # Whether it asks when, in words, by what it asks for, or by naming a day or month.
    asks_when: bool = False


@dataclass(frozen=True)
class Scored:
    item_id: str
    title: str
    score: float
    reasons: tuple[str, ...]
    payload: dict[str, Any] = field(repr=False)
    cosine: float = 0.0
    # Details the question asks about that this item does not state, and whether the question
    # also asks when, which a dated item answers all the same.
    unsaid: tuple[str, ...] = ()
    when_asked: bool = False


_GRADE_WORD = re.compile(
    r"(?<![a-z0-9])(?:grade|gr|gr\.|grd|baitang|ਗ੍ਰੇਡ|ਗਰੇਡ|ਜਮਾਤ)\s*(\d{1,2}|k)(?![0-9])"
    r"|(?<![0-9])(\d{1,2})(?:st|nd|rd|th)\s*(?:grade|gr)"
)
_HAN_GRADE = re.compile(r"([一二三四五六七八九]|\d)年级")
_HAN_NUMBER = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_PUNJABI_ORDINALS = {
    "ਪਹਿਲੀ": 1,
    "ਦੂਜੀ": 2,
    "ਤੀਜੀ": 3,
    "ਚੌਥੀ": 4,
    "ਪੰਜਵੀਂ": 5,
    "ਛੇਵੀਂ": 6,
    "ਸੱਤਵੀਂ": 7,
    "ਅੱਠਵੀਂ": 8,
}
_KINDERGARTEN = re.compile(
    r"(?<![a-z])(?:kindergarten|kinder|kindy|kindie|k)(?![a-z])|幼儿园|ਕਿੰਡਰਗਾਰ"
)


_TOPIC_PREFIXES = ("c:", "a:")
# What a question asks for that a date or a time answers.
_WHEN_ASKS = ("q:time", "q:deadline", "q:range")
_KINDERGARTEN_TOPIC = "c:kindergarten"
_KINDERGARTEN_GRADE = 0
_MAX_QUESTION_CHARS = 1000
_BORN_IN = re.compile(
    r"(?:born in|ipinanganak (?:noong )?|ਜਨਮ)\s*(20\d\d)|(20\d\d)\s*(?:年出生|年生|ਵਿੱਚ ਜਨਮ|ਚ ਜਨਮ)"
)
_ENROLMENT = re.compile(
    r"(?<![a-z])(?:regist\w*|enrol\w*|mag-?enroll|sign\w* (?:\w+ )?up|apply)"
    r"|报名|注册|入学|ਦਾਖਲ|ਰਜਿਸਟ"
)


def grades_named(text: str, today: date | None = None) -> frozenset[int]:
    """Grades the question names ("gr 5", "Grade 7 anak ko", "四年级", "ਚੌਥੀ ਜਮਾਤ", "K")."""
    normal = normalise(text)
    grades = set()
    for m in _GRADE_WORD.finditer(normal):
        value = m.group(1) or m.group(2)
        grades.add(0 if value == "k" else int(value))
    grades.update(
        _HAN_NUMBER.get(m.group(1)) or int(m.group(1)) for m in _HAN_GRADE.finditer(normal)
    )
    for word, grade in _PUNJABI_ORDINALS.items():
        if normalise(word) in normal:
            grades.add(grade)
    if _KINDERGARTEN.search(normal):
        grades.add(0)
        # Registering for kindergarten is for a child not at school yet: Pre-K.
        if _ENROLMENT.search(normal):
            grades.add(-1)
    if today is not None:
        # A child born in year Y starts kindergarten in September of Y + 5.
        school_year = today.year if today.month >= 7 else today.year - 1
        for m in _BORN_IN.finditer(normal):
            grades.add(school_year - int(m.group(1) or m.group(2)) - 5)
    return frozenset(g for g in grades if -1 <= g <= 12)


def _occurs_on(payload: dict[str, Any], day: date) -> bool:
    start = _iso(payload.get("start_date"))
    if start is None:
        return False
    end = _iso(payload.get("end_date")) or start
    if start <= day <= end:
        return True
    weekdays = recurrence_weekdays(payload.get("recurrence"))
    last = date.fromordinal(payload["last_day"]) if payload.get("last_day") else start
    return bool(weekdays) and start <= day <= last and day.weekday() in weekdays


def _on_weekday(payload: dict[str, Any], weekday: int) -> bool:
    start = _iso(payload.get("start_date"))
    if start is None:
        return False
    weekdays = recurrence_weekdays(payload.get("recurrence"))
    if weekdays:
        return weekday in weekdays
    end = _iso(payload.get("end_date")) or start
    return (end - start).days < 6 and any(
        (start + timedelta(days=n)).weekday() == weekday for n in range((end - start).days + 1)
    )


def _in_month(payload: dict[str, Any], month: int) -> bool:
    start = _iso(payload.get("start_date"))
    if start is None:
        return False
    end = _iso(payload.get("end_date")) or start
    if payload.get("recurrence"):
        end = max(end, date.fromordinal(payload["last_day"]))
    day = start
    while day <= end:
        if day.month == month:
            return True
        day = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
    return False


def answer_confidence(ranked: Sequence[Scored], tuning: SearchTuning) -> float:
    """How surely the best candidate answers the question (see `SearchTuning.threshold`)."""
    if not ranked:
        return float("-inf")
    best = ranked[0]
    lead = min(best.score - ranked[1].score, tuning.margin_cap) if len(ranked) > 1 else 0.0
    others = sorted(s.cosine for s in ranked[1:])
    # Only standing out counts: a best item whose meaning is no closer than the others' won
    # its place on words, which its score has already weighed.
    standout = max(best.cosine - others[len(others) // 2], 0.0) if others else 0.0
    return best.score + tuning.answer_margin * lead + tuning.answer_standout * standout


def gives_an_answer(ranked: Sequence[Scored], tuning: SearchTuning) -> bool:
    """Whether the best candidate answers the question: it is confident enough, and it states
    every detail the question asks about, unless the question also asks when, which the item's
    date answers (the reply says what is unsaid all the same). The one rule for the question
    evaluation and the answer calibration; `IndexedItemSearch.search` returns a confident best
    item that leaves a detail unsaid, with what it leaves unsaid, for the reply to say so."""
    confident = answer_confidence(ranked, tuning) >= tuning.threshold
    return confident and (not ranked[0].unsaid or ranked[0].when_asked)


def _iso(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else None


class IndexedItemSearch:
    """`shared.ports.ItemSearch` on the semantic index."""

    def __init__(
        self, index: ItemIndex, repos: Repositories, tuning: SearchTuning | None = None
    ) -> None:
        self.index = index
        self.repos = repos
        self.tuning = tuning or SearchTuning()

    # ------------------------------------------------------------------ the port

    def search(
        self,
        school_id: str,
        text: str,
        *,
        now: datetime,
        parent_id: str | None = None,
        grades: Sequence[int] | None = None,
        limit: int = 5,
    ) -> list[ItemMatch]:
        ranked = self.rank(school_id, text, now=now, parent_id=parent_id, grades=grades)
        # The best item found with a detail it does not state is returned all the same, with
        # what it leaves unsaid: the reply names the item and says the newsletter does not say.
        if answer_confidence(ranked, self.tuning) < self.tuning.threshold:
            return []
        return [
            ItemMatch(s.item_id, s.score, "; ".join(s.reasons), s.unsaid) for s in ranked[:limit]
        ]

    def similar(self, item_id: str, limit: int = 5) -> list[ItemMatch]:
        item = self.repos.items.get(item_id)
        if item is None:
            raise NotFound(f"item {item_id} does not exist")
        school = self._school(item.school_id)
        return [
            ItemMatch(hit.id, hit.score, f"close in meaning ({hit.score:.2f})")
            for hit in self.index.neighbours(item, school, limit)
        ]

    # ------------------------------------------------------------------ ranking

    def confidence(self, ranked: Sequence[Scored]) -> float:
        return answer_confidence(ranked, self.tuning)

    def answers(self, ranked: Sequence[Scored]) -> bool:
        """Whether the best candidate is an answer, or the newsletters do not say."""
        return gives_an_answer(ranked, self.tuning)

    def read_question(self, school: School, text: str, today: date) -> Question:
        terms = self.index.vocabulary(school).terms(text, asks=True)
        when = asked_when(text, today)
        details = details_asked(text)
        # A day named asks about that day; a month alone is mostly part of a name ("the May
        # pizza lunch"), so it does not.
        named_day = bool(when.dates or when.weekdays)
        when_asked = bool(
            details and (named_day or asks_when(text) or any(k in terms for k in _WHEN_ASKS))
        )
        return Question(text, terms, when, grades_named(text, today), details, when_asked)

    def rank(
        self,
        school_id: str,
        text: str,
        *,
        now: datetime,
        parent_id: str | None = None,
        grades: Sequence[int] | None = None,
    ) -> list[Scored]:
        """Every candidate, best first, with its score and reasons (no threshold applied)."""
        # A WhatsApp message is at most 4096 characters; a question is far shorter than that.
        text = text.strip()[:_MAX_QUESTION_CHARS]
        if not text:
            return []
        school = self._school(school_id)
        today = now.astimezone(ZoneInfo(school.timezone)).date()
        visible = None
        if parent_id is not None:
            visible = _ParentView.load(self.repos, school_id, parent_id)
            grades = sorted(visible.grades if grades is None else visible.grades & set(grades))
            if not grades:
                return []
        question = self.read_question(school, text, today)
        where = VectorFilter(
            equals={"school_id": school_id, "status": ItemStatus.APPROVED.value},
            any_of={"grades": list(grades)} if grades is not None else {},
            at_least={"last_day": (today - timedelta(days=self.tuning.past_days)).toordinal()},
        )
        self.index.ensure()
        limit = self.tuning.candidates
        with index_available():
            vector = self.index.embedder.embed_query(text)
            dense = self.index.vectors.search(
                self.index.collection, vector, limit=limit, where=where
            )
            sparse = self.index.vectors.search_sparse(
                self.index.collection, sparse_vector(question.terms), limit=limit, where=where
            )
        scored = self._score(question, today, dense, sparse)
        if visible is not None:
            scored = [s for s in scored if visible.may_see(s.payload)]
        # The store has the last word on status: an item withdrawn a moment ago may still be
        # in the index until its re-index task runs. Only the fields needed are read:
        # validating whole items would cost more than the engine's two queries. The text that
        # states an item's details is read here too, so the index needs no copy of it.
        fields = ["status", "details", "location", "action"] if question.details else ["status"]
        current = self.repos.store.get_many(
            self.repos.items.name, [s.item_id for s in scored], fields=fields
        )
        approved = ItemStatus.APPROVED.value
        kept = [s for s in scored if current.get(s.item_id, {}).get("status") == approved]
        if not question.details:
            return kept
        return [_with_unsaid(s, question, current[s.item_id]) for s in kept]

    def _score(
        self, question: Question, today: date, dense: list[VectorHit], sparse: list[VectorHit]
    ) -> list[Scored]:
        t = self.tuning
        cosines = {h.id: h.score for h in dense}
        lexical = {h.id: h.score for h in sparse}
        payloads = {h.id: h.payload for h in [*dense, *sparse]}
        best_lexical = max(lexical.values(), default=1.0) or 1.0
        # Topics of the question that no candidate is about: the newsletters may not cover it.
        candidate_topics = {x for p in payloads.values() for x in p.get("terms", ())}
        if any(_KINDERGARTEN_GRADE in p.get("grades", ()) for p in payloads.values()):
            candidate_topics.add(_KINDERGARTEN_TOPIC)
        unknown_topics = {
            x for x in question.terms if x[:2] in _TOPIC_PREFIXES and x not in candidate_topics
        }
        floor = min(cosines.values(), default=t.dense_floor)
        asks_range = "q:range" in question.terms
        # "From when until when" names an end, not a cut-off.
        asks_deadline = "q:deadline" in question.terms and not asks_range
        asks_any_cutoff = asks_deadline or any(
            k in question.terms for k in ("q:money", "q:form", "q:rsvp", "c:registration")
        )
        asks_time = "q:time" in question.terms
        asks_money_or_form = "q:money" in question.terms or "q:form" in question.terms
        question_topics = {x: w for x, w in question.terms.items() if x[:2] in _TOPIC_PREFIXES}
        results = []
        for item_id, payload in payloads.items():
            cosine = cosines.get(item_id, floor)
            shared = sorted(set(question.terms) & set(payload.get("terms", ())))
            coverage = sum(
                question.terms[x]
                * (t.shared_topics if x[:2] in _TOPIC_PREFIXES else t.shared_words)
                for x in shared
                if x[:2] != "q:"
            )
            score = (
                t.dense * (cosine - t.dense_floor)
                + min(coverage, t.shared_cap)
                # Only words and topics earn the relative share: a shared ask alone ("how
                # much") says nothing about which item.
                + t.relative_terms * min(coverage, 1.0) * lexical.get(item_id, 0.0) / best_lexical
            )
            reasons = [f"meaning {cosine:.2f}"]
            if unknown_topics:
                score -= t.topic_unknown * min(len(unknown_topics), 2)
                reasons.append("no item is about " + ", ".join(sorted(unknown_topics)))
            if shared:
                reasons.append("terms " + ", ".join(shared))
            when = question.when
            if payload.get("last_day", today.toordinal()) < today.toordinal():
                score += t.already_past
                reasons.append("already past")
            if when.dates:
                if any(_occurs_on(payload, d) for d in when.dates):
                    score += t.date_hit
                    reasons.append("on the date asked")
                else:
                    score += t.date_miss
            if when.weekdays and any(_on_weekday(payload, w) for w in when.weekdays):
                score += t.weekday_hit
                reasons.append("on the weekday asked")
            if when.months and not when.dates:
                if any(_in_month(payload, m) for m in when.months):
                    score += t.month_hit
                    reasons.append("in the month asked")
                else:
                    score += t.month_miss
            if question.grades and not payload.get("all_grades"):
                if question.grades & set(payload.get("grades", ())):
                    score += t.grade_hit
                    reasons.append("for the grade named")
                else:
                    score += t.grade_miss
            item_terms = payload.get("terms", ())
            is_deadline = payload.get("category") == "deadline" or "q:deadline" in item_terms
            if is_deadline and asks_deadline:
                score += t.asks_deadline
                reasons.append("a deadline, as asked")
            elif is_deadline and asks_money_or_form:
                # Money and forms are due by a date: the item that says when.
                score += t.money_or_form_deadline
                reasons.append("when money or a form is due")
            elif is_deadline and not asks_any_cutoff:
                score += t.unasked_deadline
            if payload.get("category") == "volunteer" and "c:volunteer" not in question.terms:
                score += t.unasked_volunteer
            for ask in ("q:money", "q:form"):
                if ask in question.terms and ask in payload.get("terms", ()):
                    score += t.asks_money_or_form
            if asks_range and payload.get("end_date"):
                score += t.asks_range
                reasons.append("a span of days, as asked")
            if asks_time and payload.get("start_time"):
                score += t.asks_time
            # A topic the question names that the item lacks says it may be about something
            # else ("report cards" is not the PTA meeting); topics of the item the question
            # never names say the same, more weakly, in proportion.
            item_topics = {x for x in payload.get("terms", ()) if x[:2] in _TOPIC_PREFIXES}
            # "Kinder po anak ko" names the child's grade, which the audience already answers:
            # an item for kindergarten does not lack the topic because its text never says it.
            covered = item_topics | (
                {_KINDERGARTEN_TOPIC} if _KINDERGARTEN_GRADE in payload.get("grades", ()) else set()
            )
            missing = [w for x, w in question_topics.items() if x not in covered]
            if missing:
                score -= t.topic_missing * min(sum(missing), 2.0)
                reasons.append("lacks " + ", ".join(x for x in question_topics if x not in covered))
            if item_topics:
                extra = len(item_topics - question_topics.keys()) / len(item_topics)
                score -= t.topic_extra * extra
            results.append(
                Scored(
                    item_id, str(payload.get("title", "")), score, tuple(reasons), payload, cosine
                )
            )
        results.sort(key=lambda s: (-s.score, s.item_id))
        return results

    def _school(self, school_id: str) -> School:
        school = self.repos.schools.get(school_id)
        if school is None:
            raise NotFound(f"school {school_id} does not exist")
        return school


def _with_unsaid(scored: Scored, question: Question, stored: dict[str, Any]) -> Scored:
    unsaid = details_unsaid(
        question.details,
        title=scored.title,
        details=str(stored.get("details") or ""),
        location=stored.get("location"),
        action=stored.get("action"),
    )
    if not unsaid:
        return scored
    reasons = (*scored.reasons, "does not say " + ", ".join(unsaid))
    return replace(scored, unsaid=unsaid, when_asked=question.asks_when, reasons=reasons)


@dataclass(frozen=True)
class _ParentView:
    """What one parent may see, by the targeting rule: an item for one of their children's
    grades, and when it names activities, one they follow for the family or for that child."""

    grades: frozenset[int]
    child_grades: dict[str, int]
    family_activities: frozenset[str]
    child_activities: frozenset[tuple[str, str]]

    @classmethod
    def load(cls, repos: Repositories, school_id: str, parent_id: str) -> _ParentView:
        parent = repos.parents.get(parent_id)
        if parent is None or parent.school_id != school_id:
            raise NotFound(f"parent {parent_id} does not exist at school {school_id}")
        children = [
            c
            for c in repos.children.get_many(parent.child_ids).values()
            if c.school_id == school_id and parent_id in c.parent_ids
        ]
        subscriptions = repos.subscriptions.find(FieldFilter("parent_id", "==", parent_id))
        subscriptions = [s for s in subscriptions if s.school_id == school_id]
        return cls(
            grades=frozenset(c.grade for c in children),
            child_grades={c.id: c.grade for c in children},
            family_activities=frozenset(s.activity for s in subscriptions if s.child_id is None),
            child_activities=frozenset(
                (s.child_id, s.activity) for s in subscriptions if s.child_id is not None
            ),
        )

    def may_see(self, payload: dict[str, Any]) -> bool:
        item_grades = set(payload.get("grades", ()))
        activities = set(payload.get("activities", ()))
        for child_id, grade in self.child_grades.items():
            if grade not in item_grades:
                continue
            if not activities or activities & self.family_activities:
                return True
            if any((child_id, a) in self.child_activities for a in activities):
                return True
        return False
