import json, os
HERE = os.path.dirname(os.path.abspath(__file__))
A = 'birchwood-hollow-principal-letter.pdf'; B = 'lakeshore-pines-middle-bulletin.pdf'
C = 'quarry-creek-pta-news.pdf'; D = 'prairie-rose-kindergarten-note.pdf'
Q = [
 # en
 (B, 'en', "is there school on the 8th?? kids said smth about a PA day", ["PA Day - no school"], None),
 (B, 'en', "how much is the gr 6 camp and when is the money due", ["Outdoor Ed forms and $145 payment due"], [6]),
 (B, 'en', "my daughter is in 7, what does she need to bring for volleyball tryouts", ["Girls' volleyball tryouts"], [7]),
 (A, 'en', "does my gr3 kid need anything for swimming? what time do they go", ["Grade 3 swimming lessons"], [3]),
 (A, 'en', "no school this fri?? whats going on", ["Professional learning day - no classes"], None),
 (A, 'en', "is the school council mtg the same night as the art walk?", ["Student Art Walk", "School Council meeting"], None),
 (C, 'en', "whats the last day to order hoodies", ["Spirit wear store closes"], None),
 (C, 'en', "i can help at science night, what time wld i need to be there", ["Science Night station helpers needed"], None),
 (D, 'en', "what do i send in for the 100 days thing", ["100th Day of School"], [0]),
 (A, 'en', "when is sports day this yr", [], None),
 (B, 'en', "whens the winter concert", [], None),
 (C, 'en', "does the school bus stop on flint ridge rd?", [], None),
 # pa
 (A, 'pa', "ਮੇਰੀ ਕੁੜੀ ਦੂਜੀ ਜਮਾਤ ਵਿੱਚ ਹੈ, ਦਹੀਂ ਵਾਲਾ ਖਾਲੀ ਡੱਬਾ ਕਦੋਂ ਤੱਕ ਭੇਜਣਾ ਹੈ?", ["Grade 2: send an empty yogurt container"], [2]),
 (A, 'pa', "ਵਿਕਟੋਰੀਆ ਡੇਅ ਨੂੰ ਸਕੂਲ ਦੀ ਛੁੱਟੀ ਹੈ?", ["Victoria Day - no school"], None),
 (A, 'pa', "track meet te ki ki lai ke jana? munda 5vi ch aa", ["District track meet"], [5]),
 (A, 'pa', "ਛੋਟੇ ਬੇਟੇ ਦੀ kindergarten registration ਕਿਵੇਂ ਕਰਨੀ ਹੈ? ਉਹ 2022 ਵਿੱਚ ਜੰਮਿਆ ਸੀ", ["Kindergarten registration for September 2027"], None),
 (B, 'pa', "ਥੈਂਕਸਗਿਵਿੰਗ ਵਾਲੇ ਸੋਮਵਾਰ ਸਕੂਲ ਖੁੱਲ੍ਹਾ ਹੈ ਕਿ ਬੰਦ?", ["Thanksgiving - school closed"], None),
 (B, 'pa', "coding club vich naam kiven likhvauna? kehde din hunda", ["Coding Club"], None),
 (B, 'pa', "ਦੁੱਧ ਵਾਲੇ ਪ੍ਰੋਗਰਾਮ ਦਾ ਆਰਡਰ ਕਦੋਂ ਤੱਕ ਕਰਨਾ ਹੈ ਜੀ?", ["Term 1 milk program orders close"], None),
 (C, 'pa', "Bingo night ਕਿੰਨੇ ਵਜੇ ਹੈ? ਕੋਈ ਫੀਸ ਲੱਗੂ?", ["Family Bingo Night"], None),
 (D, 'pa', "ਮਿਊਜ਼ੀਅਮ ਵਾਲਾ ਟ੍ਰਿਪ ਕਿਹੜੇ ਦਿਨ ਹੈ? ਫ਼ਾਰਮ ਤੇ ਪੈਸੇ ਕਦੋਂ ਤੱਕ ਦੇਣੇ ਨੇ?",
  ["Field trip to the Prairie Discovery Children's Museum", "Field trip permission form and $6 due"], [0]),
 (C, 'pa', "auction layi saman kithe te kado tak dena?", ["Auction donations due"], None),
 (B, 'pa', "ਗ੍ਰੇਡ 8 ਦੀ ਗ੍ਰੈਜੂਏਸ਼ਨ ਕਦੋਂ ਹੈ?", [], [8]),
 (D, 'pa', "spring break kado ton aa ji?", [], None),
 # tl
 (D, 'tl', "Ano po dadalhin ng anak ko sa Feb 12? Kinder po siya", ["Valentine card exchange"], [0]),
 (D, 'tl', "Anong oras po babalik yung bus galing museum?", ["Field trip to the Prairie Discovery Children's Museum"], [0]),
 (D, 'tl', "Pwede po ako sumama sa field trip, paano po mag volunteer?", ["Parent helpers needed for the museum trip"], [0]),
 (D, 'tl', "Kelan po yung conference? may Tagalog interpreter ba?", ["Parent-teacher conferences"], None),
 (D, 'tl', "May pasok po ba sa Lunes Feb 15?", ["Louis Riel Day - no school"], None),
 (D, 'tl', "anong araw po ba isasauli yung library book?", ["Library book exchange on Tuesdays"], [0]),
 (C, 'tl', "Hanggang kailan po pwede mag renew ng background check para maka volunteer?", ["Volunteer background check renewal deadline"], None),
 (C, 'tl', "Ilang araw po walang pasok sa February? break ba yun?", ["Mid-winter break - no school"], None),
 (A, 'tl', "Yung Grade 4 ko gusto sumali sa track team, need pa ba mag sign up?", ["Track team lunch practices (Grades 4-5)"], [4]),
 (B, 'tl', "Kelan po yung Halloween dance ng grade 8? magkano entrance?", ["Halloween Dance (Grades 7-8)"], [8]),
 (C, 'tl', "Kailan po ang Field Day?", [], None),
 (A, 'tl', "Magkano po ang bayad sa swimming ng grade 3?", [], [3]),
 # zh
 (C, 'zh', "Read-a-thon 的捐款信封什么时候交？", ["Read-a-thon pledge envelopes due"], None),
 (C, 'zh', "PTA开会几点？可以带小孩去吗？", ["PTA general meeting"], None),
 (C, 'zh', "Basalt Pizza 那个活动是哪天？几点到几点？", ["Dine-out night at Basalt Pizza Co."], None),
 (C, 'zh', "孩子今年9月上幼儿园，学校有没有说明会？", ["Kindergarten Round-Up"], None),
 (B, 'zh', "7年级的science fair proposal几号交？", ["Science fair proposals due"], [7]),
 (B, 'zh', "六年级去Camp Tamarack是哪几天？钱什么时候交？",
  ["Grade 6 Outdoor Education trip to Camp Tamarack", "Outdoor Ed forms and $145 payment due"], [6]),
 (B, 'zh', "越野跑比赛在哪里？要带什么？", ["District cross-country meet"], None),
 (A, 'zh', "周四下午学校捡垃圾的活动要带什么？", ["Earth Day neighbourhood clean-up walk"], None),
 (A, 'zh', "合唱团的音乐会是几号几点？我女儿四年级", ["Junior Choir Spring Concert"], [4]),
 (B, 'zh', "8年级有没有去多伦多的毕业旅行？", [], [8]),
 (C, 'zh', "学校有没有中文课后班？", [], None),
 (A, 'zh', "五年级毕业典礼是几号？", [], [5]),
]
with open(os.path.join(HERE, '..', 'questions.jsonl'), 'w', encoding='utf-8') as f:
    for i, (src, lang, text, ans, cg) in enumerate(Q, 1):
        f.write(json.dumps({"id": f"q{i:03d}", "source": src, "lang": lang, "text": text, "answers": ans,
                            "child_grades": cg}, ensure_ascii=False) + '\n')
print(len(Q), 'questions')
