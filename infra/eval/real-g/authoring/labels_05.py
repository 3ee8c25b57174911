from mk import item as I, write
G = [4]
write("real-g-05-holmes-4", "Holmes Elementary School", "2018-05-25", "America/Detroit", [-1,0,1,2,3,4], [
 I("Field trip to Chicago", "event", "2018-05-31", grades=G, loc="Chicago"),
 I("Bocce Ball and Rocket Launch Day", "event", "2018-06-01", grades=G, action=True),
 I("Camp Pendalouan day trip", "event", "2018-06-05", grades=G, action=True, loc="Camp Pendalouan"),
 I("4th Grade Celebration", "event", "2018-06-06", st="18:30", grades=G, loc="Middle School Auditorium"),
])
