# Консоль сотрудников (задача 7): роли, редактор базы знаний, статистика, резервные копии, напоминания о сроках.

cmd-edit = Редактировать новости, конкурсы и партнёров
cmd-stats = Статистика
cmd-staff = Сотрудники (администраторы)
cmd-backup = Резервная копия базы (администраторы)

staff-only = 🔒 Это только для сотрудников отдела.
staff-admin-only = 🔒 Это может сделать только администратор.

# /staff
staff-title = 👥 <b>Сотрудники</b>
staff-admins = Администраторы (ADMIN_IDS): { $ids }
staff-list-empty = Сотрудники пока не добавлены.
staff-item = • { $name } — id <code>{ $id }</code>
staff-unnamed = пользователь { $id }
staff-help = Сотрудникам доступны /edit, /stats, /broadcast и ответы на обращения. Нажмите «Добавить», чтобы добавить человека; 🗑 удаляет сотрудника.
staff-btn-add = ➕ Добавить сотрудника
staff-btn-remove = 🗑 { $name }
staff-btn-cancel = ✖️ Отмена
staff-add-prompt = Перешлите мне любое сообщение этого человека или отправьте его числовой id в Telegram. /cancel — отмена.
staff-add-hidden = ⚠️ Настройки приватности этого человека скрывают его аккаунт в пересланных сообщениях. Попросите у него id (например, через @userinfobot) и отправьте сюда.
staff-add-bad = ⚠️ Это не пересланное сообщение человека и не id. Попробуйте ещё раз или /cancel.
staff-add-bot = ⚠️ Бот не может быть сотрудником.
staff-add-admin = { $name } уже администратор.
staff-added = ✅ { $name } теперь сотрудник.
staff-already = { $name } уже сотрудник.
staff-removed = 🗑 { $name } больше не сотрудник.
staff-not-found = Этого человека уже нет в списке сотрудников.
staff-cancelled = Отменено.

# /backup
backup-caption =
    💾 Резервная копия базы данных, { $date } ({ $size }).
    Восстановление: остановите бота, положите этот файл вместо файла DATABASE_PATH (удалите старые файлы -wal и -shm рядом с ним), запустите бота.
backup-too-big = ⚠️ Копия занимает { $size } — слишком много для Telegram. Выполните на сервере «python -m bot backup PATH».
backup-failed = ⚠️ Не удалось сделать копию: { $error }

# /stats
stats-title = 📊 <b>Статистика</b> — { $date }
stats-users = 👥 <b>Пользователи</b>: { $total } (заблокировали бота: { $blocked })
stats-languages = 🇹🇯 Тоҷикӣ: { $tg } · 🇷🇺 Русский: { $ru } · 🇬🇧 English: { $en } · язык не выбран: { $none }
stats-new = 🆕 Новые: { $week } за 7 дней, { $month } за 30 дней
stats-active = 🟢 Активные: { $week } за 7 дней, { $month } за 30 дней
stats-subscribers = 🔔 <b>Подписчики</b>
stats-subscriber = • { $topic }: { $count }
stats-inquiries = ✉️ <b>Обращения</b>: получено { $received }, отвечено { $answered }, открыто { $open }
stats-median = ⏱ Медианное время до первого ответа: { $time }
stats-median-none = ⏱ Медианное время до первого ответа: ответов ещё не было
stats-minutes = { $minutes } мин
stats-hours = { $hours } ч { $minutes } мин
stats-days = { $days } д { $hours } ч
stats-top = 🔎 <b>Частые поисковые запросы</b> (30 дней)
stats-missing = 🚫 <b>Запросы, по которым ничего не нашлось</b> (30 дней)
stats-query = • { $query } — { $count }
stats-none = • нет
stats-chart-caption = 📈 Последние 30 дней: 🟦 новые пользователи, 🟧 обращения по дням.
# The chart itself (bot/charts.py): plain text, no HTML.
stats-chart-title = Новые пользователи и обращения по дням, { $days ->
        [one] последний { $days } день
        [few] последние { $days } дня
        [many] последние { $days } дней
       *[other] последние { $days } дня
    }
stats-chart-x = Дата
stats-chart-y = Количество за день
stats-chart-new-users = Новые пользователи
stats-chart-inquiries = Обращения

# /edit
ed-title =
    ✏️ <b>Редактор базы знаний</b>
    Что вы хотите добавить, изменить или удалить? /cancel — выйти из редактора.
