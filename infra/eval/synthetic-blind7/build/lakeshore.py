from common import *
from reportlab.lib.pagesizes import letter
from reportlab.lib.units import inch
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, KeepTogether

NAME = 'lakeshore-pines-middle-bulletin'
NAVY = colors.HexColor('#1f3b63'); GOLD = colors.HexColor('#e8b730'); PALE = colors.HexColor('#eef2f8')
b = ParagraphStyle('b', fontName='DS', fontSize=9.5, leading=13, spaceAfter=5)
cell = ParagraphStyle('c', fontName='DC', fontSize=8.8, leading=11)
cellh = ParagraphStyle('ch', fontName='DCB', fontSize=9, leading=11, textColor=colors.white)
h2 = ParagraphStyle('h2', fontName='DSB', fontSize=12.5, leading=16, textColor=NAVY, spaceBefore=8, spaceAfter=4)
h3 = ParagraphStyle('h3', fontName='DSB', fontSize=10, leading=13, textColor=NAVY, spaceBefore=3, spaceAfter=1)
ttl = ParagraphStyle('t', fontName='DSB', fontSize=22, leading=26, textColor=colors.white)
tsub = ParagraphStyle('ts', fontName='DS', fontSize=9, leading=12, textColor=colors.white)

doc = SimpleDocTemplate(f'{OUT}/{NAME}.pdf', pagesize=letter, leftMargin=0.65*inch, rightMargin=0.65*inch,
                        topMargin=0.5*inch, bottomMargin=0.6*inch, title='The Pines Post - October 2027',
                        author='Lakeshore Pines Middle School')
fw = letter[0] - 1.3*inch
head = Table([[Paragraph("The Pines Post", ttl)],
              [Paragraph("Lakeshore Pines Middle School &nbsp;|&nbsp; Grades 6\u20138 &nbsp;|&nbsp; October 2027 bulletin, "
                         "published Friday, October 1, 2027", tsub)],
              [Paragraph("480 Marigold Crescent, Port Alder, ON &nbsp;|&nbsp; 905-555-0142 &nbsp;|&nbsp; lakeshorepines.example.org", tsub)]],
             colWidths=[fw])
head.setStyle(TableStyle([('BACKGROUND', (0, 0), (-1, -1), NAVY), ('LEFTPADDING', (0, 0), (-1, -1), 12),
                          ('TOPPADDING', (0, 0), (0, 0), 10), ('BOTTOMPADDING', (0, -1), (-1, -1), 10),
                          ('LINEBELOW', (0, -1), (-1, -1), 4, GOLD)]))
S = [head, Spacer(1, 8),
     Paragraph("From the Office", h2),
     Paragraph("Welcome to October, Pines families! September flew by. Thank you to everyone who came out to the Meet the "
               "Teacher BBQ on September 23: we served over 600 burgers, and the Grade 8 student council raised $410 for the "
               "Port Alder Food Bank with their lemonade stand. We are also very happy to welcome Ms. Okafor, who joins us as "
               "our new vice-principal after eight years at Harbourside Public School.", b),
     Paragraph("A reminder that the yard is supervised from 8:30 am. Students arriving after 8:45 must sign in at the office.", b),
     Paragraph("October at a Glance", h2)]

rows = [
 ("Mon, Oct 4", "Coding Club starts (every Monday)", "Gr. 6\u20138, sign-up required", "3:30\u20134:30 pm, Room 204"),
 ("Wed, Oct 6", "Walk to School Day \u2013 group walk with staff", "All", "8:15 am, Marigold Park"),
 ("Thu, Oct 7", "Outdoor Ed forms + $145 payment due", "Gr. 6", "To homeroom teacher"),
 ("Fri, Oct 8", "PA Day \u2013 no school for students", "All", "\u2014"),
 ("Mon, Oct 11", "Thanksgiving \u2013 school closed", "All", "\u2014"),
 ("Tue, Oct 12", "Girls\u2019 volleyball tryouts", "Gr. 7\u20138", "3:30\u20135:00 pm, gym"),
 ("Wed, Oct 13", "Boys\u2019 volleyball tryouts", "Gr. 7\u20138", "3:30\u20135:00 pm, gym"),
 ("Thu, Oct 14", "District cross-country meet", "XC team", "9:30 am\u20132:00 pm, Heron Bluffs Park"),
 ("Fri, Oct 15", "Term 1 milk program orders close", "All", "SchoolCash Online"),
 ("Tue, Oct 19", "School Council meeting", "All families", "7:00 pm, library + Google Meet"),
 ("Wed, Oct 20 \u2013 Fri, Oct 22", "Grade 6 Outdoor Ed trip", "Gr. 6", "Camp Tamarack"),
 ("Thu, Oct 21", "Photo Day", "All", "During the school day"),
 ("Fri, Oct 22", "Science fair proposals due", "Gr. 7\u20138", "To science teacher"),
 ("Fri, Oct 29", "Halloween Dance ($5 at the door)", "Gr. 7\u20138", "6:30\u20138:30 pm, gym"),
]
data = [[Paragraph(h, cellh) for h in ("Date", "What", "Who", "Time / Place")]] + \
       [[Paragraph(c, cell) for c in r] for r in rows]
