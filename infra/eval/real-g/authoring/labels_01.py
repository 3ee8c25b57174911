from mk import item as I, write
G6 = [6]
write("real-g-01-camelot", "Camelot Elementary School", "2019-03-08", "America/New_York", [-1,0,1,2,3,4,5,6], [
 I("6th Grade Field Trip to Philadelphia", "event", "2019-03-08", grades=[6], loc="Philadelphia"),
 I("3-hour early release at 12:50pm for Head Start and K-6", "closure", "2019-03-11", st="12:50"),
 I("1st Grade Field Trip to Mt. Vernon", "event", "2019-03-13", grades=[1], loc="Mt. Vernon"),
 I("SCA Spirit Day - Mismatch Day", "event", "2019-03-15"),
 I("6th Grade Field Trip to American Indian Museum", "event", "2019-03-19", ed="2019-03-20", grades=[6], loc="American Indian Museum"),
 I("6th Grade Field Trip to Inner Quest", "event", "2019-03-28", grades=[6], loc="Inner Quest"),
 I("Career Day for Grades 4-6", "event", "2019-03-29", grades=[4,5,6]),
 I("Spring Picture Day", "event", "2019-04-04"),
 I("Teacher Workday, Student Holiday", "closure", "2019-04-05"),
 I("PTA Meeting", "meeting", "2019-04-10", st="19:15"),
 I("Spring Break, School is Closed", "closure", "2019-04-15", ed="2019-04-19"),
 I("International Night", "event", "2019-04-26"),
 I("International Night Committee Volunteers", "volunteer", None, action=True),
])
