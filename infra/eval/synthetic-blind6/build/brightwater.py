from common import *
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
ACC = colors.HexColor('#0b6e7a')
st = styles(ACC)
tl_h = ParagraphStyle('tlh', parent=st['h2'], textColor=colors.HexColor('#8a4b08'))
tl_p = ParagraphStyle('tlp', parent=st['p'], textColor=colors.HexColor('#333333'), leftIndent=10)
NAME = 'brightwater-tagalog-english'
S = []
S.append(Paragraph('Brightwater Community School', st['title']))
S.append(Paragraph('April 2027 Family Notice · Paunawa sa mga Pamilya para sa Abril 2027', st['sub']))
S.append(Paragraph('Kindergarten – Grade 7 &nbsp;|&nbsp; 980 Tidewater Avenue &nbsp;|&nbsp; 604-555-0177 &nbsp;|&nbsp; '
                   'brightwater.example.org &nbsp;|&nbsp; Monday, March 29, 2027', st['sub']))

S.append(Paragraph(
    "Welcome back from Spring Break! We hope everyone had a restful two weeks. Thank you to all the families who "
    "came to the Spring Concert on March 11 — the Grade 2 ukulele song was a hit. Important notices for April are "
    "below, in English and in Tagalog.", st['p']))
S.append(Paragraph(
    "Maligayang pagbabalik mula sa Spring Break! Sana ay nakapagpahinga ang lahat. Salamat sa lahat ng pamilyang "
    "dumalo sa Spring Concert noong Marso 11 — patok ang ukulele ng Grade 2. Nasa ibaba ang mahahalagang paunawa "
    "para sa Abril, sa Ingles at sa Tagalog.", tl_p))

def notice(en_title, en_text, tl_title, tl_text):
    S.append(Paragraph(en_title, st['h']))
    S.append(Paragraph(en_text, st['p']))
    S.append(Paragraph(tl_title, tl_h))
    S.append(Paragraph(tl_text, tl_p))

notice('Easter Long Weekend – School Closed',
       'There is no school from Friday, April 2 to Monday, April 5 for Good Friday and Easter Monday. '
       'Classes start again on Tuesday, April 6.',
       'Easter Long Weekend – Sarado ang Paaralan',
       'Walang pasok mula Biyernes, Abril 2 hanggang Lunes, Abril 5 dahil sa Biyernes Santo at Easter Monday. '
       'Babalik ang klase sa Martes, Abril 6.')

notice('Track &amp; Field Club (Grades 4–7)',
       'Track Club practices start Tuesday, April 6, and run every Tuesday and Thursday after school from 3:05 to '
       '4:00 pm on the field. Students must return the signed club form to Mr. Reyes before their first practice.',
       'Track &amp; Field Club (Grade 4–7)',
       'Magsisimula ang ensayo ng Track Club sa Martes, Abril 6, tuwing Martes at Huwebes pagkatapos ng klase, '
       'mula 3:05 hanggang 4:00 ng hapon sa field. Kailangang ibalik ng mga estudyante ang pirmadong form kay '
       'Mr. Reyes bago ang unang ensayo.')

notice('Class Photo Day',
       'Class photos will be taken on Wednesday, April 7. Individual spring portraits are optional and can be viewed '
       'online later.',
       'Araw ng Class Photo',
       'Kukunan ang class photo sa Miyerkules, Abril 7. Opsyonal ang individual na spring portrait at maaaring '
       'tingnan online pagkatapos.')

notice('Kindergarten Hearing and Vision Screening',
       'Public health staff will check the hearing and vision of all Kindergarten students on Monday, April 12. '
       'No action is needed; you will get a letter only if a follow-up is recommended.',
       'Pagsusuri ng Pandinig at Paningin sa Kindergarten',
       'Susuriin ng public health ang pandinig at paningin ng lahat ng estudyante sa Kindergarten sa Lunes, Abril 12. '
       'Wala kayong kailangang gawin; makakatanggap lang kayo ng sulat kung may kailangang follow-up.')

notice('PAC Meeting',
       'All parents are welcome at the PAC meeting on Tuesday, April 13 at 6:30 pm in the library. A Tagalog '
       'interpreter will be there.',
       'Pulong ng PAC',
       'Inaanyayahan ang lahat ng magulang sa pulong ng PAC sa Martes, Abril 13, 6:30 ng gabi, sa library. '
       'May interpreter sa Tagalog.')

notice('Grade 4 &amp; 5 Salmon Hatchery Field Trip',
       'Grades 4 and 5 will visit the Cedar Run Salmon Hatchery on Tuesday, April 20, from 9:00 am to 2:00 pm. '
       'The signed permission form and $10 are due by Wednesday, April 14. Please send a packed lunch and rain boots.',
       'Field Trip ng Grade 4 at 5 sa Salmon Hatchery',
       'Bibisita ang Grade 4 at 5 sa Cedar Run Salmon Hatchery sa Martes, Abril 20, mula 9:00 ng umaga hanggang '
       '2:00 ng hapon. Ibigay ang pirmadong permission form at $10 bago o sa Miyerkules, Abril 14. Magpabaon po ng '
       'tanghalian at rain boots.')

