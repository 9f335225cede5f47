# Ответы на вопросы, набранные текстом (issue 14): разговор, «на странице нет», сначала факты.

answer-hello = 👋 Здравствуйте! Я помощник Отдела международных связей Горно-металлургического института Таджикистана. Спросите меня о вузах-партнёрах, обменах, проектах, новостях или контактах отдела либо выберите раздел ниже.
answer-thanks = 🙂 Пожалуйста! Если будет ещё вопрос, просто напишите его или выберите раздел ниже.
answer-bye = 👋 До свидания и удачи! Возвращайтесь, когда появится вопрос.
answer-how-are-you = 🙂 Спасибо, всё хорошо! Чем могу помочь? Спросите о вузах-партнёрах, обменах, проектах или контактах отдела.
answer-who-are-you = 🤖 Я бот, помощник Отдела международных связей: отвечаю по материалам страницы отдела. Чтобы задать вопрос сотруднику, нажмите «✉️ Спросить отдел» — специалист отдела ответит здесь же.
answer-yes-ask = ✉️ Нажмите «Спросить отдел» ниже: ваш вопрос «{ $question }» уже вписан, а ответ специалиста придёт сюда.
answer-yes = 🙂 Хорошо. Напишите ваш вопрос или выберите раздел ниже.
answer-no = 🙂 Хорошо. Если появится другой вопрос, просто напишите его или выберите раздел ниже.
answer-unclear = 🙂 Я не нашёл в сообщении вопроса. Напишите его словами или выберите раздел ниже.

answer-unknown = 🤷 На странице отдела этого нет: { $what }.
answer-offer = Я могу передать ваш вопрос специалисту: нажмите «✉️ Спросить отдел» — вопрос уже будет вписан, а ответ придёт сюда.
answer-what-query = ответа на «{ $query }»
answer-what-fee = сколько стоят учёба, визы или поездки и кто их оплачивает
answer-what-scholarship = стипендии и гранты
answer-what-email = адрес электронной почты
answer-what-website = сайт или страницы в соцсетях
answer-what-hours = часы работы отдела
answer-what-room = номер кабинета или этаж отдела
answer-what-dorm = общежитие или жильё
answer-what-documents = какие нужны документы и каковы требования
answer-what-exam = экзамены и языковые тесты
answer-what-faculty = факультеты и специальности института
answer-what-birthday = даты рождения и возраст людей
answer-what-route = как туда добраться (транспорт, билеты, маршруты)
answer-what-deadline = сроки подачи
answer-what-salary = зарплаты
answer-what-transfer = как перевестись в другой вуз
answer-what-future = даты следующего набора, мероприятия или курса
answer-what-grades = оценки студентов
answer-what-family = можно ли взять с собой семью на обмен
answer-what-recognition = признаются ли дипломы института за рубежом
answer-what-distance = дистанционное или онлайн-обучение
answer-what-credits = перезачитываются ли в институте кредиты и оценки, полученные по обмену
answer-what-calendar = учебный календарь (сессии, каникулы)
answer-what-job = работа и вакансии
answer-what-company = практика или работа на предприятиях
answer-what-budget = бюджет проектов и кто их финансирует
answer-what-campus = столовая, библиотека, Wi-Fi и другие услуги института
answer-what-insurance = страховка
answer-what-places = сколько мест в программе обмена
answer-what-founded = когда основан отдел или институт
answer-what-processing = сколько времени оформляется виза
answer-what-former = кто раньше занимал должности в отделе
answer-what-tenure = с какого времени сотрудники отдела занимают свои должности
answer-what-language = язык обучения
answer-what-double-degree = программы двойного диплома
answer-what-enrolment = сколько студентов, в том числе иностранных, учится в институте
answer-what-country = партнёры института в стране «{ $name }»
answer-what-partner-other = сотрудничества с «{ $name }» — среди названных там партнёров его нет
answer-what-year = события { $year } года
answer-what-signed = дата подписания соглашения с партнёром «{ $name }»
answer-what-phone-other = телефоны, кроме телефона отдела
answer-phone-only = ☎️ Единственный телефон на странице — телефон отдела: { $phone }.

answer-phone = ☎️ Телефон Отдела международных связей: <b>{ $phone }</b> (на странице он указан рядом с именем начальника отдела: { $name }).
answer-address = 📍 Адрес: <b>{ $address }</b>
answer-person =
    👤 { $role }: <b>{ $name }</b>
    ☎️ Телефон отдела: { $phone }

answer-staff-line = 👤 { $role }: <b>{ $name }</b>
answer-staff-phone = ☎️ Телефон отдела: { $phone }

answer-list-country = { $flag } <b>Партнёры — { $name } ({ $count })</b>:
answer-list-several = 🌍 <b>Партнёры ({ $count })</b>:
answer-list-none = На странице отдела партнёры здесь не названы.
answer-country-card = 🌍 Страница страны
answer-country-line = { $name }: { $count ->
    [one] { $count } партнёр
    [few] { $count } партнёра
   *[many] { $count } партнёров
    }
answer-people-count = { $count ->
    [one] { $count } человек
    [few] { $count } человека
   *[many] { $count } человек
    }
answer-list-mobility = ✈️ <b>{ $kind } ({ $count })</b>:
answer-list-mobility-host = ✈️ <b>Кто куда ездил: { $name } ({ $count })</b>:
answer-mentioned = { $name } упоминается на странице в следующих новостях:
answer-erasmus-others = Другие обмены и визиты вне программы Erasmus+ ({ $count }):
answer-list-mobility-year = ✈️ <b>Обмены и визиты в { $year } году ({ $count })</b>:
answer-list-mobility-people = ✈️ <b>Кто куда ездил ({ $count })</b>:
answer-list-year = 🗓 <b>Новости за { $year } год на странице отдела ({ $count })</b>:
answer-compare-first = 🗓 Раньше было: <b>{ $first }</b>.
answer-compare-both = 🗓 И то и другое, с датами:
answer-choices = 🔎 К вопросу «{ $query }» одинаково хорошо подходят эти ответы:
answer-office-items = 📋 <b>Из задач и направлений работы отдела:</b>