ed-section-news = 📰 Новости и события
ed-section-opening = 📣 Конкурсы и программы обмена
ed-section-partner = 🏛 Партнёрские организации
ed-btn-close = ✖️ Закрыть редактор
ed-btn-back = ⬅️ Назад
ed-btn-add = ➕ Добавить
ed-list-title = { $section }: записей — { $count }. Выберите запись, чтобы изменить или удалить её, или добавьте новую.
ed-record-title = ✏️ <b>{ $title }</b> (id <code>{ $id }</code>)
ed-record-new = ✏️ <b>Новая запись</b> — { $section }
ed-unsaved = ⚠️ Есть несохранённые изменения: нажмите «Просмотр и сохранение».
ed-field-line = <b>{ $field }</b>: { $value }
ed-empty = —
ed-missing = ⚠️ нет перевода: { $langs }
ed-btn-field = ✏️ { $field }
ed-btn-preview = 👁 Просмотр и сохранение
ed-btn-remove = 🗑 Удалить
ed-field-title = Заголовок
ed-field-text = Текст
ed-field-date = Дата
ed-field-date_end = Дата окончания
ed-field-deadline = Срок подачи
ed-field-description = Описание
ed-field-eligibility = Кто может подать заявку
ed-field-how_to_apply = Как подать заявку
ed-field-host = Принимающая организация
ed-field-kind = Тип
ed-field-link = Ссылка
ed-field-name = Название
ed-field-country = Страна
ed-field-short_name = Краткое название
ed-field-city = Город
ed-field-cooperation = Сотрудничество
ed-ask-text =
    ✏️ <b>{ $field }</b> — { $language } ({ $step }/3)
    Отправьте текст на этом языке.
ed-current = Сейчас: { $value }
ed-skip-hint = «Пропустить» оставляет этот язык пустым: студенты увидят текст на другом языке, а редактор отметит перевод как отсутствующий.
ed-btn-skip = ⏭ Пропустить (оставить пустым)
ed-btn-keep = ↩️ Оставить как есть
ed-btn-cancel = ✖️ Отмена
ed-ask-date =
    🗓 <b>{ $field }</b>
    Введите дату, например 2027-03-05, 05.03.2027, 05/03/2027 или 5 марта 2027.
ed-bad-date = ⚠️ «{ $text }» — не похоже на дату. Введите её как 2027-03-05, 05.03.2027, 05/03/2027, 5 марта 2027 или 5 March 2027.
ed-btn-clear = 🧹 Очистить
ed-ask-institution =
    🏛 <b>{ $field }</b>
    Отправьте id партнёрской организации (он указан на её экране в редакторе), например { $example }.
ed-ask-country =
    🌍 <b>{ $field }</b>
    Отправьте двухбуквенный код страны: { $codes }.
ed-bad-ref = ⚠️ «{ $text }» не найдено. Попробуйте ещё раз.
ed-ask-choice = <b>{ $field }</b>: выберите вариант.
ed-ask-url =
    🔗 <b>{ $field }</b>
    Отправьте ссылку, начинающуюся с https://
ed-bad-url = ⚠️ Ссылка должна начинаться с http:// или https:// и не содержать пробелов.
ed-need-text = ⚠️ Пожалуйста, отправьте текст.
ed-too-long = ⚠️ Слишком длинный текст: символов — { $length }, допустимо не больше { $max }. Сократите, пожалуйста.
ed-required = ⚠️ Поле «{ $field }» обязательно: заполните его хотя бы на одном языке.
ed-preview-head = 👁 <b>Просмотр</b> ({ $language }) — карточка точно в том виде, в каком её увидят студенты:
ed-preview-missing = ⚠️ Нет перевода (студенты увидят текст на другом языке): { $fields }
ed-confirm-add = Добавить эту запись?
ed-confirm-change = Сохранить изменения?
ed-btn-confirm = ✅ Подтвердить
ed-btn-edit-more = ✏️ Изменить ещё
ed-invalid =
    ⚠️ Пока нельзя сохранить:
    { $problems }
ed-saved-add = ✅ Добавлено: { $title }. Студенты уже видят это.
ed-saved-change = ✅ Сохранено: { $title }. Студенты уже видят изменения.
ed-removed = 🗑 Удалено: { $title }.
ed-remove-confirm = 🗑 Удалить <b>{ $title }</b>? Студенты больше не увидят эту запись.
ed-btn-remove-yes = 🗑 Да, удалить
ed-conflict = ⚠️ Пока вы редактировали, эту запись изменил кто-то другой. Ничего не сохранено: откройте её заново.
ed-expired = Этот экран редактора устарел. Отправьте /edit, чтобы начать заново.
ed-not-found = Этой записи больше нет.
ed-cancelled = Редактор закрыт. Несохранённые изменения отброшены.

# Напоминания о сроках (подписчикам «Сроки подачи») и архив завершённых конкурсов
dl-reminder =
    ⏰ <b>Напоминание о сроке</b>
    { $title }
    Срок подачи: { $date } ({ $left }).
dl-reminder-link = Подробнее: { $link }
dl-archive-button = 🗄 Архив завершённых конкурсов
dl-archive-title = 🗄 <b>Завершённые конкурсы</b> ({ $count })
dl-archive-empty = Завершённых конкурсов пока нет.
