"""The offline extractor's vocabulary: the words and patterns by which newsletters ask,
name, date and dismiss things, defined once for every module that reads them.
"""

from __future__ import annotations

import re

# The people a call for help asks for.
HELPER_PLURALS = r"volunteers|helpers|chaperones"
HELPER_NOUNS = r"volunteers?|helpers?|chaperones?|crews?"
HELPER_WORD = re.compile(rf"\b(?:{HELPER_NOUNS})\b", re.I)
DUE_CUE = re.compile(
    r"\b(?:by|before|due(?: on| by)?|deadline(?: is)?|no later than|closes?(?: on)?|until)"
    # "by 10 am on Monday", "by 4 pm, Tuesday", "by the end of the school day, Friday"
    r"(?:\s+(?:noon|midnight|end of day|\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?"
    r"|(?:the\s+)?(?:close|end|start|beginning) of (?:the\s+)?(?:school\s+)?(?:day|school)"
    r"|dismissal|the (?:first |last |final )?bell)(?:,|\s+on)?)?"
    r"\s*(?:[a-z]+\.?,?\s*)?$",
    re.I,
)
NOT_AN_ITEM = re.compile(
    r"\b(?:resumes?|reopens?|re-opens?|back to school|return to school|returns? to class)\b"
    # The day school is open again after a closure is no item: "lessons begin again on ...".
    r"|\b(?:classes|class|school|students) (?:(?:starts?|begins?) again|are back|is back)\b"
    r"|\bsee (?:you|everyone)(?: all)? (?:on|back)\b|\bwelcome back\b"
    # A rain (or alternate) date is where a thing moves if need be, not a thing of its own.
    r"|\bif it (?:rains|is raining|snows)\b|\b(?:in (?:the )?(?:case|event) of|if there is)\s+"
    r"(?:rain|bad weather|snow)\b|\b(?:rain|weather|alternate|backup|back-up) dates?\b"
    r"|\bif the weather\b",
    re.I,
)
# A sentence that thanks or congratulates looks back: "Thanks to all who made X (<dates>) ...".
THANKS = re.compile(
    r"^\W*(?:thank you|thanks|many thanks|a (?:huge|big|special) thank|congratulations|"
    r"kudos|shout-?outs?)\b",
    re.I,
)
# A call for helpers: "We are hoping for four adult helpers", "Helpers wanted".
VOLUNTEER_CALL = re.compile(
    r"\b(?:looking for|need|needs|needed|seeking|wanted|asking for|recruiting)\b[^.!?]*"
    rf"\b(?:{HELPER_NOUNS}|adults|parents?|grown-?ups|drivers)\b"
    rf"|\b(?:{HELPER_NOUNS})\s+(?:(?:are|is)\s+(?:still\s+|always\s+|also\s+)?)?(?:needed|wanted)\b",
    re.I,
)
# A day named by reference to a thing already dated: "that morning", "on fair day".
DAY_REFERENCE = re.compile(
    r"\b(?:that|the same) (?:day|morning|afternoon|evening|night)\b"
    r"|\bfor the (?:day|morning|afternoon|evening|walk|trip|outing)\b"
    r"|\bon (?:the )?(?P<name>[A-Za-z]+)[- ]day\b"
    # "a shift on all three days": every day of the thing just dated.
    r"|\b(?:all|each|every one of the)\s+(?:\w+\s+)?days\b"
    # "cashiers every day of the sale", "on the day": the thing just dated.
    r"|\b(?:every|each) day of the\s+\w+|\bon the day\b",
    re.I,
)
# "Please pack them in a bag": what "them" stands for is named the sentence before.
PRONOUN_OBJECT = re.compile(
    r"\b(?:send|bring|return|drop off|drop|donate|pack|label|deliver|hand in|sign|fill in|"
    r"fill out|complete)\s+"
    r"(them|it|these|those|one(?=\s+(?:with|to|in|for|along|each|per)\b|\s*[.,;!]|\s*$))\b",
    re.I,
)
ANTECEDENT = re.compile(
    r"\b(?:collecting|collect|need|needs|needing|looking for|asking for|gathering|accepting|"
    r"saving|requesting|donations? of|hoping for)\s+(?:some\s+|any\s+|your\s+|the\s+)?"
    r"(?P<np>[^.;:!?()]+?)"
    r"(?=\s+(?:for|to|from|by|at|in|on|so|because|that|which|this|before|until)\b|[.;:!?(]|$)",
    re.I,
)
# "each child brought home a medical details form": the last thing named that falls due,
# for a later "fill it in and hand it back".
DUE_THING_NAMED = re.compile(
    r"\b(?:a|an|the|your|their|this|our|each|every)\s+(?P<np>(?:[\w'’-]+\s+){0,4}?"
    r"(?:forms?|slips?|waivers?|agreements?|applications?|surveys?|questionnaires?|"
    r"consents?|envelopes?|logs?|cards?))\b",
    re.I,
)
PICKED_UP = re.compile(r"\b(?:picked|pick)[- ]?up\b", re.I)
SALE_WORDS = re.compile(
    r"\b(?:fundraiser|fundraising|sale|orders?|order form|drive|campaign|pre-?orders?)\b", re.I
)
# How a document states its own date: "Posted: <date>", "Sent home <date>".
PUBLICATION_CUE = re.compile(r"\b(?:published|posted|sent home|issued|dated)\b", re.I)
# A line about the issue itself rather than about a thing in it.
PUBLICATION = re.compile(
    rf"{PUBLICATION_CUE.pattern}|\b(?:issue\s+\d+|week of|volume|vol\.|"
    r"(?:flyer|newsletter|bulletin|notice|memo|issue) date)\b",
    re.I,
)
ISSUE_NAME = re.compile(r"\b(?:news|newsletter|bulletin|memo|notes|update|digest)\b", re.I)
PARENTHETICAL = re.compile(r"\s*\(([^()]*)\)")
LABEL_PREFIX = re.compile(r"^\s*(?:when|where|date|time|what|who)\s*:\s*", re.I)
LEADING_FILLER = re.compile(
    r"^(?:(?:finally|also|and|but|so|plus|next|then|reminder|remember|please note|note|"
    r"first(?:ly)?|second(?:ly)?|third(?:ly)?|lastly|"
    # Discourse openers name nothing: "Also keep in mind that ...", "Don't forget: ...".
    r"(?:please\s+)?(?:also\s+)?(?:remember|note|keep in mind)(?:\s+that)?|"
    r"(?:a\s+|just\s+a\s+|as\s+a\s+)?(?:friendly\s+|quick\s+)?reminder(?:\s+that)?|"
    r"don['’]t forget(?:\s+that)?|do not forget(?:\s+that)?|mark your calendars?|"
    r"save the date|heads up|good news|important|attention|"
    r"if you (?:can|are able to|would like to|want to) (?:help|volunteer|join(?: us)?)|"
    r"can you help\??)[,:!]?\s+)+",
    re.I,
)
# A notice that opens with one of these has no name of its own.
DISCOURSE = re.compile(
    r"^\W*(?:please|remember|reminder|note|don['’]t forget|do not forget|mark your calendars?|"
    r"save the date|heads up|good news|important|attention|if you|can you|could you|"
    r"would you|we need|we are|we're|did you know|looking back|new to)\b",
    re.I,
)
# A bulletin's list labels name a kind, not a thing: "Today's Meetings", "Upcoming Events".
_LIST_LABEL_TEXT = "meetings events activities announcements reminders notes updates scheduled none"
# Words that name no thing: a title made only of them is a fragment ("Both nights",
# "During class time", "Anything left after", "Flyer date").
_GENERIC_TEXT = (
    "a an the and or of to for in on at by with from is are be will our your their this that "
    "these those both each every all any anything everything nothing something anyone "
    "everyone left after before during until till class classes time times day days night "
    "nights morning mornings afternoon afternoons evening evenings week weeks date dates "
    "flyer newsletter bulletin issue am pm a m p noon midnight also please remember note "
    "then there here it its they them we us you i starting beginning from through to back again "
    "classroom teacher teachers office students families parents child children "
    "monday mondays tuesday tuesdays wednesday wednesdays thursday thursdays friday fridays "
    "saturday saturdays sunday sundays mon tue tues wed thu thur thurs fri sat sun "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec today tomorrow next coming upcoming "
    + _LIST_LABEL_TEXT
)
GENERIC_WORDS = frozenset(_GENERIC_TEXT.split())
# A line made of these and words that name no thing labels the list under it.
LIST_LABEL = re.compile(rf"\b(?:{'|'.join(_LIST_LABEL_TEXT.split())})\b", re.I)
# The thing an event is: the nearest event noun phrase after "at/for/after the".
EVENT_NOUN = (
    r"(?:trip|fair|day|night|evening|assembly|concert|club|team|camp|meet|dance|lunch|"
    r"fundraiser|sale|workshop|swap|challenge|tournament|show|festival|clinic|screening|"
    r"lessons?|practices?|tryouts?|party|carnival|breakfast|tea|celebration|walk|game|"
    r"musical|showcase|social|picnic|potluck|drive|program|programme|course|conferences?|"
    r"interviews?|session|parade|ceremony|play|performance|tour|visit|race|run|"
    r"sing-along|exhibit|exhibition|market|auction|gala|clean-?up|outing)"
)
EVENT_NP = re.compile(
    r"\b(?:at|after|for|before|during|to|from|with)\s+(?:the|our|this year's|this|next week's)\s+"
    rf"(?P<np>(?:[\w'’&/-]+\s+){{0,5}}?{EVENT_NOUN})\b",
    re.I,
)
# What falls due, named by the verb that asks for it: "Pre-order by ...", "Reply by ...".
DUE_VERB = re.compile(
    r"^(?:please\s+)?(?:be sure to\s+|remember to\s+|make sure to\s+)?"
    r"(?P<verb>pre-?order|order|register|sign[- ]?up|rsvp|reply|respond|book)\b",
    re.I,
)
# An object handed over: "hand in the consent slip to ...", "pay $3 ...".
HAND_OVER = re.compile(
    r"^(?:please\s+)?(?:be sure to\s+|remember to\s+|make sure to\s+)?"
    r"(?:sign and return|fill out and return|complete and return|return|send in|send|submit|"
    r"hand in|turn in|bring in|bring|drop off|pay|complete)\s+(?P<obj>.+)$",
    re.I,
)
# "each pupil needs a jar of buttons at school by ...", "charts go back to ... on ...".
NEEDED_AT_SCHOOL = re.compile(
    r"\b(?:needs?|should bring|must bring|will need)\s+(?P<obj>.+?)\s+"
    r"(?:at|to|in)\s+(?:school|class|the classroom)\b",
    re.I,
)
# "Costumes must be brought to school by ...": whatever must arrive falls due.
ARRIVES = re.compile(
    r"^(?P<obj>.+?)\s+(?:should|must|need to|needs to|have to|has to)\s+"
    r"(?:come|be brought|be sent|arrive|be dropped off|be handed in)\s+"
    r"(?:in\s+)?(?:to|at|in)\s+(?:school|class|the school|the classroom|the office)\b",
    re.I,
)
# Where a request starts inside a longer clause: "Seats are limited, so please sign up".
REQUEST_START = re.compile(
    r"(?:,\s*|\s+[-—–]\s+|\bso\s+|\band\s+|\bthen\s+)(?=(?:please\s+)?(?:pre-?order|order|"
    r"register|sign[- ]?up|rsvp|reply|respond|sign and return|return|send|submit|hand in|"
    r"turn in|bring|drop off|pay)\b)",
    re.I,
)
COMES_BACK = re.compile(
    r"^(?P<obj>.+?)\s+(?:come|comes|go|goes|are|is|must be|should be|need to be)\s+"
    r"(?:back|returned|handed in|collected|submitted|sent back)\b",
    re.I,
)
DUE_NOUN = re.compile(
    r"\b(?:forms?|slips?|waivers?|fees?|payments?|deposits?|balances?|tickets?|logs?|"
    r"orders?|pre-?orders?|registrations?|sign-?ups?|rsvps?|books?|stubs?|pledges?|"
    r"agreements?|envelopes?|cheques?|applications?|surveys?|questionnaires?|"
    r"report cards?|consents?)\b",
    re.I,
)
OBJECT_END = re.compile(
    r"\s+(?:back|to|with|at|by|on|in|through|via|before|no later than|so|because|that|which)\b"
    r"|[,;(]",
    re.I,
)
PAST_TENSE = re.compile(
    r"\b(?:was|were|had|did|went|came|brought|took|won|ran|sold|gave|made|held|raised|"
    r"ended|finished|collected|cycled|filled|enjoyed|visited|attended|joined|celebrated|"
    r"hosted|performed|competed|participated|completed|wrapped up|welcomed)\b"
    # "we signed out a book today": what someone did is past, whatever day it names.
    r"|\b(?:we|they|you|students|children|everyone|kids)\s+(?:all\s+)?\w{3,}ed\b",
    re.I,
)
STRANDED_PREPOSITION = re.compile(r"^(?:on|at|by|from)\s+(?=(?:the|our|a|an|this)\s)", re.I)
DETERMINER = re.compile(r"^(?:our|the|this|this year's|a|an|your|their|all)\s+", re.I)
SUBJECT_VERB = re.compile(
    # "The track meet is on Friday": a "meet" followed by its verb is the thing, not a verb.
    r"^(?P<subject>.+?)\s+(?:is|are|will|runs?|"
    r"meets?(?!\s+(?:is|are|was|will|takes?|starts?|begins?|runs?|has)\b)|"
    r"takes? place|returns?|starts?|begins?|opens?|"
    r"happens?|kicks? off|continues?|goes|go|has|have|heads?|is held|are held)\b",
    re.I,
)
DATE_IS = re.compile(
    r"^\s*(?:is|will be)\s+(?:also\s+|now\s+|still\s+)?(?:(?:a|an|the|our)\s+)?(?P<np>[^,.;]+)",
    re.I,
)
NP_BREAK = re.compile(r"\b(?:the|for|to|our|a|an|of|at|with|from|in)\s+", re.I)
AUDIENCE = re.compile(
    r"\b(?:grades?|gr|kinder\w*|students?|classes|class|families|parents|children|kids|"
    r"\d{1,2}(?:st|nd|rd|th)?s?|k|and|&|all|primary|intermediate|incoming|new|our|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|graders?)\b",
    re.I,
)
_STOPWORD_TEXT = (
    "a an the and or of to for in on at by with from is are be will our your their this that "
    "please all we us you it as its into after before during than then so no not per each"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

ACTION_VERB = re.compile(
    r"^(?:sign[- ]?up|register|book|order|return|send|submit|pay|apply|complete|fill out|reply)\b",
    re.I,
)
WEB_ADDRESS = re.compile(
    r"\s*\b(?:at|on|via|through|to)?\s*(?:https?://|www\.)?[\w.-]+\.(?:org|com|ca|net|edu|gov)"
    r"(?:/\S*)?|\s*\b(?:at|to)?\s*[\w.+-]+@[\w.-]+"
    r"|\s*\b(?:on|through|via|at)\s+(?:the|our)\s+(?:[\w-]+\s+){0,2}"
    r"(?:website|web site|portal|page|app|site)\b|\s+online\b",
    re.I,
)


# Words of when, not of what: "Sunny Days Ahead" and "a hat every day" share no subject.
WHEN_WORDS = frozenset({"day", "week", "month", "every", "daily", "today", "morning", "ahead"})

# "Classes let out early, at 1 pm, that day": an early dismissal on a day named
# in an earlier sentence.
DISMISSED = re.compile(
    r"\b(?:students|classes|school)\b[^.;!?]{0,30}\b(?:dismissed|dismissal|let out|ends?)\b"
    r"[^.;!?]{0,30}\b(?:early|at noon|at 1[12](?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?|noon)?)\b"
    r"|\bearly dismissal\b"
    # "12:15 dismissal": a dismissal before the afternoon's usual one.
    r"|\b(?:1[012]|1):\d\d\s*(?:a\.?m\.?|p\.?m\.?)?\s+dismissal\b",
    re.I,
)


# "STAFF DAY  There are no classes on ...": an entry led by its name in capitals.
SHOUTED_NAME = re.compile(
    r"^((?:[A-Z0-9][A-Z0-9&'’/.-]*\s+){0,7}[A-Z][A-Z0-9&'’/.-]*[A-Z])\s+(?=[A-Z][a-z])"
)

# "We'll have X", "there will be X", "our class is hosting X": the writer names the thing as
# what is had or held. The noun phrase ends where its who, where or when begins.
HOSTED = re.compile(
    r"^(?:there\s+(?:will\s+be|is|are)\s+"
    r"|(?:we|you|they|our\s+(?:school|class|classes|students|children|kids)|the\s+(?:school|"
    r"class|students|children|kids)|everyone|students|children"
    # "The fourth-graders will have ...", "Grade 2 classes will hold ...": a grade's group.
    r"|(?:the\s+|our\s+|all\s+)?(?:\w+[- ]?graders|kindergarteners|kindergartners"
    r"|(?:grade\s+\w+|\w+[- ]grade)\s+(?:students|classes|class)"
    # "Mrs. Lee's Grade 4 science class will be on a field trip": a named class.
    r"|(?:[\w'’.&-]+\s+){1,5}?(?:class|classes)"
    # "The Riverside Food Service is celebrating ...": a body named by its capitals.
    r"|(?:The\s+)?(?:[A-Z][\w'’&.-]*\s+){0,4}[A-Z][\w'’&.-]*(?=\s+is\s+(?:hosting|holding|"
    r"celebrating|having|sponsoring|running)\b)))"
    r"(?:\s+will|['’]ll|\s+are\s+going\s+to|\s+are|\s+is|\s+get\s+to)?\s+(?:be\s+)?"
    r"(?:have|hold|host|having|holding|hosting|celebrate|celebrating|sponsoring|running|go on|"
    r"be on|take)\s+)"
    r"(?:(?:our|a|an|the|their|your|its|some)\s+)?(?:next\s+)?(?P<np>.+)",
    re.I,
)
HOSTED_END = re.compile(
    r"\s+(?:for|in|at|on|from|with|to|during|when|where|who|that|which|this|next|as|so|"
    r"because|before|after|until|starting|beginning|here|again|today|tomorrow|tonight)\b|[,;:.!?(]",
    re.I,
)
# Things a writer "has" that are not things that happen.
HOSTED_NOT_A_THING = re.compile(
    r"^(?:more\s+|any\s+|lots\s+of\s+|no\s+)?(?:information|info|details|news|updates?|"
    r"questions?|concerns?|fun|time|chance|opportunity|questions|idea|reminders?|something|"
    r"been|had|received|heard|not|no)\b",
    re.I,
)
# A list entry for the day school is open again ("<date> - Classes resume"), or for the
# seasons' turn, which every calendar prints and no school announces.
RESUMES = re.compile(
    r"^\W*(?:school|classes|class|students)?\s*(?:resumes?|reopens?|re-opens?|reconvenes?)\b"
    r"|\b(?:school|classes) (?:resumes?|reopens?|re-opens?|reconvenes?|(?:starts?|begins?) "
    r"again)\b"
    r"|\bfirst day of (?:spring|summer|fall|autumn|winter)\b",
    re.I,
)
