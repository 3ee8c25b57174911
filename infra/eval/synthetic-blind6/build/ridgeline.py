from common import *
from reportlab.lib import colors
ACC = colors.HexColor('#7a1f2b')
st = styles(ACC)
NAME = 'ridgeline-middle-bulletin'
S = []
S.append(Paragraph('RIDGELINE MIDDLE SCHOOL', st['title']))
S.append(Paragraph('Family Bulletin · February 2027 · Grades 6–8 &nbsp;|&nbsp; 2275 Summit Crescent · 604-555-0158 · ridgeline.example.org', st['sub']))
S.append(Paragraph('Home of the Ravens — <i>Soar Together</i>', st['it']))

S.append(Paragraph('Vice-Principal\'s Update', st['h']))
S.append(Paragraph(
    "Welcome to February, Raven families. Congratulations to our "
    "Senior Girls Volleyball team on a bronze finish at the district tournament last weekend, and thank you to "
    "the parents who drove to every away game. February is a short and busy month — two days off, the "
    "Band &amp; Drama Showcase, and three-way conferences at the end of the month. The full calendar is below; "
    "please read the notes under it too, because a few things need a form or a booking.", st['p']))
S.append(Paragraph("— Mr. T. Brannigan, Vice-Principal", st['p']))

S.append(Paragraph('February at a Glance', st['h']))
rows = [
    ('Date', 'Event', 'Grades', 'Time'),
    ('Tue Feb 2', 'Badminton Club begins (Tuesdays &amp; Thursdays)', 'All', '3:10–4:30 pm'),
    ('Wed Feb 3', 'Immunization consent forms due to the office', '6', '—'),
    ('Thu Feb 4', 'Grade 8 Course Planning Night – library', '8', '6:30 pm'),
    ('Fri Feb 5', 'Lunar New Year celebration (lion dance in the courtyard)', 'All', '12:15–12:55'),
    ('Mon Feb 8', 'Immunization clinic (public health nurses)', '6', '9:00 am'),
    ('Tue Feb 9', 'Ski trip forms + $45 due', '7', 'by 3:00 pm'),
    ('Wed Feb 10', 'Band &amp; Drama Showcase – gym', 'All', '7:00 pm'),
    ('Mon Feb 15', 'Family Day – NO SCHOOL', 'All', '—'),
    ('Tue Feb 16', 'Grade 7 Ski Trip – Mt. Corbett', '7', '7:30 am – 5:00 pm'),
    ('Fri Feb 19', 'Pro-D Day – NO SCHOOL', 'All', '—'),
    ('Sat Feb 20', 'Debate tournament @ Hillside Secondary', '7 &amp; 8', '8:30 am – 3:00 pm'),
    ('Mon Feb 22', 'Last day to book a three-way conference', 'All', '—'),
    ('Wed Feb 24', 'Pink Shirt Day', 'All', 'all day'),
    ('Thu Feb 25', 'Early dismissal', 'All', '12:30 pm'),
    ('Thu Feb 25', 'Three-way conferences', 'All', '1:30–7:30 pm'),
    ('Fri Feb 26', 'Science Fair – family viewing', '6', '1:00–2:30 pm'),
]
data = [[Paragraph(c, st['cellb'] if i == 0 else st['cell']) for c in r] for i, r in enumerate(rows)]
t = Table(data, colWidths=[70, 270, 55, 105], repeatRows=1)
t.setStyle(TableStyle([
    ('BACKGROUND', (0, 0), (-1, 0), ACC),
    ('GRID', (0, 0), (-1, -1), 0.4, colors.HexColor('#999999')),
    ('ROWBACKGROUNDS', (0, 1), (-1, -1), [colors.white, colors.HexColor('#f4eaea')]),
    ('VALIGN', (0, 0), (-1, -1), 'TOP'),
]))
S.append(t)
S.append(Paragraph('Dates can change — check the website calendar for updates.', st['small']))

S.append(Paragraph('Grade 6', st['h']))
S.append(Paragraph(
    "Public health nurses will be here on Monday, February 8 for the Grade 6 immunizations (HPV and Hep B). "
    "Consent forms went home last week and must be back at the office by Wednesday, February 3, even if you are "
    "saying no. The Grade 6 Science Fair wraps up on Friday, February 26; families are invited to walk through the "
    "gym and see the projects from 1:00 to 2:30 pm.", st['p']))

