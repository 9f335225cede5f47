# Обращения (задача 5): вопрос в отдел, «Мои вопросы», чат сотрудников.

ask-choose-topic =
    ✉️ <b>Спросить отдел</b>
    Выберите тему вопроса:
ask-topic-admission = 🎓 Приём иностранных студентов
ask-topic-exchange = 🔁 Обмен и Erasmus+
ask-topic-visa = 🛂 Визы и пребывание
ask-topic-documents = 📄 Документы
ask-topic-other = 💬 Другое
ask-btn-cancel = ❌ Отмена
ask-prefill =
    Тема: <b>{ $topic }</b>

    Ваш вопрос:
    <i>{ $text }</i>

    Отправить этот вопрос в отдел или написать другой?
ask-btn-prefill-use = ✅ Отправить этот вопрос
ask-btn-prefill-new = ✏️ Написать другой
ask-question-taken = ✅ Вопрос записан.
ask-write-question =
    Тема: <b>{ $topic }</b>

    ✍️ Напишите вопрос одним сообщением. Можно приложить фото или документ — тогда напишите вопрос в подписи к нему.
    /cancel — отмена
ask-question-too-long = Вопрос слишком длинный (символов: { $length }). Пожалуйста, сократите его до { $limit } символов.
ask-question-unsupported = Пожалуйста, отправьте вопрос текстом или фото/документом с подписью.
ask-question-no-words = Пожалуйста, напишите вопрос словами, чтобы специалист мог на него ответить.
ask-phone-prompt = 📱 Если хотите, чтобы отдел мог вам позвонить, отправьте свой номер телефона кнопкой ниже. Если нет — нажмите «Пропустить».
ask-phone-placeholder = Номер телефона или «Пропустить»
ask-btn-share-phone = 📱 Отправить мой номер
ask-btn-skip-phone = ➡️ Пропустить
ask-phone-saved = ✅ Номер телефона сохранён.
ask-phone-skipped = Хорошо, без номера телефона.
ask-phone-not-own = Пожалуйста, отправьте свой собственный номер кнопкой ниже или нажмите «Пропустить».
ask-phone-invalid = Это не похоже на номер телефона. Напишите его с кодом страны (+992 …), отправьте кнопкой ниже или нажмите «Пропустить».
ask-summary =
    📝 <b>Проверьте вопрос</b>

    Тема: { $topic }
    Вопрос: { $question }
    Вложение: { $attachment }
    Телефон: { $phone }

    Отправить в отдел?
ask-attachment-photo = фото
ask-attachment-document = документ
ask-none = нет
ask-no-text = (без текста)
ask-btn-send = ✅ Отправить
ask-received =
    ✅ Ваш вопрос принят, его номер <b>#{ $id }</b>.
    Ответ придёт сюда, в этот чат.
ask-hours-open = 🕓 Отдел обычно отвечает в рабочее время: { $hours }.
ask-hours-closed = 🌙 Сейчас отдел не работает (рабочее время: { $hours }). Ждите ответа { $next }.
ask-next-today = сегодня после { $time }
ask-next-tomorrow = завтра после { $time }
ask-next-day = { $day } после { $time }
ask-day-mon = в понедельник
ask-day-tue = во вторник
ask-day-wed = в среду
ask-day-thu = в четверг
ask-day-fri = в пятницу
ask-day-sat = в субботу
ask-day-sun = в воскресенье
ask-dshort-mon = Пн
ask-dshort-tue = Вт
ask-dshort-wed = Ср
ask-dshort-thu = Чт
ask-dshort-fri = Пт
ask-dshort-sat = Сб
ask-dshort-sun = Вс
ask-cancelled = ❌ Отменено. Вопрос не отправлен.
ask-keyboard-removed = ⌨️ Кнопки для телефона скрыты.
ask-nothing-to-cancel = Отменять нечего.
ask-use-buttons = 👆 Пожалуйста, воспользуйтесь кнопками выше или отправьте /cancel.
ask-limit-open = ⏳ { $count ->
        [one] Открытый вопрос у вас уже { $count }
        [few] Открытых вопроса у вас уже { $count }
       *[many] Открытых вопросов у вас уже { $count }
    } — это предел. Пожалуйста, дождитесь ответов (см. «Мои вопросы»).
ask-limit-cooldown-seconds = ⏳ Пожалуйста, подождите { $n ->
        [one] { $count } секунду
        [few] { $count } секунды
        [many] { $count } секунд
       *[other] { $count } секунды
    } перед следующим вопросом.
