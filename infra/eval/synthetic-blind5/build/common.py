import json, re, datetime, sys
sys.path.insert(0, '/tmp/b5lib')
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, KeepTogether
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
OUT = '/work/blind5/newsletters'
pdfmetrics.registerFont(TTFont('DV', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'))
pdfmetrics.registerFont(TTFont('DVB', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'))
pdfmetrics.registerFont(TTFont('DVI', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf'))
pdfmetrics.registerFont(TTFont('WQY', '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', subfontIndex=0))
from reportlab.lib.fonts import addMapping
addMapping('DV', 0, 0, 'DV'); addMapping('DV', 1, 0, 'DVB'); addMapping('DV', 0, 1, 'DVI'); addMapping('DV', 1, 1, 'DVB')
def S(name, font='DV', size=10, lead=None, color=colors.black, space=4, align=0, left=0):
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=lead or size*1.3, textColor=color,
                          spaceAfter=space, alignment=align, leftIndent=left)
TITLE = S('t', 'DVB', 20, space=6, align=1)
SUB = S('s', 'DVI', 10, align=1, space=10)
H = S('h', 'DVB', 13, color=colors.HexColor('#1f4e79'), space=4)
B = S('b', 'DV', 10)
BUL = S('bul', 'DV', 10, left=12)
SMALL = S('sm', 'DV', 8.5, color=colors.HexColor('#444444'))
ZH = S('zh', 'WQY', 10, space=8)
ZHH = S('zhh', 'WQY', 12, color=colors.HexColor('#1f4e79'), space=4)
def item(title, category, start_date, start_time=None, end_time=None, grades="all", activities=(), action=False,
         location=None, recurrence=None, end_date=None):
    return {"title": title, "category": category, "start_date": start_date, "end_date": end_date,
            "start_time": start_time, "end_time": end_time,
            "grades": grades if grades == "all" else sorted(grades), "activities": list(activities),
            "action_required": action, "location": location, "recurrence": recurrence}
def write_labels(name, school, issued_on, grades_offered, catalog, items):
    d = {"source": name + '.pdf', "school": school, "issued_on": issued_on, "timezone": "America/Vancouver",
         "grades_offered": grades_offered, "activities_catalog": catalog, "items": items}
    for it in items:
        for a in it['activities']: assert a in catalog, a
        for k in ('start_date', 'end_date'):
            if it[k]: datetime.date.fromisoformat(it[k])
    titles = [i['title'] for i in items]; assert len(set(titles)) == len(titles)
    with open(f'{OUT}/{name}.labels.json', 'w', encoding='utf-8') as f:
        json.dump(d, f, ensure_ascii=False, indent=2); f.write('\n')
def build(name, story, title):
    doc = SimpleDocTemplate(f'{OUT}/{name}.pdf', pagesize=letter, leftMargin=0.7*inch, rightMargin=0.7*inch,
                            topMargin=0.6*inch, bottomMargin=0.6*inch, title=title, author=title)
    doc.build(story)
def tbl(rows, widths, font='DV'):
    st = ParagraphStyle('cell', fontName=font, fontSize=9, leading=11)
    sth = ParagraphStyle('cellh', fontName='DVB', fontSize=9, leading=11, textColor=colors.white)
    data = [[Paragraph(c, sth if r == 0 else st) for c in row] for r, row in enumerate(rows)]
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([('BACKGROUND', (0, 0), (-1, 0), colors.HexColor('#2e5e3e')),
                           ('GRID', (0, 0), (-1, -1), 0.5, colors.grey), ('VALIGN', (0, 0), (-1, -1), 'TOP'),
                           ('ROWBACKGROUNDS', (0, 1), (-1, -1), [colors.white, colors.HexColor('#eef4ee')])]))
    return t
