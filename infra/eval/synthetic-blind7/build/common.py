import json, os
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'newsletters')
OUT = os.path.normpath(OUT)
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.fonts import addMapping
FD = '/usr/share/fonts/truetype/dejavu/'
for n, f in [('DS', 'DejaVuSans.ttf'), ('DSB', 'DejaVuSans-Bold.ttf'), ('DSI', 'DejaVuSans-Oblique.ttf'), ('DSBI', 'DejaVuSans-BoldOblique.ttf'),
             ('DF', 'DejaVuSerif.ttf'), ('DFB', 'DejaVuSerif-Bold.ttf'), ('DFI', 'DejaVuSerif-Italic.ttf'), ('DFBI', 'DejaVuSerif-BoldItalic.ttf'),
             ('DC', 'DejaVuSansCondensed.ttf'), ('DCB', 'DejaVuSansCondensed-Bold.ttf'), ('DCI', 'DejaVuSansCondensed-Oblique.ttf'), ('DCBI', 'DejaVuSansCondensed-BoldOblique.ttf')]:
    pdfmetrics.registerFont(TTFont(n, FD + f))
for fam in ('DS', 'DF', 'DC'):
    addMapping(fam, 0, 0, fam); addMapping(fam, 1, 0, fam + 'B'); addMapping(fam, 0, 1, fam + 'I'); addMapping(fam, 1, 1, fam + 'BI')

def item(title, category, start_date, start_time=None, end_time=None, grades="all", activities=(), action=False,
         location=None, recurrence=None, end_date=None):
    return {"title": title, "category": category, "start_date": start_date, "end_date": end_date,
            "start_time": start_time, "end_time": end_time,
            "grades": grades if grades == "all" else sorted(grades), "activities": list(activities),
            "action_required": action, "location": location, "recurrence": recurrence}

def write_labels(name, school, issued_on, timezone, grades_offered, catalog, items):
    d = {"source": f"{name}.pdf", "school": school, "issued_on": issued_on, "timezone": timezone,
         "grades_offered": grades_offered, "activities_catalog": catalog, "items": items}
    with open(f'{OUT}/{name}.labels.json', 'w', encoding='utf-8') as f:
        json.dump(d, f, ensure_ascii=False, indent=2); f.write('\n')
    print(name, len(items), 'items')
