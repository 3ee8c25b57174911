import json
A='alder-creek-weekly.pdf'; R='ridgeline-middle-bulletin.pdf'; W='willowbank-pta-letter.pdf'; B='brightwater-tagalog-english.pdf'
Q = [
 # en
 (A,'en',"is there school on the 29th? kids said something about no school",["Pro-D Day - no school"],None),
 (A,'en',"my son is in gr 4 when does the lunch volleyball thing start",["Volleyball intramurals (Grades 4-5)"],[4]),
 (A,'en',"how much is the planetarium trip for my grade 1 daughter? didnt see a price",[],[1]),
 (R,'en',"whats the last day to book the 3 way conference",["Three-way conference booking deadline"],None),
 (R,'en',"what time do kids get out on conference day",["Early dismissal"],None),
 (R,'en',"is there a bus to the debate tourney or do parents drive? my kid's in gr 8",[],[8]),
 (W,'en',"id like to help at the book fair till, where do i sign up",["Book Fair cashier volunteers"],None),
 (W,'en',"last day to order poinsettias??",["Poinsettia & Wreath Fundraiser orders due"],None),
 (W,'en',"when is the spring carnival this yr",[],None),
 (B,'en',"my kid is in grade 5, when is the hatchery money due",["Salmon hatchery permission form and $10 due"],[5]),
 (B,'en',"no school easter monday right? what about good friday",["Easter Long Weekend - School Closed"],None),
 (B,'en',"what time is the potluck, do we have to bring food and tell u by when?",["Multicultural Potluck Night","Potluck dish RSVP due"],None),
 # pa
 (A,'pa',"ਮੇਰੀ ਕੁੜੀ ਕਿੰਡਰਗਾਰਟਨ ਵਿੱਚ ਹੈ, 100 ਚੀਜ਼ਾਂ ਵਾਲਾ ਥੈਲਾ ਕਿਹੜੇ ਦਿਨ ਭੇਜਣਾ ਹੈ?",["100th Day of School bag of 100 things"],[0]),
 (A,'pa',"kudi teeji class vich aa, LEGO club vich naam kithe likhauna?",["LEGO Club"],[3]),
 (A,'pa',"munda 5vi vich aa, camp wali trip kehdi tareekh nu aa?",[],[5]),
 (R,'pa',"ਮੇਰਾ ਮੁੰਡਾ ਛੇਵੀਂ ਵਿੱਚ ਹੈ, ਟੀਕਿਆਂ ਵਾਲਾ ਫਾਰਮ ਕਦੋਂ ਤੱਕ ਵਾਪਸ ਕਰਨਾ ਹੈ?",["Immunization consent forms due"],[6]),
 (R,'pa',"ski trip ਦੇ ਪੈਸੇ ਕਦੋਂ ਤੱਕ ਜਮ੍ਹਾਂ ਕਰਾਉਣੇ ਨੇ? ਮੁੰਡਾ ਗ੍ਰੇਡ 7 ਵਿੱਚ ਹੈ",["Ski trip forms and $45 due"],[7]),
 (R,'pa',"15 ਫਰਵਰੀ ਨੂੰ ਸਕੂਲ ਲੱਗੇਗਾ ਜਾਂ ਛੁੱਟੀ ਹੈ?",["Family Day - no school"],None),
 (W,'pa',"ਮਾਪਿਆਂ ਦੀ ਮੀਟਿੰਗ ਕਿਹੜੇ ਦਿਨ ਹੈ ਤੇ ਕਿੰਨੇ ਵਜੇ?",["PTA General Meeting"],None),
 (W,'pa',"purane jackets te boot daan karne aa, kithe te kado tak dene?",["Clothing swap donations due"],None),
 (W,'pa',"ਗਰੋਸਰੀ ਵਾਲੇ ਗਿਫਟ ਕਾਰਡ ਕਿਵੇਂ ਮੰਗਵਾਉਣੇ ਨੇ?",["Grocery gift card program"],None),
 (B,'pa',"ਮੇਰਾ ਮੁੰਡਾ ਪੰਜਵੀਂ ਵਿੱਚ ਹੈ, ਮੱਛੀਆਂ ਵਾਲੇ hatchery trip ਤੇ ਨਾਲ ਕੀ ਭੇਜਣਾ ਹੈ?",["Grade 4 & 5 Salmon Hatchery Field Trip"],[5]),
 (B,'pa',"ਪੌਦਿਆਂ ਦੀ sale ਵਿੱਚ hanging basket ਕਿੰਨੇ ਡਾਲਰ ਦੀ ਹੈ?",[],None),
 (B,'pa',"PAC di meeting kinne vaje aa te kithe hovegi ji?",["PAC Meeting"],None),
 # tl
 (A,'tl',"Kailan po yung Family Literacy Night? Pwede po ba isama yung bunso ko?",["Family Literacy Night"],None),
 (A,'tl',"Grade 1 po anak ko, anong oras po sila babalik galing planetarium?",["Grade 1 & 2 Lynnwood Planetarium trip"],[1]),
 (A,'tl',"hanggang kelan po pwede mag order ng hot lunch for February?",["February hot lunch orders due"],None),
 (R,'tl',"Magkano po ang ticket sa Band and Drama Showcase?",[],None),
 (R,'tl',"Grade 8 po anak ko, kailan po yung info night tungkol sa high school courses?",["Grade 8 Course Planning Night"],[8]),
 (R,'tl',"anong oras po pwede pumunta sa science fair? grade 6 po si bunso",["Grade 6 Science Fair family viewing"],[6]),
 (W,'tl',"May school bus po ba papuntang Willowbank?",[],None),
 (W,'tl',"Gusto ko po tumulong sa movie night, hanggang kailan po mag sign up at anong oras?",["Movie Night crew sign-up deadline","Movie Night set-up and clean-up crew"],None),
 (W,'tl',"Kelan po pwedeng kunin yung poinsettia na inorder namin?",["Poinsettia & wreath pick-up"],None),
 (B,'tl',"Kailan po ilalabas ang report card ngayong term?",[],None),
 (B,'tl',"Grade 6 po anak ko, kailan po magsisimula ang practice ng track?",["Track & Field Club (Grades 4-7)"],[6]),
 (B,'tl',"Wala po bang pasok sa April 23?",["Pro-D Day - No School"],None),
 # zh
 (A,'zh',"学校的热午餐一份多少钱？",[],None),
 (A,'zh',"农历新年的assembly是几点？家长可以去看吗？",["Lunar New Year Assembly"],None),
 (A,'zh',"我家老大上二年级，跑步俱乐部是星期几早上？几点开始？",["Running Club"],[2]),
 (R,'zh',"三方会谈在哪个教室进行？",[],None),
 (R,'zh',"七年级滑雪那天几点出发，几点回来？",["Grade 7 Ski Trip"],[7]),
 (R,'zh',"粉红衬衫日是哪一天？",["Pink Shirt Day"],None),
 (W,'zh',"幼儿园手工角需要家长送什么材料？",["Send art corner supplies"],[0]),
 (W,'zh',"十二月的hot lunch什么时候截止订餐？",["December hot lunch orders close"],None),
 (W,'zh',"书展是哪几天？在哪里？",["Book Fair"],None),
 (B,'zh',"幼儿园的听力和视力检查是哪天？家长需要准备什么吗？",["Kindergarten Hearing and Vision Screening"],[0]),
 (B,'zh',"Earth Day那天要给孩子带什么？",["Earth Day School Clean-Up"],None),
 (B,'zh',"母亲节订的植物什么时候可以去拿？",["Mother's Day Plant Sale pick-up"],None),
]
labels = {}
for s in (A,R,W,B):
    d = json.load(open('/work/blind6/newsletters/' + s.replace('.pdf','.labels.json')))
    labels[s] = {i['title']: i for i in d['items']}
with open('/work/blind6/questions.jsonl','w',encoding='utf-8') as f:
    for n,(s,l,t,a,g) in enumerate(Q,1):
        for x in a:
            assert x in labels[s], (s,x)
            it = labels[s][x]
            if g: assert it['grades']=='all' or set(it['grades'])&set(g), (t,x)
        f.write(json.dumps({"id":f"q{n:03d}","source":s,"lang":l,"text":t,"answers":a,"child_grades":g},ensure_ascii=False)+'\n')
import collections
print(len(Q), collections.Counter(q[1] for q in Q), 'unans', collections.Counter(q[1] for q in Q if not q[3]))
