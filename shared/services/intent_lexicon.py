"""The words parents use, by intent and language (English, Punjabi in Gurmukhi and romanised,
Tagalog/Taglish, Chinese), as regular expressions over normalised text (see intents.normalise).

Latin-script cues are matched on word boundaries; Chinese and Gurmukhi cues as substrings.
Each list is a kind of phrasing, not a list of sentences: a verb of completion, a word for
"wrong", a language's name. Add a new kind here rather than a special case in the classifier.
"""

from __future__ import annotations

import re

LATIN_WORD = r"(?<![a-z0-9]){}(?![a-z0-9])"


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(LATIN_WORD.format(f"(?:{p})") for p in patterns))


def _chars(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


# ---------------------------------------------------------------- stop: opt out of everything
STOP_WORDS = _words(
    r"stop+",
    r"unsub\w*",
    r"opt(?:ing)?[\s-]?out",
    r"cancel(?:l?ed)?\s+(?:my\s+)?(?:subscription|messages|texts|alerts|reminders|these|this|all)",
    r"no\s+more\s+(?:messages|texts|msgs?|reminders|alerts|notifications)",
    r"(?:do\s*n[o']?t|dont|never)\s+(?:send|text|message|msg|contact)\s+me",
    r"remove\s+me",
    r"(?:do\s*n[o']?t|dont|no\s+longer)\s+(?:want|need)\s+(?:these|any|your|the|this)?\s*(?:messages|texts|msgs?|reminders|alerts|notifications|updates)",
    r"take\s+me\s+off",
    r"leave\s+me\s+alone",
    r"quit",
    # The keywords SMS carriers honour, sent on their own.
    r"^\W*(?:end|cancel|stop\s*all)\W*$",
    # Tagalog / Taglish
    r"pa[\s-]?stop",
    r"(?:paki-?|pa-?)?(?:i)?tigil\w*",
    r"(?:huwag|wag)\s+(?:n(?:a|yo|inyo)\s+)?(?:na\s+)?(?:po\s+)?(?:(?:ako|akong|akin)\s+)?(?:mag|i-?)?(?:send|text|padala|message)\w*",
    r"ayoko\s+na",
    r"ayaw\s+(?:ko|namin)\s+na",
    # Punjabi (romanised)
    r"band\s+kar(?:o|do|\s+do|\s+dio|\s+deo)?",
    r"bnd\s+kr\w*",
    r"(?:na|mat|nahi|nai)\s+bhej\w*",
    r"rok\s+(?:do|dio|deo)",
)
STOP_CHARS = _chars(
    r"退订",
    r"取消(?:订阅|通知|消息|提醒|短信)",
    r"^\W*取消\W*$",
    r"^\W*退出\W*$",
    r"(?:不要|别|不用)再?(?:给我)?(?:发|傳|传)",
    r"停止(?:发送|接收|通知|订阅)?",
    r"停发",
    r"ਬੰਦ\s*ਕਰ",
    r"(?:ਨਾ|ਨਹੀਂ)\s*ਭੇਜ",
    r"ਰੋਕ\s*ਦ",
)
# "stop" that is about a place or a visit, not about our messages.
NOT_STOP = _words(r"bus\s+stops?", r"stop\s+by", r"stop\s+in", r"pit\s+stop")

# ---------------------------------------------------------------- start: opt back in
START_WORDS = _words(
    r"start",
    r"restart",
    r"re-?subscribe",
    r"subscribe",
    r"opt(?:ing)?[\s-]?in",
    r"unstop",
    r"resume",
    r"sign\s+me\s+(?:back\s+)?up",
    r"turn\s+(?:\w+\s+)?(?:back\s+)?on",
    # Tagalog verbs take a request prefix: "pakisimulan", "pakiumpisahan".
    r"(?:paki-?)?simul\w*",
    r"(?:paki-?)?umpisa\w*",
    r"shuru",
    r"chalu\s+kar\w*",
)
START_CHARS = _chars(
    r"重新订阅",
    r"订阅",
    r"恢复",
    r"重新开始",
    r"开始接收",
    r"继续(?:发|接收)",
    r"ਸ਼ੁਰੂ",
    r"ਸੁਰੂ",
    r"ਚਾਲੂ",
)
# Something we send, wanted again: "send me the reminders again", "padalhan ulit".
AGAIN = _words(r"again", r"back", r"ulit", r"muli", r"dobara", r"dubara", r"fir\s+to", r"phir\s+se")
AGAIN_CHARS = _chars(r"再", r"重新", r"ਦੁਬਾਰਾ", r"ਫਿਰ")
RECEIVE = _words(
    r"get\w*",
    r"receiv\w*",
    r"send\w*",
    r"messages?",
    r"texts?",
    r"reminders?",
    r"alerts?",
    r"updates?",
    r"(?:mag|i|ma)?padal\w*",
    r"(?:maka|ma|tu)?tanggap\w*",
    r"bhej\w*",
    r"subscri\w*",
)

# ---------------------------------------------------------------- change of language
LANGUAGE_NAMES: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        LATIN_WORD.format(r"(?:english|eng|ingles|inglés|angrezi|angreji|ingglis)")
        + r"|英文|英语|英語|ਅੰਗਰੇਜ਼ੀ|ਅੰਗਰੇਜੀ"
    ),
    "pa": re.compile(
        LATIN_WORD.format(r"(?:punjabi|panjabi|punjaabi|pan?jabi|gurmukhi)")
        + r"|旁遮普|ਪੰਜਾਬੀ|ਗੁਰਮੁਖੀ"
    ),
    "zh": re.compile(
        LATIN_WORD.format(r"(?:chinese|mandarin|tsino|intsik|chini|cheeni|zhongwen)")
        + r"|中文|汉语|漢語|华语|華語|国语|國語|普通话|简体|繁体|ਚੀਨੀ"
    ),
    "tl": re.compile(
        LATIN_WORD.format(r"(?:tagalog|filipino|pilipino|tagalug)") + r"|他加禄|菲律宾语|ਤਾਗਾਲੋਗ"
    ),
}
# Languages we are asked for and do not offer yet: the answer lists those we do.
OTHER_LANGUAGE_NAMES = _words(
    r"spanish|espa[nñ]ol|french|fran[cç]ais|vietnamese|korean|arabic|urdu|farsi|persian",
    r"russian|japanese|portuguese|ukrainian|tamil|hindustani|gujarati|bengali|somali",
)
# The same names in the scripts our families write ("hindi" in Latin letters is Tagalog's
# "no", so Hindi is only read in Gurmukhi, Devanagari or Chinese).
OTHER_LANGUAGE_CHARS = _chars(
    r"ਹਿੰਦੀ",
    r"ਉਰਦੂ",
    r"हिंदी|हिन्दी",
    r"西班牙",
    r"法语|法文",
    r"韩语|韓語|韩文",
    r"越南",
    r"日语|日文|日語",
    r"印地",
    r"阿拉伯",
)
LANGUAGE_CUES = _words(
    r"switch\w*",
    r"chang\w*",
    r"in",
    r"into",
    r"to",
    r"language",
    r"lang",
    r"prefer\w*",
    r"translat\w*",
    r"version",
    r"only",
    r"instead",
    r"wika",
    r"salita",
    r"na\s+lang",
    r"nalang",
    r"sa",
    r"vich",
    r"wich",
    r"ch",
    r"bolī|boli",
    r"bhasha",
    r"please|pls|plz",
    r"po",
    r"ji",
)
LANGUAGE_CUE_CHARS = _chars(
    r"改",
    r"换",
    r"換",
    r"用",
    r"成",
    r"切换",
    r"语言",
    r"请",
    r"发",
    r"版",
    r"要",
    r"ਵਿੱਚ",
    r"ਵਿਚ",
    r"ਚ\b",
    r"ਭਾਸ਼ਾ",
    r"ਭੇਜੋ",
)
# A language named right after a negation or a contrast is the one to leave ("not English",
# "instead of Chinese", "而不是英文"); the negation is a whole word ("aundi" is not "di").
NEGATION_BEFORE = re.compile(
    r"(?:(?<![a-z])(?:not|no|hindi|di|nahi|nai|instead\s+of|rather\s+than|in\s+place\s+of|"
    r"other\s+than|sa\s+halip\s+na)|不是|不要|而非|非|不用|别用|ਨਹੀਂ)\W*$"
)
# ... or one the family says it cannot read: "can't read English", "看不懂英文",
# "hindi ako marunong mag-English", "english samajh nahi aundi", "英文看不懂".
UNREAD_BEFORE = re.compile(
    r"(?:(?<![a-z])(?:can'?t|cannot|can\s+not|don'?t|do\s+not|doesn'?t|does\s+not)\s+"
    r"(?:read|understand|speak|follow|know)(?:\s+[a-z]+){0,2}"
    r"|(?<![a-z])hindi\s+(?:\w+\s+){0,2}(?:marunong|maintindihan|nakakaintindi|makabasa)"
    r"(?:\s+(?:mag|ng|sa))?-?"
    r"|看不懂|听不懂|不懂|不会看|不会读|不太会|不认识)\s*$"
)
UNREAD_AFTER = re.compile(
    r"^\W*(?:(?:samajh?|samaj)\s+(?:nahi|nai|ni)|(?:nahi|nai|ni)\s+(?:aundi|aunda|samajh?)"
    r"|(?:is\s+)?(?:too\s+)?(?:hard|difficult)(?![a-z])|mahirap(?![a-z])"
    r"|ਸਮਝ\s*ਨਹੀਂ|ਨਹੀਂ\s*ਆਉਂਦੀ|ਔਖੀ|(?:我|他|她)?(?:看不懂|不懂|不会|不太懂))"
)

