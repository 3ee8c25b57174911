"""School vocabulary in English, Punjabi (Gurmukhi and romanised), Tagalog and Chinese.

Each concept names one thing parents ask about and lists the words for it in the four
languages. Questions and items are both read through it, so a question in Chinese and an item
in English meet on the concept they share. The lists hold words and short word groups of school
life in general, never a school's own names: those come from the school's activity catalogue.

Latin-script forms match whole words (after lower-casing); Gurmukhi and Chinese forms match
anywhere, since neither script marks word ends the way the matcher needs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Concept:
    key: str
    forms: tuple[str, ...]
    # How much a shared concept says about a match: a topic ("picture day") says a lot, a
    # kind of thing ("a meeting") less.
    weight: float = 1.0


def _c(key: str, forms: str, weight: float = 1.0) -> Concept:
    return Concept(key, tuple(f.strip() for f in forms.split("|") if f.strip()), weight)


# Topics: what an item is about.
TOPICS: tuple[Concept, ...] = (
    _c(
        "closure",
        "no school|school closed|closed|closure|holiday|day off|pro-d|pro d|professional day|"
        "non-instructional|ni day|school open|is there school|walang pasok|may pasok|pasok|"
        "walang klase|may klase|sarado|bakasyon|holiday po|"
        "放假|休息|停课|上学|上课|不上课|学校关闭|关门|假期|"
        "ਛੁੱਟੀ|ਛੁਟੀ|ਬੰਦ|ਸਕੂਲ ਲੱਗ|ਸਕੂਲ ਖੁੱਲ੍ਹ|ਸਕੂਲ ਖੁੱਲ|chutti|chhutti|school lagu*|"
        "school lagega|school khulla",
        1.2,
    ),
    _c(
        "early-dismissal",
        "early dismissal|dismissed early|early release|early|half day|minimum day|let out|"
        "dismissal|home time|"
        "maagang uwian|maaga ang uwian|maagang labas|uwian|pag-uwi|labasan|"
        "提早放学|提前放学|早放学|提早|提前|半天|"
        "ਜਲਦੀ ਛੁੱਟੀ|ਛੇਤੀ ਛੁੱਟੀ|jaldi chutti|early chutti",
        1.2,
    ),
    _c(
        "break",
        "break|vacation|spring break|winter break|bakasyon|春假|寒假|暑假|假期|ਛੁੱਟੀਆਂ|ਬ੍ਰੇਕ|"
        "ਬਰੇਕ|chuttiyan",
    ),
    _c("spring", "spring|tagsibol|春季|春天|春假|ਬਸੰਤ|ਸਪਰਿੰਗ|ਸਪ੍ਰਿੰਗ", 0.6),
    _c("winter", "winter|taglamig|冬季|冬天|寒假|ਸਰਦੀ|ਸਰਦੀਆਂ|ਵਿੰਟਰ", 0.6),
    _c("summer", "summer|tag-init|tag init|夏季|夏天|暑假|夏令营|ਗਰਮੀ|ਗਰਮੀਆਂ|ਸਮਰ", 0.6),
    _c(
        "picture-day",
        "picture day|photo day|school photo|school photos|photos|photo|pictures|picture|pics|"
        "pic|retake|litrato|picture taking|照相|拍照|照片|相片|合影|ਫੋਟੋ|ਫ਼ੋਟੋ|ਤਸਵੀਰ|photo wala",
    ),
    _c(
        "conference",
        "conference|conferences|parent-teacher|parent teacher|interview|interviews|student-led|"
        "student led|家长会|家长面谈|面谈|会谈|见老师|ਮਾਪੇ ਅਧਿਆਪਕ|ਮਾਪੇ-ਅਧਿਆਪਕ|ਅਧਿਆਪਕ ਨਾਲ|"
        "ਮਾਪਿਆਂ ਅਧਿਆਪਕਾਂ|teacher nal|kausap ang teacher|usap sa teacher",
    ),
    _c(
        "meeting",
        "meeting|meetings|pac|pta|pto|council|assembly|general meeting|pulong|miting|meeting ng|"
        "会议|开会|例会|ਮੀਟਿੰਗ|ਇਕੱਠ|ਬੈਠਕ|meeting vich",
        0.8,
    ),
    _c(
        "field-trip",
        "field trip|trip|excursion|outing|visit|lakbay|lakad|pasyal|参观|郊游|出游|旅行|校外|"
        "实地|考察|ਟ੍ਰਿਪ|ਟਰਿੱਪ|ਟਰਿਪ|ਸੈਰ|ਦੌਰਾ|trip wala",
    ),
    _c(
        "farm",
        "farm|pumpkin patch|pumpkin|pumpkins|bukid|kalabasa|农场|南瓜|ਫਾਰਮ|ਖੇਤ|ਕੱਦੂ|kaddu",
    ),
    _c("science", "science|agham|科学|科技|ਸਾਇੰਸ|ਵਿਗਿਆਨ|science wala"),
    _c("museum", "museum|centre|center|科学馆|博物馆|馆|ਮਿਊਜ਼ੀਅਮ|ਅਜਾਇਬ", 0.5),
    _c(
        "concert",
        "concert|concerts|recital|konsiyerto|konsyerto|音乐会|汇演|晚会|ਕੰਸਰਟ|ਕਨਸਰਟ|ਸਮਾਰੋਹ",
    ),
    _c(
        "performance",
        "performance|performances|show|shows|concert|concerts|recital|play|musical|palabas|"
        "pagtatanghal|演出|表演|汇演|ਪੇਸ਼ਕਾਰੀ|ਸ਼ੋਅ",
        0.5,
    ),
    _c(
        "dance",
        "dance|dances|disco|social|sayawan|sayaw|舞会|跳舞|舞蹈|ਡਾਂਸ|ਨਾਚ",
    ),
    _c(
        "parade",
        "parade|costume|costumes|parada|kasuotan|游行|服装|化装|装扮|ਪਰੇਡ|ਪੁਸ਼ਾਕ|ਕੱਪੜੇ ਪਾ",
    ),
    _c("halloween", "halloween|undas|万圣节|万圣|ਹੈਲੋਵੀਨ|ਹੈਲੋਵਿਨ", 0.7),
    _c("thanksgiving", "thanksgiving|pasasalamat|感恩节|ਥੈਂਕਸਗਿਵਿੰਗ", 0.7),
    _c("easter", "easter|pasko ng pagkabuhay|复活节|ਈਸਟਰ", 0.7),
    _c("christmas", "christmas|pasko|圣诞|圣诞节|ਕ੍ਰਿਸਮਸ|ਕਰਿਸਮਸ", 0.7),
    _c("diwali", "diwali|ਦੀਵਾਲੀ|排灯节", 0.7),
    _c("vaisakhi", "vaisakhi|baisakhi|vaisakhi day|ਵਿਸਾਖੀ|ਵੈਸਾਖੀ|visakhi", 0.7),
    _c("eid", "eid|ramadan|开斋节|斋月|ਈਦ|ਰਮਜ਼ਾਨ", 0.7),
    _c("mid-autumn", "mid-autumn|moon festival|mooncake|中秋|中秋节|月饼", 0.7),
    _c(
        "environment",
        "earth day|clean-up|cleanup|clean up|litter|recycling|recycle|environment|garbage|"
        "paglilinis|kalikasan|basura|地球日|清洁|清理|环保|回收|垃圾|ਧਰਤੀ ਦਿਵਸ|ਸਫਾਈ|ਕੂੜਾ",
    ),
    _c("lunar-new-year", "lunar new year|chinese new year|春节|农历新年|新年|ਨਵਾਂ ਸਾਲ", 0.7),
    _c(
        "hot-lunch",
        "hot lunch|lunch order|lunch orders|lunch program|pizza|sushi|meal|tanghalian|pagkain|"
        "午饭|午餐|饭|便当|热餐|"
        "ਦੁਪਹਿਰ ਦਾ ਖਾਣਾ|ਖਾਣਾ|ਲੰਚ|ਰੋਟੀ|khana|lunch wala",
        0.8,
    ),
    # Food a school sells or serves on a given day: what parents call the day by.
    _c(
        "ice-cream",
        "ice cream|ice-cream|popsicle|freezie|sorbetes|冰淇淋|冰激凌|雪糕|冰棍|ਆਈਸ ਕਰੀਮ|ਆਇਸ ਕਰੀਮ|"
        "ਕੁਲਫੀ|kulfi",
    ),
    _c(
        "breakfast",
        "breakfast|pancake|pancakes|almusal|早餐|早饭|煎饼|松饼|薄饼|ਨਾਸ਼ਤਾ|ਨਾਸ਼ਤੇ|ਪੈਨਕੇਕ|nashta",
        0.8,
    ),
    _c(
        "homework",
        "homework|homework help|homework club|tutoring|tutor|study hall|study club|"
        "takdang-aralin|takdang aralin|assignment|功课|辅导|补习|作业辅导|ਹੋਮਵਰਕ|ਹੋਮ ਵਰਕ|"
        "ਘਰ ਦਾ ਕੰਮ",
    ),
    _c(
        "lunchtime",
        "lunch|lunchtime|lunch time|lunch hour|at lunch|noon hour|recess|午饭时间|午餐时间|午休|"
        "中午|ਲੰਚ ਟਾਈਮ|ਅੱਧੀ ਛੁੱਟੀ|recess po",
        0.6,
    ),
    _c(
        "snack",
        "snack|snacks|treat|treats|food to share|meryenda|pagkain|零食|点心|小吃|吃的|食物|"
        "ਸਨੈਕ|ਖਾਣ|ਖਾਣ-ਪੀਣ|ਖਾਣ ਪੀਣ",
        0.8,
    ),
    _c(
        "food-drive",
        "food bank|food drive|donate|donation|donations|non-perishable|canned|collection|drive|"
        "donasyon|mag-donate|magbigay|捐|捐赠|捐款|食物银行|食品银行|食品|罐头|ਫੂਡ ਬੈਂਕ|ਦਾਨ|"
        "ਡੱਬਾਬੰਦ|daan",
    ),
    _c(
        "fundraiser",
        "fundraiser|fundraising|sale|bake sale|raffle|order|orders|sell|pie|pies|cookie|"
        "cookies|benta|pagbebenta|ibebenta|筹款|义卖|募捐|烘焙|派|订购|订|ਫੰਡ|ਵਿਕਰੀ|ਪਾਈ|"
        "ਆਰਡਰ|ਬੇਕ ਸੇਲ",
    ),
    _c(
        "treats",
        "pie|pies|cookie|cookies|cake|cakes|cupcake|cupcakes|popcorn|donut|donuts|brownie|"
        "muffin|muffins|ਪਾਈ|ਕੇਕ|ਕੁਕੀ|ਕੂਕੀ|ਬਿਸਕੁਟ|派|蛋糕|饼干|曲奇|爆米花|甜甜圈|keyk|cake po",
    ),
    _c("bake-sale", "bake sale|baked goods|baking|bake|烘焙|糕点|ਬੇਕ|ਬੇਕਿੰਗ", 1.0),
    _c(
        "volunteer",
        "volunteer|volunteers|volunteering|helpers|helper|help|help out|chaperone|chaperones|"
        "supervise|set-up|set up|setup|clean-up|judge|judges|usher|ushers|walker|walkers|"
        "tumulong|tulong|magvolunteer|mag-volunteer|hurado|评委|评审|引座员|ਜੱਜ|"
        "boluntaryo|sumama|帮忙|帮手|义工|志愿|志愿者|陪同|协助|ਮਦਦ|ਹੱਥ ਵਟਾ|ਸੇਵਾ|"
        "ਵਲੰਟੀਅਰ|ਵਾਲੰਟੀਅਰ|ਸਹਾਇਤਾ|ਲੋੜ|madad|chahid*|lorh|lod",
        1.2,
    ),
    _c(
        "immunization",
        "immunization|immunizations|immunisation|vaccine|vaccines|vaccination|shots|shot|"
        "clinic|nurse|bakuna|turok|疫苗|打针|接种|预防针|ਟੀਕੇ|ਟੀਕਾ|ਟੀਕਾਕਰਨ|ਵੈਕਸੀਨ|teeka|tike",
    ),
    _c(
        "swimming",
        "swimming|swim|swims|pool|aquatic|langoy|paglangoy|游泳|泳池|ਤੈਰਾਕੀ|ਸਵਿਮਿੰਗ|terna|tairaki",
    ),
    _c(
        "ski",
        "ski|skiing|snowboard|snowboarding|mountain|滑雪|雪山|ਸਕੀ|ਸਕੀਇੰਗ|ਬਰਫ਼|ਬਰਫ",
    ),
    _c("skate", "skate|skating|rink|ice|滑冰|溜冰|ਸਕੇਟ|ਸਕੇਟਿੰਗ"),
    _c("movie", "movie|movies|film|pelikula|sine|电影|ਫਿਲਮ|ਮੂਵੀ"),
    _c(
        "book-fair",
        "book fair|books|book|library|aklat|libro|书展|书|图书|ਕਿਤਾਬ|ਕਿਤਾਬਾਂ|ਲਾਇਬ੍ਰੇਰੀ",
        0.7,
    ),
    _c(
        "art", "art|arts|art show|painting|drawing|sining|guhit|美术|艺术|画|画展|ਕਲਾ|ਆਰਟ|ਪੇਂਟਿੰਗ", 0.8
    ),
    _c("fair", "fair|carnival|fun fair|festival|perya|pista|游园会|嘉年华|集市|ਮੇਲਾ", 0.9),
    _c(
        "sports-day",
        "sports day|track and field|track & field|field day|sports|athletics|track|meet|"
        "palaro|takbuhan|运动会|田径|体育|ਖੇਡਾਂ|ਖੇਡ|ਅਥਲੈਟਿਕਸ|ਦੌੜ|khedan",
        0.9,
    ),
    _c(
        "graduation",
        "graduation|farewell|leaving|promotion|moving up|pagtatapos|毕业|毕业典礼|告别|欢送|"
        "ਗ੍ਰੈਜੂਏਸ਼ਨ|ਵਿਦਾਇਗੀ",
    ),
    _c(
        "course-selection",
        "course selection|course planning|courses|course|high school|transition|options|"
        "elective|electives|secondary|secondary school|选修|选修课|"
        "选课|课程|升学|高中|ਕੋਰਸ|ਵਿਸ਼ੇ|ਹਾਈ ਸਕੂਲ",
    ),
    _c("yearbook", "yearbook|yearbooks|annual|纪念册|年鉴|毕业册|ਯੀਅਰਬੁੱਕ|ਸਾਲਾਨਾ ਕਿਤਾਬ"),
    _c(
        "clothing-label",
        "label|labels|labelled|lost and found|lost & found|jacket|jackets|clothing|clothes|"
        "coat|coats|boots|hat|mitten|mittens|gloves|scarf|toque|pangalan|damit|jaket|标签|名字|衣服|外套|夹克|失物|"
        "ਲੇਬਲ|ਜੈਕਟ|ਜੈਕਟਾਂ|ਕੱਪੜੇ|ਕੋਟ|ਗੁਆਚ",
    ),
    _c("box", "box|boxes|shoebox|shoe box|kahon|盒|盒子|鞋盒|纸箱|ਡੱਬਾ|ਡੱਬੇ|ਬਕਸਾ"),
    _c(
        "project",
        "project|habitat|diorama|proyekto|项目|作业|手工|ਪ੍ਰੋਜੈਕਟ|ਪ੍ਰਾਜੈਕਟ",
        0.7,
    ),
    _c(
        "kindergarten",
        "kindergarten|kindy|kindie|kinder|kinders|pre-k|prek|preschool|strongstart|k|"
        "incoming k|幼儿园|学前班|大班|ਕਿੰਡਰਗਾਰਟਨ|ਕਿੰਡਰਗਾਰਡਨ|ਕੇ.ਜੀ|kindergarten wala",
        0.8,
    ),
    _c(
        "registration",
        "registration|register|registering|enrol|enroll|enrolment|enrollment|sign up|sign-up|"
        "signup|sign-ups|join|apply|application|booking|bookings|预约|预订|ਬੁਕਿੰਗ|tryout|tryouts|mag-enroll|magpa-enroll|"
        "magparehistro|magpalista|mag-sign up|mag join|報名|报名|登记|注册|入学|申请|参加|"
        "ਨਾਮ ਲਿਖ|ਨਾਂ ਲਿਖ|ਦਾਖਲਾ|ਦਾਖ਼ਲਾ|ਰਜਿਸਟ੍ਰੇਸ਼ਨ|ਰਜਿਸਟਰ|likh*|"
        "daakhla|dakhla|register karna",
        0.8,
    ),
    _c(
        "tryout",
        "tryout|tryouts|try-out|try-outs|audition|auditions|selection|选拔|试镜|试训|面试|"
        "ਟਰਾਇਆਉਟ|ਟਰਾਈਆਉਟ|ਚੋਣ|ਆਡੀਸ਼ਨ",
    ),
    _c("musical", "musical|play|theatre|theater|dula|音乐剧|话剧|戏剧|ਨਾਟਕ|ਮਿਊਜ਼ੀਕਲ", 0.9),
    _c(
        "practice",
        "practice|practices|rehearsal|rehearsals|ensayo|praktis|排练|练习|训练|ਅਭਿਆਸ|ਪ੍ਰੈਕਟਿਸ|ਰਿਹਰਸਲ",
        0.6,
    ),
    _c("club", "club|clubs|team|samahan|俱乐部|社团|社|队|兴趣班|ਕਲੱਬ|ਟੀਮ", 0.4),
    _c(
        "workshop",
        "workshop|info session|information night|information session|seminar|talk|"
        "info evening|information evening|info night|open house|orientation|"
        "讲座|工作坊|说明会|ਵਰਕਸ਼ਾਪ",
    ),
    _c(
        "bus",
        "bus|buses|school bus|transportation|ride|sakay|校车|巴士|大巴|接送|ਬੱਸ|ਬਸ",
    ),
    _c(
        "childcare",
        "childcare|child care|daycare|before school care|after school care|before and after|"
        "care|babysitting|bantay*|magbaban*|托管|托儿|看护|课后班|ਦੇਖਭਾਲ|ਚਾਈਲਡ ਕੇਅਰ|ਡੇਅਕੇਅਰ",
    ),
    _c(
        "screening",
        "screening|dental|dentist|teeth|hearing|vision|eye exam|check-up|checkup|health check|"
        "ngipin|mata|pandinig|pagsusuri|牙|牙齿|牙科|视力|听力|检查|体检|ਦੰਦ|ਦੰਦਾਂ|ਅੱਖਾਂ|ਜਾਂਚ|ਚੈੱਕਅਪ",
    ),
    _c(
        "assembly",
        "assembly|ceremony|celebration|celebrate|pagtitipon|pagdiriwang|集会|典礼|庆祝|庆典|"
        "ਸਭਾ|ਸਮਾਗਮ|ਜਸ਼ਨ",
        0.7,
    ),
    _c(
        "theme-day",
        "spirit week|spirit day|pyjama|pajama|pajamas|pj|pjs|crazy hair|dress up|dress-up|"
        "jersey day|hat day|theme day|costume day|sweater|ugly sweater|crazy sock|mismatch|"
        "睡衣|主题日|精神周|ਪਜਾਮਾ|ਪਜਾਮੇ",
    ),
    _c(
        "anti-bullying",
        "pink shirt|anti-bullying|bullying|kindness|粉红衬衫|欺凌|霸凌|ਧੱਕੇਸ਼ਾਹੀ|pambu-bully|bully",
    ),
    _c("remembrance", "remembrance|poppy|poppies|veterans|纪念日|阵亡将士|ਯਾਦਗਾਰੀ", 0.8),
    _c(
        "heritage",
        "potluck|heritage|multicultural|cultural|culture|salu-salo|kultura|文化|百家宴|多元文化|"
        "ਸੱਭਿਆਚਾਰ|ਸਭਿਆਚਾਰਕ|ਵਿਰਸਾ",
    ),
    _c(
        "contest",
        "contest|competition|speech|speeches|talent show|spelling bee|science fair|"
        "paligsahan|talumpati|比赛|竞赛|演讲|才艺|ਮੁਕਾਬਲਾ|ਮੁਕਾਬਲੇ|ਭਾਸ਼ਣ",
    ),
    _c(
        "story",
        "story|stories|storytime|read-a-thon|reading night|kwento|pagbasa|"
        "故事|讲故事|阅读|ਕਹਾਣੀ|ਕਹਾਣੀਆਂ",
        0.8,
    ),
    _c("principal", "principal|vice-principal|punong-guro|prinsipal|校长|副校长|ਪ੍ਰਿੰਸੀਪਲ|ਮੁੱਖ ਅਧਿਆਪਕ"),
    _c(
        "coffee",
        "coffee|tea|coffee morning|kape|tsaa|咖啡|茶|ਕੌਫੀ|ਚਾਹ",
        0.8,
    ),
    _c(
        "contact-info",
        "emergency contact|emergency contacts|contact information|contact info|phone number|"
        "address|email|numero ng telepono|contact number|联系方式|联系电话|电话|紧急联系人|地址|"
        "ਫੋਨ ਨੰਬਰ|ਐਮਰਜੈਂਸੀ|ਪਤਾ",
    ),
    _c("parking", "parking|parking lot|park the car|paradahan|停车|停车场|ਪਾਰਕਿੰਗ"),
    _c("uniform", "uniform|uniforms|dress code|uniporme|校服|制服|ਵਰਦੀ|ਯੂਨੀਫਾਰਮ|vardi"),
    _c(
        "report-card",
        "report card|report cards|progress report|report|reports|成绩单|成绩|报告卡|"
        "ਰਿਪੋਰਟ ਕਾਰਡ|ਨਤੀਜਾ|ਨਤੀਜੇ",
    ),
    _c("camp", "camp|camping|overnight|outdoor school|kampo|营|露营|夏令营|ਕੈਂਪ", 0.9),
    _c("garden", "garden|gardening|plant|planting|hardin|halaman|花园|种植|园艺|ਬਾਗ|ਬਗੀਚਾ", 0.8),
    _c(
        "sing-along",
        "sing-along|singalong|sing along|songs|singing|kanta|kantahan|唱歌|歌|ਗਾਣ|ਗੀਤ",
        0.9,
    ),
)

# What the question asks for, and which items that points at.
ASKS: tuple[Concept, ...] = (
    _c(
        "money",
        "how much|cost|costs|price|fee|fees|pay|paid|payment|payments|$|dollars|money|"
        "deposit|balance|ticket|tickets|tiket|deposito|定金|押金|余款|门票|票|ਟਿਕਟ|ਜਮ੍ਹਾਂ|"
        "magkano|bayad|magbayad|presyo|多少钱|钱|费用|费|付款|交钱|价格|元|"
        "ਕਿੰਨੇ ਦੀ|ਕਿੰਨੇ ਦਾ|ਕਿੰਨੇ ਪੈਸੇ|ਪੈਸੇ|ਫੀਸ|ਕੀਮਤ|ਭਰਨੀ|ਭਰਨਾ|ਡਾਲਰ|kinne di|kinne da|paise|fees",
    ),
    _c(
        "form",
        "form|forms|permission|permission slip|slip|consent|waiver|sign|signed|paperwork|"
        "opt-out|opt out|medical form|health form|"
        "pirma|papel|表|表格|同意书|回执|签字|签名|许可|ਫਾਰਮ|ਫ਼ਾਰਮ|ਸਹਿਮਤੀ|ਦਸਤਖਤ|ਇਜਾਜ਼ਤ|ਪਰਚੀ|"
        "form bharna",
    ),
    _c(
        "deadline",
        "deadline|due|cutoff|cut-off|cut off|last day|last date|by when|until when|close|"
        "closes|closing|hanggang kailan|hanggang|huling araw|deadline po|截止|之前|"
        "什么时候交|最后|交|ਆਖਰੀ|ਕਦੋਂ ਤੱਕ|ਤੱਕ|last date|kado tak|kadon tak",
    ),
    _c(
        "range",
        "from when|how long|how many days|which days|start and end|ilang araw|mula kailan|"
        "hanggang kailan ang|多久|几天|从什么时候|从几号|到几号|ਕਦੋਂ ਤੋਂ|ਕਿੰਨੇ ਦਿਨ|kado ton|kadon ton",
    ),
    _c(
        "bring",
        "bring|send|pack|wear|dadalhin|dalhin|magdala|ipapadala|dala|带|带什么|准备|穿|送|"
        "ਲੈ ਕੇ|ਲਿਆਉਣ|ਭੇਜਣ|ਭੇਜਣਾ|ਲਿਆਉਣਾ|lai ke|leke",
    ),
    _c(
        "rsvp",
        "rsvp|confirm|reply|attend|coming|magsabi|sabihan|"
        "ipaalam|回复|确认|告诉|出席|ਦੱਸਣਾ|ਦੱਸੀਏ|ਆ ਰਹੇ|ਸੂਚਿਤ",
    ),
    _c(
        "time",
        "what time|time|times|start|starts|begin|begins|end|ends|finish|over|o'clock|"
        "anong oras|oras|几点|时间|开始|结束|几点到几点|"
        "ਵਜੇ|ਸਮਾਂ|ਟਾਈਮ|vaje|time ki",
        0.5,
    ),
    _c(
        "where",
        "where|location|place|room|saan|nasaan|哪里|在哪|地点|哪儿|ਕਿੱਥੇ|ਕਿੱਥੋਂ|ਜਗ੍ਹਾ|kithe|kitthe",
        0.4,
    ),
    _c(
        "pickup",
        "pick up|pick-up|pickup|collect|grab|kunin|kukunin|取|领取|拿|接|ਲੈਣ|ਚੁੱਕ|ਲੈ ਜਾ|lain",
        0.7,
    ),
)

# Activities no catalogue is needed for: their names in the four languages. A school's own
# catalogue adds its names and synonyms on top (see `shared.retrieval.terms.ActivityNames`).
ACTIVITY_TRANSLATIONS: dict[str, str] = {
    "basketball": "basketball|hoops|bball|b-ball|basket|篮球|ਬਾਸਕਟਬਾਲ|ਬਾਸਕਿਟਬਾਲ",
    "volleyball": "volleyball|volley|vball|排球|ਵਾਲੀਬਾਲ|ਵਾਲੀਬਾਲ",
    "soccer": "soccer|football|futbol|足球|ਫੁੱਟਬਾਲ|ਫੁਟਬਾਲ|ਸੌਕਰ",
    "futsal": "futsal|indoor soccer|室内足球|五人制足球|ਫੁਟਸਾਲ",
    "badminton": "badminton|羽毛球|ਬੈਡਮਿੰਟਨ",
    "floor-hockey": "floor hockey|hockey|曲棍球|冰球|ਹਾਕੀ",
    "ultimate": "ultimate|frisbee|ultimate frisbee|飞盘|ਫ੍ਰਿਸਬੀ",
    "ultimate-frisbee": "ultimate|frisbee|ultimate frisbee|飞盘|ਫ੍ਰਿਸਬੀ",
    "wrestling": "wrestling|buno|摔跤|摔角|ਕੁਸ਼ਤੀ|kushti",
    "track-and-field": "track and field|track & field|track|athletics|takbuhan|田径|ਅਥਲੈਟਿਕਸ|ਦੌੜ",
    "cross-country": "cross-country|cross country|running|越野|越野跑|ਕਰਾਸ ਕੰਟਰੀ|ਦੌੜ",
    "running": "running|run club|jogging|takbo|跑步|ਦੌੜ|ਦੌੜਨਾ",
    "jump-rope": "jump rope|skipping|skip rope|lubid|跳绳|ਰੱਸੀ",
    "ski-snowboard": "ski|skiing|snowboard|snowboarding|滑雪|ਸਕੀ",
    "swimming": "swimming|swim|langoy|游泳|ਤੈਰਾਕੀ",
    "choir": "choir|chorus|singing|koro|kanta|合唱|合唱团|合唱队|唱歌|ਕੋਆਇਰ|ਕੋਇਰ|ਕੋਰਸ|ਗਾਇਨ|ਗਾਉਣ",
    "band": "band|concert band|musical instruments|banda|乐队|乐团|管乐|ਬੈਂਡ",
    "jazz-band": "jazz band|jazz|爵士|爵士乐队|ਜੈਜ਼",
    "strings": "strings|orchestra|violin|弦乐|管弦乐|小提琴|ਵਾਇਲਨ",
    "ukulele": "ukulele|uke|尤克里里|ਯੂਕੁਲੇਲੇ",
    "recorder": "recorder|竖笛|ਰਿਕਾਰਡਰ",
    "drama": "drama|theatre|theater|acting|musical|play|dula|teatro|"
    "戏剧|话剧|音乐剧|表演|ਨਾਟਕ|ਡਰਾਮਾ",
    "robotics": "robotics|robot|robots|robotika|机器人|ਰੋਬੋਟਿਕਸ|ਰੋਬੋਟ",
    "coding": "coding|code|programming|computer|编程|程序|电脑|ਕੋਡਿੰਗ|ਕੰਪਿਊਟਰ",
    "lego": "lego|legos|building blocks|乐高|积木|ਲੀਗੋ|ਲੈਗੋ",
    "chess": "chess|ahedres|chess club|象棋|国际象棋|棋|ਸ਼ਤਰੰਜ|shatranj",
    "debate": "debate|debating|public speaking|debate club|辩论|ਬਹਿਸ|ਡਿਬੇਟ",
    "art": "art|arts|painting|drawing|sining|美术|画画|艺术|ਕਲਾ|ਆਰਟ",
    "garden": "garden|gardening|hardin|花园|园艺|ਬਾਗ|ਬਗੀਚਾ",
    "garden-club": "garden|gardening|hardin|花园|园艺|ਬਾਗ|ਬਗੀਚਾ",
}

# Words that carry no topic in any of the four languages: question words, particles, the
# words for "school", "child", "parent" that every item would share.
_STOPWORD_TEXT = """
    a an the and or of to in on at for by with from is are was be do does did will would can
    could should i me my we our us you your he she his her they them their it its this that
    these those there here what whats when whens where wheres who why how which whether if
    any some r u n y pls please hi hello thanks thank ok okay yes no not just also about
    get got go going come comes kid kids child children son daughter boy girl baby youngest
    oldest school schools class grade grades gr parent parents families mom dad
    year week day days month today need needs have has had there's im i'm it's is there
    po ba ang ng sa mga yung ung na ay may si ni kay ko mo niya namin natin nila ako ikaw
    siya kami tayo sila ito iyan iyon dito diyan doon kung para pero at o din rin lang pa
    naman kasi nga daw raw ho opo hindi oo kelan kailan ano anong sino saan paano pano
    bakit ilan magkano oras araw anak bata eskwela eskwelahan paaralan
    ji jee da di de nu nū vich ch te ton tak hai haan aa ae ne ki kehdi kehda kado kadon
    kithe kinna kinne main mera meri mere sada sadi sade tusi ohna oh eh wale wala wali
    ਜੀ ਦਾ ਦੀ ਦੇ ਨੂੰ ਵਿੱਚ ਤੇ ਤੋਂ ਹੈ ਹਨ ਨੇ ਕੀ ਕਿ ਕਦੋਂ ਕਿੱਥੇ ਮੇਰਾ ਮੇਰੀ ਮੇਰੇ ਬੱਚੇ ਬੱਚਿਆਂ
    ਸਕੂਲ ਵਾਲੇ ਵਾਲਾ ਵਾਲੀ ਕੋਈ ਹੋਊ ਨਹੀਂ ਜਾਂ ਅਤੇ ਇਹ ਉਹ ਹਾਂ ਜੀ
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split())
