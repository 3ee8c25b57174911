# Writes sources.json and the six NAME.labels.json files.
import json, pathlib
HERE = pathlib.Path(__file__).resolve().parent.parent
KEYS = ["title", "category", "start_date", "end_date", "start_time", "end_time", "grades",
        "activities", "action_required", "location", "recurrence"]

def it(title, cat, sd, ed=None, st=None, et=None, grades="all", acts=(), action=False, loc=None, rr=None):
    return dict(zip(KEYS, [title, cat, sd, ed, st, et, grades, list(acts), action, loc, rr]))

SOURCES = {
 "realh-01-beethoven": {"school": "Beethoven Elementary School", "title_line": "Beethoven Elementary School — From the Principal",
   "place": "West Roxbury (Boston), MA", "timezone": "America/New_York", "issued_on": "2012-11-02",
   "kind": "Principal's monthly letter in prose under headings; dates only inside sentences and a two-line holiday-show list",
   "url": "https://beethovenbps.wordpress.com/2012/11/02/from-the-principal-november-2012/"},
 "realh-02-maranacook-ms": {"school": "Maranacook Community Middle School", "title_line": "Maranacook Community Middle School — Daily Bulletin",
   "place": "Readfield, ME", "timezone": "America/New_York", "issued_on": "2017-03-30",
   "kind": "Middle-school daily bulletin: a \"Dates of Interest\" list (`Thur, Apr 13:` line, then the entry), grade-split trips, a date range with a typo",
   "url": "https://rsu38.powerschool.com/bulletin/36303"},
 "realh-03-eisenhower-2": {"school": "Eisenhower Elementary School", "title_line": "Eisenhower Elementary School — Mrs. Laidlaw's 2nd Grade",
   "place": "Fraser, MI", "timezone": "America/Detroit", "issued_on": "2010-02-28",
   "kind": "Class teacher's weekly \"A Peek at the Week\" blog post; relative dates (\"On Tuesday\", \"next week\") and weekday dates in prose",
   "url": "http://edublogs.misd.net/mrslaidlaw/2010/02/28/a-peek-at-the-week-8/"},
 "realh-04-walker-pta": {"school": "Walker Elementary School", "title_line": "Walker Elementary School PTA",
   "place": "Evanston, IL", "timezone": "America/Chicago", "issued_on": "2025-09-18",
   "kind": "PTA meeting schedule for the year: a pipe-delimited table (date, time, place, details), two cells naming a second thing",
   "url": "https://walkerwolverinespta.com/about-us/meeting-schedule"},
 "realh-05-bristoleastern-hs": {"school": "Bristol Eastern High School", "title_line": "Bristol Eastern High School — Lancer Family Blog",
   "place": "Bristol, CT", "timezone": "America/New_York", "issued_on": "2015-05-04",
   "kind": "High-school principal's weekly events post in prose; weekday names only (\"this Wednesday\", \"Thursday, Friday, or Saturday\"), athletics",
   "url": "http://lancerfamily.blogspot.com/2015/05/events-for-week-of-may-4.html"},
 "realh-06-oceangate": {"school": "Ocean Gate Elementary School", "title_line": "Ocean Gate Elementary School",
   "place": "Ocean Gate, NJ", "timezone": "America/New_York", "issued_on": "2025-02-21",
   "kind": "Short announcement post: calendar changes approved by the Board (moved conferences, early dismissals, last day)",
   "url": "https://oceangateschool.net/article/1984766"},
}

