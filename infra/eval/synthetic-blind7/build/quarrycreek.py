from common import *
from reportlab.lib.pagesizes import letter
from reportlab.lib.units import inch
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (BaseDocTemplate, PageTemplate, Frame, Paragraph, Spacer, Table, TableStyle,
                                FrameBreak, KeepTogether, NextPageTemplate)

NAME = 'quarry-creek-pta-news'
PLUM = colors.HexColor('#6b2d5c'); ORANGE = colors.HexColor('#f28c28'); CREAM = colors.HexColor('#fff6ea')
b = ParagraphStyle('b', fontName='DS', fontSize=9.2, leading=12.6, spaceAfter=5)
run = ParagraphStyle('run', fontName='DC', fontSize=9.4, leading=13.2, textColor=colors.HexColor('#222222'))
h2 = ParagraphStyle('h2', fontName='DSB', fontSize=12, leading=15, textColor=PLUM, spaceBefore=6, spaceAfter=3)
ttl = ParagraphStyle('t', fontName='DFB', fontSize=26, leading=30, textColor=PLUM)
tsub = ParagraphStyle('ts', fontName='DS', fontSize=9, leading=12, textColor=colors.HexColor('#444444'))
box = ParagraphStyle('bx', parent=b, fontSize=8.6, leading=11.5)

W, H = letter
M = 0.6*inch
gap = 0.25*inch
colw = (W - 2*M - gap) / 2
head_h = 1.25*inch
def frames_first():
    top = H - M - head_h
    return [Frame(M, H - M - head_h, W - 2*M, head_h, id='head', showBoundary=0, leftPadding=0, rightPadding=0),
            Frame(M, M, colw, top - M, id='c1', leftPadding=0, rightPadding=4),
            Frame(M + colw + gap, M, colw, top - M, id='c2', leftPadding=4, rightPadding=0)]
def frames_later():
    return [Frame(M, M, colw, H - 2*M, id='l1', leftPadding=0, rightPadding=4),
            Frame(M + colw + gap, M, colw, H - 2*M, id='l2', leftPadding=4, rightPadding=0)]
def deco(c, d):
    c.saveState(); c.setStrokeColor(ORANGE); c.setLineWidth(0.6)
    c.line(M + colw + gap/2, M, M + colw + gap/2, H - M - (head_h if d.page == 1 else 0) - 4)
    c.setFont('DS', 7.5); c.setFillColor(colors.grey)
    c.drawRightString(W - M, 0.35*inch, f"Quarry Creek PTA \u2022 qcpta.example.org \u2022 page {d.page}")
    c.restoreState()
doc = BaseDocTemplate(f'{OUT}/{NAME}.pdf', pagesize=letter, title='The Quarry Crier - PTA News, January 2028',
                      author='Quarry Creek Elementary PTA')
doc.addPageTemplates([PageTemplate('first', frames_first(), onPage=deco), PageTemplate('later', frames_later(), onPage=deco)])

S = [Paragraph("The Quarry Crier", ttl),
     Paragraph("<b>Quarry Creek Elementary PTA News</b> &nbsp;\u2022&nbsp; January 2028 &nbsp;\u2022&nbsp; sent home Friday, "
               "January 7, 2028", tsub),
     Paragraph("Quarry Creek Elementary (K\u20135), 3300 Flint Ridge Road, Millbrook, OR &nbsp;\u2022&nbsp; PTA line 541-555-0158 "
               "&nbsp;\u2022&nbsp; hello@qcpta.example.org", tsub),
     NextPageTemplate('later'), FrameBreak()]

S += [Paragraph("Happy New Year, Quarry Creek!", h2),
      Paragraph("We hope your break was restful and full of good books. Winter is our busiest PTA season, so grab a cup of "
                "cocoa and a highlighter. Here is everything coming up between now and the auction:", b),
      Paragraph("Coming Up", h2)]
