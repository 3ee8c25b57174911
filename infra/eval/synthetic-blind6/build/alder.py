from common import *
from reportlab.lib import colors
st = styles(colors.HexColor('#2e6b30'))
NAME = 'alder-creek-weekly'
S = []
S.append(Paragraph('Alder Creek Elementary — The Creek Weekly', st['title']))
S.append(Paragraph('Week of January 11, 2027 &nbsp;|&nbsp; 4410 Bramble Road &nbsp;|&nbsp; Office 604-555-0132 &nbsp;|&nbsp; aldercreek.example.org', st['sub']))
S.append(Paragraph('<i>“Be Safe, Be Kind, Be Ready to Learn”</i>', st['it']))

S.append(Paragraph("From Ms. Okafor's Desk", st['h']))
S.append(Paragraph(
    "Happy New Year, Alder Creek families! It was lovely to see so many rested faces at the door last Monday. "
    "A huge thank-you again to everyone who packed the gym for the Winter Concert in December — the Grade 3 "
    "bell ringers are still talking about it, and the food hamper drive collected 41 boxes for the Eastside "
    "Community Pantry.", st['p']))
S.append(Paragraph(
    "A few things to put on the fridge. Our Family Literacy Night is coming up on Thursday, January 21 from "
    "6:00 to 7:30 pm in the library — there will be reading games, a book swap table and hot chocolate, and younger "
    "siblings are welcome. Then at the end of the month, please remember that Friday, January 29 is a "
    "Pro-D Day, so there is no school for students that day (the StrongStart room is also closed).", st['p']))
S.append(Paragraph(
    "If you have a little one born in 2022, Kindergarten registration for September 2027 opens on "
    "Monday, February 1. Registration is done online through the district website; you will need a birth "
    "certificate and proof of address, so please tell neighbours and friends too! And our Grade 5 families: "
    "the $50 deposit for Outdoor School at Camp Tall Firs is due Friday, January 22. Camp itself will be "
    "in the spring and we will confirm the exact dates once the camp sends them to us.", st['p']))
S.append(Paragraph("Warmly,<br/>Adaeze Okafor, Principal", st['p']))

S.append(Paragraph('Dates to Remember', st['h']))
S.append(Paragraph('<b>Thu, Jan 14:</b> Gr. 1 &amp; 2 trip to the Lynnwood Planetarium, 9:30 am – 1:45 pm. '
                   'Please pack a bagged lunch (nut-free) and dress warm, we walk from the bus loop.', st['p']))
S.append(Paragraph('<b>Feb. hot lunch</b> — order forms are due back <b>this Friday</b> by 9:00 pm '
                   '(online at lunch.aldercreek.example.org). No late orders, sorry!', st['p']))
S.append(Paragraph('<b>January 19th</b> - Photo retake day (mornings only). If your child missed picture day or '
                   'you would like a retake, send the original photo package back with them on the day.', st['p']))
S.append(Paragraph('<b>Jan 25 – 28</b> &nbsp; Winter Spirit Week! Mon: Crazy Hair · Tue: Jersey Day · '
                   'Wed: Twin Day · Thu: Cozy PJ Day', st['p']))
S.append(Paragraph('<b>Tues. Jan 26</b> — PAC meeting, 7 pm, library (childcare in the multipurpose room)', st['p']))
S.append(Paragraph('<b>Thursday, January 28</b>', st['h2']))
S.append(Paragraph('Lost &amp; Found clear-out. Everything still on the rack after school will go to the '
                   'clothing bank — please come have a look!', st['p']))
S.append(Paragraph('<b>Friday, February 5</b>', st['h2']))
S.append(Paragraph('Lunar New Year Assembly, 1:15 pm in the gym. Families welcome to join us', st['p']))

S.append(Paragraph('Classroom Corner', st['h']))
S.append(Paragraph('<b>Kindergarten:</b> Our 100th Day of School is Tuesday, February 9! Please help your child '
                   'fill a small zip bag with 100 little things (buttons, pasta, stickers…) and send it in '
                   'that morning.', st['p']))
