from common import *
from reportlab.lib.pagesizes import letter
from reportlab.lib.units import inch
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, HRFlowable

NAME = 'birchwood-hollow-principal-letter'
GREEN = colors.HexColor('#3d5a2a')
body = ParagraphStyle('b', fontName='DF', fontSize=10.5, leading=15, spaceAfter=8, firstLineIndent=0)
hd = ParagraphStyle('h', fontName='DFB', fontSize=19, leading=23, textColor=GREEN)
sub = ParagraphStyle('s', fontName='DS', fontSize=8.5, leading=11, textColor=colors.HexColor('#555555'))
small = ParagraphStyle('sm', fontName='DS', fontSize=8, leading=10.5, textColor=colors.HexColor('#555555'))
sig = ParagraphStyle('sig', parent=body, fontName='DFI')

P = [
 "Monday, April 19, 2027",
 "Dear Birchwood Hollow families,",
 "I hope the sunshine this past weekend got everyone outside. Before I get to the busy weeks ahead, a huge thank-you to the "
 "forty-plus volunteers who flipped pancakes at our Spring Pancake Breakfast on April 9. Together we raised $1,260 for new "
 "library books, and I am still finding syrup in places syrup should never be.",
 "<b>Grade 3 swimming.</b> Our Grade 3 students begin their swimming unit next Monday at the Larchmere Leisure Centre. The bus "
 "leaves at 12:45, lessons run from 1:00 to 2:30 pm, and the unit continues every Monday afternoon through May 17. Grade 3 "
 "families, please return the pink pool consent form by this Wednesday so that we can confirm group sizes with the pool. On "
 "swim days your child will need a swimsuit, a towel and a plastic bag for wet things.",
 "<b>Earth Day.</b> This Thursday is Earth Day! After lunch, every class will head out with its buddy class for a neighbourhood "
 "clean-up walk from 1:15 to 2:30 pm. Please send your child with a pair of garden gloves labelled with their name, and shoes "
 "that are allowed to get muddy.",
 "There are no classes this Friday, as our staff will be at the division's spring professional learning day. The Larchmere "
 "Kids Club will be open as usual for families who are already registered with them.",
 "<b>Kindergarten.</b> Next Tuesday morning our kindergarten classes will walk to the Larchmere Public Library for story time "
 "and to get their very own library cards. We leave at 9:30 and will be back by 11:30. Walking field trip permission is "
 "already on file for every kindergartener, so there is nothing to sign. We would love four parent walkers to come along: if "
 "you can join us, just reply to Ms. Halvorsen's class email.",
 "<b>Track season.</b> Our Grade 4 and 5 track team practises at lunch on Tuesdays and Thursdays, 12:10 to 12:40, on the back "
 "field, starting next Tuesday. Any Grade 4 or 5 student who wants to come out is welcome, and there is no sign-up. The "
 "district track meet for team members is on Friday, May 14 at Larchmere Composite High School, 9:00 am to 2:00 pm. Students "
 "travel by school bus; please pack a lunch, a full water bottle, a hat and sunscreen.",
 "On Wednesday of next week, April 28, please join us for our Student Art Walk from 5:30 "
 "to 7:00 pm. Every child has at least one piece on display in the hallways and the gym, and the Grade 5 leadership team will "
 "be serving lemonade. School Council meets the following evening at 6:30 pm in the library. Everyone is welcome; we will be "
 "sharing the draft plan for next year's school fees.",
 "<b>Grade 2 gardeners.</b> Our Grade 2 classes have been growing tomato and marigold seedlings since March. Grade 2 "
 "families, please send one clean, empty yogurt container (the big 650 g tub is perfect) by next Friday, April 30, so the "
 "children can transplant their seedlings. The plants will be sold at the Grade 2 Plant Sale on Thursday, May 6, right after "
 "school from 3:20 to 4:15 at the front entrance. All families are welcome to shop. Pots are $3, cash only, and every dollar goes to our school garden.",
 "<b>Book Fair.</b> The week after next, from Monday, May 3 to Thursday, May 6, the Spring Book Fair takes over the library. "
 "Classes will visit during their library time, and families are welcome to drop in after school. A share of every sale comes "
 "back to our library. Browsing is free and there is no obligation to buy.",
 "The lost and found table is overflowing (eleven water bottles and one very lonely boot). Please have "
 "a look the next time you are in the building: anything not picked up by Friday, May 7 will be donated to the Larchmere "
 "Clothing Bank.",
 "A reminder that there is no school on Monday, May 24 for Victoria Day. Looking a little further ahead, our Junior Choir "
 "(Grades 3 to 5) will hold its Spring Concert on Thursday, June 3 at 6:30 pm in the gym, and all families are welcome. The "
 "Grade 5 farewell and Sports Day will also be in June; I will share those dates once they are confirmed.",
 "<b>Kindergarten 2027-28.</b> Do you have a child born in 2022? Kindergarten registration for September 2027 is open now. "
 "Registration packages are available at the office and on our website, and it really helps us plan classes if you register "
 "early.",
 "<b>Staff news.</b> Mrs. Okonjo begins her maternity leave at the end of the month, and we are delighted to welcome "
 "Mr. Thibault, who will teach Division 4 for the rest of the year. Please give him a warm Birchwood welcome.",
 "As always, thank you for everything you do for our kids.",
]

