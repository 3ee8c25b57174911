import json
C, F, L, O = 'cedar-hollow-weekly.pdf', 'fernbrook-middle-may.pdf', 'lakeshore-pta-november.pdf', 'oakridge-english-chinese.pdf'
Q = [
 (C, 'en', "is pj day this fri? do they need money for popcorn", ["Pyjama & Popcorn Day"], None),
 (C, 'en', "my son's in gr 3, when is the aquarium money due and how much", ["Aquarium permission form and $12 fee due"], [3]),
 (C, 'en', "do report cards come home this month?", [], None),
 (C, 'pa', "ਮੇਰੀ ਧੀ ਕਿੰਡਰਗਾਰਟਨ ਵਿੱਚ ਹੈ, ਅੱਖਾਂ ਦਾ ਟੈਸਟ ਕਦੋਂ ਹੈ? ਕੁਝ ਭੇਜਣਾ ਪਊ?", ["Kindergarten vision screening"], [0]),
 (C, 'pa', "1 February nu school lagu ke chutti aa?", ["Pro-D Day - no school"], None),
 (C, 'pa', "ਮੁੰਡਾ ਗ੍ਰੇਡ 1 ਵਿੱਚ ਹੈ, lego ਵਾਲੇ club ਵਿੱਚ ਨਾਂ ਲਿਖਾਉਣ ਦੀ ਆਖਰੀ ਤਰੀਕ ਕਿਹੜੀ ਹੈ?", ["Lego Club registration deadline"], [1]),
 (C, 'tl', "Grade 4 po anak ko, kailan po yung floor hockey tuwing lunch?", ["Floor Hockey Intramurals"], [4]),
 (C, 'tl', "Grade 1 po anak ko, ano po ba dadalhin niya sa 100th day?", ["100th Day of School"], [1]),
 (C, 'tl', "Magkano po ang bayad para sa parent na gustong sumama sa aquarium?", [], None),
 (C, 'zh', "二月份的热午餐几号截止订？", ["February hot lunch ordering closes"], None),
 (C, 'zh', "我儿子四年级，集会上的尤克里里表演是几点？", ["Ukulele Club performance at assembly"], [4]),
 (C, 'zh', "阅读挑战从哪天到哪天？需要家长签字吗", ["Winter Reading Challenge"], None),
 (F, 'en', "when do the grade 6 kids leave for camp and when r they back", ["Grade 6 Camp at Camp Elkwood"], [6]),
 (F, 'en', "is there school on the 24th", ["Victoria Day - school closed"], None),
 (F, 'en', "does my 7th grader need to hand in anything for the ultimate tourney?", ["Ultimate tournament permission slips due"], [7]),
 (F, 'pa', "ਬੈਂਡ ਵਾਲਾ concert ਕਿੰਨੇ ਵਜੇ ਹੈ? ਟਿਕਟ ਲੱਗੂ?", ["Band & Jazz Band Spring Concert"], None),
 (F, 'pa', "meri kudi 7th vich aa, elective wala form kado tak dena?", ["Grade 7 elective selection forms due"], [7]),
 (F, 'pa', "ultimate frisbee ਵਾਲੇ ਦਿਨ ਬੱਚਿਆਂ ਨੂੰ ਪਾਰਕ ਤੱਕ ਕੌਣ ਲੈ ਕੇ ਜਾਊ? ਬੱਸ ਹੈ?", [], [8]),
 (F, 'tl', "Kelan po yung career fair ng grade 8? Anong oras po matatapos?", ["Grade 8 Career Fair"], [8]),
 (F, 'tl', "Hanggang kailan po pwede mag-bayad ng deposit para sa camp? Grade 6 po anak ko", ["Grade 6 camp deposit due"], [6]),
 (F, 'tl', "May pasok po ba sa May 21?", ["Pro-D Day - no classes"], None),
 (F, 'zh', "我孩子在田径队，区里的比赛在哪里？几点开始", ["District Track Meet"], None),
 (F, 'zh', "六年级露营的家长说明会是哪天晚上？", ["Grade 6 Camp Information Night"], [6]),
 (F, 'zh', "Drama club 的话剧是哪天演出？", ["Drama Club spring play"], None),
 (L, 'en', "i can help at the book fair for an hour, how do i sign up", ["Book Fair volunteer cashiers"], None),
 (L, 'en', "when do poinsettia orders have to be in", ["Poinsettia & Wreath Fundraiser orders due"], None),
 (L, 'en', "what movie r they showing at movie night?", [], None),
 (L, 'pa', "ਪੁਰਾਣੀਆਂ ਜੈਕਟਾਂ ਤੇ ਬੂਟ ਕਿੱਥੇ ਛੱਡਣੇ ਨੇ? ਕਦੋਂ ਤੱਕ?", ["Coat & Boot Drive"], None),
 (L, 'pa', "PTA di meeting kinne vaje aa te kithe?", ["PTA General Meeting"], None),
 (L, 'pa', "ਮੈਂ ਕਰਾਫਟ ਮੇਲੇ ਵਿੱਚ ਆਪਣਾ ਟੇਬਲ ਲਾਉਣਾ ਹੈ, ਅਰਜ਼ੀ ਕਦੋਂ ਤੱਕ ਭੇਜਣੀ ਹੈ?", ["Craft Fair vendor applications due"], None),
 (L, 'tl', "Pwede po ako mag-bake para sa bake sale, kailan at saan po ihahatid?", ["Bake sale donations drop-off"], None),
 (L, 'tl', "May pasok po ba sa Nov 11?", ["Remembrance Day - no school"], None),
 (L, 'tl', "May parking po ba malapit sa craft fair? Dami kasing tao usually", [], None),
 (L, 'zh', "圣诞花什么时候可以去取？", ["Poinsettia & wreath pick-up"], None),
 (L, 'zh', "我想做hot lunch志愿者，怎么报名？", ["Hot lunch helper sign-up"], None),
 (L, 'zh', "书展可以刷卡吗？", [], None),
 (O, 'en', "whens pink shirt day", ["Pink Shirt Day"], None),
 (O, 'en', "can i still book a conference slot, whats the cutoff", ["Conference online booking closes"], None),
 (O, 'en', "how much r the picture retakes", [], None),
 (O, 'pa', "ਮੇਰਾ ਮੁੰਡਾ ਸਤੰਬਰ ਵਿੱਚ kindergarten ਸ਼ੁਰੂ ਕਰੂਗਾ, ਦਾਖਲਾ ਕਦੋਂ ਤੱਕ ਕਰਾਉਣਾ?", ["Kindergarten Registration for September 2027"], [-1]),
 (O, 'pa', "ਮੇਰੀ ਕੁੜੀ ਛੇਵੀਂ ਵਿੱਚ ਹੈ, badminton ਲਈ racket ਸਕੂਲ ਦਿੰਦਾ ਜਾਂ ਆਪ ਲੈ ਕੇ ਜਾਣਾ?", [], [6]),
 (O, 'pa', "15 February nu school band aa?", ["Family Day - School Closed"], None),
 (O, 'tl', "Gusto ko po tumulong sa dumpling making, Grade 2 anak ko. Hanggang kailan po ako pwede mag-reply?", ["Dumpling volunteer reply deadline", "Dumpling-Making Volunteers Needed"], [2]),
 (O, 'tl', "Kinder po anak ko, kailangan ko po ba magpadala ng cards para sa Valentine's?", ["Valentine's Card Exchange"], [0]),
 (O, 'tl', "May libreng pagkain po ba pagkatapos ng Lunar New Year assembly?", [], None),
 (O, 'zh', "春节集会几点开始？家长可以去看吗？", ["Lunar New Year Celebration Assembly"], None),
 (O, 'zh', "一年级的牙齿检查要交表格吗？", ["Dental Screening"], [1]),
 (O, 'zh', "家长会的时候有中文翻译吗？", [], None),
]
labs = {}
for src in (C, F, L, O):
    labs[src] = json.load(open('/work/blind5/newsletters/' + src.replace('.pdf', '.labels.json')))
with open('/work/blind5/questions.jsonl', 'w', encoding='utf-8') as f:
    for n, (src, lang, text, ans, cg) in enumerate(Q, 1):
        items = {i['title']: i for i in labs[src]['items']}
        for a in ans:
            it = items[a]
            if cg is not None:
                assert it['grades'] == 'all' or set(it['grades']) & set(cg), (n, a)
        f.write(json.dumps({"id": f"q{n:03d}", "source": src, "lang": lang, "text": text, "answers": ans, "child_grades": cg}, ensure_ascii=False) + '\n')
import collections
print(len(Q), collections.Counter(q[1] for q in Q), 'unans', collections.Counter(q[1] for q in Q if not q[3]))