S.append(Paragraph('<b>Grades 1–2:</b> The planetarium trip is this Thursday (see above). Permission forms came home '
                   'before the break — thank you to the families who already returned them.', st['p']))
S.append(Paragraph('<b>Grades 3–4:</b> We have started our “Local Waterways” unit and the classes will be testing '
                   'water samples from the creek behind the school. Ask your child what a macroinvertebrate is!', st['p']))
S.append(Paragraph('<b>Grade 5:</b> Outdoor School deposit — see Ms. Okafor\'s note. Forms are in the red folder.', st['p']))

S.append(Paragraph('Clubs &amp; Teams', st['h']))
S.append(bullets([
    '<b>Running Club</b> is back! Wednesday mornings 8:05–8:35 on the field, Grades 2–5, starting Jan 13. '
    'Meet Mrs. Lau by the portables.',
    '<b>Volleyball intramurals</b> for Grades 4 &amp; 5 start Tuesday, January 19 — Tuesdays and Thursdays '
    'at lunch (12:05–12:40) in the gym.',
    '<b>LEGO Club</b> (K–3) meets Fridays at lunch, 12:05–12:35, in Room 8, beginning January 15. Spots are limited, '
    'so please add your child\'s name to the sign-up sheet outside Room 8.',
], st))

S.append(Paragraph('Good to Know', st['h']))
S.append(Paragraph('Bell times: doors open 8:30 · classes begin 8:40 · lunch 12:00–12:45 · dismissal 2:55 '
                   '(Fridays too). The office is open 8:00 am – 3:30 pm.', st['small']))
S.append(Spacer(1, 4))
S.append(Paragraph('Did you know? Alder Creek is named for the small stream that still runs under the north '
                   'field — you can hear it in the spring if you stand by the culvert!', st['small']))
S.append(Spacer(1, 4))
S.append(Paragraph('Shout-out to our Grade 4 recycling team who sorted 1,200 cans and bottles in December. '
                   'Great work, Green Team!', st['small']))
build(NAME, S, 'The Creek Weekly - January 11, 2027')

items = [
    item('Grade 1 & 2 Lynnwood Planetarium trip', 'event', '2027-01-14', '09:30', '13:45', [1, 2], action=True,
         location='Lynnwood Planetarium'),
    item('February hot lunch orders due', 'deadline', '2027-01-15', '21:00', action=True),
    item('Photo retake day', 'event', '2027-01-19', action=True),
    item('Winter Spirit Week', 'event', '2027-01-25', end_date='2027-01-28'),
    item('PAC meeting', 'meeting', '2027-01-26', '19:00', location='Library'),
    item('Lost & Found clear-out', 'deadline', '2027-01-28', action=True),
    item('Pro-D Day - no school', 'closure', '2027-01-29'),
    item('Family Literacy Night', 'event', '2027-01-21', '18:00', '19:30', location='Library'),
    item('Kindergarten registration opens', 'announcement', '2027-02-01', grades=[-1], action=True),
    item('Grade 5 Outdoor School deposit due', 'deadline', '2027-01-22', grades=[5], action=True),
    item('Lunar New Year Assembly', 'event', '2027-02-05', '13:15', location='Gym'),
    item('100th Day of School bag of 100 things', 'event', '2027-02-09', grades=[0], action=True),
    item('Running Club', 'event', '2027-01-13', '08:05', '08:35', [2, 3, 4, 5], ['running'],
         location='Field', recurrence='FREQ=WEEKLY;BYDAY=WE'),
    item('Volleyball intramurals (Grades 4-5)', 'event', '2027-01-19', '12:05', '12:40', [4, 5], ['volleyball'],
         location='Gym', recurrence='FREQ=WEEKLY;BYDAY=TU,TH'),
    item('LEGO Club', 'event', '2027-01-15', '12:05', '12:35', [0, 1, 2, 3], ['lego'], action=True,
         location='Room 8', recurrence='FREQ=WEEKLY;BYDAY=FR'),
]
write_labels(NAME, 'Alder Creek Elementary School', '2027-01-11', [0, 1, 2, 3, 4, 5],
             ['running', 'volleyball', 'lego'], items)