LABELS = {}
LABELS["realh-01-beethoven"] = ([-1, 0, 1, 2, 3], [], [
    it("Parent Council Bake Sale", "fundraiser", "2012-11-06"),
    it("International Night", "event", "2012-11-15", st="17:00", et="19:00", action=True),
    it("Half day of school (Thanksgiving recess)", "closure", "2012-11-21", st="12:15"),
    it("Holiday show: Grades 1, 2 & 3", "event", "2012-12-11", st="09:00", grades=[1, 2, 3]),
    it("Holiday show: Grades K1 & K2", "event", "2012-12-12", st="09:00", grades=[-1, 0]),
])
LABELS["realh-02-maranacook-ms"] = ([6, 7, 8], [], [
    it("Grades mailed home by Advisors", "announcement", "2017-03-30"),
    it("Advisee Day Out: 6th grade to Alfond Youth Center, Waterville", "event", "2017-04-05", st="08:00", et="14:00", grades=[6], loc="Alfond Youth Center, Waterville"),
    it("Advisee Day Out: 7th grade to Rail Trail, Gardiner to Augusta", "event", "2017-04-05", st="08:15", et="14:00", grades=[7], loc="Rail Trail, Gardiner to Augusta"),
    it("Advisee Day Out: 8th grade to Waterville area businesses", "event", "2017-04-05", st="08:00", et="14:00", grades=[8], loc="Waterville area businesses"),
    it("\"A Midsummer Night's Dream\" performances", "event", "2017-04-06", ed="2017-04-08", st="19:00", loc="Middle school cafeteria"),
    it("Last day to order a yearbook", "deadline", "2017-04-07", action=True, loc="Office"),
    it("11:40 student dismissal for staff workshop", "closure", "2017-04-13", st="11:40"),
    it("11:30 release for students & staff (make-up day)", "closure", "2017-04-14", st="11:30"),
    it("No School: April vacation week", "closure", "2017-04-17", ed="2017-04-21"),
    it("Acadia Team trip to Chewonki Foundation", "event", "2017-04-25", ed="2017-04-28", st="08:00", et="14:15", loc="Chewonki Foundation, Wiscasset"),
    it("UA #5 begins", "announcement", "2017-05-01"),
])
LABELS["realh-03-eisenhower-2"] = ([0, 1, 2, 3, 4, 5, 6], [], [
    it("Green eggs and ham breakfast for Dr. Seuss's birthday", "event", "2010-03-02", grades=[2]),
    it("Spring picture day", "event", "2010-03-03"),
    it("Unit 6 math test", "event", "2010-03-05", grades=[2]),
    it("Early release day", "closure", "2010-03-08"),
    it("Social Studies test", "event", "2010-03-08", grades=[2]),
    it("School-wide read-in", "event", "2010-03-19"),
    it("Annual poetry contest", "event", "2010-03-25", grades=[2], action=True),
])
LABELS["realh-04-walker-pta"] = ([0, 1, 2, 3, 4, 5], [], [
    it("PTA Meeting", "meeting", "2025-09-18", st="18:00", et="19:30", loc="In person, Walker Garden"),
    it("Caregiver Meet & Greet", "event", "2025-09-18", st="18:00", et="19:30", loc="In person, Walker Garden"),
    it("PTA Meeting", "meeting", "2025-10-16", st="18:30", et="19:30", loc="Hybrid"),
    it("PTA Meeting", "meeting", "2025-11-13", st="18:30", et="19:30", loc="Zoom"),
    it("PTA Meeting", "meeting", "2025-12-18", st="18:30", et="19:30", loc="Zoom"),
    it("PTA Meeting", "meeting", "2026-01-22", st="18:30", et="19:30", loc="In person (sorting)"),
    it("Open House", "event", "2026-02-19"),
    it("PTA Meeting", "meeting", "2026-02-19", st="18:30", et="19:30", loc="In person (hybrid available)"),
    it("Open House", "event", "2026-03-19"),
    it("PTA Meeting", "meeting", "2026-03-19", st="18:30", et="19:30", loc="In person (hybrid available)"),
    it("PTA Meeting", "meeting", "2026-04-16", st="18:30", et="19:30", loc="In person at Sketchbook"),
    it("Volunteer Appreciation", "event", "2026-04-16", st="18:30", et="19:30", loc="In person at Sketchbook"),
    it("PTA Meeting", "meeting", "2026-05-14", st="18:30", et="19:30", loc="In person (hybrid available)"),
])
LABELS["realh-05-bristoleastern-hs"] = ([9, 10, 11, 12], ["baseball", "football", "lacrosse", "softball"], [
    it("Football Booster Club meeting", "meeting", "2015-05-05", acts=["football"]),
    it("Softball vs. Bristol Central", "event", "2015-05-06", acts=["softball"]),
    it("Baseball vs. Bristol Central at Muzzy Field", "event", "2015-05-06", st="19:00", acts=["baseball"], loc="Muzzy Field"),
    it("Spring production: Annie", "event", "2015-05-07", ed="2015-05-09"),
    it("Girls' lacrosse home night game", "event", "2015-05-07", st="19:00", acts=["lacrosse"]),
    it("Boys' lacrosse home night game", "event", "2015-05-08", st="19:00", acts=["lacrosse"]),
])
LABELS["realh-06-oceangate"] = ([-1, 0, 1, 2, 3, 4, 5, 6], [], [
    it("February 24th and 25th now full days of school", "announcement", "2025-02-24", ed="2025-02-25"),
    it("Parent Teacher Conferences", "meeting", "2025-03-13", ed="2025-03-14"),
    it("Early dismissal days (conferences)", "closure", "2025-03-13", ed="2025-03-14"),
    it("Early dismissal for staff PD", "closure", "2025-03-28"),
    it("Last day of school", "event", "2025-06-23"),
])

(HERE / "sources.json").write_text(json.dumps(SOURCES, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
for name, (go, cat, items) in LABELS.items():
    m = SOURCES[name]
    L = {"source": f"{name}.pdf", "school": m["school"], "issued_on": m["issued_on"], "timezone": m["timezone"],
         "grades_offered": go, "activities_catalog": cat, "items": items}
    (HERE / f"{name}.labels.json").write_text(json.dumps(L, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(name, len(items))
