from common import *
NAME = 'oakridge-english-chinese'
st = []
import re
cjk = lambda t: re.sub(r'([\u3000-\u9fff\uff00-\uffef]+)', r'<font name="WQY">\1</font>', t)
P = lambda t, s=B: st.append(Paragraph(cjk(t), s))
P('Oakridge Park Elementary', TITLE)
P('February 2027 Family Notice · 二月家长通知 · Issued Friday, January 29, 2027 · 6120 Birchfield Street · 555-0177 · oakridgepark.example.org', SUB)
P('Each notice appears first in English and then in Simplified Chinese. 每条通知先用英文，再用简体中文。', SMALL)
P('Principal\'s greeting 校长寄语', H)
P('As we welcome the Year of the Goat, thank you to every family for a wonderful first half of the year. Our Winter Concert '
  'in December was our biggest yet, with over 400 guests. 新春将至，感谢各位家长半年来的支持。十二月的冬季音乐会有400多位来宾，是历年来规模最大的一次。', ZH)
notices = [
 ('Lunar New Year Celebration Assembly', 'Friday, February 5, 1:30–2:30 pm in the gym. Families are welcome to join us for lion dancing, student performances and a drum show. Students may wear red if they wish.',
  '农历新年庆祝集会', '2月5日（星期五）下午1:30至2:30，在体育馆举行。欢迎家长前来观看舞狮、学生表演和鼓乐。学生可自愿穿红色衣服。'),
 ('Dumpling-Making Volunteers Needed', 'On Thursday, February 4, from 9:00 to 11:00 am, each Kindergarten to Grade 3 class will make dumplings. We need two parent helpers per class. Please reply to your child\'s teacher by Tuesday, February 2 if you can help.',
  '招募包饺子志愿者', '2月4日（星期四）上午9:00至11:00，幼儿园至三年级各班将包饺子。每班需要两位家长帮忙。如能参加，请在2月2日（星期二）前回复孩子的老师。'),
 ('Dental Screening', 'A public health dental hygienist will visit Kindergarten and Grade 1 classes on Tuesday, February 9 in the morning. The screening is free and there is nothing to send in.',
  '牙齿检查', '公共卫生牙科保健员将于2月9日（星期二）上午为幼儿园和一年级学生检查牙齿。检查免费，家长无需交任何表格。'),
 ('Picture Retake Day', 'Wednesday, February 10, 9:00–11:30 am in the library. Students who were absent on fall picture day, or whose families would like a new photo, can have their picture taken.',
  '补拍照片日', '2月10日（星期三）上午9:00至11:30，在图书馆。秋季拍照日缺席的学生，或家长希望重拍的学生，可在当天拍照。'),
 ('Valentine\'s Card Exchange (K–3)', 'Kindergarten to Grade 3 classes will exchange cards on Thursday, February 11. If your child takes part, please send one card for every classmate (a class list will come home next week). Please no candy.',
  '情人节贺卡交换（幼儿园至三年级）', '幼儿园至三年级将于2月11日（星期四）交换贺卡。如孩子参加，请为班上每位同学准备一张卡片（下周会发班级名单）。请不要带糖果。'),
 ('Pro-D Day — No School', 'Friday, February 12 is a professional development day for staff. There is no school for students.',
  '教师培训日——学生放假', '2月12日（星期五）为教师专业发展日，学生不用上学。'),
 ('Family Day — School Closed', 'Monday, February 15 is Family Day, a statutory holiday. The school is closed.',
  '家庭日——学校关闭', '2月15日（星期一）是家庭日公众假期，学校关闭。'),
 ('Parent-Teacher Conferences', 'Conferences will be held on Thursday, February 18 from 1:00 to 7:00 pm. Each conference is 15 minutes. Please book a time online. Online booking closes on Tuesday, February 16 at 8:00 pm.',
  '家长会', '家长会将于2月18日（星期四）下午1:00至晚上7:00举行，每次15分钟。请在网上预约时间。网上预约将于2月16日（星期二）晚上8:00截止。'),
 ('Pink Shirt Day', 'Wednesday, February 24. We stand together against bullying. Students and staff are encouraged to wear pink.',
  '粉红衬衫日', '2月24日（星期三）。我们一起反对欺凌。鼓励师生当天穿粉红色衣服。'),
 ('Badminton Club (Grades 4–7)', 'Badminton Club meets Tuesdays and Thursdays from 7:45 to 8:25 am in the gym, starting Tuesday, February 2, with the last session on Thursday, March 11. No sign-up needed; bring indoor shoes.',
  '羽毛球俱乐部（四至七年级）', '羽毛球俱乐部每周二和周四早上7:45至8:25在体育馆活动，2月2日（星期二）开始，最后一次为3月11日（星期四）。无需报名，请带室内运动鞋。'),
 ('Kindergarten Registration for September 2027', 'Children born in 2022 can start Kindergarten in September. Registration must be completed by Friday, February 26. Please register online and bring your child\'s birth certificate and proof of address to the office.',
  '2027年9月幼儿园入学注册', '2022年出生的儿童可于九月入读幼儿园。请在2月26日（星期五）前完成注册。请在网上注册，并将孩子的出生证明和住址证明带到学校办公室。'),
]
for en_t, en_b, zh_t, zh_b in notices:
    st.append(KeepTogether([Paragraph(cjk(en_t), H), Paragraph(en_b, B), Paragraph(zh_t, ZHH), Paragraph(zh_b, ZH)]))
P('School hours 上课时间: 8:45 am – 3:00 pm. Office 办公室: 8:00 am – 3:30 pm. Our motto 校训: Learn, Care, Belong 学习、关爱、归属。', SMALL)
P('Thank you to our PAC for funding the new Chinese and English picture books in the library. 感谢家长委员会资助图书馆购买新的中英文图画书。', SMALL)
build(NAME, st, 'Oakridge Park Elementary - February 2027 Family Notice')
CAT = ['badminton']
items = [
 item('Lunar New Year Celebration Assembly', 'event', '2027-02-05', '13:30', '14:30', location='Gym'),
 item('Dumpling-Making Volunteers Needed', 'volunteer', '2027-02-04', '09:00', '11:00', grades=[0, 1, 2, 3], action=True),
 item('Dumpling volunteer reply deadline', 'deadline', '2027-02-02', grades=[0, 1, 2, 3], action=True),
 item('Dental Screening', 'event', '2027-02-09', grades=[0, 1]),
 item('Picture Retake Day', 'event', '2027-02-10', '09:00', '11:30', location='Library'),
 item("Valentine's Card Exchange", 'event', '2027-02-11', grades=[0, 1, 2, 3], action=True),
 item('Pro-D Day - No School', 'closure', '2027-02-12'),
 item('Family Day - School Closed', 'closure', '2027-02-15'),
 item('Parent-Teacher Conferences', 'meeting', '2027-02-18', '13:00', '19:00', action=True),
 item('Conference online booking closes', 'deadline', '2027-02-16', '20:00', action=True, location='Online'),
 item('Pink Shirt Day', 'event', '2027-02-24'),
 item('Badminton Club', 'event', '2027-02-02', '07:45', '08:25', grades=[4, 5, 6, 7], activities=['badminton'], location='Gym', recurrence='FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270311'),
 item('Kindergarten Registration for September 2027', 'deadline', '2027-02-26', grades=[-1], action=True, location='Online / office'),
]
write_labels(NAME, 'Oakridge Park Elementary', '2027-01-29', [0, 1, 2, 3, 4, 5, 6, 7], CAT, items)
