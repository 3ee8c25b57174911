"""What a notice written wholly in Chinese, Tagalog or Punjabi says it is and asks for.

The English rules read English words; a newsletter with no English needs the same kinds
of cue in its own language: a day off, a cut-off, a meeting, a sale, a call for helpers,
and what the family must sign, bring, pay or register. Titles stay in the text's own
language, with the date's leftovers (a weekday in brackets, "before", a time word) cut.
"""

from __future__ import annotations

import re

from shared.models import ItemAction, ItemCategory

# Category cues, most specific first, as the English rules order them.
_CATEGORY_CUES: tuple[tuple[ItemCategory, re.Pattern[str]], ...] = (
    (
        ItemCategory.CLOSURE,
        re.compile(
            r"放假|不上课|停课|休假|假期|学校关闭|休息日|放半天|提早放学"
            r"|\bwalang pasok\b|\bsarado ang (?:paaralan|eskwelahan)\b|\bbakasyon\b"
            r"|ਛੁੱਟੀ|ਸਕੂਲ ਬੰਦ|ਬੰਦ ਰਹੇਗਾ",
            re.I,
        ),
    ),
    (
        ItemCategory.DEADLINE,
        re.compile(
            r"截止|之前|以前|前交|前提交|前报名|前回复|前缴"
            r"|\bbago (?:ang|sumapit)\b|\bhanggang\b|\bhuling araw\b"
            r"|ਤੱਕ|ਆਖਰੀ ਮਿਤੀ|ਆਖ਼ਰੀ ਤਾਰੀਖ",
            re.I,
        ),
    ),
    (
        ItemCategory.VOLUNTEER,
        re.compile(r"义工|志愿者|志工|\bboluntaryo\b|ਵਲੰਟੀਅਰ|ਸੇਵਾਦਾਰ", re.I),
    ),
    (
        ItemCategory.FUNDRAISER,
        re.compile(r"义卖|筹款|募捐|\bpangangalap ng pondo\b|\bfundraising\b|ਫੰਡ|ਦਾਨ", re.I),
    ),
    (
        ItemCategory.MEETING,
        re.compile(
            r"家长会|会议|面谈|座谈|说明会|\bpulong\b|\bpagpupulong\b|ਮੀਟਿੰਗ|ਮਿਲਣੀ|ਬੈਠਕ", re.I
        ),
    ),
)

# What the family is asked to do, by the verb of the request.
_ACTION_CUES: tuple[tuple[ItemAction, re.Pattern[str]], ...] = (
    (ItemAction.SIGN, re.compile(r"签名|签字|同意书|\bpirmahan\b|ਦਸਤਖਤ|ਸਹਿਮਤੀ", re.I)),
    (ItemAction.PAY, re.compile(r"缴费|付款|交费|\bmagbayad\b|\bbayad\b|ਫੀਸ|ਭੁਗਤਾਨ", re.I)),
    (
        ItemAction.REGISTER,
        re.compile(r"报名|登记|注册|\bmagparehistro\b|\bmagpalista\b|ਰਜਿਸਟਰ|ਨਾਮ ਦਰਜ", re.I),
    ),
    (ItemAction.RSVP, re.compile(r"回复|\bsumagot\b|ਜਵਾਬ", re.I)),
    (
        ItemAction.BRING,
        re.compile(
            r"带来|带上|请带|交回|交给|穿上|\bdalhin\b|\bmagdala\b|\bibalik\b|\bisuot\b"
            r"|ਲਿਆਓ|ਲੈ ਕੇ ਆ|ਵਾਪਸ ਕਰੋ|ਪਹਿਨ",
            re.I,
        ),
    ),
)

# Latin letters outside English: Tagalog is read as Latin text, so it needs its own
# words to be told from English.
_TAGALOG = re.compile(r"\b(?:ang|ng|mga|sa|ay|walang|wala|bago|po|kami|namin|ninyo)\b", re.I)
_NON_LATIN = re.compile(r"[\u0a00-\u0a7f\u3400-\u9fff]")


def in_other_language(text: str) -> bool:
    """Whether the text is Chinese, Punjabi or Tagalog rather than English."""
    return bool(_NON_LATIN.search(text) or _TAGALOG.search(text))


def category_in(text: str) -> ItemCategory | None:
    for category, cue in _CATEGORY_CUES:
        if cue.search(text):
            return category
    return None


def action_in_language(text: str) -> ItemAction | None:
    for action, cue in _ACTION_CUES:
        if cue.search(text):
            return action
    return None


# What a date leaves behind in a title: "（星期五）", "星期五）", "前", "请在", "晚上".
_LEFTOVERS = re.compile(
    r"^[\s(（]*(?:星期|周|礼拜)[一二三四五六日天][)）]?\s*|^[\s,，、：:）)]+"
    r"|^(?:请在|请于|请|在|于|前|之前|以前|(?:早上|上午|中午|下午|晚上|傍晚))+\s*"
    r"|[\s。，、；！!.,;:：।]+$"
    r"|\s+(?:bago ang|hanggang|ng (?:umaga|hapon|gabi))\s*$|^ng (?:umaga|hapon|gabi)\b[\s:：]*"
    r"|^(?:ਤੱਕ|ਨੂੰ|ਤੋਂ)\s+|^(?:ਸ਼ਾਮ|ਸਵੇਰੇ|ਦੁਪਹਿਰ)?\s*(?:ਵਜੇ)?\s*[:：]?\s*",
    re.I,
)


def tidy_native_title(text: str) -> str:
    """A title in the text's own language without the date's leftovers."""
    previous = None
    text = text.strip()
    while previous != text:
        previous = text
        text = _LEFTOVERS.sub("", text).strip()
    return text[:1].upper() + text[1:]
