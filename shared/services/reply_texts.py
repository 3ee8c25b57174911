"""What the webhook says back, in the parent's language (en, pa, tl, zh).

Short texts for a phone screen. Item titles stay in the language the school wrote them in
(translation of item text is the Translator's job, not this module's). When the digest issue's
Babel catalogs land, these strings move into them; the keys stay.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from shared.models import Item

TEXTS: dict[str, dict[str, str]] = {
    "done": {
        "en": "✅ Marked done: {title}. Thank you!",
        "pa": "✅ ਹੋ ਗਿਆ ਵਜੋਂ ਦਰਜ: {title}। ਧੰਨਵਾਦ!",
        "tl": "✅ Tapos na: {title}. Salamat po!",
        "zh": "✅ 已标记完成：{title}。谢谢！",
    },
    "done_already": {
        "en": "{title} was already marked done.",
        "pa": "{title} ਪਹਿਲਾਂ ਹੀ ਹੋ ਗਿਆ ਵਜੋਂ ਦਰਜ ਹੈ।",
        "tl": "Naka-marka na pong tapos ang {title}.",
        "zh": "{title} 之前已标记完成。",
    },
    "done_which": {
        "en": "Which item did you finish? Reply DONE and its number:\n{choices}",
        "pa": "ਤੁਸੀਂ ਕਿਹੜਾ ਕੰਮ ਪੂਰਾ ਕੀਤਾ? DONE ਅਤੇ ਉਸਦਾ ਨੰਬਰ ਭੇਜੋ:\n{choices}",
        "tl": "Alin po ang natapos ninyo? I-reply ang DONE at ang numero:\n{choices}",
        "zh": "您完成了哪一项？请回复 DONE 加编号：\n{choices}",
    },
    "done_out_of_range": {
        "en": "Your latest digest has items 1 to {count}. Which one did you finish?\n{choices}",
        "pa": "ਤੁਹਾਡੇ ਆਖ਼ਰੀ ਸੁਨੇਹੇ ਵਿੱਚ 1 ਤੋਂ {count} ਤੱਕ ਕੰਮ ਹਨ। ਕਿਹੜਾ ਪੂਰਾ ਹੋਇਆ?\n{choices}",
        "tl": (
            "May {count} item po ang huling digest (1 hanggang {count}). "
            "Alin po ang natapos?\n{choices}"
        ),
        "zh": "您最近的摘要只有第1到第{count}项。您完成了哪一项？\n{choices}",
    },
    "nothing_open": {
        "en": "You have nothing to do right now. We'll send the next digest soon.",
        "pa": "ਇਸ ਵੇਲੇ ਤੁਹਾਡੇ ਲਈ ਕੋਈ ਕੰਮ ਨਹੀਂ ਹੈ। ਅਗਲਾ ਸੁਨੇਹਾ ਜਲਦੀ ਆਵੇਗਾ।",
        "tl": "Wala po kayong kailangang gawin ngayon. Darating po ang susunod na digest.",
        "zh": "您目前没有待办事项。下一期摘要很快就会发送。",
    },
    "help": {
        "en": (
            "How to reply:\n• DONE 2 — you finished item 2\n• Ask a question, e.g. "
            '"when is the concert?"\n• "Item 3 is wrong" — tell the school\n'
            "• ਪੰਜਾਬੀ / Tagalog / 中文 / English — change language\n• STOP — no more messages"
        ),
        "pa": (
            "ਜਵਾਬ ਕਿਵੇਂ ਦੇਣਾ ਹੈ:\n• DONE 2 — ਕੰਮ 2 ਪੂਰਾ ਹੋ ਗਿਆ\n• ਸਵਾਲ ਪੁੱਛੋ, ਜਿਵੇਂ "
            '"ਕੰਸਰਟ ਕਦੋਂ ਹੈ?"\n• "ਨੰਬਰ 3 ਗਲਤ ਹੈ" — ਸਕੂਲ ਨੂੰ ਦੱਸੋ\n'
            "• English / Tagalog / 中文 / ਪੰਜਾਬੀ — ਭਾਸ਼ਾ ਬਦਲੋ\n• STOP — ਸੁਨੇਹੇ ਬੰਦ"
        ),
        "tl": (
            "Paano mag-reply:\n• DONE 2 — tapos na ang item 2\n• Magtanong, hal. "
            '"kailan ang concert?"\n• "Mali ang #3" — sabihan ang paaralan\n'
            "• English / ਪੰਜਾਬੀ / 中文 / Tagalog — palitan ang wika\n• STOP — itigil ang mga mensahe"
        ),
        "zh": (
            "如何回复：\n• DONE 2 — 第2项已完成\n• 直接提问，例如“音乐会是什么时候？”\n"
            "• “第3项有错” — 告诉学校\n• English / ਪੰਜਾਬੀ / Tagalog / 中文 — 更换语言\n"
            "• STOP — 不再接收消息"
        ),
    },
    "answer": {
        "en": "{title}: {when}{place}",
        "pa": "{title}: {when}{place}",
        "tl": "{title}: {when}{place}",
        "zh": "{title}：{when}{place}",
    },
    "answer_place": {
        "en": ", at {place}",
        "pa": ", ਥਾਂ: {place}",
        "tl": ", sa {place}",
        "zh": "，地点：{place}",
    },
    "answer_undated": {
        "en": "no date given",
        "pa": "ਕੋਈ ਤਾਰੀਖ ਨਹੀਂ ਦਿੱਤੀ",
        "tl": "walang petsang nakasaad",
        "zh": "未注明日期",
    },
    "answer_unsaid": {
        "en": "{answer} — the newsletter does not say {what}. {asked}",
        "pa": "{answer} — ਨਿਊਜ਼ਲੈਟਰ ਵਿੱਚ {what} ਬਾਰੇ ਨਹੀਂ ਦੱਸਿਆ ਗਿਆ। {asked}",
        "tl": "{answer} — hindi po sinasabi ng newsletter {what}. {asked}",
        "zh": "{answer}——通知里没有写明{what}。{asked}",
    },
    "asked_the_school": {
        "en": "I've asked the school; they will answer you here.",
        "pa": "ਮੈਂ ਸਕੂਲ ਨੂੰ ਪੁੱਛ ਲਿਆ ਹੈ, ਉਹ ਤੁਹਾਨੂੰ ਇੱਥੇ ਜਵਾਬ ਦੇਣਗੇ।",
        "tl": "Tinanong ko na po ang paaralan; sasagutin nila kayo dito.",
        "zh": "我已经替您问了学校，学校会在这里回复您。",
    },
    "dont_know": {
        "en": "I don't know yet, I've asked the school. They will answer you here.",
        "pa": "ਮੈਨੂੰ ਅਜੇ ਪਤਾ ਨਹੀਂ, ਮੈਂ ਸਕੂਲ ਨੂੰ ਪੁੱਛ ਲਿਆ ਹੈ। ਉਹ ਤੁਹਾਨੂੰ ਇੱਥੇ ਜਵਾਬ ਦੇਣਗੇ।",
        "tl": "Hindi ko pa po alam, tinanong ko na ang paaralan. Sasagutin po nila kayo dito.",
        "zh": "我还不知道，已经替您问了学校。学校会在这里回复您。",
    },
    "report_item": {
        "en": 'Thank you, I\'ve told the school about "{title}". They will check it.',
        "pa": 'ਧੰਨਵਾਦ, ਮੈਂ ਸਕੂਲ ਨੂੰ "{title}" ਬਾਰੇ ਦੱਸ ਦਿੱਤਾ ਹੈ। ਉਹ ਜਾਂਚ ਕਰਨਗੇ।',
        "tl": (
            'Salamat po, sinabihan ko na ang paaralan tungkol sa "{title}". Titingnan po nila ito.'
        ),
        "zh": "谢谢，我已把“{title}”的问题告诉学校，他们会核实。",
    },
    "report": {
        "en": "Thank you, I've passed this on to the school. They will check it.",
        "pa": "ਧੰਨਵਾਦ, ਮੈਂ ਇਹ ਸਕੂਲ ਨੂੰ ਦੱਸ ਦਿੱਤਾ ਹੈ। ਉਹ ਜਾਂਚ ਕਰਨਗੇ।",
        "tl": "Salamat po, ipinaalam ko na ito sa paaralan. Titingnan po nila ito.",
        "zh": "谢谢，我已转告学校，他们会核实。",
    },
    "stopped": {
        "en": (
            "You won't get any more messages from us, on WhatsApp or SMS. Reply START to come "
            "back. School closures are always posted on the school's website."
        ),
        "pa": (
            "ਤੁਹਾਨੂੰ ਹੁਣ WhatsApp ਜਾਂ SMS 'ਤੇ ਸਾਡੇ ਵੱਲੋਂ ਕੋਈ ਸੁਨੇਹਾ ਨਹੀਂ ਆਵੇਗਾ। ਵਾਪਸ ਆਉਣ ਲਈ START "
            "ਭੇਜੋ। ਸਕੂਲ ਬੰਦ ਹੋਣ ਦੀ ਖ਼ਬਰ ਹਮੇਸ਼ਾ ਸਕੂਲ ਦੀ ਵੈੱਬਸਾਈਟ 'ਤੇ ਹੁੰਦੀ ਹੈ।"
        ),
        "tl": (
            "Hindi na po kayo makakatanggap ng mensahe mula sa amin sa WhatsApp o SMS. I-reply "
            "ang START para bumalik. Laging naka-post sa website ng paaralan ang mga pagsasara."
        ),
        "zh": (
            "您将不再通过 WhatsApp 或短信收到我们的消息。回复 START 即可恢复。"
            "停课通知会一直公布在学校网站上。"
        ),
    },
    "started": {
        "en": "Welcome back! You'll get the weekly digest again. Reply STOP any time.",
        "pa": "ਜੀ ਆਇਆਂ ਨੂੰ! ਤੁਹਾਨੂੰ ਹਫ਼ਤਾਵਾਰੀ ਸੁਨੇਹਾ ਫਿਰ ਮਿਲੇਗਾ। ਕਦੇ ਵੀ STOP ਭੇਜ ਸਕਦੇ ਹੋ।",
        "tl": (
            "Maligayang pagbabalik! Matatanggap n'yo na ulit ang lingguhang digest. "
            "I-reply ang STOP kahit kailan."
        ),
        "zh": "欢迎回来！您将重新收到每周摘要。随时回复 STOP 即可退订。",
    },
    "opted_out": {
        "en": "You have stopped our messages. Reply START to get them again.",
        "pa": "ਤੁਸੀਂ ਸਾਡੇ ਸੁਨੇਹੇ ਬੰਦ ਕੀਤੇ ਹੋਏ ਹਨ। ਦੁਬਾਰਾ ਲੈਣ ਲਈ START ਭੇਜੋ।",
        "tl": "Itinigil n'yo po ang aming mga mensahe. I-reply ang START para matanggap ulit.",
        "zh": "您已退订我们的消息。回复 START 即可重新接收。",
    },
    "language_changed": {
        "en": "OK, from now on I'll write to you in English.",
        "pa": "ਠੀਕ ਹੈ, ਹੁਣ ਤੋਂ ਮੈਂ ਤੁਹਾਨੂੰ ਪੰਜਾਬੀ ਵਿੱਚ ਲਿਖਾਂਗਾ।",
        "tl": "Sige po, mula ngayon ay sa Tagalog na ako susulat.",
        "zh": "好的，今后我会用中文给您发消息。",
    },
    "languages_offered": {
        "en": "I can write to you in English, ਪੰਜਾਬੀ, Tagalog or 中文. Reply with the one you want.",
        "pa": "ਮੈਂ English, ਪੰਜਾਬੀ, Tagalog ਜਾਂ 中文 ਵਿੱਚ ਲਿਖ ਸਕਦਾ ਹਾਂ। ਜਿਹੜੀ ਚਾਹੀਦੀ ਹੈ, ਉਹ ਭੇਜੋ।",
        "tl": "Makakasulat ako sa English, ਪੰਜਾਬੀ, Tagalog o 中文. I-reply po ang gusto ninyo.",
        "zh": "我可以用 English、ਪੰਜਾਬੀ、Tagalog 或中文给您发消息，请回复您想要的语言。",
    },
    "smalltalk": {
        "en": "You're welcome! 😊",
        "pa": "ਜੀ, ਤੁਹਾਡਾ ਸੁਆਗਤ ਹੈ! 😊",
        "tl": "Walang anuman po! 😊",
        "zh": "不客气！😊",
    },
    "not_understood": {
        "en": "Sorry, I didn't understand. Reply HELP to see what I can do.",
        "pa": "ਮਾਫ਼ ਕਰਨਾ, ਮੈਨੂੰ ਸਮਝ ਨਹੀਂ ਆਈ। ਮੈਂ ਕੀ ਕਰ ਸਕਦਾ ਹਾਂ, ਇਹ ਵੇਖਣ ਲਈ HELP ਭੇਜੋ।",
        "tl": "Paumanhin po, hindi ko naintindihan. I-reply ang HELP para makita ang magagawa ko.",
        "zh": "抱歉，我没看懂。回复 HELP 查看我能做什么。",
    },
    "voice_unreadable": {
        "en": "Sorry, I couldn't make out that voice note. Please type your message.",
        "pa": "ਮਾਫ਼ ਕਰਨਾ, ਮੈਨੂੰ ਉਹ ਆਵਾਜ਼ੀ ਸੁਨੇਹਾ ਸਮਝ ਨਹੀਂ ਆਇਆ। ਕਿਰਪਾ ਕਰਕੇ ਲਿਖ ਕੇ ਭੇਜੋ।",
        "tl": "Paumanhin po, hindi ko naintindihan ang voice note. Paki-type po ang mensahe.",
        "zh": "抱歉，我没听清这条语音消息，请用文字发送。",
    },
    "voice_unavailable": {
        "en": "Sorry, I can't listen to voice notes yet. Please type your message.",
        "pa": "ਮਾਫ਼ ਕਰਨਾ, ਮੈਂ ਅਜੇ ਆਵਾਜ਼ੀ ਸੁਨੇਹੇ ਨਹੀਂ ਸੁਣ ਸਕਦਾ। ਕਿਰਪਾ ਕਰਕੇ ਲਿਖ ਕੇ ਭੇਜੋ।",
        "tl": "Paumanhin po, hindi pa ako nakakapakinig ng voice note. Paki-type po ang mensahe.",
        "zh": "抱歉，我暂时无法收听语音消息，请用文字发送。",
    },
    "unknown_sender": {
        "en": (
            "Hello! This number sends school updates to registered families only. Please ask "
            "your school's office to add your WhatsApp number."
        ),
        "pa": (
            "ਸਤ ਸ੍ਰੀ ਅਕਾਲ! ਇਹ ਨੰਬਰ ਸਿਰਫ਼ ਰਜਿਸਟਰਡ ਪਰਿਵਾਰਾਂ ਨੂੰ ਸਕੂਲ ਦੀਆਂ ਖ਼ਬਰਾਂ ਭੇਜਦਾ ਹੈ। ਕਿਰਪਾ ਕਰਕੇ "
            "ਆਪਣੇ ਸਕੂਲ ਦੇ ਦਫ਼ਤਰ ਨੂੰ ਆਪਣਾ WhatsApp ਨੰਬਰ ਜੋੜਨ ਲਈ ਕਹੋ।"
        ),
        "tl": (
            "Hello po! Ang numerong ito ay nagpapadala ng balita ng paaralan sa mga rehistradong "
            "pamilya lamang. Pakihiling po sa opisina ng inyong paaralan na idagdag ang inyong "
            "WhatsApp number."
        ),
        "zh": (
            "您好！本号码只向已登记的家庭发送学校通知。请联系您的学校办公室登记您的 WhatsApp 号码。"
        ),
    },
}

# What a newsletter may leave unsaid, as the "answer_unsaid" text names it, per detail kind of
# `shared.retrieval.details`, and how two of them are joined.
UNSAID_DETAILS: dict[str, dict[str, str]] = {
    "place": {"en": "where it is", "pa": "ਥਾਂ", "tl": "kung saan ito", "zh": "地点"},
    "cost": {"en": "how much it costs", "pa": "ਖ਼ਰਚੇ", "tl": "kung magkano", "zh": "费用"},
    "wear": {
        "en": "what to wear",
        "pa": "ਕੱਪੜਿਆਂ",
        "tl": "kung ano ang isusuot",
        "zh": "穿什么",
    },
    "bring": {
        "en": "what to bring",
        "pa": "ਨਾਲ ਲਿਆਉਣ ਵਾਲੀਆਂ ਚੀਜ਼ਾਂ",
        "tl": "kung ano ang dadalhin",
        "zh": "要带什么",
    },
    "parking": {
        "en": "anything about parking",
        "pa": "ਪਾਰਕਿੰਗ",
        "tl": "ang tungkol sa parking",
        "zh": "停车安排",
    },
    "food": {
        "en": "anything about food",
        "pa": "ਖਾਣੇ",
        "tl": "ang tungkol sa pagkain",
        "zh": "餐食安排",
    },
    "contact": {
        "en": "whom to contact",
        "pa": "ਸੰਪਰਕ",
        "tl": "kung sino ang kokontakin",
        "zh": "联系人",
    },
    "transport": {
        "en": "how they get there (bus or ride)",
        "pa": "ਆਵਾਜਾਈ (ਬੱਸ)",
        "tl": "ang tungkol sa sasakyan o bus",
        "zh": "交通安排（校车等）",
    },
    "childcare": {
        "en": "anything about childcare",
        "pa": "ਬੱਚਿਆਂ ਦੀ ਦੇਖਭਾਲ",
        "tl": "ang tungkol sa mag-aalaga ng bata",
        "zh": "托儿安排",
    },
}
_AND = {"en": " or ", "pa": " ਜਾਂ ", "tl": " o ", "zh": "或"}

_WEEKDAYS = {
    "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    "pa": ["ਸੋਮਵਾਰ", "ਮੰਗਲਵਾਰ", "ਬੁੱਧਵਾਰ", "ਵੀਰਵਾਰ", "ਸ਼ੁੱਕਰਵਾਰ", "ਸ਼ਨਿੱਚਰਵਾਰ", "ਐਤਵਾਰ"],
    "tl": ["Lunes", "Martes", "Miyerkules", "Huwebes", "Biyernes", "Sabado", "Linggo"],
    "zh": ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
}
_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "pa": [
        "ਜਨਵਰੀ",
        "ਫ਼ਰਵਰੀ",
        "ਮਾਰਚ",
        "ਅਪ੍ਰੈਲ",
        "ਮਈ",
        "ਜੂਨ",
        "ਜੁਲਾਈ",
        "ਅਗਸਤ",
        "ਸਤੰਬਰ",
        "ਅਕਤੂਬਰ",
        "ਨਵੰਬਰ",
        "ਦਸੰਬਰ",
    ],
    "tl": ["Ene", "Peb", "Mar", "Abr", "May", "Hun", "Hul", "Ago", "Set", "Okt", "Nob", "Dis"],
}


def text(key: str, language: str, **values: object) -> str:
    """The text `key` in `language` (English when a language lacks it), filled in."""
    variants = TEXTS[key]
    return variants.get(language, variants["en"]).format(**values)


def format_date(day: date, language: str) -> str:
    weekday = _WEEKDAYS.get(language, _WEEKDAYS["en"])[day.weekday()]
    if language == "zh":
        return f"{day.month}月{day.day}日（{weekday}）"
    month = _MONTHS.get(language, _MONTHS["en"])[day.month - 1]
    return f"{weekday} {month} {day.day}" if language == "en" else f"{weekday}, {day.day} {month}"


def format_time(moment: time) -> str:
    return moment.strftime("%H:%M")


def describe_when(item: Item, language: str) -> str:
    """'Fri Oct 20, 18:00–19:30' in the reader's language; says so when there is no date."""
    if item.start_date is None:
        return text("answer_undated", language)
    when = format_date(item.start_date, language)
    if item.end_date and item.end_date != item.start_date:
        when += " – " + format_date(item.end_date, language)
    if item.start_time:
        when += ", " + format_time(item.start_time)
        if item.end_time:
            when += "–" + format_time(item.end_time)
    return when


def answer_for(item: Item, language: str) -> str:
    """The offline answer to a question: the best item, its date, time and place."""
    place = text("answer_place", language, place=item.location) if item.location else ""
    return text(
        "answer", language, title=item.title, when=describe_when(item, language), place=place
    )


def unsaid_answer_for(item: Item, unsaid: Sequence[str], language: str) -> str:
    """The item found, and what the question asked that its newsletter does not say."""
    names = [UNSAID_DETAILS[key] for key in unsaid if key in UNSAID_DETAILS]
    what = _AND.get(language, _AND["en"]).join(n.get(language, n["en"]) for n in names)
    return text(
        "answer_unsaid",
        language,
        answer=answer_for(item, language),
        what=what,
        asked=text("asked_the_school", language),
    )


def numbered_choices(titles: list[tuple[int, str]]) -> str:
    return "\n".join(f"{number}. {title}" for number, title in titles)
