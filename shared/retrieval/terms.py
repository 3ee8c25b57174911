"""Terms of a text in any of the four languages: words, the concepts of the lexicon, activities.

Questions and items go through the same reader, so they meet on shared terms: `c:closure`
for "no school", "放假", "ਛੁੱਟੀ" and "walang pasok" alike, `a:basketball` for "hoops" and "篮球".
Terms become a sparse vector (hashed indices, weights) that the vector index scores with IDF.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from shared.ports import SparseVector
from shared.retrieval.lexicon import ACTIVITY_TRANSLATIONS, ASKS, STOPWORDS, TOPICS, Concept

# Bumped whenever the terms a text yields change: stored vectors would no longer meet queries.
TERMS_VERSION = "terms-6"

_GURMUKHI_FOLD = str.maketrans(
    {
        "\u0a36": "\u0a38",  # ਸ਼ -> ਸ
        "\u0a59": "\u0a16",  # ਖ਼ -> ਖ
        "\u0a5a": "\u0a17",  # ਗ਼ -> ਗ
        "\u0a5b": "\u0a1c",  # ਜ਼ -> ਜ
        "\u0a5e": "\u0a2b",  # ਫ਼ -> ਫ
        "\u0a33": "\u0a32",  # ਲ਼ -> ਲ
        "\u0a3c": None,  # nukta
        "\u0a71": None,  # addak: written or not, the same word
        "\u0a70": "\u0a02",  # tippi and bindi both nasalise
        "\u2019": "'",
        "\u2018": "'",
        "\uff0c": " ",
        "\u3001": " ",
        "\uff1f": " ",
        "\uff01": " ",
    }
)

_LATIN_WORD = re.compile(r"[a-z0-9][a-z0-9'$&-]*")
_GURMUKHI_WORD = re.compile(r"[\u0a00-\u0a7f]+")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


# English splits phrasal verbs around their object: "sign her up" is "sign up".
_SPLIT_PHRASAL = re.compile(r"\b(sign|pick|drop|set|clean|help)\s+(?:\w+\s+){1,2}?(up|out|off)\b")


def normalise(text: str) -> str:
    """Lower case, one form per character: what every match below reads."""
    folded = unicodedata.normalize("NFKC", text).lower().translate(_GURMUKHI_FOLD)
    return _SPLIT_PHRASAL.sub(r"\1 \2", unicodedata.normalize("NFC", folded))


def _stem(word: str) -> str:
    word = word.strip("'-&")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _latin(form: str) -> bool:
    return not any(_GURMUKHI_WORD.search(c) or _HAN_RUN.search(c) for c in form)


_GURMUKHI_CHAR = r"\u0a00-\u0a7f"
# A Gurmukhi form this short must be a whole word ("ਚਾਹ", tea, is not "ਚਾਹੀਦੀ", needed);
# a longer one may take any ending (plurals and cases: "ਛੁੱਟੀਆਂ" for "ਛੁੱਟੀ").
_GURMUKHI_WHOLE_WORD = 3


def _form_pattern(form: str) -> str:
    """Latin forms match whole words ("k" must not match inside "kids"); a trailing * matches
    word endings (romanised verbs: "likh*"). Gurmukhi forms match from a word's start;
    Chinese, written without spaces, anywhere."""
    form = normalise(form)
    if _GURMUKHI_WORD.search(form):
        start = rf"(?<![{_GURMUKHI_CHAR}])"
        if len(form) <= _GURMUKHI_WHOLE_WORD:
            return start + re.escape(form) + rf"(?![{_GURMUKHI_CHAR}])"
        return start + re.escape(form)
    if not _latin(form):
        return re.escape(form)
    prefix = form.endswith("*")
    body = re.escape(form.rstrip("*"))
    start = r"(?<![a-z0-9])" if form[:1].isalnum() else ""
    if prefix:
        end = r"[a-z0-9'-]*"
    elif form[-1:].isalpha():
        end = r"(?:s|es|'s)?(?![a-z0-9])"  # plurals: "projects" is a "project"
    elif form[-1:].isalnum():
        end = r"(?![a-z0-9])"
    else:
        end = ""
    return start + body + end


@dataclass(frozen=True)
class _Matcher:
    term: str
    weight: float
    pattern: re.Pattern[str]


def forms_pattern(forms: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern matching any of the forms in normalised text (longest first), as the
    lexicon's concepts match; None when there is no form."""
    patterns = sorted({_form_pattern(f) for f in forms if f.strip()}, key=len, reverse=True)
    return re.compile("|".join(patterns)) if patterns else None


