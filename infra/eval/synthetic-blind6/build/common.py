import sys, json
sys.path.insert(0, '/tmp/b6lib')
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.platypus import (SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle,
                                ListFlowable, ListItem, KeepTogether)

OUT = '/work/blind6/newsletters'
pdfmetrics.registerFont(TTFont('DV', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'))
pdfmetrics.registerFont(TTFont('DVB', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'))
pdfmetrics.registerFont(TTFont('DVI', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf'))
pdfmetrics.registerFont(TTFont('DVS', '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf'))
from reportlab.pdfbase.pdfmetrics import registerFontFamily
registerFontFamily('DV', normal='DV', bold='DVB', italic='DVI', boldItalic='DVB')

def styles(accent=colors.HexColor('#1f4e79')):
    return {
        'title': ParagraphStyle('t', fontName='DVB', fontSize=20, leading=24, textColor=accent, spaceAfter=4),
        'sub': ParagraphStyle('s', fontName='DV', fontSize=10, leading=13, textColor=colors.HexColor('#444444'), spaceAfter=8),
        'h': ParagraphStyle('h', fontName='DVB', fontSize=12.5, leading=16, textColor=accent, spaceBefore=10, spaceAfter=4),
        'h2': ParagraphStyle('h2', fontName='DVB', fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=2),
        'p': ParagraphStyle('p', fontName='DV', fontSize=9.5, leading=13, spaceAfter=5),
        'small': ParagraphStyle('sm', fontName='DV', fontSize=8, leading=10, textColor=colors.HexColor('#555555')),
        'it': ParagraphStyle('i', fontName='DVI', fontSize=9.5, leading=13, spaceAfter=5),
        'cell': ParagraphStyle('c', fontName='DV', fontSize=8.5, leading=11),
        'cellb': ParagraphStyle('cb', fontName='DVB', fontSize=8.5, leading=11, textColor=colors.white),
    }

def bullets(lines, st):
    return ListFlowable([ListItem(Paragraph(l, st['p']), leftIndent=12) for l in lines],
                        bulletType='bullet', start='•', leftIndent=12, bulletFontName='DV')

def item(title, category, start_date, start_time=None, end_time=None, grades="all", activities=(),
         action=False, location=None, recurrence=None, end_date=None):
    return {"title": title, "category": category, "start_date": start_date, "end_date": end_date,
            "start_time": start_time, "end_time": end_time,
            "grades": grades if grades == "all" else sorted(grades), "activities": list(activities),
            "action_required": action, "location": location, "recurrence": recurrence}

def write_labels(name, school, issued_on, grades_offered, catalog, items):
    d = {"source": name + '.pdf', "school": school, "issued_on": issued_on, "timezone": "America/Vancouver",
         "grades_offered": grades_offered, "activities_catalog": catalog, "items": items}
    with open(f'{OUT}/{name}.labels.json', 'w', encoding='utf-8') as f:
        json.dump(d, f, ensure_ascii=False, indent=2); f.write('\n')

def build(name, story, title):
    doc = SimpleDocTemplate(f'{OUT}/{name}.pdf', pagesize=LETTER, leftMargin=0.7*inch, rightMargin=0.7*inch,
                            topMargin=0.6*inch, bottomMargin=0.6*inch, title=title, author='')
    doc.build(story)