# ---------------------------------------------------------------- report an error in an item
WRONG_WORDS = _words(
    r"wrong",
    r"incorrect",
    r"mistakes?",
    r"mistaken",
    r"typo",
    r"errors?",
    r"inaccurate",
    r"not\s+(?:right|correct|accurate)",
    r"isn'?t\s+(?:right|correct)",
    r"(?:is|looks|seems)\s+off",
    r"mali",
    r"hindi\b[\w\s]{0,20}\btama(?:ng)?",
    r"di\s+(?:po\s+)?tama",
    r"galat|glt|ghalat|galti|ghalti",
    r"(?:does\s*n'?t|doesnt|do\s*n'?t|dont|not)\s+match",
    r"sahi\s+(?:nahi|nai)",
)
WRONG_CHARS = _chars(
    r"错", r"錯", r"不对", r"不對", r"有误", r"有誤", r"不正确", r"ਗਲਤ", r"ਗ਼ਲਤ", r"ਸਹੀ\s*ਨਹੀਂ"
)
# Weaker: a correction that only reads as one outside a question.
CORRECTION_WORDS = _words(
    r"should\s+be",
    r"supposed\s+to\s+be",
    r"actually\s+(?:is|it'?s|on|at)",
    r"(?:says?|said|shows?|showed|reads?)\s+[^,.?]*\bbut\b",
    r"\bbut\s+(?:you|it|the\s+\w+)\s+(?:wrote|says?|said|put|listed|shows?)",
    r"you\s+(?:put|wrote|said|listed|have)\b[^?]*\bbut\b",
    r"not\s+the\s+\d",
    # "it isn't on the 12th, it's the 13th": a negation, then what is true instead.
    r"(?:is\s*n'?t|is\s+not|was\s*n'?t|not)\b[^?.]{0,40}[,;]\s*(?:it'?s|its|it\s+is)",
    r"dapat\s+(?:po\s+)?(?:ay\s+)?",
    r"hona\s+chahi\w*",
)
CORRECTION_CHARS = _chars(r"应该是", r"應該是", r"应该在", r"不是.{1,8}是", r"ਹੋਣਾ\s*ਚਾਹੀਦਾ")