ask-limit-cooldown-minutes = ⏳ Пожалуйста, подождите { $n ->
        [one] { $count } минуту
        [few] { $count } минуты
        [many] { $count } минут
       *[other] { $count } минуты
    } перед следующим вопросом.
ask-followup-added = ✅ Добавлено к вашему вопросу #{ $id }. Отдел ответит здесь.
ask-followup-unsupported = Пожалуйста, отправьте текст, фото или документ.
ask-closed-notice = ✅ Ваш вопрос #{ $id } закрыт отделом. Если нужно что-то ещё, воспользуйтесь кнопкой «Спросить отдел».
ask-answer-header =
    💬 <b>Ответ Отдела международных связей, обращение #{ $id }</b>
    Чтобы дополнить, ответьте (reply) на это сообщение.

myq-title = 🗂 <b>Мои вопросы</b> ({ $count })
myq-empty = Вы ещё не задавали вопросов отделу.
myq-item =
    <b>#{ $id }</b> · { $status } · { $date }
    { $topic }: { $text }
myq-status-received = 🕓 принят
myq-status-answered = 💬 есть ответ
myq-status-closed = ✅ закрыт
myq-page = Страница { $page } из { $pages }
myq-btn-prev = ⬅️ Более новые
myq-btn-next = Более ранние ➡️

# Чат сотрудников (STAFF_CHAT_ID) — на языке DEFAULT_LANGUAGE.
inq-card =
    📨 <b>Обращение #{ $id }</b> · { $topic }
    👤 <a href="tg://user?id={ $uid }">{ $name }</a> { $username }
    🌐 Язык: { $language }
    📱 Телефон: { $phone }
    📎 Вложение: { $attachment }
    🕓 { $date }

    { $question }

    ↩️ Чтобы ответить студенту, ответьте (reply) на это сообщение.
inq-not-given = не указан
inq-attachment-caption = 📎 Вложение к обращению #{ $id }
inq-followup =
    ↩️ <b>Обращение #{ $id }</b> — { $name } пишет:

    { $text }
inq-btn-close = ✅ Закрыть
inq-btn-reopen = ↩️ Открыть снова
inq-btn-card = 📄 #{ $id }
inq-btn-redo = 🔁 Отправить ещё раз
inq-closed = ✅ Обращение #{ $id } закрыто ({ $name }).
inq-reopened = ↩️ Обращение #{ $id } открыто снова ({ $name }).
inq-already-closed = Обращение #{ $id } уже закрыто.
inq-not-closed = Обращение #{ $id } не закрыто.
inq-which = Отправьте эту команду ответом на карточку обращения или добавьте номер: /{ $command } 12
inq-bad-number = «{ $text }» — не номер обращения. Напишите номер цифрами: /{ $command } 12, или отправьте команду ответом на карточку.
inq-not-found = Обращения #{ $id } нет.
inq-open-title = 📋 <b>Обращения без ответа</b>, сначала самые старые: { $count }
inq-open-empty = 🎉 Обращений без ответа нет.
inq-open-item =
    <b>#{ $id }</b> · { $date } · { $topic } · { $name }
    { $text }
inq-open-more = …и ещё { $count }.
inq-reminder-title = ⏰ <b>Без ответа больше { $hours } ч</b>: { $count }
inq-blocked = ⚠️ Ответ на обращение #{ $id } не доставлен: студент заблокировал бота.
inq-send-failed = ⚠️ Ответ на обращение #{ $id } не доставлен ({ $error }). Попробуйте позже.
inq-not-allowed = Это могут делать только сотрудники отдела.
inq-notice-unconfirmed = ⚠️ Обращение #{ $id }: бот остановился во время отправки ({ $what }), поэтому выше этого может не быть. Если не видите, нажмите кнопку. Ответить студенту можно и ответом на это сообщение.
inq-what-card = карточка обращения
inq-what-attachment = вложение
inq-what-followup = дополнение студента
inq-what-notice = уведомление
inq-redo-queued = Поставлено в очередь, сейчас появится.
inq-redo-done = Это уже отправлено.
inq-chat-id = 🆔 Идентификатор этого чата: <code>{ $id }</code>. Чтобы сделать его чатом сотрудников, впишите STAFF_CHAT_ID={ $id } в файл .env бота и перезапустите его.

cmd-open = Обращения без ответа
cmd-close = Закрыть обращение (ответом на карточку)
cmd-reopen = Открыть обращение снова (ответом на карточку)
ask-not-sent = ⚠️ Ваш вопрос не был отправлен: бот перезапустился во время отправки. Он сохранён ниже — нажмите «Отправить», чтобы отправить его сейчас.
