from common import *
NAME = 'fernbrook-middle-may'
st = []
P = lambda t, s=B: st.append(Paragraph(t, s))
P('Fernbrook Middle School', TITLE)
P('Falcon Flyer · May 2027 Bulletin · Grades 6–8 · Issued Friday, April 30, 2027 · 900 Kestrel Way · 555-0162 · fernbrook.example.org', SUB)
P('From the Office', H)
P('May is one of our fullest months of the year, with concerts, camp, a play and the track season all happening at once. '
  'Please read the calendar below carefully and keep an eye on the due dates, especially for Grade 6 camp. '
  'As always, if a cost is a barrier for your family, please speak to our vice-principal in confidence.')
P('May at a Glance', H)
rows = [['Date', 'Event', 'Grades', 'Time'],
 ['Mon, May 3', 'Track &amp; Field team practice begins (Mondays &amp; Wednesdays through May 26), main field', '6–8', '3:10–4:30 pm'],
 ['Wed, May 5', 'Grade 8 Career Fair, gym', '8', '9:00–11:30 am'],
 ['Thu, May 6', 'Band &amp; Jazz Band Spring Concert, theatre', '6–8', '7:00 pm'],
 ['Fri, May 7', 'Grade 7 elective selection forms due to homeroom teacher', '7', '—'],
 ['May 10–14', 'Spring Book Fair, library', 'All', '8:15 am–3:15 pm'],
 ['Tue, May 11', 'Grade 6 Camp Information Night, library', '6', '6:30 pm'],
 ['Fri, May 14', 'Grade 6 camp deposit ($75) due online', '6', '—'],
 ['Wed, May 19', 'Drama Club spring play: <i>The Lighthouse Keeper\'s Cat</i>, theatre', 'All', '7:00 pm'],
 ['Thu, May 20', 'Ultimate tournament permission slips due', '7–8', '—'],
 ['Fri, May 21', 'Pro-D Day — no classes', 'All', '—'],
 ['Mon, May 24', 'Victoria Day — school closed', 'All', '—'],
 ['Wed, May 26', 'Ultimate Frisbee Tournament, Centennial Park', '7–8', '9:00 am–2:00 pm'],
 ['Thu, May 27', 'PAC Meeting, library', 'All', '6:30 pm'],
 ['Fri, May 28', 'District Track Meet, Swangard Field', 'Track team', '8:30 am–2:30 pm'],
 ['Jun 2–4', 'Grade 6 Camp at Camp Elkwood (overnight)', '6', 'Depart 8:30 am Wed'],
]
st.append(tbl(rows, [0.95*inch, 3.9*inch, 0.85*inch, 1.3*inch]))
st.append(Spacer(1, 8))
P('Music Department', H)
P('Our Band and Jazz Band have been rehearsing since February and are ready to share their work at the Spring Concert on '
  'Thursday, May 6 at 7:00 pm. Musicians should arrive by 6:15 pm in concert black. Admission is free; a collection for '
  'instrument repairs will be taken at the door.')
P('Grade 6 Camp', H)
P('Grade 6 students will spend three days at Camp Elkwood from Wednesday, June 2 to Friday, June 4. Please come to the '
  'information night on May 11 to hear about the schedule, packing list and cabin groups. The $75 deposit is due online '
  'by Friday, May 14; the balance will be collected after the information night. Medical forms will be sent home at the meeting.')
P('Athletics', H)
P('Track &amp; Field practices run Mondays and Wednesdays after school from May 3 to May 26. Athletes selected for the District '
  'Track Meet on May 28 will receive a separate letter. Grade 7 and 8 students on the ultimate team must hand in a signed '
  'permission slip by Thursday, May 20 to play in the tournament at Centennial Park on Wednesday, May 26.')
P('Falcon Shout-Outs', H)
P('Congratulations to our Grade 7 robotics team, who placed second at the regional event over spring break, and thank you to '
  'the families who donated to the April clothing swap. Falcons of the Month for April: Priya S., Mateo R. and Hana K.')
P('<i>Bell schedule:</i> Warning bell 8:25 am · Block 1 8:30 am · Lunch 11:50 am–12:30 pm · Dismissal 2:58 pm. '
  '<i>Looking ahead:</i> Grade 8 year-end celebration in late June — more information next month. '
  '<i>Motto:</i> Soar Higher Together.', SMALL)
build(NAME, st, 'Fernbrook Middle School - Falcon Flyer May 2027')
CAT = ['track', 'band', 'jazz-band', 'drama', 'ultimate']
items = [
 item('Track & Field team practice', 'event', '2027-05-03', '15:10', '16:30', activities=['track'], location='Main field', recurrence='FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270526'),
 item('Grade 8 Career Fair', 'event', '2027-05-05', '09:00', '11:30', grades=[8], location='Gym'),
 item('Band & Jazz Band Spring Concert', 'event', '2027-05-06', '19:00', activities=['band', 'jazz-band'], location='Theatre'),
 item('Grade 7 elective selection forms due', 'deadline', '2027-05-07', grades=[7], action=True),
 item('Spring Book Fair', 'event', '2027-05-10', '08:15', '15:15', end_date='2027-05-14', location='Library'),
 item('Grade 6 Camp Information Night', 'meeting', '2027-05-11', '18:30', grades=[6], location='Library'),
 item('Grade 6 camp deposit due', 'deadline', '2027-05-14', grades=[6], action=True, location='Online'),
 item('Drama Club spring play', 'event', '2027-05-19', '19:00', activities=['drama'], location='Theatre'),
 item('Ultimate tournament permission slips due', 'deadline', '2027-05-20', grades=[7, 8], activities=['ultimate'], action=True),
 item('Pro-D Day - no classes', 'closure', '2027-05-21'),
 item('Victoria Day - school closed', 'closure', '2027-05-24'),
 item('Ultimate Frisbee Tournament', 'event', '2027-05-26', '09:00', '14:00', grades=[7, 8], activities=['ultimate'], location='Centennial Park'),
 item('PAC Meeting', 'meeting', '2027-05-27', '18:30', location='Library'),
 item('District Track Meet', 'event', '2027-05-28', '08:30', '14:30', activities=['track'], location='Swangard Field'),
 item('Grade 6 Camp at Camp Elkwood', 'event', '2027-06-02', '08:30', end_date='2027-06-04', grades=[6], location='Camp Elkwood'),
]
write_labels(NAME, 'Fernbrook Middle School', '2027-04-30', [6, 7, 8], CAT, items)
