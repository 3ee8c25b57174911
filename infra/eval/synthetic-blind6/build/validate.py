import sys, json, re, glob, datetime
sys.path.insert(0,'/tmp/b6lib')
from pypdf import PdfReader
MON = {m:i+1 for i,m in enumerate(['january','february','march','april','may','june','july','august','september','october','november','december'])}
MON.update({'jan':1,'feb':2,'mar':3,'apr':4,'jun':6,'jul':7,'aug':8,'sep':9,'sept':9,'oct':10,'nov':11,'dec':12})
TLM = {'enero':1,'pebrero':2,'marso':3,'abril':4,'mayo':5,'hunyo':6}
MON.update(TLM)
WD = {'mon':0,'tue':1,'tues':1,'wed':2,'thu':3,'thur':3,'thurs':3,'fri':4,'sat':5,'sun':6,'monday':0,'tuesday':1,'wednesday':2,'thursday':3,'friday':4,'saturday':5,'sunday':6,
      'lunes':0,'martes':1,'miyerkules':2,'huwebes':3,'biyernes':4,'sabado':5,'linggo':6}
for pdf in sorted(glob.glob('/work/blind6/newsletters/*.pdf')):
    lab = json.load(open(pdf.replace('.pdf','.labels.json')))
    iss = datetime.date.fromisoformat(lab['issued_on'])
    text = ' '.join(p.extract_text() for p in PdfReader(pdf).pages)
    bad = 0; n = 0
    for m in re.finditer(r'\b([A-Za-z]+)\.?,?\s+([A-Za-z]+)\.?\s+(\d{1,2})\b', text):
        w, mo, d = m.group(1).lower(), m.group(2).lower(), int(m.group(3))
        if w in WD and mo in MON:
            y = iss.year if MON[mo] >= iss.month or iss.month < 8 and MON[mo] >= 1 and MON[mo] < 8 and iss.month<=MON[mo] else iss.year+1
            y = iss.year if (MON[mo] >= 8) == (iss.month >= 8) else (iss.year + 1 if iss.month >= 8 else iss.year - 1)
            dt = datetime.date(y, MON[mo], d); n += 1
            if dt.weekday() != WD[w]:
                bad += 1; print('BAD', pdf, m.group(0), dt, dt.strftime('%a'))
    # label sanity
    for it in lab['items']:
        for k in ('start_date','end_date'):
            if it[k]: datetime.date.fromisoformat(it[k])
        if it['activities']: assert set(it['activities']) <= set(lab['activities_catalog']), it
    print(pdf.split('/')[-1], 'items', len(lab['items']), 'weekday-checks', n, 'bad', bad, 'chars', len(text))
    titles=[i['title'] for i in lab['items']]; assert len(set(titles))==len(titles)
