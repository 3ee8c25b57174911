import sys, re, datetime, json, glob
sys.path.insert(0, '/tmp/b5lib')
from pypdf import PdfReader
WD = {'mon':0,'tue':1,'wed':2,'thu':3,'fri':4,'sat':5,'sun':6}
MO = {m:i+1 for i,m in enumerate(['jan','feb','mar','apr','may','jun','jul','aug','sep','oct','nov','dec'])}
wd = r'(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?'
mo = r'(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?'
def yr(m, issued):
    y = issued.year
    # school year Sept..June
    return 2026 if m >= 8 else 2027
bad = 0
for pdf in sorted(glob.glob('/work/blind5/newsletters/*.pdf')):
    lab = json.load(open(pdf[:-4] + '.labels.json'))
    issued = datetime.date.fromisoformat(lab['issued_on'])
    text = '\n'.join(p.extract_text() for p in PdfReader(pdf).pages)
    flat = re.sub(r'\s+', ' ', text)
    n = 0
    for m in re.finditer(wd + r',?\s+' + mo + r'\s+(\d{1,2})\b', flat):
        w, mm, d = WD[m.group(1).lower()], MO[m.group(2).lower()], int(m.group(3)); n += 1
        dt = datetime.date(yr(mm, issued), mm, d)
        if dt.weekday() != w: print('BAD', pdf, m.group(0), dt); bad += 1
    for m in re.finditer(mo + r'\s+(\d{1,2})(?:st|nd|rd|th)?\s*\(' + wd + r'\)', flat):
        mm, d, w = MO[m.group(1).lower()], int(m.group(2)), WD[m.group(3).lower()]; n += 1
        dt = datetime.date(yr(mm, issued), mm, d)
        if dt.weekday() != w: print('BAD', pdf, m.group(0), dt); bad += 1
    for it in lab['items']:
        for k in ('start_date','end_date'):
            if it[k]:
                dt = datetime.date.fromisoformat(it[k])
                assert datetime.date(2026,8,1) <= dt <= datetime.date(2027,7,31)
    print(pdf.split('/')[-1], 'items', len(lab['items']), 'weekday-date checks', n, 'chars', len(text))
print('bad', bad)
