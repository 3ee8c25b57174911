"""The offline reply classifier: what a parent's WhatsApp answer to a digest asks for.

Rules over lexicons (shared.services.intent_lexicon), no model and no network: the text is
normalised (case, width, repeated letters, Gurmukhi and Chinese numerals), the item number is
read from how people point at a numbered list, and cues decide the intent in a fixed order of
precedence: an opt-out outranks everything, a correction outranks a question, a completion
outranks thanks. Replies to our own buttons and list rows map by their id first.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from shared.services import intent_lexicon as lex


class Intent(StrEnum):
    DONE = "done"
    HELP = "help"
    QUERY = "query"
    REPORT_ERROR = "report_error"
    STOP = "stop"
    START = "start"
    CHANGE_LANGUAGE = "change_language"
    SMALLTALK = "smalltalk"


@dataclass(frozen=True)
class Classification:
    intent: Intent
    item_ref: int | None = None
    language: str | None = None  # the language asked for, for change_language only
    confident: bool = True
    # Every number of a completion that names several ("done 1 and 3"); item_ref is the first.
    item_refs: tuple[int, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {"intent": str(self.intent), "item_ref": self.item_ref, "language": self.language}


# Ids of the buttons and list rows our own messages carry: "done:3", "lang:pa", "help".
REPLY_ID = re.compile(r"^(done|help|stop|start|query|report|lang)(?::(\w+))?$")

_GURMUKHI_DIGITS = str.maketrans("੦੧੨੩੪੫੬੭੮੯", "0123456789")
_CHINESE_NUMERALS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_CHINESE_NUMBER = re.compile(r"十?[一二两三四五六七八九]?十?")
_WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "isa": 1,
    "dalawa": 2,
    "tatlo": 3,
    "apat": 4,
    "lima": 5,
    "anim": 6,
    "pito": 7,
    "walo": 8,
    "siyam": 9,
    "sampu": 10,
    "ikk": 1,
    "ik": 1,
    "do": 2,
    "tin": 3,
    "char": 4,
    "panj": 5,
    "chhe": 6,
    "satt": 7,
    "ath": 8,
    "nau": 9,
    "das": 10,
}
# Numbers said as words, only where a done reply names no digit: ordinals in the four languages
# and the Gurmukhi cardinals (Gurmukhi words cannot be mistaken for English ones, unlike the
# romanised "do" or Tagalog "isa"). Tagalog ordinals are ika-/pang- plus the cardinal.
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "una": 1, "ikalawa": 2, "pangalawa": 2, "ikatlo": 3, "pangatlo": 3,
    "ਪਹਿਲਾ": 1, "ਪਹਿਲੀ": 1, "ਪਹਿਲੇ": 1, "ਦੂਜਾ": 2, "ਦੂਜੀ": 2, "ਦੂਜੇ": 2,
    "ਤੀਜਾ": 3, "ਤੀਜੀ": 3, "ਤੀਜੇ": 3, "ਚੌਥਾ": 4, "ਚੌਥੀ": 4, "ਚੌਥੇ": 4,
    "ਇੱਕ": 1, "ਇਕ": 1, "ਦੋ": 2, "ਤਿੰਨ": 3, "ਚਾਰ": 4, "ਪੰਜ": 5, "ਛੇ": 6,
    "ਸੱਤ": 7, "ਅੱਠ": 8, "ਨੌਂ": 9, "ਨੌ": 9, "ਦਸ": 10,
}  # fmt: skip
_TAGALOG_CARDINALS = (
    "isa",
    "dalawa",
    "tatlo",
    "apat",
    "lima",
    "anim",
    "pito",
    "walo",
    "siyam",
    "sampu",
)
_TAGALOG_ORDINAL = re.compile(r"\b(?:ika|pang|pan|pam)-?(" + "|".join(_TAGALOG_CARDINALS) + r")\b")
_PUNJABI_ORDINAL = re.compile(r"(ਪੰਜ|ਛੇ|ਸੱਤ|ਅੱਠ|ਨੌਂ|ਦਸ)(?:ਵਾਂ|ਵੀਂ|ਵੇਂ)")
_EMOJI_DONE = "✅✔☑👌"
_MAX_ITEM = 40

# Markers people put before an item number: "#3", "item 3", "no. 3", "number 3", "第3项".
_MARKED_NUMBER = re.compile(
    r"(?:#|\bno\.?|\bnum(?:ber)?\.?|\bnr\.?|\bitem|\bcard|\bpoint|\bbilang|\bnumero|\bnambar|ਨੰਬਰ|第|编号|号码)"
    r"\s*(?:#\s*)?(\d{1,2})(?!\d)"
)
_MARKED_WORD_NUMBER = re.compile(r"(?:#|\bno\.?|\bnumber|\bitem|\bbilang|\bnumero)\s+([a-z]+)\b")
_NUMBER_SUFFIX_CN = re.compile(r"(\d{1,2})\s*(?:项|項|个|個|条|條|号项)")
_DATE_LIKE_REF = re.compile(r"(?<!\d)(\d{1,2})\s*[号號]")
_PARENTHESISED = re.compile(r"\(\s*#?(\d{1,2})\s*\)")
_BARE_NUMBER = re.compile(
    r"(?<![\d:/$.-])(\d{1,2})(?![\d:/%]|(?:th|st|nd|rd)\b|\s*(?:am|pm|a\.m|p\.m|vaje|baje|o'?clock|点|點|月|日|号|號|元|块|dollars?|\$|pesos?|min|hrs?|hours?|years?|yrs?|kids?|children))"
)
_NOT_AN_ITEM_BEFORE = re.compile(
    r"(?<![a-z])(?:grade|grades|gr|g|kinder|kindergarten|room|rm|class|age|aged|at|by|\$|php|rs|usd|cad|年级|年級|ਜਮਾਤ|baitang|grado|division|div|till|until|from|to|on|the)\s*$"
)


def normalise(text: str) -> str:
    """Lower case, compatibility forms, ASCII digits, runs of one letter squeezed ("doneee")."""
    folded = unicodedata.normalize("NFKC", text).lower().translate(_GURMUKHI_DIGITS)
    folded = folded.replace("’", "'").replace("‘", "'")
    folded = re.sub(r"([a-z])\1{2,}", r"\1", folded)
    # A digit typed for the letter it looks like, inside a word ("d0ne").
    folded = re.sub(r"(?<=[a-z])0(?=[a-z])", "o", folded)
    return _chinese_numerals_to_digits(folded)


def _chinese_numerals_to_digits(text: str) -> str:
    def value(numeral: str) -> str:
        if not numeral:
            return numeral
        if numeral == "十":
            return "10"
        if "十" in numeral:
            tens, _, units = numeral.partition("十")
            return str(_CHINESE_NUMERALS.get(tens, 1) * 10 + _CHINESE_NUMERALS.get(units, 0))
        return str(_CHINESE_NUMERALS[numeral])

    text = re.sub(r"第([一二两三四五六七八九十]+)", lambda m: "第" + value(m.group(1)), text)
    text = re.sub(
        r"([一二两三四五六七八九十]+)(?=\s*(?:项|項|个|個|条|條))",
        lambda m: value(m.group(1)),
        text,
    )
    text = re.sub(
        r"(?<=完成|好了|交了|付了|签了|做完|搞定)(了?\s*)([一二两三四五六七八九十]+)",
        lambda m: m.group(1) + value(m.group(2)),
        text,
    )
    # A numeral standing alone next to Latin letters, a space, the ends of the reply or a
    # completion ("四 done", "六已付款"), never inside a word, a date or a weekday ("星期六").
    return re.sub(
        r"(?:(?<=^)|(?<=[\sa-z,，、:：]))([一二两三四五六七八九十]+)"
        r"(?=$|[\sa-z,，、!！。.]|已|完成|好了|搞定|交了|付了|签了|做完)",
        lambda m: value(m.group(1)),
        text,
    )


def _one_slip_apart(word: str, keyword: str) -> bool:
    """One substitution, insertion, deletion or swap of neighbours (only a swap for short
    words, where any other edit too often lands on a real word)."""
    if word == keyword or abs(len(word) - len(keyword)) > 1:
        return False
    if len(word) == len(keyword):
        diffs = [i for i, (a, b) in enumerate(zip(word, keyword, strict=True)) if a != b]
        swapped = (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and word[diffs[0]] == keyword[diffs[1]]
            and word[diffs[1]] == keyword[diffs[0]]
        )
        return swapped or (len(diffs) == 1 and len(word) >= 5)
    if min(len(word), len(keyword)) < 4:
        return False
    short, long_ = sorted((word, keyword), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def correct_slips(text: str) -> str:
    """Latin words one slip away from a keyword become the keyword ("dnoe 2" -> "done 2")."""

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        if len(word) < 4 or word in lex.NOT_TYPOS or word in lex.TYPO_KEYWORDS:
            return word
        return next((k for k in lex.TYPO_KEYWORDS if _one_slip_apart(word, k)), word)

    return re.sub(r"[a-z]+", fix, text)


def item_reference(text: str) -> int | None:
    """The item number a reply points at, read from normalised text; None when it names none."""
    for pattern in (_MARKED_NUMBER, _NUMBER_SUFFIX_CN, _PARENTHESISED):
        match = pattern.search(text)
        if match and 1 <= int(match.group(1)) <= _MAX_ITEM:
            return int(match.group(1))
    word = _MARKED_WORD_NUMBER.search(text)
    if word and word.group(1) in _WORD_NUMBERS:
        return _WORD_NUMBERS[word.group(1)]
    for match in _BARE_NUMBER.finditer(text):
        before = text[: match.start()]
        if _NOT_AN_ITEM_BEFORE.search(before) or re.search(r"\d\s*-\s*$", before):
            continue
        number = int(match.group(1))
        if 1 <= number <= _MAX_ITEM:
            return number
    return None


def item_reference_in_words(text: str) -> int | None:
    """An item number said as a word ("the first one", "ਪੰਜ ਵਾਲਾ", "yung pang-anim")."""
    tagalog = _TAGALOG_ORDINAL.search(text)
    if tagalog:
        return _TAGALOG_CARDINALS.index(tagalog.group(1)) + 1
    punjabi = _PUNJABI_ORDINAL.search(text)
    if punjabi:
        return _ORDINAL_WORDS[punjabi.group(1)]
    for word in re.findall(r"[a-z]+|[\u0a00-\u0a7f]+", text):
        if word in _ORDINAL_WORDS:
            return _ORDINAL_WORDS[word]
    return None


def item_references(text: str) -> list[int]:
    """Every item number a reply names, in order ("done 1 and 3", "1、2都完成了")."""
    found: list[tuple[int, int]] = []
    for pattern in (_MARKED_NUMBER, _NUMBER_SUFFIX_CN, _PARENTHESISED):
        found.extend((m.start(1), int(m.group(1))) for m in pattern.finditer(text))
    for match in _BARE_NUMBER.finditer(text):
        before = text[: match.start()]
        if not (_NOT_AN_ITEM_BEFORE.search(before) or re.search(r"\d\s*-\s*$", before)):
            found.append((match.start(1), int(match.group(1))))
    numbers = [n for _, n in sorted(found) if 1 <= n <= _MAX_ITEM]
    return list(dict.fromkeys(numbers))


def _words_of(text: str) -> list[str]:
    """Words, counting each Chinese character as one (Chinese has no spaces)."""
    return re.findall(r"[a-z0-9']+|[\u4e00-\u9fff]|[\u0a00-\u0a7f]+", text)


def _has(text: str, *patterns: re.Pattern[str]) -> bool:
    return any(p.search(text) for p in patterns)


def _only_a_number(text: str) -> bool:
    stripped = re.sub(r"[\s#.!,()\-" + _EMOJI_DONE + r"]", "", text)
    stripped = re.sub(r"(?:no|item|number|num|第|项)", "", stripped)
    return stripped.isdigit() and len(stripped) <= 2


def _is_stop(text: str) -> bool:
    if lex.STOP_CHARS.search(text):
        return True
    if not lex.STOP_WORDS.search(text):
        return False
    return not lex.NOT_STOP.search(text)


def _is_start(text: str) -> bool:
    if _has(text, lex.START_WORDS, lex.START_CHARS):
        return True
    again = _has(text, lex.AGAIN, lex.AGAIN_CHARS)
    return again and bool(lex.RECEIVE.search(text)) and not lex.WRONG_WORDS.search(text)


def _language_asked_for(text: str) -> str | None:
    """The language a reply asks to switch to: the last one named that is neither negated
    nor said to be unreadable."""
    named: list[tuple[int, str]] = []
    for code, pattern in lex.LANGUAGE_NAMES.items():
        for match in pattern.finditer(text):
            before, after = text[: match.start()], text[match.end() :]
            if lex.NEGATION_BEFORE.search(before) or lex.UNREAD_BEFORE.search(before):
                continue
            if lex.UNREAD_AFTER.search(after):
                continue
            named.append((match.start(), code))
    if not named:
        return None
    short = len(_words_of(text)) <= 3
    if short or _has(text, lex.LANGUAGE_CUES, lex.LANGUAGE_CUE_CHARS):
        return max(named)[1]
    return None


def _is_question(text: str) -> bool:
    return "?" in text or _has(text, lex.QUESTION_WORDS, lex.QUESTION_CHARS)


def _reports_done(text: str) -> bool:
    if not _has(text, lex.DONE_WORDS, lex.DONE_CHARS):
        return False
    return not _has(text, lex.NEGATED_DONE, lex.NEGATED_DONE_CHARS)


def classify(text: str) -> Classification:
    """The intent of a free-text reply, with the item number it names and any language asked."""
    norm = correct_slips(normalise(text).strip())
    if not norm:
        return Classification(Intent.SMALLTALK, confident=False)
    if set(norm) <= set("?？¿ "):
        return Classification(Intent.HELP)
    ref = item_reference(norm)
    if _is_stop(norm):
        return Classification(Intent.STOP)
    if _is_start(norm) and not _is_question(norm.replace("?", "")):
        return Classification(Intent.START)
    language = _language_asked_for(norm)
    if language is not None:
        return Classification(Intent.CHANGE_LANGUAGE, language=language)
    if _has(norm, lex.OTHER_LANGUAGE_NAMES, lex.OTHER_LANGUAGE_CHARS) and (
        len(_words_of(norm)) <= 3 or _has(norm, lex.LANGUAGE_CUES, lex.LANGUAGE_CUE_CHARS)
    ):
        # A language we do not offer: the answer says which ones we do.
        return Classification(Intent.CHANGE_LANGUAGE)
    question = _is_question(norm)
    if _has(norm, lex.WRONG_WORDS, lex.WRONG_CHARS) or (
        not question and _has(norm, lex.CORRECTION_WORDS, lex.CORRECTION_CHARS)
    ):
        return Classification(Intent.REPORT_ERROR, ref)
    if _has(norm, lex.HELP_WORDS, lex.HELP_CHARS) and not lex.HELP_AT_EVENT.search(norm):
        return Classification(Intent.HELP)
    if _reports_done(norm) and not (question and lex.ASKING_OPENERS.search(norm)):
        # "2号完成": next to a completion, a day-of-month suffix points at an item.
        dated = _DATE_LIKE_REF.search(norm) if ref is None else None
        if dated:
            return Classification(Intent.DONE, int(dated.group(1)))
        if ref is None:
            ref = item_reference_in_words(norm)
        return Classification(Intent.DONE, ref, item_refs=tuple(item_references(norm)))
    if _only_a_number(norm):
        return Classification(Intent.DONE, ref)
    if question:
        return Classification(Intent.QUERY, ref)
    if _has(norm, lex.SMALLTALK_WORDS, lex.SMALLTALK_CHARS) or not re.search(r"\w", norm):
        return Classification(Intent.SMALLTALK)
    # A sentence we cannot place is most often a question without its question mark; the
    # answer path says plainly when nothing fits and asks the school.
    if len(_words_of(norm)) >= 3:
        return Classification(Intent.QUERY, ref, confident=False)
    return Classification(Intent.SMALLTALK, confident=False)


def classify_reply_id(reply_id: str, title: str | None = None) -> Classification:
    """A tap on one of our buttons or list rows; an id we did not make falls back to its title."""
    match = REPLY_ID.match(reply_id.strip().lower())
    if match:
        kind, arg = match.groups()
        if kind == "done":
            return Classification(Intent.DONE, int(arg) if arg and arg.isdigit() else None)
        if kind == "lang" and arg in lex.LANGUAGE_NAMES:
            return Classification(Intent.CHANGE_LANGUAGE, language=arg)
        if kind == "report":
            return Classification(Intent.REPORT_ERROR, int(arg) if arg and arg.isdigit() else None)
        if kind != "lang":
            return Classification(Intent(kind))
    return classify(title or reply_id)


_TAGALOG_MARKERS = lex._words(
    r"po",
    r"na",
    r"ng",
    r"yung",
    r"ang",
    r"ko",
    r"ba",
    r"lang",
    r"naman",
    r"salamat",
    r"opo",
    r"ano",
    r"saan",
    r"kailan",
    r"paano",
    r"mali",
    r"tapos",
    r"ito",
    r"sa",
    r"mga",
    r"ulit",
    r"muli",
    r"paki\w+",
    r"pwede|puwede",
    r"sige",
    r"wala",
    r"hindi",
    r"kasi",
    r"ako",
    r"kayo",
    r"anak",
    r"bukas",
    r"ngayon",
)
_PUNJABI_MARKERS = lex._words(
    r"ji",
    r"kiven",
    r"kinne",
    r"vaje",
    r"ho\s+gaya",
    r"karo",
    r"ditta",
    r"nai",
    r"samajh",
    r"eh",
    r"aa",
    r"kithe",
    r"kado",
    r"dobara",
    r"shuru",
    r"tuhada",
    r"sanu",
    r"haan",
    # Verb families and postpositions of romanised Punjabi.
    r"bhej\w*",
    r"kar\s*d[eoi]",
    r"ho\s*g[iy]?a|ho\s*gi|hogya",
    r"ditt?[aeio]",
    r"chahid\w*",
    r"likhn\w*",
    r"ch",
    r"vich|wich",
    r"wal[aei]",
    r"kamm?",
    r"mainu|mainoo",
    r"tusi|tussi|asi|assi",
    r"nahi|nahin",
    r"paise",
    r"kadon?",
    r"thik|theek",
    r"hunda|hundi|aunda|aundi",
    r"sat\s+sri\s+akal",
)


def detect_language(text: str) -> str:
    """The language a reply is written in (en, pa, tl, zh), from its script and common words."""
    if re.search(r"[\u0a00-\u0a7f]", text):
        return "pa"
    if re.search(r"[\u4e00-\u9fff]", text):
        return "zh"
    norm = normalise(text)
    tagalog = len(_TAGALOG_MARKERS.findall(norm))
    punjabi = len(_PUNJABI_MARKERS.findall(norm))
    if max(tagalog, punjabi) == 0:
        return "en"
    return "tl" if tagalog >= punjabi else "pa"
