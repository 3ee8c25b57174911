from common import *
from reportlab.lib import colors
ACC = colors.HexColor('#5b3f8c')
st = styles(ACC)
NAME = 'willowbank-pta-letter'
S = []
S.append(Paragraph('Willowbank Elementary PTA', st['title']))
S.append(Paragraph('November Letter to Families — Tuesday, November 3, 2026 &nbsp;|&nbsp; pta@willowbank.example.org', st['sub']))

S.append(Paragraph('Dear Willowbank families,', st['p']))
S.append(Paragraph(
    "WOW. The Fall Fun Fair raised <b>$3,240</b> for new library books and the Grade 6/7 outdoor gear "
    "fund — thank you to every single person who flipped a pancake, ran a game, or bought one too many raffle "
    "tickets. A special thank-you to the Nguyen and Sandhu families for lending us their canopies in the rain!", st['p']))
S.append(Paragraph(
    "November is going to be a busy one for us, and as always we can't do any of it without you. Below you'll "
    "find everything coming up this month, plus a few ongoing asks. Even one hour helps. If you have never "
    "come to a PTA meeting, our next general meeting is Tuesday, November 10 at 6:30 pm in the library. "
    "Come for the cookies, stay for the budget vote (it's short, we promise).", st['p']))

S.append(Paragraph('Garden Club Bulb Planting — Saturday, Nov 7', st['h']))
S.append(Paragraph(
    "The Garden Club is planting 400 tulip and daffodil bulbs along the front fence this Saturday from 10 am to "
    "noon. Kids are welcome with an adult. Please bring gloves and a trowel if you have one.", st['p']))

S.append(Paragraph('Winter Clothing Swap', st['h']))
S.append(Paragraph(
    "Kids grow, coats don't! Drop off clean, gently used winter coats, snow pants, boots, mitts and hats at the "
    "office by <b>Friday, November 13</b>. The swap itself is after school on <b>Tuesday, November 17</b>, 3:00 – 4:00 pm "
    "in the gym. Everything is free, take what you need — no donation required to shop.", st['p']))

S.append(Paragraph('Book Fair — November 16 to 19', st['h']))
S.append(Paragraph(
    "The Scholastic-style Book Fair will be in the library from Monday, November 16 through Thursday, November 19. "
    "Classes will visit during the day and families can shop before and after school. "
    "<b>We need cashier volunteers</b> for morning (8:15 – 8:45) and after-school (2:50 – 3:30) shifts all four days. "
    "Please sign up online at volunteer.willowbank.example.org.", st['p']))

S.append(Paragraph('Poinsettia &amp; Wreath Fundraiser', st['h']))
S.append(Paragraph(
    "Our big winter fundraiser is here! Order forms came home in backpacks today (extra copies at the office). "
    "Poinsettias are $18, 14-inch cedar wreaths $32. Orders and payment are due by <b>noon on Friday, November 20</b>. "
    "Pick-up is Thursday, December 3 from 2:30 to 5:30 pm in the gym — please make sure someone can collect your "
    "plants that day, we have no place to keep them overnight.", st['p']))

S.append(Paragraph('Hot Lunch', st['h']))
S.append(Paragraph(
    "December hot lunch ordering is open now and closes <b>Sunday, Nov. 22 at 11:59 pm</b>. "
    "We also need two helpers every Wednesday from 11:45 to 12:45 to hand out lunches, starting "
    "November 18. It's a great way to see your kid at school without embarrassing them (too much).", st['p']))

S.append(Paragraph('Family Movie Night', st['h']))
S.append(Paragraph(
    "Friday, November 27 — the movie starts at 6:30 pm in the gym. Free! Popcorn and juice by donation. "
    "PJs, blankets and pillows encouraged. We need a set-up and clean-up crew that evening from 5:30 to 9:00 pm; "
    "please put your name down online by <b>Tues, Nov 24</b> so we know if we have enough hands.", st['p']))

S.append(Paragraph('Anytime Asks', st['h']))
S.append(bullets([
    '<b>Art corner supplies:</b> the Kindergarten and Grade 1 classes would love clean, empty yogurt containers, '
    'egg cartons and paper towel tubes. Just send them in with your child whenever you have some.',
    '<b>Grocery gift cards:</b> order grocery and gas gift cards through the PTA gift card program '
    '(cards.willowbank.example.org). You pay face value and the school gets 5% back.',
    '<b>Criminal record check:</b> if you want to volunteer in classrooms or drive on field trips, please '
    'complete the online criminal record check now — it can take up to two weeks to clear.',
], st))

S.append(Paragraph('Looking Ahead', st['h']))
S.append(Paragraph(
    "We are already dreaming about a Spring Carnival and a new buddy bench for the primary playground. If you "
    "have ideas, come to a meeting or email us!", st['p']))
S.append(Paragraph(
    "With gratitude,<br/>Your PTA Executive — Priya (Chair), Marco (Treasurer), Leilani (Secretary), Dov (Volunteer Coordinator)",
    st['p']))
S.append(Spacer(1, 6))
S.append(Paragraph('Did you know? PTA funds paid for the covered bike racks installed this fall. '
                   'Willowbank PTA: <i>Stronger Together.</i>', st['small']))
build(NAME, S, 'Willowbank Elementary PTA - November 2026 Letter')

items = [
    item('PTA General Meeting', 'meeting', '2026-11-10', '18:30', location='Library'),
    item('Garden Club bulb planting', 'volunteer', '2026-11-07', '10:00', '12:00', activities=['garden-club'],
         action=True, location='Front fence'),
    item('Clothing swap donations due', 'deadline', '2026-11-13', action=True, location='Office'),
    item('Winter Clothing Swap', 'event', '2026-11-17', '15:00', '16:00', location='Gym'),
    item('Book Fair', 'event', '2026-11-16', end_date='2026-11-19', location='Library'),
    item('Book Fair cashier volunteers', 'volunteer', '2026-11-16', end_date='2026-11-19', action=True,
         location='Library'),
    item('Poinsettia & Wreath Fundraiser orders due', 'fundraiser', '2026-11-20', '12:00', action=True),
    item('Poinsettia & wreath pick-up', 'event', '2026-12-03', '14:30', '17:30', action=True, location='Gym'),
    item('December hot lunch orders close', 'deadline', '2026-11-22', '23:59', action=True),
    item('Hot lunch helpers needed', 'volunteer', '2026-11-18', '11:45', '12:45', action=True,
         recurrence='FREQ=WEEKLY;BYDAY=WE'),
    item('Family Movie Night', 'event', '2026-11-27', '18:30', location='Gym'),
    item('Movie Night set-up and clean-up crew', 'volunteer', '2026-11-27', '17:30', '21:00', action=True),
    item('Movie Night crew sign-up deadline', 'deadline', '2026-11-24', action=True),
    item('Send art corner supplies', 'announcement', None, grades=[0, 1], action=True),
    item('Grocery gift card program', 'fundraiser', None, action=True),
    item('Volunteer criminal record check', 'announcement', None, action=True),
]
write_labels(NAME, 'Willowbank Elementary School', '2026-11-03', [0, 1, 2, 3, 4, 5, 6, 7],
             ['garden-club'], items)