notice('Earth Day School Clean-Up',
       'On Thursday, April 22, every class will help clean up the school grounds and Tidewater Park from 1:00 to '
       '2:30 pm. Please send your child with garden gloves labelled with their name.',
       'Earth Day: Paglilinis ng Paaralan',
       'Sa Huwebes, Abril 22, tutulong ang bawat klase sa paglilinis ng paaralan at ng Tidewater Park mula 1:00 '
       'hanggang 2:30 ng hapon. Pakipadalhan ang inyong anak ng garden gloves na may pangalan niya.')

notice('Pro-D Day – No School',
       'Friday, April 23 is a professional development day. There is no school for students.',
       'Pro-D Day – Walang Pasok',
       'Ang Biyernes, Abril 23 ay professional development day. Walang pasok ang mga estudyante.')

notice('Multicultural Potluck Night',
       'Join us on Thursday, April 29 from 5:30 to 7:30 pm in the gym to share food from our many cultures. '
       'Please bring one dish to share and tell us what you are bringing by Wednesday, April 21 '
       '(reply slip or email the office).',
       'Multicultural Potluck Night',
       'Samahan kami sa Huwebes, Abril 29, mula 5:30 hanggang 7:30 ng gabi sa gym para magsalo-salo ng pagkain mula sa '
       'iba\'t ibang kultura. Magdala po ng isang putahe at ipaalam sa amin kung ano ito bago o sa Miyerkules, '
       'Abril 21 (reply slip o email sa opisina).')

notice("Mother's Day Plant Sale",
       "Our Grade 7 class is raising money for their year-end trip with a hanging basket and herb sale. Orders are due "
       "Friday, April 30. Plants can be picked up on Friday, May 7 from 2:45 to 4:00 pm at the front entrance.",
       "Plant Sale para sa Mother's Day",
       "Nangangalap ng pondo ang Grade 7 para sa kanilang year-end trip sa pamamagitan ng pagbebenta ng hanging basket "
       "at herbs. Ang order ay hanggang Biyernes, Abril 30. Maaaring kunin ang mga halaman sa Biyernes, Mayo 7, mula "
       "2:45 hanggang 4:00 ng hapon sa front entrance.")

S.append(Paragraph('Office &amp; Bell Times · Oras ng Opisina at Klase', st['h']))
S.append(Paragraph('School starts 8:45 am and ends 3:00 pm. Office open 8:00 am – 3:45 pm. '
                   'Nagsisimula ang klase 8:45 ng umaga at natatapos 3:00 ng hapon. Bukas ang opisina 8:00 – 3:45.', st['small']))
S.append(Spacer(1, 4))
S.append(Paragraph('Brightwater: <i>Every voice, every day.</i> · <i>Bawat boses, araw-araw.</i>', st['small']))
build(NAME, S, 'Brightwater Community School - April 2027 Family Notice')

items = [
    item('Easter Long Weekend - School Closed', 'closure', '2027-04-02', end_date='2027-04-05'),
    item('Track & Field Club (Grades 4-7)', 'event', '2027-04-06', '15:05', '16:00', [4, 5, 6, 7], ['track'],
         action=True, location='Field', recurrence='FREQ=WEEKLY;BYDAY=TU,TH'),
    item('Class Photo Day', 'event', '2027-04-07'),
    item('Kindergarten Hearing and Vision Screening', 'event', '2027-04-12', grades=[0]),
    item('PAC Meeting', 'meeting', '2027-04-13', '18:30', location='Library'),
    item('Salmon hatchery permission form and $10 due', 'deadline', '2027-04-14', grades=[4, 5], action=True),
    item('Grade 4 & 5 Salmon Hatchery Field Trip', 'event', '2027-04-20', '09:00', '14:00', [4, 5], action=True,
         location='Cedar Run Salmon Hatchery'),
    item('Earth Day School Clean-Up', 'event', '2027-04-22', '13:00', '14:30', action=True,
         location='School grounds and Tidewater Park'),
    item('Pro-D Day - No School', 'closure', '2027-04-23'),
    item('Potluck dish RSVP due', 'deadline', '2027-04-21', action=True),
    item('Multicultural Potluck Night', 'event', '2027-04-29', '17:30', '19:30', action=True, location='Gym'),
    item("Mother's Day Plant Sale orders due", 'fundraiser', '2027-04-30', action=True),
    item("Mother's Day Plant Sale pick-up", 'event', '2027-05-07', '14:45', '16:00', action=True,
         location='Front entrance'),
]
write_labels(NAME, 'Brightwater Community School', '2027-03-29', [0, 1, 2, 3, 4, 5, 6, 7], ['track'], items)