# ---------------------------------------------------------------- help with the service itself
HELP_WORDS = _words(
    r"help",
    r"halp",
    r"hlp",
    r"how\s+(?:does|do)\s+(?:this|it|these|that)\s+work",
    r"how\s+(?:do|should|can|am|are|would)\s+(?:i|we)\s+(?:supposed\s+to\s+)?(?:use|reply|answer|respond|mark|text)",
    r"how\s+to\s+(?:use|reply|answer|respond)",
    r"what\s+(?:do|should|can|am)\s+(?:i|we)\s+(?:supposed\s+to\s+)?(?:reply|type|send|write|say|answer|respond|text|do\s+with)",
    r"(?:these|the)\s+numbers?\s+mean",
    r"what\s+(?:am\s+i|are\s+we|do\s+i)\s+(?:meant|supposed)\s+to",
    r"(?:i\s+)?(?:do\s*n[o']?t|dont)\s+(?:understand|get\s+it)",
    r"confus\w*",
    r"commands?",
    r"menu",
    r"options",
    r"^\W*p(?:a)?an[ou]\s+(?:po\s+)?(?:ba\s+)?(?:ito|to|iyan|yan)\W*$",
    r"ki(?:ven|ve|dda?n)\s+(?:vart|use|istemaal)\w*",
    r"(?:who|what)\s+is\s+this\s+(?:number|service|chat|account)",
    r"ano\b[\w\s]{0,16}\b(?:gagawin|gawin)\s+(?:ko|namin)",
    r"instructions?",
    r"what(?:'s|s|\s+is)\s+(?:this|these)\W*$",
    r"what\s+does\s+(?:this|that|it)\s+mean",
    r"ibig\s+(?:pong\s+)?sabihin\s+(?:po\s+)?(?:nito|neto|ito|nyan|niyan|ng\s+(?:mga\s+)?numero)",
    r"(?:eh?\s+da\s+)?ki\s+matlab",
    r"tulong",
    r"p(?:a)?an[ou]\s+(?:po\s+)?(?:ba\s+)?(?:ito|to|ko)?\s*(?:gamitin|gagamitin|gumagana|mag[\s-]?(?:reply|done|stop)|sumagot|sasagot|i-?reply)",
    r"(?:di|hindi)\s+ko\s+(?:po\s+)?(?:gets|maintindihan|naiintindihan|alam\s+(?:kung\s+)?ano)",
    r"ano\b[\w\s]{0,24}?\b(?:irereply|ire-?reply|i-?reply|isasagot|sasabihin|ita-?type)",
    r"madd?ad",
    r"ki(?:ven?|vein|dda?n)\s+(?:kamm?|kam)",
    r"samajh\s+(?:nai|nahi|ni)",
    r"ki\s+(?:reply|likhna|likhan|karna)",
)
HELP_CHARS = _chars(
    r"帮助",
    r"幫助",
    r"帮忙",
    r"怎么用",
    r"不会用",
    r"(?:怎么|如何|怎样)(?:操作|弄|使用)",
    r"怎麼用",
    r"如何使用",
    r"怎么回复",
    r"(?:怎么|如何|怎样)(?:标记|回覆|回答)",
    r"怎么回",
    r"怎样回复",
    r"看不懂",
    r"不明白",
    r"不懂",
    r"什么意思",
    r"使用说明",
    r"^\W*这是(?:什么|啥)(?:东西)?\W*$",
    r"ਕਿਵੇਂ\s*ਵਰਤ",
    r"ਮਦਦ",
    r"ਸਮਝ\s*ਨਹੀਂ",
    r"ਕਿਵੇਂ\s*ਕੰਮ",
)
# "help" about volunteering at an event is a question about the event, not about us.
HELP_AT_EVENT = _words(r"help\s+(?:out\s+)?(?:at|with|for|in)\s+the", r"need\s+help\s+(?:at|with)")