def _matcher(term: str, forms: Iterable[str], weight: float) -> _Matcher | None:
    pattern = forms_pattern(forms)
    return None if pattern is None else _Matcher(term, weight, pattern)


def _topic_form(form: str) -> bool:
    # One Chinese character is part of too many words to name a topic alone (馆 is in 图书馆,
    # library, as much as in 科学馆); asks keep theirs (钱, money; 带, bring).
    return not (len(form) == 1 and _HAN_RUN.fullmatch(form))


def _concept_matchers(prefix: str, concepts: Sequence[Concept]) -> tuple[_Matcher, ...]:
    built = (
        _matcher(
            f"{prefix}:{c.key}",
            [f for f in c.forms if prefix != "c" or _topic_form(f)],
            c.weight,
        )
        for c in concepts
    )
    return tuple(m for m in built if m is not None)


_TOPIC_MATCHERS = _concept_matchers("c", TOPICS)
_ASK_MATCHERS = _concept_matchers("q", ASKS)
_STOPWORDS = frozenset(normalise(w) for w in STOPWORDS)


@dataclass(frozen=True)
class ActivityName:
    """One activity of a school and every way it may be written."""

    slug: str
    forms: tuple[str, ...]


def activity_names(
    slugs: Iterable[str], extra_forms: Mapping[str, Sequence[str]] | None = None
) -> tuple[ActivityName, ...]:
    """A school's activities with their translations, names and synonyms."""
    extra_forms = extra_forms or {}
    names = []
    for slug in sorted(set(slugs)):
        forms = {slug, slug.replace("-", " ")}
        forms.update(ACTIVITY_TRANSLATIONS.get(slug, "").split("|"))
        forms.update(extra_forms.get(slug, ()))
        names.append(ActivityName(slug, tuple(sorted(f for f in forms if f.strip()))))
    return tuple(names)


