# Knowledge-base screens: partners, Erasmus+ and mobility, projects, news.

btn-prev = ◀️ Previous
btn-next = Next ▶️
btn-share = 📤 Share
page-of = Page { $page } of { $pages }

partners-title =
    🌍 <b>Partner universities and organisations</b>
    The Institute cooperates with { $count } foreign institutions in { $countries } countries. Choose a country:
partners-country-button = { $flag } { $name } ({ $count })
country-title = { $flag } <b>{ $name }</b>: { $count ->
    [one] { $count } partner
   *[other] { $count } partners
    }
country-inferred-note = Choose an institution:

inst-kind-university = 🎓 University
inst-kind-organisation = 🏢 Organisation (company)
inst-country = Country: { $flag } { $name }
inst-city = City: { $city }
inst-cooperation = 🤝 <b>Cooperation</b>
inst-no-cooperation = 🤝 The office's page names this partner but gives no details of the cooperation. Ask the office for details.
inst-related = Related news and exchanges:
share-text = { $title } — International Relations Office, Mining-metallurgical Institute of Tajikistan

news-title = 📰 <b>News and events</b>, newest first
event-date = 🗓 { $date }
event-partners = 🤝 Partners: { $names }
event-projects = 📂 Projects: { $names }

projects-title =
    📂 <b>Projects and programmes</b>
    The Institute has two foreign projects, is a member of Erasmus+ and takes part in “Water Harmony-2”. Choose one:
project-years = 🗓 { $years }
project-kind-foreign_project = Foreign project
project-kind-project = International project
project-kind-programme = Programme

erasmus-title = 🎓 <b>Erasmus+ and mobility</b>
btn-open-calls = 📣 Exchanges and calls
btn-mobility = ✈️ Who went where
btn-erasmus-partner = 🇬🇷 University of West Attica

calls-title = 📣 <b>Exchanges and calls</b> ({ $count })
calls-none = There are no open calls right now. Subscribe to be told when a new one appears, or ask the office.
calls-standing = ℹ️ The office's page describes these exchanges but announces no current call or deadline. Ask the office whether places are open now.
call-no-deadline = no deadline published
call-days-left = { $days ->
    [0] closes today
    [one] { $days } day left
   *[other] { $days } days left
    }
call-closed = closed on { $date }
opening-host = 🏛 Host: { $name }
opening-kind = 📌 Type: { $kind }
opening-eligibility = 👥 <b>Who can apply</b>
opening-how = 📝 <b>How to apply</b>
opening-deadline = ⏳ Deadline: { $date } ({ $left })
opening-deadline-none = ⏳ Deadline: the office has not published one.
opening-link = 🔗 { $link }
opening-kind-student_semester = student semester abroad
opening-kind-staff_teaching = staff teaching
opening-kind-staff_training = staff training
opening-kind-summer_school = summer school
opening-kind-degree = degree studies

mobility-title = ✈️ <b>Who went where</b>: students and staff abroad, and visits to the Institute
mobility-year-unknown = year not stated
mobility-host = 🏛 { $name }
mobility-participants = 👥 <b>Participants</b>
mobility-kind-student_semester = Semester abroad
mobility-kind-staff_teaching = Staff teaching
mobility-kind-staff_training = Staff training
mobility-kind-summer_school = Summer course
mobility-kind-degree = Degree studies
mobility-kind-visit = Visit to the Institute

date-year = { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