# ---------------------------------------------------------------- done: a to-do is completed
DONE_WORDS = _words(
    r"done",
    r"dn",
    r"dne",
    r"donee?",
    r"finish(?:ed)?",
    r"complete(?:d)?",
    r"paid",
    r"payed",
    r"signed",
    r"sent",
    r"submitted",
    r"returned",
    r"(?:turned|handed|dropped|filled|sent|mailed)\s+(?:it|them|that|this|the\s+\w+)?\s*(?:in|off|out)",
    r"all\s+set",
    r"brought",
    r"registered",
    r"rsvp'?e?d",
    r"booked",
    r"filled\s+(?:it\s+)?(?:out|in)",
    r"taken\s+care\s+of",
    r"took\s+care\s+of",
    r"handled",
    r"sorted",
    # The number itself ends the phrase: "did #4", "did 4".
    r"did\s+(?:it|that|this|no|number|item|#?\d{1,2})",
    r"already\s+did",
    r"i\s+did",
    r"ok\s+na",
    r"okay\s+na",
    r"ayos\s+na",
    r"tapos",
    r"natapos",
    r"nagawa",
    r"na-?bayaran",
    r"binayaran",
    r"bayad\s+na",
    r"nagbayad",
    r"pirmado",
    r"napirmahan",
    r"pinirmahan",
    r"(?:i)?pinasa",
    r"nag-?submit",
    r"nakapirma",
    r"pumirma",
    r"naipasa",
    r"naipadala",
    r"nai-?submit",
    r"na-?submit",
    r"nai-?send",
    r"na-?send",
    r"naibigay",
    r"nasagutan",
    r"nai?-?fill\s*-?up",
    r"nakapag-?\w+",
    r"ho\s*g(?:a|e)?y(?:a|i|e)",
    r"ho\s+chuk\w*",
    # kar/bhej/de/bhar + ditta, ditti, ditte (gender and number of what was done).
    r"(?:kar|kr|karva|karwa|bhej|de|bhar)\s*di+t+[aie]+",
    r"kr\s*ti",
    r"pay\s+kar\w*",
    r"kar\s*l(?:a|e)?ya",
)
DONE_CHARS = _chars(
    r"完成",
    r"做完",
    r"好了",
    r"搞定",
    r"交了",
    r"已交",
    r"交过",
    r"付过",
    r"缴了",
    r"已缴",
    r"缴费了",
    r"已付",
    r"付了",
    r"已经付",
    r"付款了",
    r"已付款",
    r"签了",
    r"签好",
    r"已签",
    r"簽了",
    r"办好",
    r"弄好",
    r"提交了",
    r"已提交",
    r"报名了",
    r"已经?(?:报名|交|付|签|提交|完成|缴|送|带)",
    r"已报名",
    r"送了",
    r"带了",
    r"ਹੋ\s*ਗਿਆ",
    r"ਹੋ\s*ਗਈ",
    r"(?:ਕਰ|ਕਰਵਾ|ਭੇਜ|ਦੇ|ਭਰ)\s*(?:ਦਿੱਤ[ਾੀੇ]|ਲਿਆ|ਲਈ)",
    r"ਪੂਰਾ\s*ਹੋ",
    r"ਮੁਕੰਮਲ",
    r"✅",
    r"✔",
    r"☑",
)
NEGATED_DONE = _words(
    r"(?:not|never)\s+(?:yet\s+)?(?:done|paid|signed|sent|finished|submitted)",
    r"(?:have|has|did|had)\s*n[o']?t\s+(?:yet\s+)?\w+",
    r"haven'?t|hasn'?t|didn'?t|havent|didnt",
    r"(?:hindi|di)\s+pa",
    r"(?:nahi|nai)\s+(?:hoya|hoyea|kita|kitta)",
)
NEGATED_DONE_CHARS = _chars(
    r"还没", r"還沒", r"没有(?:完成|交|付|签)", r"未(?:完成|交|付)", r"ਨਹੀਂ\s*ਹੋਇਆ"
)

