# Экраны базы знаний: партнёры, Erasmus+ и мобильность, проекты, новости.

btn-prev = ◀️ Предыдущая
btn-next = Далее ▶️
btn-share = 📤 Поделиться
page-of = Страница { $page } из { $pages }

partners-title =
    🌍 <b>Вузы и организации-партнёры</b>
    Институт сотрудничает с { $count } зарубежными учреждениями из { $countries } стран. Выберите страну:
partners-country-button = { $flag } { $name } ({ $count })
country-title = { $flag } <b>{ $name }</b>: { $count ->
    [one] { $count } партнёр
    [few] { $count } партнёра
   *[other] { $count } партнёров
    }
country-inferred-note = Выберите учреждение:

inst-kind-university = 🎓 Университет
inst-kind-organisation = 🏢 Организация (компания)
inst-country = Страна: { $flag } { $name }
inst-city = Город: { $city }
inst-cooperation = 🤝 <b>Сотрудничество</b>
inst-no-cooperation = 🤝 На странице отдела этот партнёр назван, но подробности сотрудничества не приводятся. Уточните их в отделе.
inst-related = Связанные новости и обмены:
share-text = { $title } — Отдел международных связей Горно-металлургического института Таджикистана

news-title = 📰 <b>Новости и события</b>, сначала новые
event-date = 🗓 { $date }
event-partners = 🤝 Партнёры: { $names }
event-projects = 📂 Проекты: { $names }

projects-title =
    📂 <b>Проекты и программы</b>
    У института два зарубежных проекта, он участник Erasmus+ и проекта «Water Harmony-2». Выберите:
project-years = 🗓 { $years }
project-kind-foreign_project = Зарубежный проект
project-kind-programme = Программа

erasmus-title = 🎓 <b>Erasmus+ и мобильность</b>
btn-open-calls = 📣 Открытые конкурсы
btn-mobility = ✈️ Кто куда ездил
btn-erasmus-partner = 🇬🇷 Университет Западной Аттики

calls-title = 📣 <b>Открытые конкурсы</b> ({ $count })
calls-none = Сейчас открытых конкурсов нет. Подпишитесь, чтобы узнать о новом, или спросите отдел.
call-no-deadline = срок не опубликован
call-days-left = { $days ->
    [0] закрывается сегодня
    [one] остался { $days } день
    [few] осталось { $days } дня
   *[other] осталось { $days } дней
    }
call-closed = закрыт { $date }
opening-host = 🏛 Принимающая сторона: { $name }
opening-kind = 📌 Вид: { $kind }
opening-eligibility = 👥 <b>Кто может участвовать</b>
opening-how = 📝 <b>Как подать заявку</b>
opening-deadline = ⏳ Срок: { $date } ({ $left })
opening-deadline-none = ⏳ Срок: отдел его не публиковал.
opening-link = 🔗 { $link }
opening-kind-student_semester = семестр за рубежом для студентов
opening-kind-staff_teaching = преподавание для сотрудников
opening-kind-staff_training = стажировка для сотрудников
opening-kind-summer_school = летняя школа
opening-kind-degree = обучение на степень

mobility-title = ✈️ <b>Кто куда ездил</b>: студенты и сотрудники за рубежом и визиты в институт
mobility-year-unknown = год не указан
mobility-host = 🏛 { $name }
mobility-participants = 👥 <b>Участники</b>
mobility-kind-student_semester = Семестр за рубежом
mobility-kind-staff_teaching = Преподавание
mobility-kind-staff_training = Стажировка сотрудников
mobility-kind-summer_school = Летний курс
mobility-kind-degree = Обучение на степень
mobility-kind-visit = Визит в институт

date-year = { $year }
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
