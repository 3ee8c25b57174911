from mk import item as I, write
write("real-g-03-berkshirecd-4", "Berkshire Country Day School", "2019-05-10", "America/New_York", [-1,0,1,2,3,4,5,6,7,8,9], [
 I("4th grade to Chocolate Springs", "event", "2019-05-15", st="13:00", grades=[4], loc="Chocolate Springs"),
 I("Spirit Week: Twins Day", "event", "2019-05-24"),
 I("Memorial Day - No school", "closure", "2019-05-27"),
 I("Crazy hair and hat day", "event", "2019-05-28"),
 I("Fun and Field Day", "event", "2019-05-29", action=True),
 I("Dress your Best Day", "event", "2019-05-30"),
 I("Rainbow Day", "event", "2019-05-31"),
 I("Create-A-State Presentation", "event", "2019-05-31", st="12:30", grades=[4], action=True, loc="Learning Commons"),
 I("Spring Concert", "event", "2019-05-31", st="13:30"),
 I("Last Day of Classes", "event", "2019-06-07"),
 I("Picnic", "event", "2019-06-07"),
])
