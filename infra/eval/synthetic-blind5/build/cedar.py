from common import *
NAME = 'cedar-hollow-weekly'
st = []
P = lambda t, s=B: st.append(Paragraph(t, s))
P('Cedar Hollow Elementary', TITLE)
P('The Hollow Happenings &nbsp;·&nbsp; Weekly Family Newsletter &nbsp;·&nbsp; Monday, January 11, 2027 &nbsp;·&nbsp; 4410 Alderbank Road &nbsp;·&nbsp; 555-0143 &nbsp;·&nbsp; cedarhollow.example.org', SUB)
P('A Note from Ms. Okafor, Principal', H)
P('Dear Cedar Hollow families, happy new year and welcome back! The halls were buzzing this morning and it was lovely '
  'to hear so many holiday stories at the front doors. I hope everyone found some rest over the break.')
P('January is always a busy month for us. Our <b>Winter Reading Challenge</b> kicks off next Monday, January 18, and '
  'runs until Friday, February 5. Every student will bring home a reading log in their backpack; please initial it each '
  'evening your child reads for twenty minutes. '
  'Classes with the most minutes earn a visit from our very own library cat puppet, Mr. Whiskers.')
P('Our Grade 2 and Grade 3 classes are heading to the Coastal Aquarium on Wednesday, January 27 for a tide-pool '
  'program. Buses leave at 9:15 am and we will be back before the afternoon bell. The signed permission form and the $12 '
  'trip fee must be returned to your child\'s teacher by Friday, January 22.')
P('Finally, a reminder that we have no school on the first day of February for our staff professional development day. '
  'Learning updates for the first term will be shared with families later this winter, and our teachers will let you know '
  'more as the time gets closer.')
P('Warmly,<br/>Adaeze Okafor')
P('Dates to Remember', H)
for t in ['<b>Thu, Jan 14:</b> Kindergarten vision screening in the gym, morning. Free, and no action is needed from families.',
          '<b>This Friday</b> is Pyjama &amp; Popcorn Day! Students may come to school in their PJs. Please send $2 in a labelled envelope if your child would like a bag of popcorn in the afternoon.',
          '<b>January 19th -</b> PAC meeting, 6:30 pm in the library. Child-minding is available in the music room.',
          '<b>Wed Jan 20 —</b> Running Club starts: every Wednesday at lunch, 12:10–12:40, on the field, last run March 10. All grades welcome, no sign-up.',
          '<b>Jan. 26 (Tues.)</b> — Ukulele Club (Grades 4 &amp; 5) performs at the afternoon assembly, 1:45 pm. Families are welcome to watch.',
          '<b>Friday, January 29 –</b> February hot lunch ordering closes at 11:59 pm on the parent portal. Late orders cannot be accepted.',
         ]:
    P('•&nbsp; ' + t, BUL)
P('<b>Monday, February 1</b>', BUL)
P('Pro-D Day — no school for students. Daycare on site is open as usual.', S('bul2', 'DV', 10, left=24))
P('<b>Friday, February 5</b>', BUL)
P('Lunar New Year assembly, 9:00 am in the gym. Lion dancers from the community centre will join us and families are warmly invited.', S('bul3', 'DV', 10, left=24))
P('Clubs &amp; Intramurals', H)
P('<b>Lego Club (Grades K–2)</b> meets on Thursdays from 3:05 to 4:00 pm in Room 104, starting January 21. '
  'Spaces are limited to 20 builders, so please register at the office by Tuesday, January 19.')
P('<b>Floor Hockey Intramurals (Grades 3–5)</b> are back! Teams play Tuesdays and Thursdays at lunch, 12:15–12:45, in the gym, '
  'beginning tomorrow, Tuesday, January 12. Students need running shoes with non-marking soles.')
P('News from the Classrooms', H)
P('<b>Kindergarten:</b> We are building a penguin colony! Please send one empty paper towel tube with your child by Thursday, January 21.')
P('<b>Grade 1:</b> Our 100th Day of School is Wednesday, February 3. Please help your child put together a collection of 100 '
  'small things (buttons, pasta, stickers) in a zip bag to bring in that day.')
P('<b>Grade 4/5:</b> Thank you to the Grade 4/5 families who came out to our December poetry café. The students were so proud to read for you.')
P('<b>Library:</b> Mrs. Lindqvist is doing her mid-year inventory. Please help your child find and return all library books by Friday, January 29.')
P('Around the School', H)
P('Thank you to our PAC for the new picnic tables and to everyone who brought food for the December hamper drive — we delivered 41 hampers to local families.')
P('<i>Bell times:</i> doors open 8:30 am · first bell 8:40 am · lunch 11:55 am–12:45 pm · dismissal 2:55 pm (Fridays 2:55 pm as well).', SMALL)
P('<i>Our motto:</i> Be Kind · Be Safe · Be Curious. &nbsp; <i>Coming up later this year:</i> Sports Day in June — details to follow.', SMALL)
P('Office hours: 8:00 am – 3:30 pm. Attendance line: 555-0144 (please call before 9:00 am).', SMALL)
build(NAME, st, 'Cedar Hollow Elementary - The Hollow Happenings')
CAT = ['running', 'ukulele', 'lego', 'floor-hockey']
items = [
 item('Kindergarten vision screening', 'event', '2027-01-14', grades=[0], location='Gym'),
 item('Pyjama & Popcorn Day', 'event', '2027-01-15', action=True),
 item('PAC meeting', 'meeting', '2027-01-19', '18:30', location='Library'),
 item('Running Club', 'event', '2027-01-20', '12:10', '12:40', activities=['running'], location='Field', recurrence='FREQ=WEEKLY;BYDAY=WE;UNTIL=20270310'),
 item('Ukulele Club performance at assembly', 'event', '2027-01-26', '13:45', grades=[4, 5], activities=['ukulele']),
 item('February hot lunch ordering closes', 'deadline', '2027-01-29', '23:59', action=True, location='Parent portal'),
 item('Pro-D Day - no school', 'closure', '2027-02-01'),
 item('Lunar New Year assembly', 'event', '2027-02-05', '09:00', location='Gym'),
 item('Lego Club', 'event', '2027-01-21', '15:05', '16:00', grades=[0, 1, 2], activities=['lego'], location='Room 104', recurrence='FREQ=WEEKLY;BYDAY=TH'),
 item('Lego Club registration deadline', 'deadline', '2027-01-19', grades=[0, 1, 2], activities=['lego'], action=True, location='Office'),
 item('Floor Hockey Intramurals', 'event', '2027-01-12', '12:15', '12:45', grades=[3, 4, 5], activities=['floor-hockey'], location='Gym', recurrence='FREQ=WEEKLY;BYDAY=TU,TH'),
 item('Winter Reading Challenge', 'event', '2027-01-18', end_date='2027-02-05', action=True),
 item('Aquarium field trip', 'event', '2027-01-27', '09:15', grades=[2, 3], location='Coastal Aquarium'),
 item('Aquarium permission form and $12 fee due', 'deadline', '2027-01-22', grades=[2, 3], action=True),
 item('Send in a paper towel tube', 'deadline', '2027-01-21', grades=[0], action=True),
 item('100th Day of School', 'event', '2027-02-03', grades=[1], action=True),
 item('Return library books', 'deadline', '2027-01-29', action=True, location='Library'),
]
write_labels(NAME, 'Cedar Hollow Elementary', '2027-01-11', [0, 1, 2, 3, 4, 5], CAT, items)
