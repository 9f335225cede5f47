# Экранҳои пойгоҳи дониш: шарикон, Erasmus+ ва мубодила, лоиҳаҳо, хабарҳо.

btn-prev = ◀️ Қаблӣ
btn-next = Баъдӣ ▶️
btn-share = 📤 Ба дигарон фиристодан
page-of = Саҳифаи { $page } аз { $pages }

partners-title =
    🌍 <b>Донишгоҳҳо ва ташкилотҳои шарик</b>
    Донишкада бо { $count } муассисаи хориҷӣ аз { $countries } кишвар ҳамкорӣ мекунад. Кишварро интихоб кунед:
partners-country-button = { $flag } { $name } ({ $count })
country-title = { $flag } <b>{ $name }</b>: { $count } шарик
country-inferred-note = Муассисаро интихоб кунед:

inst-kind-university = 🎓 Донишгоҳ
inst-kind-organisation = 🏢 Ташкилот (ширкат)
inst-country = Кишвар: { $flag } { $name }
inst-city = Шаҳр: { $city }
inst-cooperation = 🤝 <b>Ҳамкорӣ</b>
inst-no-cooperation = 🤝 Дар саҳифаи шӯъба ин шарик зикр шудааст, вале тафсилоти ҳамкорӣ оварда нашудааст. Тафсилотро аз шӯъба пурсед.
inst-related = Хабарҳо ва мубодилаҳои марбут:
share-text = { $title } — Шӯъбаи робитаҳои байналмилалии Донишкадаи кӯҳию металлургии Тоҷикистон

news-title = 📰 <b>Хабарҳо ва чорабиниҳо</b>, аввал навтаринҳо
event-date = 🗓 { $date }
event-partners = 🤝 Шарикон: { $names }
event-projects = 📂 Лоиҳаҳо: { $names }

projects-title =
    📂 <b>Лоиҳаҳо ва барномаҳо</b>
    Донишкада ду лоиҳаи хориҷӣ дорад, узви Erasmus+ аст ва дар лоиҳаи «Water Harmony-2» иштирок мекунад. Интихоб кунед:
project-years = 🗓 { $years }
project-kind-foreign_project = Лоиҳаи хориҷӣ
project-kind-project = Лоиҳаи байналмилалӣ
project-kind-programme = Барнома

erasmus-title = 🎓 <b>Erasmus+ ва мубодила</b>
btn-open-calls = 📣 Мубодилаҳо ва озмунҳо
btn-mobility = ✈️ Кӣ ба куҷо рафт
btn-erasmus-partner = 🇬🇷 Донишгоҳи Аттикаи Ғарбӣ

calls-title = 📣 <b>Мубодилаҳо ва озмунҳо</b> ({ $count })
calls-none = Ҳоло озмуни кушода нест. Обуна шавед, то дар бораи озмуни нав хабар гиред, ё аз шӯъба пурсед.
calls-standing = ℹ️ Ин мубодилаҳо дар саҳифаи шӯъба тавсиф шудаанд, аммо қабули ҷорӣ ва мӯҳлат эълон нашудааст. Аз шӯъба пурсед, ки ҳоло ҷой ҳаст ё не.
call-no-deadline = мӯҳлат эълон нашудааст
call-days-left = { $days ->
    [0] имрӯз баста мешавад
   *[other] { $days } рӯз боқӣ мондааст
    }
call-closed = { $date } баста шуд
opening-host = 🏛 Муассисаи қабулкунанда: { $name }
opening-kind = 📌 Намуд: { $kind }
opening-eligibility = 👥 <b>Кӣ метавонад ариза диҳад</b>
opening-how = 📝 <b>Тарзи пешниҳоди ариза</b>
opening-deadline = ⏳ Мӯҳлати пешниҳод: { $date } ({ $left })
opening-deadline-none = ⏳ Мӯҳлати пешниҳод: шӯъба онро эълон накардааст.
opening-link = 🔗 { $link }
opening-kind-student_semester = нимсолаи таҳсил дар хориҷа барои донишҷӯён
opening-kind-staff_teaching = дарсдиҳии кормандон дар хориҷа
opening-kind-staff_training = таҷрибаомӯзӣ барои кормандон
opening-kind-summer_school = мактаби тобистона
opening-kind-degree = таҳсил барои гирифтани дараҷа

mobility-title = ✈️ <b>Кӣ ба куҷо рафт</b>: донишҷӯён ва кормандон дар хориҷа ва ташрифҳо ба донишкада
mobility-year-unknown = сол зикр нашудааст
mobility-host = 🏛 { $name }
mobility-participants = 👥 <b>Иштирокчиён</b>
mobility-kind-student_semester = Нимсола дар хориҷа
mobility-kind-staff_teaching = Дарсдиҳӣ
mobility-kind-staff_training = Таҷрибаомӯзии кормандон
mobility-kind-summer_school = Курси тобистона
mobility-kind-degree = Таҳсил барои гирифтани дараҷа
mobility-kind-visit = Ташриф ба донишкада

date-year = { $year }
month-1 = январи
month-2 = феврали
month-3 = марти
month-4 = апрели
month-5 = майи
month-6 = июни
month-7 = июли
month-8 = августи
month-9 = сентябри
month-10 = октябри
month-11 = ноябри
month-12 = декабри
