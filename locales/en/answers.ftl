# Answers to typed questions (issue 14): small talk, "the page doesn't say", the facts first.

answer-hello = 👋 Hello! I am the assistant of the International Relations Office of the Mining-metallurgical Institute of Tajikistan. Ask me about partner universities, exchanges, projects, news or the office's contacts, or choose a section below.
answer-thanks = 🙂 You are welcome! If you have another question, just type it, or choose a section below.
answer-bye = 👋 Goodbye, and good luck! Come back whenever you have a question.
answer-how-are-you = 🙂 I am fine, thank you! How can I help you? Ask about partner universities, exchanges, projects or the office's contacts.
answer-who-are-you = 🤖 I am a bot, the assistant of the International Relations Office: I answer from the office's page. To ask a person, press “✉️ Ask the office”, and the office's specialist will answer here.
answer-yes-ask = ✉️ Press “Ask the office” below: your question “{ $question }” is already filled in, and the specialist's answer will come here.
answer-yes = 🙂 Good. Type your question, or choose a section below.
answer-no = 🙂 All right. If you have another question, just type it, or choose a section below.
answer-unclear = 🙂 I didn't find a question in that message. Type it in words, or choose a section below.

answer-unknown = 🤷 The office's page doesn't say { $what }.
answer-offer = I can pass your question to the specialist: press “✉️ Ask the office”, your question is already filled in, and the answer will come here.
answer-what-query = anything that answers “{ $query }”
answer-what-fee = what studies, visas or trips cost or who pays for them
answer-what-scholarship = anything about scholarships or grants
answer-what-email = an e-mail address
answer-what-website = a website or social media page
answer-what-hours = the office's working hours
answer-what-room = the room or floor of the office
answer-what-dorm = anything about a dormitory or accommodation
answer-what-documents = which documents or requirements are needed
answer-what-exam = anything about exams or language tests
answer-what-faculty = the Institute's faculties or specialities
answer-what-birthday = anyone's date of birth or age
answer-what-route = how to travel there (transport, tickets, routes)
answer-what-deadline = any deadlines
answer-what-salary = anything about salaries
answer-what-transfer = how to transfer to another university
answer-what-future = the dates of a next call, event or course
answer-what-grades = anyone's grades
answer-what-family = whether family may come along on an exchange
answer-what-recognition = whether the Institute's diplomas are recognised abroad
answer-what-distance = anything about distance or online study
answer-what-credits = whether credits and grades from an exchange are counted at the Institute
answer-what-calendar = the academic calendar (sessions, holidays)
answer-what-job = jobs or vacancies
answer-what-company = internships or work at companies and factories
answer-what-budget = a project's budget or who funds it
answer-what-campus = the canteen, library, Wi-Fi or other campus services
answer-what-insurance = anything about insurance
answer-what-places = how many places an exchange offers
answer-what-founded = when the office or the Institute was founded
answer-what-processing = how long a visa takes
answer-what-former = who held the office's posts before
answer-what-tenure = since when the office's people hold their posts
answer-what-language = the language of instruction
answer-what-double-degree = double-degree programmes
answer-what-enrolment = how many students, foreign students among them, study at the Institute
answer-what-country = that the Institute has a partner in { $name }
answer-what-partner-other = that “{ $name }” is a partner — it is not among the partners it names
answer-what-year = anything that happened in { $year }
answer-what-signed = when the agreement with { $name } was signed
answer-what-phone-other = a phone number for anyone but the office
answer-phone-only = ☎️ The only phone it gives is the office's: { $phone }.

answer-phone = ☎️ Phone of the International Relations Office: <b>{ $phone }</b> (the page gives it beside the name of the office's head, { $name }).
answer-address = 📍 Address: <b>{ $address }</b>
answer-person =
    👤 { $role }: <b>{ $name }</b>
    ☎️ Phone of the office: { $phone }

answer-staff-line = 👤 { $role }: <b>{ $name }</b>
answer-staff-phone = ☎️ Phone of the office: { $phone }

answer-list-country = { $flag } <b>Partners in { $name } ({ $count })</b>:
answer-list-several = 🌍 <b>Partners ({ $count })</b>:
answer-list-none = The office's page names no partners here.
answer-country-card = 🌍 The country's page
answer-country-line = { $name }: { $count ->
    [one] { $count } partner
   *[other] { $count } partners
    }
answer-people-count = { $count ->
    [one] { $count } person
   *[other] { $count } people
    }
answer-list-mobility = ✈️ <b>{ $kind } ({ $count })</b>:
answer-list-mobility-host = ✈️ <b>Who went where: { $name } ({ $count })</b>:
answer-mentioned = The page mentions { $name } in these news items:
answer-erasmus-others = Other exchanges and visits, not under Erasmus+ ({ $count }):
answer-list-mobility-year = ✈️ <b>Exchanges and visits in { $year } ({ $count })</b>:
answer-list-mobility-people = ✈️ <b>Who went where ({ $count })</b>:
answer-list-year = 🗓 <b>News of { $year } on the office's page ({ $count })</b>:
answer-compare-first = 🗓 First: <b>{ $first }</b>.
answer-compare-both = 🗓 Both, with their dates:
answer-choices = 🔎 These answers fit “{ $query }” equally well:
answer-office-items = 📋 <b>From the office's tasks and areas of work:</b>