doc = SimpleDocTemplate(f'{OUT}/{NAME}.pdf', pagesize=letter, leftMargin=0.95*inch, rightMargin=0.95*inch,
                        topMargin=0.6*inch, bottomMargin=0.7*inch, title="Birchwood Hollow Elementary - A Note from the Principal",
                        author='Birchwood Hollow Elementary School')
S = [Paragraph("Birchwood Hollow Elementary School", hd),
     Paragraph("Kindergarten to Grade 5 &nbsp;&middot;&nbsp; 2210 Aspen Ridge Drive, Larchmere, Alberta &nbsp;&middot;&nbsp; "
               "403-555-0137 &nbsp;&middot;&nbsp; office@birchwoodhollow.example.org", sub),
     Spacer(1, 4), HRFlowable(width='100%', thickness=1.2, color=GREEN), Spacer(1, 4),
     Paragraph("<i>A Note from the Principal</i>", ParagraphStyle('x', fontName='DF', fontSize=12, leading=16, textColor=GREEN)),
     Spacer(1, 8)]
for p in P:
    S.append(Paragraph(p, body))
S += [Paragraph("Warm regards,", body), Paragraph("Dana Whitfield<br/>Principal", sig), Spacer(1, 10),
      HRFlowable(width='100%', thickness=0.5, color=colors.grey), Spacer(1, 3),
      Paragraph("Curious minds, kind hearts. &nbsp;&middot;&nbsp; Classes run 8:35 am to 3:20 pm; doors open at 8:25. "
                "&nbsp;&middot;&nbsp; Office hours 8:00 am to 4:00 pm. &nbsp;&middot;&nbsp; To report an absence, call 403-555-0137 "
                "and press 1.", small)]
doc.build(S)

I = [
 item("Grade 3 pool consent forms due", "deadline", "2027-04-21", grades=[3], action=True),
 item("Earth Day neighbourhood clean-up walk", "event", "2027-04-22", "13:15", "14:30", action=True),
 item("Professional learning day - no classes", "closure", "2027-04-23"),
 item("Grade 3 swimming lessons", "event", "2027-04-26", "13:00", "14:30", grades=[3], action=True,
      location="Larchmere Leisure Centre", recurrence="FREQ=WEEKLY;BYDAY=MO;UNTIL=20270517"),
 item("Kindergarten library walking trip", "event", "2027-04-27", "09:30", "11:30", grades=[0],
      location="Larchmere Public Library"),
 item("Parent walkers needed (kindergarten)", "volunteer", "2027-04-27", "09:30", "11:30", grades=[0], action=True),
 item("Track team lunch practices (Grades 4-5)", "event", "2027-04-27", "12:10", "12:40", grades=[4, 5],
      activities=["track-and-field"], location="Back field", recurrence="FREQ=WEEKLY;BYDAY=TU,TH"),
 item("Student Art Walk", "event", "2027-04-28", "17:30", "19:00", location="Hallways and gym"),
 item("School Council meeting", "meeting", "2027-04-29", "18:30", location="Library"),
 item("Grade 2: send an empty yogurt container", "deadline", "2027-04-30", grades=[2], action=True),
 item("Spring Book Fair", "fundraiser", "2027-05-03", end_date="2027-05-06", location="Library"),
 item("Grade 2 Plant Sale", "fundraiser", "2027-05-06", "15:20", "16:15", location="Front entrance"),
 item("Lost and found pick-up deadline", "deadline", "2027-05-07", action=True),
 item("District track meet", "event", "2027-05-14", "09:00", "14:00", grades=[4, 5], activities=["track-and-field"],
      action=True, location="Larchmere Composite High School"),
 item("Victoria Day - no school", "closure", "2027-05-24"),
 item("Junior Choir Spring Concert", "event", "2027-06-03", "18:30", grades=[3, 4, 5], activities=["choir"], location="Gym"),
 item("Kindergarten registration for September 2027", "announcement", None, grades=[-1], action=True),
]
write_labels(NAME, 'Birchwood Hollow Elementary School', '2027-04-19', 'America/Edmonton', [0, 1, 2, 3, 4, 5],
             ["track-and-field", "choir"], I)