S.append(Paragraph('Grade 7', st['h']))
S.append(Paragraph(
    "Ski trip! Grade 7s head to Mt. Corbett on Tuesday, February 16. The bus leaves at 7:30 am sharp and returns "
    "around 5:00 pm. Forms and the $45 fee are due by Tuesday, February 9 (cash or through the online school "
    "payment site). Students need to bring a packed lunch, a water bottle, and waterproof gloves; rentals are "
    "included.", st['p']))

S.append(Paragraph('Grade 8', st['h']))
S.append(Paragraph(
    "Parents and students are invited to the Course Planning Night on Thursday, February 4 at 6:30 pm in the "
    "library. Counsellors from Hillside Secondary will explain the Grade 9 elective choices. The Grade 8 "
    "leadership retreat and farewell are in June — details later in the spring.", st['p']))

S.append(Paragraph('Clubs &amp; Co-curriculars', st['h']))
S.append(bullets([
    '<b>Badminton Club</b> starts Tuesday, February 2 — Tuesdays and Thursdays after school, 3:10–4:30 in the '
    'big gym, open to every grade. Racquets and shuttles are provided.',
    '<b>Band &amp; Drama:</b> the Showcase is Wednesday, February 10 at 7:00 pm. Doors open at 6:30. '
    'Come early for the bake table run by the Grade 8 leadership class.',
    '<b>Debate:</b> our Grade 7 and 8 debaters compete at Hillside Secondary on Saturday, February 20. '
    'Debaters must return the travel permission form to Ms. Ferreira before then.',
], st))

S.append(Paragraph('Conferences', st['h']))
S.append(Paragraph(
    "Three-way conferences (student, parent, teacher) take place on Thursday, February 25 from 1:30 to 7:30 pm. "
    "Classes end at 12:30 that day. Please book a time at "
    "conferences.ridgeline.example.org; the last day to book is Monday, February 22.", st['p']))

S.append(Paragraph('Bell Schedule', st['h']))
S.append(Paragraph('Warning bell 8:35 · Block 1 8:40–9:55 · Block 2 10:10–11:25 · Lunch 11:25–12:10 · '
                   'Block 3 12:15–1:30 · Block 4 1:35–2:50. Office hours 7:45 am – 3:45 pm.', st['small']))
S.append(Spacer(1, 4))
S.append(Paragraph('Counsellor\'s tip: February can feel long! Ask your teen one “rose and thorn” at dinner each night.', st['small']))
build(NAME, S, 'Ridgeline Middle School - February 2027 Bulletin')

items = [
    item('Badminton Club', 'event', '2027-02-02', '15:10', '16:30', 'all', ['badminton'], location='Big gym',
         recurrence='FREQ=WEEKLY;BYDAY=TU,TH'),
    item('Immunization consent forms due', 'deadline', '2027-02-03', grades=[6], action=True, location='Office'),
    item('Grade 8 Course Planning Night', 'meeting', '2027-02-04', '18:30', grades=[8], location='Library'),
    item('Lunar New Year celebration', 'event', '2027-02-05', '12:15', '12:55', location='Courtyard'),
    item('Grade 6 immunization clinic', 'event', '2027-02-08', '09:00', grades=[6]),
    item('Ski trip forms and $45 due', 'deadline', '2027-02-09', '15:00', grades=[7], action=True),
    item('Band & Drama Showcase', 'event', '2027-02-10', '19:00', activities=['band', 'drama'], location='Gym'),
    item('Family Day - no school', 'closure', '2027-02-15'),
    item('Grade 7 Ski Trip', 'event', '2027-02-16', '07:30', '17:00', [7], action=True, location='Mt. Corbett'),
    item('Pro-D Day - no school', 'closure', '2027-02-19'),
    item('Debate tournament', 'event', '2027-02-20', '08:30', '15:00', [7, 8], ['debate'], action=True,
         location='Hillside Secondary'),
    item('Three-way conference booking deadline', 'deadline', '2027-02-22', action=True,
         location='conferences.ridgeline.example.org'),
    item('Pink Shirt Day', 'event', '2027-02-24'),
    item('Early dismissal', 'closure', '2027-02-25', '12:30'),
    item('Three-way conferences', 'meeting', '2027-02-25', '13:30', '19:30', action=True),
    item('Grade 6 Science Fair family viewing', 'event', '2027-02-26', '13:00', '14:30', [6], location='Gym'),
]
write_labels(NAME, 'Ridgeline Middle School', '2027-01-29', [6, 7, 8],
             ['badminton', 'band', 'drama', 'debate'], items)
