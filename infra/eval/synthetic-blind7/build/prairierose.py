from common import *
from reportlab.lib.pagesizes import letter
from reportlab.lib.units import inch
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle

NAME = 'prairie-rose-kindergarten-note'
ROSE = colors.HexColor('#b8336a'); SKY = colors.HexColor('#e9f3fb'); SUN = colors.HexColor('#fff4cc')
b = ParagraphStyle('b', fontName='DS', bulletFontName='DS', fontSize=8.9, leading=11.6, spaceAfter=3.5)
bl = ParagraphStyle('bl', parent=b, leftIndent=10, bulletIndent=0)
tl = ParagraphStyle('tl', fontName='DS', bulletFontName='DS', fontSize=8.5, leading=11, spaceAfter=2.5, leftIndent=10, bulletIndent=0)
h2 = ParagraphStyle('h2', fontName='DSB', fontSize=10.5, leading=13, textColor=ROSE, spaceBefore=3, spaceAfter=2)
ttl = ParagraphStyle('t', fontName='DSB', fontSize=17, leading=20, textColor=ROSE)
tsub = ParagraphStyle('ts', fontName='DS', fontSize=8.3, leading=10.5, textColor=colors.HexColor('#444444'))

doc = SimpleDocTemplate(f'{OUT}/{NAME}.pdf', pagesize=letter, leftMargin=0.55*inch, rightMargin=0.55*inch,
                        topMargin=0.45*inch, bottomMargin=0.4*inch, title='Room 4 Kindergarten - Class Note, week of February 8, 2027',
                        author='Prairie Rose School')
fw = letter[0] - 1.1*inch
S = [Paragraph("Room 4 Kindergarten \u2014 Class Note", ttl),
     Paragraph("Prairie Rose School (K\u20136) &nbsp;\u00b7&nbsp; 75 Larkspur Bay, Winnipeg, MB &nbsp;\u00b7&nbsp; 204-555-0129 "
               "&nbsp;\u00b7&nbsp; prairierose.example.org &nbsp;\u00b7&nbsp; Ms. Reyes &amp; Mr. Lim (student teacher) "
               "&nbsp;\u00b7&nbsp; Monday, February 8, 2027", tsub),
     Spacer(1, 5),
     Paragraph("Hello Room 4 families! Last week we learned all about penguins, and our penguin waddle race in the gym was a "
               "giggly success. Thank you to Mateo\u2019s lola for coming in to read <i>Tacky the Penguin</i> with us. Our class "
               "promise this month: <i>We are kind, we are safe, we try our best.</i>", b)]

left = [Paragraph("This week", h2),
 Paragraph("<b>Thursday, February 11 \u2013 100th Day of School!</b> Please send 100 small things (buttons, pasta, Lego, "
           "stickers, pom-poms) in a zip-top bag with your child\u2019s name on it. We will count them in tens.", bl, bulletText='\u2022'),
 Paragraph("<b>Friday, February 12 \u2013 Valentine card exchange.</b> Please send a "
           "card for each of the 19 children in our class. Sign your child\u2019s name only and leave the \u201cTo\u201d line "
           "blank so cards are easy to hand out. No candy please; we are a nut-aware school.", bl, bulletText='\u2022'),
 Paragraph("<b>Monday, February 15 \u2013 Louis Riel Day.</b> No school.", bl, bulletText='\u2022'),
 Paragraph("Field trip!", h2),
 Paragraph("On <b>Thursday, February 25</b> we are going to the Prairie Discovery Children\u2019s Museum, 9:15 am to 1:30 pm, "
           "by school bus. Please send a packed lunch in a bag with your child\u2019s name, and dress for the cold. The "
           "permission form and $6 are due <b>Friday, February 19</b>. We also need 3 parent helpers for the day; write "
           "a note in your child\u2019s agenda if you can come.", b),
 Paragraph("Conferences", h2),
 Paragraph("Parent-teacher conferences for all grades are <b>Thursday, March 4</b> from 3:30 to 7:30 pm. Please book a "
           "15-minute time on the school website by <b>Monday, March 1</b>. Interpreters (including Tagalog and Punjabi) "
           "can be arranged through the office.", b)]
right = [Paragraph("Routines &amp; reminders", h2),
 Paragraph("<b>Library day is now Tuesday</b>, starting tomorrow, February 9. Please help your child return their library "
           "book every Tuesday so they can choose a new one.", bl, bulletText='\u2022'),
 Paragraph("<b>Show &amp; Share</b> starts Monday, February 22 and happens every Monday. Please send one small "
           "thing from home that starts with our letter of the week (the letter goes home in the agenda each Friday).",
           bl, bulletText='\u2022'),
 Paragraph("<b>Outdoor play:</b> we go outside every day unless it is colder than \u221225\u00b0C with the wind chill. "
           "Please send snow pants, boots, a toque and mittens every day, all labelled.", bl, bulletText='\u2022'),
 Paragraph("<b>Tissues:</b> we are down to our last box! Could each family send one box of tissues by Friday, February 19?",
           bl, bulletText='\u2022'),
 Paragraph("<b>Wednesday, February 24 is Pink Shirt Day.</b> Everyone is invited to wear pink to show that we stand up to "
           "bullying.", bl, bulletText='\u2022'),
 Paragraph("Doors open at 8:45 and the bell rings at 8:55. Dismissal is at 3:30 from the kindergarten door. Mr. Lim will be "
           "with us until the end of April.", b)]
