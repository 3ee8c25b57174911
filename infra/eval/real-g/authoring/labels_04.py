from mk import item as I, write
items = []
for d in ("2012-02-14", "2012-02-16", "2012-02-21"):
    items.append(I("Conferences", "meeting", d, action=True))
    items.append(I("1:30 dismissal day", "closure", d, st="13:30"))
items += [
 I("Family Reading Night", "event", "2012-02-09", st="18:30"),
 I("Scholastic Book Fair", "fundraiser", "2012-02-09", st="18:30"),
 I("School closed - Teacher Professional Development", "closure", "2012-02-17"),
 I("School closed - President's Day", "closure", "2012-02-20"),
]
items.sort(key=lambda x: x["start_date"])
write("real-g-04-lindeneau", "Lindeneau Elementary School", "2012-02-01", "America/New_York", [0,1,2,3,4,5], items)
