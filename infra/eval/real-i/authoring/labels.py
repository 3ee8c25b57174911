# Writes the five NAME.labels.json files. Each item: (title, category, start, end, st, et, grades, action, location, rrule, snippet)
import json, pathlib
HERE = pathlib.Path(__file__).resolve().parent.parent
SRC = json.loads((HERE / "sources.json").read_text(encoding="utf-8"))

def I(title, cat, sd, ed=None, st=None, et=None, grades="all", action=False, loc=None, rr=None, snip=None):
    return dict(title=title, category=cat, start_date=sd, end_date=ed, start_time=st, end_time=et,
                grades=grades, activities=[], action_required=action, location=loc, recurrence=rr), snip

DOCS = {
 "reali-01-elms": ([-1, 0, 1, 2, 3, 4, 5], [
  I("6th Grade Orientation", "event", "2017-05-15", grades=[5], snip="May 15 – 6th Grade Orientation"),
  I("BOGO Book Fair", "fundraiser", "2017-05-16", "2017-05-18", snip="May 16-18 – BOGO Book Fair"),
  I("Board of Ed Meeting", "meeting", "2017-05-16", st="18:30", snip="May 16 – 6:30p Board of Ed Meeting"),
  I("PTN Meeting", "meeting", "2017-05-17", st="18:30", snip="May 17 – 6:30p PTN Meeting"),
  I("Supply Cart", "event", "2017-05-19", snip="May 19 – Supply Cart"),
  I("Gr 5 Parent Coffee With the Middle School Principal", "meeting", "2017-05-19", grades=[5], loc="Goetz Middle School",
    snip="May 19 – Gr 5 Parent Coffee With the Middle School Principal at Goetz Middle School"),
  I("Kindergarten Field Day", "event", "2017-05-22", grades=[0], snip="May 22 – Kindergarten Field Day"),
  I("Gr 1 Field Day", "event", "2017-05-23", grades=[1], snip="May 23 – Gr 1 Field Day"),
  I("Gr 4 Cruise Day", "event", "2017-05-23", grades=[4], snip="May 23 – Gr 4 Cruise Day"),
  I("Gr 2 Field Day", "event", "2017-05-24", grades=[2], snip="May 24 – Gr 2 Field Day"),
  I("Gr 3 Field Day", "event", "2017-05-25", grades=[3], snip="May 25 – Gr 3 Field Day"),
  I("Gr 5 Trip to Princeton Museum", "event", "2017-05-25", "2017-05-26", grades=[5], loc="Princeton Museum",
    snip="May 25 & 26 is the trip to Princeton Museum"),
  I("School Closed for Memorial Day", "closure", "2017-05-29", snip="May 29 – School Closed for Memorial Day"),
  I("Princeton Museum trip permission slips due", "deadline", "2017-05-24", grades=[5], action=True,
    snip="all permission slips are due to classroom teachers no later than May 24"),
  I("Gr 5 trip to Black Bear Lake", "event", "2017-06-02", grades=[5], loc="Black Bear Lake", snip="June 2 – trip to Black Bear Lake"),
  I("Black Bear Lake trip permission slips due", "deadline", "2017-05-31", grades=[5], action=True, snip="Permission Slips due by May 31"),
  I("Gr 5 Moving Up", "event", "2017-06-15", st="10:00", grades=[5], snip="June 15 – 10am Moving Up"),
  I("Gr 5 Pizza Party", "event", "2017-06-16", grades=[5], snip="June 16 – Pizza Party"),
  I("Gr 5 Field Day", "event", "2017-06-20", grades=[5], snip="June 20 – Field Day"),
 ]),
 "reali-02-odea": ([0, 1, 2, 3, 4, 5], [
  I("Volunteer Crossing Guard Training", "volunteer", "2023-10-26", st="16:30", action=True,
    snip="10/26 Volunteer Crossing Guard Training @ 4:30"),
  I("Halloween Parade", "event", "2023-10-31", st="14:30", loc="gym", snip="10/31 Halloween Parade @ 2:30"),
  I("Book Fair", "fundraiser", "2023-11-06", "2023-11-09", snip="11/6, 7, 8 & 9th Book Fair"),
  I("Family Book Fair and Burrito Event", "event", "2023-11-07", snip="Tuesday 11/7 Family Book Fair and Burrito Event"),
  I("Family Book Fair and Donuts Event", "event", "2023-11-09", snip="Thursday 11/9 Family Book Fair and Donuts Event"),
  I("PTA Book Fair parent volunteers", "volunteer", None, action=True,
    snip="PTA will be looking for parent volunteers to help – sign up coming soon!"),
  I("New Principal Coffee Talk", "meeting", "2023-11-17", st="08:00", snip="11/17 New Principal Coffee Talk @ 8:00"),
  I("School Accountability Committee (SAC) meeting", "meeting", "2023-11-28", st="17:00", et="18:00",
    snip="School Accountability Committee (SAC) meeting on 11/28 5-6pm"),
  I("SAC meeting (January)", "meeting", "2024-01-30", snip="additional meetings on 1/30 and 4/2"),
  I("SAC meeting (April)", "meeting", "2024-04-02", snip="additional meetings on 1/30 and 4/2"),
 ]),
 "reali-03-otes-ptc": ([-1, 0, 1, 2, 3, 4, 5], [
  I("OTES garden work day", "volunteer", "2017-04-29", action=True,
    snip="OTES garden work day on April 29th – look for an announcement to get involved!"),
  I("Box Top redemption volunteer", "volunteer", None, action=True,
    snip="Looking for another person to take over the Box Top redemption"),
  I("Book Fair", "fundraiser", "2017-03-16", "2017-03-22", snip="Book Fair: March 16th  – 22nd"),
  I("Book Fair Family Night", "event", "2017-03-21", snip="with Family Night on March 21st"),
  I("Family Dance Night", "event", "2017-03-31", st="18:00", et="20:00",
    snip="Family Dance Night: March 31st"),
  I("Teacher Appreciation at OTES", "event", "2017-05-08", "2017-05-12", snip="Teacher Appreciation at OTES: May 8th – 12th"),
  I("Pancake Breakfast", "event", "2017-05-31", snip="Pancake Breakfast: May 31st"),
  I("Art Fair", "event", "2017-06-02", snip="Art Fair: June 2nd"),
  I("Next PTC Meeting", "meeting", "2017-04-05", st="18:00", snip="Next Meeting: April 5, 2017 at 6:00 PM"),
 ]),
 "reali-04-pvms": ([5, 6, 7, 8], [
  I("School Pictures", "event", "2018-10-01", st="10:00", et="13:15", loc="MS Gym",
    snip="October 1 – School Pictures – MS Gym – 10:00 a.m. – 1:15 p.m."),
  I("Gr. 8 Washington DC trip Parent Info Meeting", "meeting", "2018-10-03", st="19:00", et="21:00", grades=[8], loc="Dining Hall",
    snip="October 3 – Gr. 8 Washington DC trip – Parent Info. Mtg  7:00 – 9:00 p.m. Dining Hall"),
  I("Mid Point Quarter 1", "announcement", "2018-10-05", snip="October 5 – Mid Point Quarter 1"),
  I("Emergency Management Drill – early dismissal", "closure", "2018-10-05", st="14:20",
    snip="October 5 – Emergency Management Drill – Dismissal 15 minutes early –2:20 p.m."),
  I("Columbus Day – School Closed", "closure", "2018-10-08", snip="October 8 – Columbus Day – School Closed"),
  I("Student of the Month Breakfast", "event", "2018-10-12", snip="October 12 – Student of the Month Breakfast"),
  I("Red Ribbon Week", "event", "2018-10-22", "2018-10-26", snip="October 22 –  26 – Red Ribbon Week"),
  I("MS Halloween Bash", "event", "2018-10-26", snip="October 26 – MS Halloween Bash"),
  I("MS Book Fair", "fundraiser", "2018-10-29", "2018-10-31", snip="October 29 – 31 – MS Book Fair"),
  I("Halloween – students may dress up", "event", "2018-10-31", snip="October 31 – Halloween – Students may dress up"),
  I("School Picture Retakes", "event", "2018-11-09", snip="November 9 – School Picture Retakes"),
 ]),
 "reali-05-laurus-5": ([0, 1, 2, 3, 4, 5, 6, 7, 8], [
  I("No School – Regional PD", "closure", "2024-10-21",
    snip="there will be no school for students tomorrow, Monday October 21st"),
  I("Picture Retakes", "event", "2024-10-22", grades=[5], snip="Picture retakes will be on Tuesday, October 22nd"),
  I("$2 MSU/U of M Dress Down", "fundraiser", "2024-10-25", grades=[5], action=True,
    snip="Friday, October 25th we will have a MSU vs. U of M Dress Down for $2"),
  I("Candy donations for Trunk-Or-Treat", "fundraiser", None, grades=[5], action=True,
    snip="Please be sure to send in a couple of bags of Halloween candy"),
  I("Gleaners Canned Food Drive", "fundraiser", "2024-10-28", grades=[5],
    snip="Beginning October 28th, we will have our Gleaners Canned Food Drive"),
  I("No homework during interims week", "announcement", "2024-10-28", "2024-11-01", grades=[5],
    snip="There will be no homework the week of October 28th, due to interims"),
  I("Parent-Teacher Conferences", "meeting", "2024-11-18", grades=[5],
    snip="I will start my parent-teacher conferences the week of November 18th"),
 ]),
}
import re
norm = lambda s: re.sub(r"\s+", " ", s)
for name, (go, items) in DOCS.items():
    meta = SRC[name]
    text = norm((HERE / "text" / f"{name}.txt").read_text(encoding="utf-8"))
    for it, snip in items:
        assert snip and norm(snip) in text, (name, it["title"], snip)
    out = {"source": f"{name}.pdf", "school": meta["school"], "issued_on": meta["issued_on"], "timezone": meta["timezone"],
           "grades_offered": go, "activities_catalog": [], "items": [it for it, _ in items]}
    (HERE / f"{name}.labels.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(name, len(items))