t = Table(data, colWidths=[1.35*inch, 2.75*inch, 1.45*inch, fw - 5.55*inch], repeatRows=1)
ts = [('BACKGROUND', (0, 0), (-1, 0), NAVY), ('VALIGN', (0, 0), (-1, -1), 'TOP'),
      ('GRID', (0, 0), (-1, -1), 0.4, colors.HexColor('#b9c4d6')), ('TOPPADDING', (0, 0), (-1, -1), 3), ('BOTTOMPADDING', (0, 0), (-1, -1), 3)]
for i in range(1, len(data)):
    if i % 2 == 0: ts.append(('BACKGROUND', (0, i), (-1, i), PALE))
t.setStyle(TableStyle(ts))
S += [t, Spacer(1, 4)]

S += [Paragraph("Clubs &amp; Teams", h2),
 Paragraph("Cross-Country", h3),
 Paragraph("Practices are Monday, Wednesday and Friday mornings from 8:00 to 8:40 on the back field, starting Monday, "
           "October 4 and running through Wednesday, October 13 (no practice on the PA Day or Thanksgiving Monday). For the "
           "district meet on Thursday, October 14, runners need a packed lunch, a water bottle and $5 cash for the bus.", b),
 Paragraph("Volleyball", h3),
 Paragraph("Girls\u2019 and boys\u2019 tryouts for Grades 7 and 8 are on October 12 and 13 (see the calendar above). Players "
           "must bring running shoes and the signed athletic consent form; no form, no tryout. Coach Bains will post team "
           "lists outside the gym once tryouts are done.", b),
 Paragraph("Coding Club", h3),
 Paragraph("Mondays from 3:30 to 4:30 pm in Room 204, starting October 4. There is room for 24 students in Grades 6 to 8, so "
           "please sign up with Mr. Ferreira in Room 204 or by email (c.ferreira@lakeshorepines.example.org).", b),
 Paragraph("Jazz Band", h3),
 Paragraph("Tuesday and Thursday mornings, 7:50 to 8:30, in the music room, starting Tuesday, October 5. Open to any Grade 7 "
           "or 8 student in band class; no audition needed.", b),
 Paragraph("Debate Club", h3),
 Paragraph("Wednesdays at lunch (12:05\u201312:45) in the library, starting October 6. All grades are welcome, just show up. "
           "Last year our team placed second at the regional tournament!", b)]

S += [Paragraph("Grade 6 Outdoor Education", h2),
 Paragraph("Our Grade 6 classes head to Camp Tamarack from Wednesday, October 20 to Friday, October 22 for three days of "
           "canoeing, orienteering and campfire songs. The cost is $145, which covers the bus, meals and cabins. The signed "
           "consent and medical forms and the $145 payment (SchoolCash Online or cheque to Lakeshore Pines MS) are due to "
           "homeroom teachers by Thursday, October 7. A packing list will come home next week. If cost is a barrier, please "
           "call Ms. Okafor in confidence.", b),
 Paragraph("More Dates &amp; Reminders", h2),
 Paragraph("<b>Walk to School Day</b> is Wednesday, October 6. Families are invited to meet us at Marigold Park at 8:15 am "
           "and walk the last kilometre together with staff.", b),
 Paragraph("<b>Milk program:</b> Term 1 orders close on Friday, October 15 on SchoolCash Online. Orders cannot be added "
           "after the deadline.", b),
 Paragraph("<b>Photo Day</b> is Thursday, October 21 for all students. Order forms come home the week before, and you can "
           "also order online with the code on the form.", b),
 Paragraph("<b>Science fair:</b> Grade 7 and 8 students, your one-page project proposal is due to your science teacher by "
           "Friday, October 22. The school science fair itself takes place in February.", b),
 Paragraph("<b>School Council</b> meets Tuesday, October 19 at 7:00 pm in the library and on Google Meet (link on our "
           "website). On the agenda: the fundraising plan and the winter concert, which will be in December.", b),
 Paragraph("<b>Halloween Dance</b> for Grades 7 and 8: Friday, October 29, 6:30 to 8:30 pm in the gym. $5 at the door; "
           "costumes welcome, but no masks please.", b),
]
bell = [["Bell Schedule", ""], ["Period 1", "8:45 \u2013 9:45"], ["Period 2", "9:48 \u2013 10:48"], ["Nutrition break", "10:48 \u2013 11:08"],
        ["Period 3", "11:10 \u2013 12:05"], ["Lunch", "12:05 \u2013 12:45"], ["Period 4", "12:48 \u2013 1:48"], ["Period 5", "1:51 \u2013 3:15"]]
