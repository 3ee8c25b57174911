from mk import item as I, write
write("real-g-06-edison-ela", "Edison Language Academy", "2017-10-30", "America/Los_Angeles", [-1,0,1,2,3,4,5], [
 I("Blue Dog Deliveries - pick up items in the Community Room", "fundraiser", "2017-11-02", action=True, loc="Community Room"),
 I("Blue Dog fundraiser student reward party", "event", "2017-11-02"),
 I("Parent Teacher Conferences", "meeting", "2017-11-06", ed="2017-11-09", action=True),
 I("Pupil-free day (no classes)", "closure", "2017-11-06"),
 I("Minimum Days - Pre-K, TK and Kinder leave at 12:25 pm", "closure", "2017-11-07", ed="2017-11-09", st="12:25", grades=[-1,0]),
 I("Minimum Days - 1st and 2nd grades leave at 1:35 pm", "closure", "2017-11-07", ed="2017-11-09", st="13:35", grades=[1,2]),
 I("Minimum Days - 3rd, 4th and 5th grades leave at 1:50 pm", "closure", "2017-11-07", ed="2017-11-09", st="13:50", grades=[3,4,5]),
])