# ---------------------------------------------------------------- a question about the school
QUESTION_WORDS = _words(
    r"what",
    r"whats",
    r"when",
    r"whens",
    r"where",
    r"wheres",
    r"who",
    r"which",
    r"why",
    r"how\s+(?:much|many|long|late|early|about)",
    r"(?:is|are)\s+(?:there|it|the|we|they|school|class)",
    # An inverted auxiliary asks only when more follows its subject ("did it" reports).
    r"(?:does|do|did|will|can|could|should|would)\s+(?:we|i|they|you|it|he|she|the|my|our|kids?|students?|parents?|#?\d)\s+\w+",
    r"any\s+(?:school|class|news|info)",
    r"anong?",
    r"kailan",
    r"saan",
    r"sino",
    r"magkano",
    r"ilan",
    r"bakit",
    r"ba",
    r"kinn?e",
    r"kinni",
    r"kad(?:d)?o",
    r"kithe",
    r"kitthe",
    r"kaun",
    r"kehd?(?:a|i|e)",
    r"kiun",
    r"vaje",
    r"baje",
)
QUESTION_CHARS = _chars(
    r"吗",
    r"嗎",
    r"几点",
    r"幾點",
    r"什么",
    r"甚么",
    r"哪里",
    r"哪裡",
    r"哪儿",
    r"在哪",
    r"多少",
    r"何时",
    r"什么时候",
    r"是否",
    r"有没有",
    r"要不要",
    r"呢",
    r"几号",
    r"哪天",
    r"ਕਦੋਂ",
    r"ਕਿੱਥੇ",
    r"ਕਿਥੇ",
    r"ਕਿੰਨੇ",
    r"ਕਿੰਨਾ",
    r"ਕੀ\s",
    r"ਕਿਹੜ",
    r"ਵਜੇ",
)
# Question openers: a completion verb inside these is asked about, not reported.
ASKING_OPENERS = re.compile(
    r"^(?:is|are|was|were|do|does|did|have|has|can|could|should|will|would|when|what|where|which|how|who|why)\b"
)