@dataclass(frozen=True)
class Vocabulary:
    """The lexicon plus one school's activity names."""

    activities: tuple[ActivityName, ...] = ()
    _activity_matchers: tuple[_Matcher, ...] = field(init=False, repr=False, compare=False)
    _loanwords: dict[str, dict[str, float]] = field(init=False, repr=False, compare=False)
    _weights: dict[str, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        built = (_matcher(f"a:{a.slug}", a.forms, 1.5) for a in self.activities)
        object.__setattr__(self, "_activity_matchers", tuple(m for m in built if m is not None))
        weights = {m.term: m.weight for m in (*_TOPIC_MATCHERS, *_ASK_MATCHERS)}
        weights.update({m.term: m.weight for m in self._activity_matchers})
        object.__setattr__(self, "_weights", weights)
        # A one-word English form by its consonant skeleton: "ਕਾਰਨੀਵਲ" reaches c:fair through
        # "carnival" without anyone listing the Gurmukhi spelling.
        entries = [
            *((f"c:{c.key}", c.forms, c.weight) for c in TOPICS),
            *((f"q:{c.key}", c.forms, c.weight) for c in ASKS),
            *((f"a:{a.slug}", a.forms, 1.5) for a in self.activities),
        ]
        loanwords: dict[str, dict[str, float]] = {}
        for term, forms, weight in entries:
            for form in map(normalise, forms):
                if not _LATIN_WORD.fullmatch(form) or form in _STOPWORDS:
                    continue
                skeleton = latin_skeleton(_stem(form))
                if len(skeleton) >= _LOANWORD_SKELETON_MIN:
                    loanwords.setdefault(skeleton, {})[term] = weight
        object.__setattr__(self, "_loanwords", loanwords)

    def terms(self, text: str, *, asks: bool = False) -> dict[str, float]:
        """Each term of the text with its weight (words 1, concepts their own weight).

        `asks` adds what a question asks for (`q:money`, `q:deadline`, ...); items leave it out.
        """
        normal = normalise(text)
        found: dict[str, float] = {}
        matchers = (*_TOPIC_MATCHERS, *self._activity_matchers, *(_ASK_MATCHERS if asks else ()))
        spans: dict[str, list[tuple[int, int]]] = {}
        for matcher in matchers:
            hits = [m.span() for m in matcher.pattern.finditer(normal)]
            if hits:
                spans[matcher.term] = hits
        for term, hits in spans.items():
            # Chinese has no spaces: a concept read only inside a longer form of another
            # ("午饭", lunch, inside "午饭时间", lunchtime) is part of that word, not its own.
            # Latin and Gurmukhi forms are whole words and keep their meaning in a phrase.
            if term[:2] in ("c:", "a:") and all(
                _HAN_RUN.fullmatch(normal[start:end])
                and any(
                    other != term and a <= start and end <= b and (b - a) > (end - start)
                    for other, others in spans.items()
                    for a, b in others
                )
                for start, end in hits
            ):
                continue
            found[term] = self._weights[term]
        for word in _LATIN_WORD.findall(normal):
            stem = _stem(word)
            if len(stem) > 1 and not stem.isdigit() and stem not in _STOPWORDS:
                found.setdefault(f"w:{stem}", 1.0)
            skeleton = latin_skeleton(stem)
            if len(skeleton) >= _SKELETON_MIN and stem not in _STOPWORDS:
                found.setdefault(f"s:{skeleton}", 0.8)
        for word in _GURMUKHI_WORD.findall(normal):
            if len(word) > 1 and word not in _STOPWORDS:
                found.setdefault(f"w:{word}", 1.0)
                skeleton = gurmukhi_skeleton(word)
                if len(skeleton) >= _SKELETON_MIN:
                    found.setdefault(f"s:{skeleton}", 0.8)
                for term, weight in self._loanwords.get(skeleton, {}).items():
                    if asks or not term.startswith("q:"):
                        found.setdefault(term, weight)
        for run in _HAN_RUN.findall(normal):
            for i in range(len(run) - 1):
                found.setdefault(f"w:{run[i : i + 2]}", 0.5)
        return found


# English words written in Gurmukhi ("ਕਾਰਨੀਵਲ", "ਡੈਂਟਲ", "ਕੋਡਿੰਗ") are common in Punjabi as
# it is spoken here. Both scripts reduce to the same consonant skeleton: vowels dropped,
# aspirates and look-alike sounds merged, a nasal sign read as n.
_GURMUKHI_SKELETON = str.maketrans(
    {
        **dict.fromkeys("ਕਖ", "k"),
        **dict.fromkeys("ਗਘ", "g"),
        **dict.fromkeys("ਚਛ", "c"),
        **dict.fromkeys("ਜਝ", "j"),
        **dict.fromkeys("ਟਠਤਥ", "t"),
        **dict.fromkeys("ਡਢਦਧ", "d"),
        **dict.fromkeys("ਣਨਙਞਂ", "n"),
        "ਪ": "p",
        "ਫ": "f",
        **dict.fromkeys("ਬਭ", "b"),
        "ਮ": "m",
        **dict.fromkeys("ਰੜ", "r"),
        "ਲ": "l",
        "ਵ": "v",
        "ਸ": "s",
    }
)
_LATIN_SKELETON = (
    (re.compile(r"ph"), "f"),
    (re.compile(r"ch"), "c"),
    (re.compile(r"sh"), "s"),
    (re.compile(r"ck|q|c"), "k"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"z"), "j"),
    (re.compile(r"w"), "v"),
    (re.compile(r"[^bcdfgjklmnprstv]"), ""),
)
_SKELETON_MIN = 3
# Longer for reaching a concept: a short skeleton is shared by too many words.
_LOANWORD_SKELETON_MIN = 4


def _collapse(letters: str) -> str:
    return re.sub(r"(.)\1+", r"\1", letters)


def latin_skeleton(word: str) -> str:
    for pattern, replacement in _LATIN_SKELETON:
        word = pattern.sub(replacement, word)
    return _collapse(word)


def gurmukhi_skeleton(word: str) -> str:
    skeleton = normalise(word).translate(_GURMUKHI_SKELETON)
    return _collapse("".join(c for c in skeleton if c.isascii()))


def term_index(term: str) -> int:
    """A stable dimension for a term (the same in every process, unlike hash())."""
    return int.from_bytes(hashlib.blake2b(term.encode(), digest_size=4).digest(), "big") >> 1


def sparse_vector(terms: dict[str, float]) -> SparseVector:
    by_index: dict[int, float] = {}
    for term, weight in terms.items():
        index = term_index(term)
        by_index[index] = max(weight, by_index.get(index, 0.0))
    ordered = sorted(by_index)
    return SparseVector(indices=ordered, values=[by_index[i] for i in ordered])
