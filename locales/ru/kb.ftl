# Экраны базы знаний: партнёры, Erasmus+ и мобильность, проекты, новости.

btn-prev = ◀️ Предыдущая
btn-next = Следующая ▶️
btn-share = 📤 Поделиться
page-of = Страница { $page } из { $pages }

partners-title =
    🌍 <b>Вузы и организации-партнёры</b>
    Институт сотрудничает с { $count ->
        [one] { $count } зарубежным учреждением
       *[other] { $count } зарубежными учреждениями
    } из { $countries ->
        [one] { $countries } страны
       *[other] { $countries } стран
    }. Выберите страну:
partners-country-button = { $flag } { $name } ({ $count })
country-title = { $flag } <b>{ $name }</b>: { $count ->
    [one] { $count } партнёр
    [few] { $count } партнёра
    [many] { $count } партнёров
   *[other] { $count } партнёра
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
    У института два зарубежных проекта; он участвует в программе Erasmus+ и в проекте «Water Harmony-2». Выберите:
project-years = 🗓 { $years }
project-kind-foreign_project = Зарубежный проект
project-kind-project = Международный проект
project-kind-programme = Программа

erasmus-title = 🎓 <b>Erasmus+ и мобильность</b>
btn-open-calls = 📣 Обмены и конкурсы
btn-mobility = ✈️ Кто куда ездил
btn-erasmus-partner = 🇬🇷 Университет Западной Аттики

calls-title = 📣 <b>Обмены и конкурсы</b> ({ $count })
calls-none = Сейчас открытых конкурсов нет. Подпишитесь, чтобы узнать о новом, или спросите отдел.
calls-standing = ℹ️ Эти обмены описаны на странице отдела, но текущий набор и сроки там не объявлены. Спросите отдел, есть ли сейчас места.
call-no-deadline = срок не опубликован
call-days-left = { $days ->
    [0] закрывается сегодня
    [one] остался { $days } день
    [few] осталось { $days } дня
    [many] осталось { $days } дней
   *[other] осталось { $days } дня
    }
call-closed = закрыт { $date }
opening-host = 🏛 Принимающая организация: { $name }
opening-kind = 📌 Вид: { $kind }
opening-eligibility = 👥 <b>Кто может подать заявку</b>
opening-how = 📝 <b>Как подать заявку</b>
opening-deadline = ⏳ Срок подачи: { $date } ({ $left })
opening-deadline-none = ⏳ Срок подачи: отдел его не опубликовал.
opening-link = 🔗 { $link }
opening-kind-student_semester = семестр за рубежом для студентов
opening-kind-staff_teaching = преподавательская мобильность сотрудников
opening-kind-staff_training = стажировка для сотрудников
opening-kind-summer_school = летняя школа
opening-kind-degree = обучение с получением степени

mobility-title = ✈️ <b>Кто куда ездил</b>: студенты и сотрудники за рубежом и визиты в институт
mobility-year-unknown = год не указан
mobility-host = 🏛 { $name }
mobility-participants = 👥 <b>Участники</b>
mobility-kind-student_semester = Семестр за рубежом
mobility-kind-staff_teaching = Преподавание
mobility-kind-staff_training = Стажировка сотрудников
mobility-kind-summer_school = Летний курс
mobility-kind-degree = Обучение с получением степени
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