runon = ("<b>Thu 1/13</b> Family Bingo Night, 6\u20137:30 pm in the cafeteria (free! pizza by the slice $2) \u2022 "
         "<b>Mon 1/17</b> NO SCHOOL, Martin Luther King Jr. Day \u2022 <b>Tue 1/18</b> PTA general meeting 6:30 pm in the "
         "library + on Zoom, free childcare in the gym \u2022 <b>Sun 1/23</b> spirit wear store closes at 11:59 pm \u2022 "
         "<b>Mon 1/24</b> Read-a-thon kicks off (runs through Fri 2/4) \u2022 <b>Wed 1/26</b> dine-out night at Basalt Pizza "
         "Co., 4\u20139 pm \u2022 <b>Fri 1/28</b> yearbook cover entries due \u2022 <b>Mon 1/31</b> last day to renew your "
         "volunteer background check \u2022 <b>Thu 2/3</b> Science Night 5:30\u20137:30 pm \u2022 <b>Wed 2/9</b> Read-a-thon "
         "pledge envelopes due \u2022 <b>Fri 2/11</b> auction donations due \u2022 <b>Mon 2/14</b> Valentine\u2019s class "
         "parties at 2:15 pm \u2022 <b>Thu 2/17</b> Kindergarten Round-Up 6 pm \u2022 <b>Mon 2/21\u2013Fri 2/25</b> mid-winter "
         "break, no school \u2022 <b>Sat 3/11</b> Spring Auction!")
rt = Table([[Paragraph(runon, run)]], colWidths=[colw - 4])
rt.setStyle(TableStyle([('BACKGROUND', (0, 0), (-1, -1), CREAM), ('BOX', (0, 0), (-1, -1), 0.8, ORANGE),
                        ('LEFTPADDING', (0, 0), (-1, -1), 7), ('RIGHTPADDING', (0, 0), (-1, -1), 7),
                        ('TOPPADDING', (0, 0), (-1, -1), 6), ('BOTTOMPADDING', (0, 0), (-1, -1), 7)]))
S += [rt, Spacer(1, 4)]

S += [Paragraph("Read-a-thon: Read for Recess!", h2),
      Paragraph("Our biggest fundraiser of the winter runs from Monday, January 24 through Friday, February 4. Kids log their "
                "reading minutes every night and collect pledges from family and friends (a flat amount or per minute, your "
                "choice). Please turn in the pledge envelope, cash or checks payable to Quarry Creek PTA, by Wednesday, "
                "February 9. This year\u2019s goal is $12,000 toward the new playground climbing wall. The class with the most "
                "minutes wins an extra recess with Principal Nakamura.", b),
      Paragraph("We Need YOU: Volunteers", h2),
      Paragraph("<b>Lunch &amp; recess helpers:</b> Tuesdays and Thursdays, 11:30 am\u201312:30 pm, starting Tuesday, "
                "January 11. Open doors on milk cartons, tie shoes, referee four-square. Sign up for as many or as few dates "
                "as you like at qcpta.example.org/volunteer.", b),
      Paragraph("<b>Science Night station helpers:</b> Thursday, February 3, 5:00\u20138:00 pm (that includes set-up and "
                "clean-up). We need 12 grown-ups to run hands-on stations. No science degree required, we promise! Sign up "
                "at the same link.", b),
      Paragraph("<b>Background checks:</b> every volunteer who works with students needs a cleared district background check "
                "for the 2027\u201328 school year. If yours is from last year, please renew it online by Monday, January 31 or "
                "you will not be able to volunteer after that date.", b),
      Paragraph("Science Night", h2),
      Paragraph("Thursday, February 3, 5:30\u20137:30 pm in the gym and cafeteria. Make slime, build a circuit, crawl into the "
                "inflatable planetarium and meet the Millbrook High robotics team. Free for the whole family; no registration "
                "needed.", b),
      Paragraph("Spring Auction", h2),
      Paragraph("Save the date: Saturday, March 11 at 6:00 pm at the Millbrook Grange Hall. Tickets ($25, includes dinner) go "
                "on sale in February. Auction donations: we are asking every family to donate one item, experience or gift "
                "card, or to chip in on your class\u2019s themed basket. Drop donations and the donation form at the front "
                "office by Friday, February 11.", b),
      Paragraph("Dine Out for Quarry Creek", h2),
      Paragraph("Skip cooking on Wednesday, January 26! Eat in or take out at Basalt Pizza Co. (1120 Main Street) between 4 and "
                "9 pm and mention Quarry Creek: 20% of your bill comes back to the PTA.", b),
      Paragraph("Spirit Wear", h2),
      Paragraph("Hoodies, tees and the new knit beanie in Quarry Creek purple. The online store closes Sunday, January 23 at "
                "11:59 pm, and orders will be delivered to classrooms in late February.", b),
      Paragraph("Yearbook Cover Contest", h2),
      Paragraph("Calling all artists in every grade! Draw a cover on 8.5 x 11 paper with the theme \u201cOur Quarry Creek,\u201d "
                "write your name and teacher on the back, and drop it in the box at the office by Friday, January 28.", b),
      Paragraph("Kindergarten Round-Up", h2),
      Paragraph("Do you know a little one who will turn 5 by September 1, 2028? Bring them to Kindergarten Round-Up on "
                "Thursday, February 17 at 6:00 pm in the library to meet our kindergarten teachers and pick up a "
                "registration packet. Please share with neighbors!", b),
      Paragraph("Valentine\u2019s Day", h2),
      Paragraph("Class parties are Monday, February 14 at 2:15 pm. Room parents will be in touch about party supplies. If your "
                "child brings valentines, please bring one for every classmate.", b),
      Paragraph("Thank You!", h2),
      Paragraph("Our Winter Giving Tree collected 186 gifts for local families, and the Holiday Craft Fair on December 11 "
                "raised $3,480. Huge thanks to the Lopez, Adeyemi and Brandt families, who ran the cocoa booth for six hours "
                "straight. We now have 212 PTA members, our best year ever.", b),
      Paragraph("Board News", h2),
      Paragraph("Please welcome our new treasurer, Priya Sandhu, and thank you to Mark Feld for three years of keeping our books "
                "balanced. PTA board meetings are open to all members.", b)]
