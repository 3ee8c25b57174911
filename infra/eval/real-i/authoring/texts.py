# Writes text/*.txt: verbatim excerpts of the stored pages (cuts listed in README.md).
import pathlib
T = {}
T["reali-01-elms"] = """Principal's Message - May 12, 2017

We hope everyone has a wonderful Mother's Day Weekend!

Celebrating Success!

Thank you to Ms. Werosta and all of our parent volunteers for a beautiful plant sale!

Thank you Ms. Benarick and Ms. Everett for facilitating our annual Blue Claws Night.  It is a wonderful opportunity to enjoy the evening with the Elms community and to see our talented 5th grade chorus sing the national anthem! Play ball! 


Looking ahead:
May 15 – 6th Grade Orientation
May 16-18 – BOGO Book Fair
May 16 – 6:30p Board of Ed Meeting
May 17 – 6:30p PTN Meeting
May 19 – Supply Cart
May 19 – Gr 5 Parent Coffee With the Middle School Principal at Goetz Middle School
May 22 – Kindergarten Field Day
May 23 – Gr 1 Field Day
May 23 – Gr 4 Cruise Day
May 24 – Gr 2 Field Day
May 25 – Gr 3 Field Day
May 25 & 26 – Gr 5 Trip
May 29 – School Closed for Memorial Day

Attention 5th Grade Parents
Gr 5 has a very busy end of year!  Lots of activities are upcoming.  It will be a fun and exciting time for them, which of course means a lot to remember for you!  Please be sure to continually check your teacher’s class page and the Elms website for updates.

  • May 25 & 26 is the trip to Princeton Museum; all permission slips are due to classroom teachers no later than May 24.
  • June 2 – trip to Black Bear Lake. Information will be sent home no later than May 19.  Permission Slips due by May 31.
  • June 15 – 10am Moving Up. Information will be sent home May 19.  PLEASE READ CAREFULLY!
  • June 16 – Pizza Party
  • June 20 – Field Day
"""
T["reali-02-odea"] = """Weekly Family Update 10/18/23

A short but mighty week – Wednesday was the highlight as we celebrated Boosterthon completion with PJ/Stuffy Day, Mr. Joyal on the roof, and 40 students getting to pie me in the face!  We loved seeing you at conferences and special shout out to PTA for providing soup and salad for teachers working long hours this week!!!

We will have our first School Accountability Committee (SAC) meeting on 11/28 5-6pm.  SAC is a parent committee that will work with O’Dea to provide parent voice/input into strategic planning, priorities, budget, and other important O’Dea business.  If you are interested in joining this committee, we will have additional meetings on 1/30 and 4/2.  Please let me know if you have questions or can attend (e: alexm@psdschools.org)!

We have quite a few events coming up! 

10/26 Volunteer Crossing Guard Training @ 4:30. Want to help keep O’Dea safe?  We are looking for volunteers to help us supervise O’Dea crosswalks that do not have staff supervision.  Sign up here!

10/31 Halloween Parade @ 2:30 – We are moving the parade back indoors!  Parents will be invited into the gym to watch the parade.

11/6, 7, 8 & 9th Book Fair with two special events!

  • Tuesday 11/7 Family Book Fair and Burrito Event – come have burritos and shop for books as a family!
  • Thursday 11/9 Family Book Fair and Donuts Event – come have a donut and shop for books as a family!
  • If you can help, PTA will be looking for parent volunteers to help – sign up coming soon!

11/17 New Principal Coffee Talk @ 8:00

11/28 - School Accountability Committee 5-6pm – Review O’Dea school data and school goals for this and next year.  Parents learn about O’Dea current level of success, strategic priorities, and provide input on next steps to keep O’Dea great!

Thanks for making our school great and enjoy your 4 days off!!!!!!

Alex

"There is a subtle magic in the falling of old leaves" Avijeet Das
"""
T["reali-03-otes-ptc"] = """Wednesday, March 8, 2017

March 2017 Meeting Minutes

Introductions – Welcome all!

New Ideas or Concerns:

1) Will be providing a summer camp fair during the book fair (book fair has a camping theme)

2) OTES garden work day on April 29th – look for an announcement to get involved! Renee St. Peter will attend the next PTC meeting to describe the garden plan.

Box Tops: Just sent in $650 worth of box tops. Looking for another person to take over the Box Top redemption. This is an opportunity to volunteer from home! If you are interested, please contact Kathy Cummings.

Movie Night: March 3rd – still looking for volunteers!

Book Fair: March 16th  – 22nd with Family Night on March 21st. Sign up for volunteering should be sent this weekend. This year there will be a photo booth.

Family Dance Night: March 31st, concessions will be sold to support he 5th grade celebration. The dance will be held from 6-8 PM.

Teacher Appreciation at OTES: May 8th – 12th, will look into possible food donations

Pancake Breakfast: May 31st

Art Fair: June 2nd, will be looking for volunteers to help with taking payments for the art.

Margaritas Fundraiser: Date may need to change – stay tuned!

Next Meeting: April 5, 2017 at 6:00 PM
"""
T["reali-04-pvms"] = """Dear PVMS Families,

October is already here and it is hard to believe that we have only had 15 days of school in September!  Our Back to School Nights were a success and we hope you were able to get an idea of your child’s day and year ahead.  If you would like to discuss your children further, please contact team leaders to set up a day that works for everyone.

Our clubs will be underway this month, check our daily communication regarding listings and schedule updates in the event that a club is changed.  With over 25 clubs to choose from, your child can choose from a variety of activities that will keep them involved.  We will have morning clubs (parent drop-off only) and afternoon clubs as well.

Student Government speeches went well.  We would like to see more involvement this year as any student may join Student Council.  Student Government elected students will help to lead Student Council and meetings will take place throughout the year.  With student advocacy and choice, we hope continue to build culture throughout our building.

Please check your child’s assignment pads on a daily basis and PowerSchool to ensure accountability and transparency regarding grades and assignments.  If you have any questions, please contact classroom teachers.

October 1 – School Pictures – MS Gym – 10:00 a.m. – 1:15 p.m.

October 3 – Gr. 8 Washington DC trip – Parent Info. Mtg  7:00 – 9:00 p.m. Dining Hall

October 5 – Mid Point Quarter 1

October 5 – Emergency Management Drill – Dismissal 15 minutes early –2:20 p.m.
October 8 – Columbus Day – School Closed

October 12 – Student of the Month Breakfast

October 22 –  26 – Red Ribbon Week

October 26 – MS Halloween Bash

October 29 – 31 – MS Book Fair

October 31 – Halloween – Students may dress up (no masks or weapons)

November 9 – School Picture Retakes

The midpoint of quarter 1 will be Friday, October 5th.
"""
T["reali-05-laurus-5"] = """Sunday, October 20, 2024

Weekly Newsletter 10/21/24 - Week 8

Happy Sunday, parents and guardians. Here is our weekly newsletter for the week beginning Monday, October 21st:

No School on Monday: Due to Regional PD, there will be no school for students tomorrow, Monday October 21st. We will resume school on Tuesday, October 22nd at 8 am.

Picture-Retakes: Picture retakes will be on Tuesday, October 22nd. All students must be in uniform. This is not a dress-down retake. Retakes are for students who were absent or need a new picture taken. Not all students will sit for retakes.

Friday $2 MSU/U of M Dress Down: Friday, October 25th we will have a MSU vs. U of M Dress Down for $2. If your child would like to dress down in MSU or U of M gear, please send them in with $2. This money goes to help fund the cost of our busses, snacks, pizza parties, etc. It is important that you send in the money if you would like your child to participate. We hope all students join in!

Candy Donations Needed!: In order to host a successful Trunk-Or-Treat, we NEED your candy donations. Please be sure to send in a couple of bags of Halloween candy with your child to donate to our event. We thank you in advance for your donations!

Canned Food Drive: Beginning October 28th, we will have our Gleaners Canned Food Drive. Please stay-tuned to see what type of canned food the 5th grade will be collecting.

Grades: Updated grades are available every Monday at 8 am. Please be sure you consistently check grades. It is hard to allow students to make-up assignments when they occurred some time ago. 

Homework: Homework packets will go home on Tuesday and will be due on Friday. Please be sure your child is returning their packet on Friday. There will be no homework the week of October 28th, due to interims.

Parent-Teacher Conferences: I will start my parent-teacher conferences the week of November 18th. This is due to the need to meet with all parents.
"""
here = pathlib.Path(__file__).resolve().parent.parent
for k, v in T.items():
    (here / "text" / f"{k}.txt").write_text(v, encoding="utf-8")
print("wrote", len(T))
