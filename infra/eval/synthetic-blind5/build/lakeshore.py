from common import *
NAME = 'lakeshore-pta-november'
st = []
P = lambda t, s=B: st.append(Paragraph(t, s))
P('Lakeshore Heights Elementary PTA', TITLE)
P('Parent Letter · November 2026 · sent home Monday, November 2, 2026 · pta@lakeshoreheights.example.org', SUB)
P('Dear Lakeshore families,', B)
P('What a fall it has been! Thank you to the 38 volunteers who made the Halloween Hoot such a success on Friday — '
  'the haunted hallway was a hit and we raised $1,860 for new library books. The PTA executive is grateful for every '
  'cupcake, every shift and every cheerful face. Here is what is coming up this month, and where we could use your help.')
P('Our Next PTA General Meeting', H)
P('Join us on Tuesday, November 10 at 7:00 pm in the school library, or online (link on the PTA page). We will vote on '
  'the playground budget and hear from our school counsellor. Everyone is welcome — you do not need to be a member to attend. '
  'Please note there is no school the next day, Wednesday, November 11, for Remembrance Day.')
P('Coat &amp; Boot Drive', H)
P('From Monday, November 9 to Friday, November 20 we are collecting gently used winter coats, boots, hats and mittens in all '
  'sizes for families in our neighbourhood. Please drop them in the blue bins by the front doors.')
P('Poinsettia &amp; Wreath Fundraiser', H)
P('Our big fall fundraiser is back. Order forms went home in backpacks today; you can also order on the PTA website. '
  'Poinsettias are $14 and cedar wreaths are $30. All orders and payment are due by <b>Friday, November 20</b>. '
  'Plants will be ready for pick-up in the gym on Thursday, December 3 between 2:45 and 5:00 pm.')
P('Staff Appreciation Breakfast', H)
P('On Thursday, November 19 we are treating our teachers and staff to breakfast in the staff room. We need families to '
  'donate muffins, fruit platters and juice, and two people to set up at 7:30 am. Please sign up on our online sign-up sheet.')
P('Scholastic Book Fair', H)
P('The Book Fair runs from Monday, November 23 to Thursday, November 26 in the library, 8:15 am to 3:30 pm each day, with '
  'late shopping until 6:00 pm on Wednesday. We need volunteer cashiers every day of the fair — even one hour helps. '
  'Please use the online sign-up sheet to choose a time.')
P('Family Movie Night', H)
P('Settle in for a family movie in the gym on Friday, November 27, from 6:30 to 8:30 pm. Blankets and pillows are welcome. Admission is free; the Grade 5 class will be selling popcorn and drinks for their year-end trip.')
P('Winter Craft Fair — Saturday, December 5', H)
P('Our Winter Craft Fair takes over the gym from 10:00 am to 2:00 pm on Saturday, December 5. Local makers wishing to rent a '
  'table ($25) must send in the vendor application by Monday, November 16. We will also need volunteers on the day for '
  'two shifts, 9:30 am–12:00 pm and 12:00–2:30 pm (sign up online), and we are collecting baked goods for the bake sale table: '
  'please drop them at the gym on Friday, December 4 between 3:00 and 4:30 pm.')
P('Anytime Asks', H)
for t in ['<b>Art room treasures:</b> please send in clean egg cartons, yogurt tubs and paper towel rolls. Our art teacher collects them all year; leave them in the box outside Room 12.',
          '<b>Hot lunch helpers:</b> we still have open spots on the hot lunch serving rotation. If you can give one lunch hour a month, please sign up online through the PTA page.',
          '<b>Join the PTA:</b> membership is $5 per family and helps us apply for grants. Pay online or send cash in an envelope marked "PTA".']:
    P('•&nbsp; ' + t, BUL)
P('Did you know?', H)
P('Last year PTA funds paid for the Grade 3 swim lessons, the buddy bench, and 210 new library books. Our spring fun fair will be back in May — more news in the new year!')
P('With thanks,<br/>Nadia Ferreira-Cole, PTA Chair · Ben Takahashi, Treasurer · Lina Haddad, Volunteer Coordinator')
P('Together We Grow · Lakeshore Heights PTA', SMALL)
build(NAME, st, 'Lakeshore Heights Elementary PTA - November 2026')
CAT = []
items = [
 item('PTA General Meeting', 'meeting', '2026-11-10', '19:00', location='School library / online'),
 item('Remembrance Day - no school', 'closure', '2026-11-11'),
 item('Coat & Boot Drive', 'fundraiser', '2026-11-09', end_date='2026-11-20', action=True, location='Blue bins by the front doors'),
 item('Poinsettia & Wreath Fundraiser orders due', 'fundraiser', '2026-11-20', action=True),
 item('Poinsettia & wreath pick-up', 'event', '2026-12-03', '14:45', '17:00', action=True, location='Gym'),
 item('Staff Appreciation Breakfast donations and helpers', 'volunteer', '2026-11-19', '07:30', action=True, location='Staff room'),
 item('Scholastic Book Fair', 'event', '2026-11-23', '08:15', '15:30', end_date='2026-11-26', location='Library'),
 item('Book Fair volunteer cashiers', 'volunteer', '2026-11-23', end_date='2026-11-26', action=True, location='Library'),
 item('Family Movie Night', 'event', '2026-11-27', '18:30', '20:30', location='Gym'),
 item('Winter Craft Fair', 'event', '2026-12-05', '10:00', '14:00', location='Gym'),
 item('Craft Fair vendor applications due', 'deadline', '2026-11-16', action=True),
 item('Craft Fair volunteers', 'volunteer', '2026-12-05', '09:30', '14:30', action=True, location='Gym'),
 item('Bake sale donations drop-off', 'volunteer', '2026-12-04', '15:00', '16:30', action=True, location='Gym'),
 item('Send in art room materials', 'announcement', None, action=True, location='Box outside Room 12'),
 item('Hot lunch helper sign-up', 'volunteer', None, action=True, location='Online'),
 item('PTA membership', 'announcement', None, action=True),
]
write_labels(NAME, 'Lakeshore Heights Elementary', '2026-11-02', [0, 1, 2, 3, 4, 5], CAT, items)