dyk = Table([[Paragraph("<b>Did you know?</b> The PTA pays for every field trip bus at Quarry Creek, the Friday popcorn, "
                        "and the school\u2019s 48 Chromebook chargers. Field Day and the 5th grade promotion will be in June; "
                        "dates to come.", box)]], colWidths=[colw - 4])
dyk.setStyle(TableStyle([('BACKGROUND', (0, 0), (-1, -1), colors.HexColor('#f1e6ef')), ('LEFTPADDING', (0, 0), (-1, -1), 7),
                         ('RIGHTPADDING', (0, 0), (-1, -1), 7), ('TOPPADDING', (0, 0), (-1, -1), 5), ('BOTTOMPADDING', (0, 0), (-1, -1), 6)]))
S += [Spacer(1, 4), dyk]
doc.build(S)

I = [
 item("Lunch & recess helpers needed", "volunteer", "2028-01-11", "11:30", "12:30", action=True,
      recurrence="FREQ=WEEKLY;BYDAY=TU,TH"),
 item("Family Bingo Night", "event", "2028-01-13", "18:00", "19:30", location="Cafeteria"),
 item("Martin Luther King Jr. Day - no school", "closure", "2028-01-17"),
 item("PTA general meeting", "meeting", "2028-01-18", "18:30", location="Library and Zoom"),
 item("Spirit wear store closes", "deadline", "2028-01-23", "23:59", action=True),
 item("Read-a-thon", "fundraiser", "2028-01-24", end_date="2028-02-04", action=True),
 item("Dine-out night at Basalt Pizza Co.", "fundraiser", "2028-01-26", "16:00", "21:00", location="Basalt Pizza Co., 1120 Main Street"),
 item("Yearbook cover contest entries due", "deadline", "2028-01-28", action=True),
 item("Volunteer background check renewal deadline", "deadline", "2028-01-31", action=True),
 item("Science Night", "event", "2028-02-03", "17:30", "19:30", location="Gym and cafeteria"),
 item("Science Night station helpers needed", "volunteer", "2028-02-03", "17:00", "20:00", action=True),
 item("Read-a-thon pledge envelopes due", "deadline", "2028-02-09", action=True),
 item("Auction donations due", "deadline", "2028-02-11", action=True, location="Front office"),
 item("Valentine's class parties", "event", "2028-02-14", "14:15"),
 item("Kindergarten Round-Up", "meeting", "2028-02-17", "18:00", grades=[-1], location="Library"),
 item("Mid-winter break - no school", "closure", "2028-02-21", end_date="2028-02-25"),
 item("Spring Auction", "fundraiser", "2028-03-11", "18:00", location="Millbrook Grange Hall"),
]
write_labels(NAME, 'Quarry Creek Elementary School', '2028-01-07', 'America/Los_Angeles', [0, 1, 2, 3, 4, 5], [], I)
