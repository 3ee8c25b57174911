"""Validate the blind7 set: labels schema, weekday/date consistency in PDF text, label dates, questions, intents."""
import json, re, datetime, glob, os, sys, itertools
import pypdf
HERE = os.path.dirname(os.path.abspath(__file__)); ROOT = os.path.normpath(os.path.join(HERE, '..'))
NL = os.path.join(ROOT, 'newsletters')
KEYS = ["title", "category", "start_date", "end_date", "start_time", "end_time", "grades", "activities",
        "action_required", "location", "recurrence"]
TOP = ["source", "school", "issued_on", "timezone", "grades_offered", "activities_catalog", "items"]
CATS = {"event", "deadline", "closure", "meeting", "fundraiser", "volunteer", "announcement"}
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
MON = {m[:3]: i for i, m in enumerate(MONTHS, 1)}
TLMON = {m: i for i, m in enumerate(["enero", "pebrero", "marso", "abril", "mayo", "hunyo", "hulyo", "agosto", "setyembre",
                                      "oktubre", "nobyembre", "disyembre"], 1)}
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
TLDAYS = {"lunes": 0, "martes": 1, "miyerkules": 2, "huwebes": 3, "biyernes": 4, "sabado": 5, "linggo": 6}
# label dates that the text gives only in relative form ("this Wednesday", "next Monday", ...), relative to issued_on
RELATIVE_OK = {
 ("birchwood-hollow-principal-letter", "2027-04-21"): "this Wednesday (letter dated Monday, April 19)",
 ("birchwood-hollow-principal-letter", "2027-04-22"): "this Thursday / Earth Day",
 ("birchwood-hollow-principal-letter", "2027-04-23"): "this Friday",
 ("birchwood-hollow-principal-letter", "2027-04-26"): "next Monday",
 ("birchwood-hollow-principal-letter", "2027-04-27"): "next Tuesday",
 ("birchwood-hollow-principal-letter", "2027-04-29"): "the following evening (after Wednesday, April 28)",
}
bad = 0
def err(*a):
    global bad; bad += 1; print('ERROR', *a)
def toks(s): return set(re.sub(r'[\W_]+', ' ', (s or '').lower()).split())
def ratio(a, b):
    A, B = toks(a), toks(b); return len(A & B) / min(len(A), len(B)) if A and B else 0.0

labels = {}
for lf in sorted(glob.glob(f'{NL}/*.labels.json')):
    L = json.load(open(lf, encoding='utf-8')); name = os.path.basename(lf).replace('.labels.json', '')
    if list(L) != TOP: err(name, 'top-level keys', list(L))
    if L['source'] != name + '.pdf': err(name, 'source')
    labels[L['source']] = L
    iss = datetime.date.fromisoformat(L['issued_on'])
    sy = iss.year if iss.month >= 8 else iss.year - 1
    def yr(m): return sy if m >= 8 else sy + 1
    pdf = f'{NL}/{name}.pdf'
    text = '\n'.join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)
    flat = re.sub(r'\s+', ' ', text)
    n = 0
    # English "Weekday, Month D" / "Wed, Oct 6"
    for m in re.finditer(r'\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,? (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (\d{1,2})\b', flat):
        mo, d = MON[m.group(2).lower()], int(m.group(3)); dt = datetime.date(yr(mo), mo, d); n += 1
        if DAYS[dt.weekday()] != m.group(1).lower(): err(name, 'weekday mismatch:', m.group(0), dt)
    # numeric "Thu 1/13", "Fri 2/4"
    for m in re.finditer(r'\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.? (\d{1,2})/(\d{1,2})\b', flat):
        mo, d = int(m.group(2)), int(m.group(3)); dt = datetime.date(yr(mo), mo, d); n += 1
        if DAYS[dt.weekday()] != m.group(1).lower(): err(name, 'weekday mismatch:', m.group(0), dt)
    # Tagalog "Huwebes, Pebrero 11"
    for m in re.finditer(r'\b(Lunes|Martes|Miyerkules|Huwebes|Biyernes|Sabado|Linggo),? (' + '|'.join(TLMON) + r') (\d{1,2})\b', flat, re.I):
        mo, d = TLMON[m.group(2).lower()], int(m.group(3)); dt = datetime.date(yr(mo), mo, d); n += 1
        if TLDAYS[m.group(1).lower()] != dt.weekday(): err(name, 'weekday mismatch (tl):', m.group(0), dt)
    # issue-date line
    idt = iss
    if not re.search(rf'{["Monday","Tuesday","Wednesday","Thursday","Friday","Saturday","Sunday"][idt.weekday()]}, {MONTHS[idt.month-1].title()} {idt.day}, {idt.year}', flat):
        err(name, 'issue date not stated with weekday in text')
    print(f'{name}: {len(text)} chars of text, {n} weekday+date mentions checked, {len(L["items"])} items, tz {L["timezone"]}')
    for it in L['items']:
        if list(it) != KEYS: err(name, 'keys', it.get('title'))
        if it['category'] not in CATS: err(name, 'cat', it['title'])
        sd = it['start_date']
        if sd:
            d = datetime.date.fromisoformat(sd)
            if not (datetime.date(sy, 8, 1) <= d <= datetime.date(sy + 1, 7, 31)): err(name, 'outside school year', it['title'])
            if d < iss: err(name, 'before issue date', it['title'])
            mn = MONTHS[d.month - 1]
            pats = [rf'\b{mn} {d.day}\b', rf'\b{mn[:3]} {d.day}\b', rf'\b{d.month}/{d.day}\b']
            if not any(re.search(p, flat, re.I) for p in pats) and (name, sd) not in RELATIVE_OK:
                err(name, 'date not in text', it['title'], sd)
        if it['end_date']:
            if not sd or it['end_date'] <= sd: err(name, 'end_date', it['title'])
            if it['recurrence']: err(name, 'recurring item with end_date', it['title'])
        for k in ('start_time', 'end_time'):
            if it[k] is not None and not re.fullmatch(r'([01]\d|2[0-3]):[0-5]\d', it[k]): err(name, k, it['title'])
        if it['end_time'] and not it['start_time']: err(name, 'end_time without start_time', it['title'])
        if it['end_time'] and it['start_time'] and it['end_time'] <= it['start_time']: err(name, 'time order', it['title'])
        g = it['grades']
        if g != 'all' and (not isinstance(g, list) or g != sorted(g) or not g or not set(g) <= set(L['grades_offered'] + [-1])):
            err(name, 'grades', it['title'])
        if not set(it['activities']) <= set(L['activities_catalog']): err(name, 'activities', it['title'])
        if not isinstance(it['action_required'], bool): err(name, 'action', it['title'])
        r = it['recurrence']
        if r:
            parts = dict(p.split('=') for p in r.split(';'))
            byday = parts['BYDAY'].split(',')
            if DAYS[datetime.date.fromisoformat(sd).weekday()][:2].upper() not in byday: err(name, 'rrule start weekday', it['title'])
            if 'UNTIL' in parts:
                u = datetime.datetime.strptime(parts['UNTIL'], '%Y%m%d').date()
                if DAYS[u.weekday()][:2].upper() not in byday: err(name, 'rrule until weekday', it['title'])
    titles = [i['title'] for i in L['items']]
    if len(set(t.strip().lower() for t in titles)) != len(titles): err(name, 'duplicate titles')
    for x, y in itertools.combinations(L['items'], 2):
        if x['start_date'] == y['start_date'] and ratio(x['title'], y['title']) >= 0.5:
            print('NOTE', name, 'same-date labels with title ratio >= 0.5 (one-to-one matching resolves them by Jaccard):',
                  x['title'], '|', y['title'])

