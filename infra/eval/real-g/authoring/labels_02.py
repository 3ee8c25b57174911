from mk import item as I, write
write("real-g-02-bullockcreek-ms", "Bullock Creek Middle School", "2019-01-14", "America/Detroit", [6,7,8], [
 I("8th grade Reality Store program", "event", "2019-01-18", grades=[8]),
 I("End of marking period 2/semester", "announcement", "2019-01-24"),
 I("Half day for students - dismissal at 10:30, no lunches served", "closure", "2019-01-24", st="10:30"),
 I("No School", "closure", "2019-01-25"),
 I("Freshman orientation", "event", "2019-02-05", grades=[8]),
 I("Incoming freshman parent meeting", "meeting", "2019-02-05", grades=[8]),
 I("Parent/teacher conferences", "meeting", "2019-02-07", st="16:00", et="19:30"),
 I("Parent/teacher conferences", "meeting", "2019-02-11", st="15:00", et="18:30"),
 I("No School", "closure", "2019-02-15"),
 I("Middle school play", "event", "2019-02-28", st="19:00"),
])