bt = Table([[Paragraph(a, cell), Paragraph(c, cell)] for a, c in bell], colWidths=[1.6*inch, 1.4*inch])
bt.setStyle(TableStyle([('SPAN', (0, 0), (1, 0)), ('BACKGROUND', (0, 0), (-1, 0), GOLD), ('BOX', (0, 0), (-1, -1), 0.6, NAVY),
                        ('INNERGRID', (0, 1), (-1, -1), 0.3, colors.HexColor('#cccccc'))]))
motto = Paragraph("<i>\u201cRooted in respect, growing together.\u201d</i><br/><br/>Office hours: 8:00 am \u2013 4:00 pm, "
                  "Monday to Friday. Absences: call 905-555-0142 ext. 1 or email attendance@lakeshorepines.example.org before "
                  "9:00 am.", b)
S += [Spacer(1, 6), KeepTogether(Table([[bt, motto]], colWidths=[3.2*inch, fw - 3.2*inch],
                                       style=[('VALIGN', (0, 0), (-1, -1), 'TOP')]))]
doc.build(S)

I = [
 item("Coding Club", "event", "2027-10-04", "15:30", "16:30", activities=["coding"], action=True, location="Room 204",
      recurrence="FREQ=WEEKLY;BYDAY=MO"),
 item("Cross-country practices", "event", "2027-10-04", "08:00", "08:40", activities=["cross-country"], location="Back field",
      recurrence="FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20271013"),
 item("Jazz Band", "event", "2027-10-05", "07:50", "08:30", grades=[7, 8], activities=["jazz-band"], location="Music room",
      recurrence="FREQ=WEEKLY;BYDAY=TU,TH"),
 item("Walk to School Day", "event", "2027-10-06", "08:15", location="Marigold Park"),
 item("Debate Club", "event", "2027-10-06", "12:05", "12:45", activities=["debate"], location="Library",
      recurrence="FREQ=WEEKLY;BYDAY=WE"),
 item("Outdoor Ed forms and $145 payment due", "deadline", "2027-10-07", grades=[6], action=True),
 item("PA Day - no school", "closure", "2027-10-08"),
 item("Thanksgiving - school closed", "closure", "2027-10-11"),
 item("Girls' volleyball tryouts", "event", "2027-10-12", "15:30", "17:00", grades=[7, 8], activities=["volleyball"],
      action=True, location="Gym"),
 item("Boys' volleyball tryouts", "event", "2027-10-13", "15:30", "17:00", grades=[7, 8], activities=["volleyball"],
      action=True, location="Gym"),
 item("District cross-country meet", "event", "2027-10-14", "09:30", "14:00", activities=["cross-country"], action=True,
      location="Heron Bluffs Park"),
 item("Term 1 milk program orders close", "deadline", "2027-10-15", action=True),
 item("School Council meeting", "meeting", "2027-10-19", "19:00", location="Library and Google Meet"),
 item("Grade 6 Outdoor Education trip to Camp Tamarack", "event", "2027-10-20", end_date="2027-10-22", grades=[6],
      action=True, location="Camp Tamarack"),
 item("Photo Day", "event", "2027-10-21"),
 item("Science fair proposals due", "deadline", "2027-10-22", grades=[7, 8], action=True),
 item("Halloween Dance (Grades 7-8)", "event", "2027-10-29", "18:30", "20:30", grades=[7, 8], location="Gym"),
]
write_labels(NAME, 'Lakeshore Pines Middle School', '2027-10-01', 'America/Toronto', [6, 7, 8],
             ["coding", "cross-country", "debate", "jazz-band", "volleyball"], I)