cols = Table([[left, right]], colWidths=[fw/2, fw/2])
cols.setStyle(TableStyle([('VALIGN', (0, 0), (-1, -1), 'TOP'), ('LEFTPADDING', (0, 0), (0, 0), 0), ('RIGHTPADDING', (0, 0), (0, 0), 8),
                          ('LEFTPADDING', (1, 0), (1, 0), 8), ('RIGHTPADDING', (1, 0), (1, 0), 0),
                          ('LINEBEFORE', (1, 0), (1, 0), 0.6, ROSE)]))
S += [cols, Spacer(1, 5)]

TL = [
 "<b>Huwebes, Pebrero 11 \u2013 Ika-100 na araw ng klase.</b> Magpadala po ng 100 maliliit na bagay (butones, pasta, Lego, "
 "stickers) sa isang zip-top bag na may pangalan ng bata.",
 "<b>Biyernes, Pebrero 12 \u2013 Palitan ng Valentine card.</b> Magpadala po ng card para sa "
 "bawat isa sa 19 na bata sa klase. Pangalan lang ng inyong anak ang isulat. Bawal po ang kendi.",
 "<b>Lunes, Pebrero 15 \u2013 Louis Riel Day.</b> Walang pasok.",
 "<b>Martes ang library day</b>, simula bukas, Pebrero 9. Pakisauli po ang library book tuwing Martes.",
 "<b>Biyernes, Pebrero 19:</b> huling araw ng pagbigay ng permission form at $6 para sa field trip. Pakipadala rin po ng "
 "isang kahon ng tissue.",
 "<b>Huwebes, Pebrero 25 \u2013 Field trip</b> sa Prairie Discovery Children\u2019s Museum, 9:15 ng umaga hanggang 1:30 ng "
 "hapon. Magbaon po ng tanghalian at magsuot ng makapal na damit. Kailangan namin ng 3 magulang na sasama; sumulat po sa "
 "agenda kung makakasama kayo.",
 "<b>Show &amp; Share tuwing Lunes</b>, simula Pebrero 22: magpadala po ng isang maliit na bagay na nagsisimula sa letter of the week.",
 "<b>Araw-araw:</b> snow pants, boots, toque at mittens, lahat may pangalan.",
 "<b>Conference:</b> Huwebes, Marso 4, 3:30 hanggang 7:30 ng hapon. Mag-book po sa website ng paaralan bago o sa Lunes, "
 "Marso 1. May makukuhang interpreter sa Tagalog; tumawag lang po sa opisina.",
]
tbox = [Paragraph("Para sa mga magulang \u2014 buod sa Tagalog", ParagraphStyle('th', parent=h2, spaceBefore=0))] + \
       [Paragraph(t, tl, bulletText='\u2022') for t in TL]
tb = Table([[tbox]], colWidths=[fw])
tb.setStyle(TableStyle([('BACKGROUND', (0, 0), (-1, -1), SKY), ('BOX', (0, 0), (-1, -1), 0.6, colors.HexColor('#7aa7cf')),
                        ('LEFTPADDING', (0, 0), (-1, -1), 8), ('RIGHTPADDING', (0, 0), (-1, -1), 8),
                        ('TOPPADDING', (0, 0), (-1, -1), 5), ('BOTTOMPADDING', (0, 0), (-1, -1), 5)]))
S += [tb, Spacer(1, 4), Paragraph("Thank you for all you do! Questions? Write in the agenda or email "
                                   "a.reyes@prairierose.example.org. &nbsp;\u2014 Ms. Reyes", tsub)]
doc.build(S)

K = [0]
I = [
 item("Library book exchange on Tuesdays", "announcement", "2027-02-09", grades=K, action=True, location="Library",
      recurrence="FREQ=WEEKLY;BYDAY=TU"),
 item("100th Day of School", "event", "2027-02-11", grades=K, action=True),
 item("Valentine card exchange", "event", "2027-02-12", grades=K, action=True),
 item("Louis Riel Day - no school", "closure", "2027-02-15"),
 item("Field trip permission form and $6 due", "deadline", "2027-02-19", grades=K, action=True),
 item("Send a box of tissues", "deadline", "2027-02-19", grades=K, action=True),
 item("Show & Share", "event", "2027-02-22", grades=K, action=True, recurrence="FREQ=WEEKLY;BYDAY=MO"),
 item("Pink Shirt Day", "event", "2027-02-24"),
 item("Field trip to the Prairie Discovery Children's Museum", "event", "2027-02-25", "09:15", "13:30", grades=K, action=True,
      location="Prairie Discovery Children's Museum"),
 item("Parent helpers needed for the museum trip", "volunteer", "2027-02-25", "09:15", "13:30", grades=K, action=True),
 item("Book a parent-teacher conference time", "deadline", "2027-03-01", action=True),
 item("Parent-teacher conferences", "meeting", "2027-03-04", "15:30", "19:30", action=True),
 item("Winter clothing every day", "announcement", None, grades=K, action=True),
]
write_labels(NAME, 'Prairie Rose School', '2027-02-08', 'America/Winnipeg', [0, 1, 2, 3, 4, 5, 6], [], I)