# ---------------------------------------------------------------- thanks and small talk
SMALLTALK_WORDS = _words(
    r"thanks?",
    r"thank\s+(?:you|u)",
    r"thx",
    r"thnx",
    r"tnx",
    r"ty",
    r"tysm",
    r"tq",
    r"appreciate\w*",
    r"great",
    r"awesome",
    r"perfect",
    r"nice",
    r"cool",
    r"ok",
    r"okay",
    r"k",
    r"kk",
    r"got\s+it",
    r"noted",
    r"sure",
    r"hello",
    r"hi",
    r"hey",
    r"good\s+(?:morning|afternoon|evening|night)",
    r"bye",
    r"god\s+bless",
    r"take\s+care",
    r"see\s+(?:you|u)",
    r"have\s+a\s+(?:nice|good|great|lovely)\s+\w+",
    r"ingat",
    r"salamat",
    r"sige",
    r"magandang\s+\w+",
    r"dhann?(?:a)?vaad",
    r"dhanyavaad",
    r"shukriya",
    r"sat\s+sri\s+akal",
    r"th?(?:ee|i)k\s+(?:hai|aa|ae|e)",
    r"vadh?iya",
    r"lol",
    r"haha\w*",
    r"hehe\w*",
    r"changa",
)
SMALLTALK_CHARS = _chars(
    r"谢谢",
    r"謝謝",
    r"多谢",
    r"感谢",
    r"辛苦",
    r"好的",
    r"收到",
    r"知道了",
    r"你好",
    r"明白",
    r"ਧੰਨਵਾਦ",
    r"ਸ਼ੁਕਰੀਆ",
    r"ਠੀਕ\s*ਹੈ",
    r"ਸਤ\s*ਸ੍ਰੀ\s*ਅਕਾਲ",
)

# ---------------------------------------------------------------- typing slips
# Keywords a slip of the thumb should still reach ("dnoe", "stpo", "finsihed", "sined").
TYPO_KEYWORDS = (
    "done",
    "finished",
    "completed",
    "signed",
    "submitted",
    "registered",
    "returned",
    "paid",
    "help",
    "stop",
    "start",
    "unsubscribe",
    "subscribe",
    "thanks",
    "wrong",
    "incorrect",
    "mistake",
    "english",
    "chinese",
    "punjabi",
    "tagalog",
)
# Real words one edit away from a keyword, never "corrected".
NOT_TYPOS = frozenset(
    {
        "think",
        "thinks",
        "stare",
        "stars",
        "step",
        "steps",
        "hell",
        "hello",
        "said",
        "sing",
        "sine",
        "dine",
        "gone",
        "none",
        "tone",
        "bone",
        "dome",
        "send",
        "sent",
        "sold",
        "pad",
        "pain",
        "paint",
        "word",
        "words",
        "strong",
        "stay",
        "shop",
        "stopped",
        "starts",
        "sign",
        "stops",
        "punjab",
        "stark",
        "drone",
        "wring",
        "shanks",
    }
)