# questions
Q = [json.loads(l) for l in open(f'{ROOT}/questions.jsonl', encoding='utf-8')]
ids = set()
for q in Q:
    if list(q) != ["id", "source", "lang", "text", "answers", "child_grades"]: err(q.get('id'), 'question keys')
    if q['id'] in ids: err(q['id'], 'dup id')
    ids.add(q['id'])
    if q['lang'] not in ('en', 'pa', 'tl', 'zh'): err(q['id'], 'lang')
    L = labels.get(q['source'])
    if not L: err(q['id'], 'unknown source'); continue
    by = {i['title']: i for i in L['items']}
    for a in q['answers']:
        if a not in by: err(q['id'], 'answer not a title:', a); continue
        g = by[a]['grades']
        if q['child_grades'] is not None and g != 'all' and not set(g) & set(q['child_grades']):
            err(q['id'], 'answer not visible to child_grades', a)
    if q['child_grades'] is not None and not all(isinstance(x, int) for x in q['child_grades']): err(q['id'], 'child_grades')
from collections import Counter
print('questions:', len(Q), dict(Counter(q['lang'] for q in Q)), 'unanswerable:', sum(not q['answers'] for q in Q),
      dict(Counter(q['lang'] for q in Q if not q['answers'])), 'by source:', dict(Counter(q['source'] for q in Q)))
# intents
INT = {"done", "help", "query", "report_error", "stop", "start", "change_language", "smalltalk"}
R = [json.loads(l) for l in open(f'{ROOT}/intents.jsonl', encoding='utf-8')]
for r in R:
    if list(r) != ["text", "lang", "intent", "item_ref", "language"]: err(r, 'intent keys')
    if r['intent'] not in INT: err(r, 'intent label')
    if r['lang'] not in ('en', 'pa', 'tl', 'zh'): err(r, 'lang')
    if (r['intent'] == 'change_language') != (r['language'] is not None): err(r, 'language field')
    if r['intent'] == 'done' and not isinstance(r['item_ref'], int): err(r, 'done without item_ref')
    nums = re.findall(r'\d+', r['text']) + [str(i) for i, w in enumerate(['zero', 'one', 'two', 'three'], 0) if re.search(rf'\b{w}\b', r['text'].lower())]
    if r['item_ref'] is not None and str(r['item_ref']) not in nums and r['lang'] != 'zh': err(r, 'item_ref not in text')
print('intents:', len(R), dict(Counter(r['lang'] for r in R)), dict(Counter(r['intent'] for r in R)))
print('errors:', bad)
sys.exit(1 if bad else 0)
