# Рассылки сотрудников (задача 6): составление, предпросмотр, ход отправки, отчёты, /broadcasts, объявления.

cmd-broadcast = Разослать сообщение студентам
cmd-broadcasts = Последние рассылки

bc-staff-only = Это доступно только сотрудникам отдела.
bc-ask-message =
    📣 <b>Новая рассылка</b>
    Пришлите сообщение для студентов: текст (с форматированием), фото, видео или документ с подписью.
    Оно будет скопировано им точно в таком виде. /cancel — отменить.
bc-unsupported = Пришлите текст, фото, видео или документ (можно с подписью).
bc-draft-title = 📣 <b>Новая рассылка</b>
bc-draft-first = ✅ Первая версия: получат все языки, для которых нет своей версии.
bc-draft-version-own = { $language }: своя версия ✅
bc-draft-version-first = { $language }: получит первую версию
bc-draft-hint = Добавьте версию на другом языке или выберите получателей (число получателей указано на каждой кнопке):
bc-btn-version-add = ➕ Версия { $language }
bc-btn-version-edit = ✏️ Версия { $language }
bc-btn-aud-topic = { $topic } — подписчики ({ $count })
bc-btn-aud-all = 👥 Все ({ $count })
bc-btn-aud-lang = Только { $language } ({ $count })
bc-btn-cancel = ✖️ Отмена
bc-btn-back = ⬅️ Назад
bc-btn-send = ✅ Отправить: { $count }
bc-ask-version = Пришлите версию для студентов, у которых выбран язык { $language }.
bc-no-recipients = Эту рассылку никто не получит: выберите других получателей.
bc-preview-head = 👀 <b>Предпросмотр</b> — именно так это увидят студенты. Получатели: { $audience }. Всего: { $total }.
bc-preview-lang = { $language } — получателей: { $count }:
bc-confirm = Отправить эту рассылку? Получателей: { $total } ({ $audience }).
bc-draft-cancelled = Рассылка отменена, ничего не отправлено.
bc-draft-expired = Этот черновик уже закрыт. Начните заново командой /broadcast.

bc-aud-topic = подписчики темы «{ $topic }»
bc-aud-all = все
bc-aud-lang = язык { $language }

bc-unsubscribe = 🔕 Отписаться: { $topic }
bc-manage-subscriptions = 🔔 Настройки подписок

bc-progress =
    📣 <b>Рассылка #{ $id }</b> отправляется…
    Обработано: { $done } / { $total } (доставлено { $sent })
    Скорость: { $rate } в секунду
    Осталось: около { $left }
bc-progress-queued = 🕓 <b>Рассылка #{ $id }</b> (получателей: { $total }) в очереди, перед ней: { $position }. Она начнётся сама.
bc-btn-cancel-job = ⛔ Остановить рассылку
bc-btn-cancel-numbered = ⛔ Остановить #{ $id }
bc-report-done =
    ✅ <b>Рассылка #{ $id } завершена.</b>
    Доставлено: { $sent } из { $total }
    Заблокировали бота или удалили аккаунт: { $blocked }
    Не удалось после повторов: { $failed }
    Под вопросом (были в пути при перезапуске, отправлены ещё раз): { $uncertain }
bc-report-cancelled =
    ⛔ <b>Рассылка #{ $id } остановлена.</b>
    Доставлено: { $sent } из { $total }; не отправлено: { $notsent }
    Заблокировали бота или удалили аккаунт: { $blocked }
    Не удалось после повторов: { $failed }
    Под вопросом (были в пути при перезапуске, отправлены ещё раз): { $uncertain }
bc-report-error = Причина остановки: { $error }
bc-cancelling = Останавливаю: сообщения, которые уже в пути, всё же дойдут.
bc-not-active = Эта рассылка уже не идёт.

bc-list-title = 📋 <b>Последние рассылки</b>
bc-list-empty = Рассылок пока не было. Начните с команды /broadcast.
bc-list-item =
    <b>#{ $id }</b> · { $date } · { $audience } · { $status }
    доставлено { $sent } / { $total }, заблокировали { $blocked }, ошибки { $failed }, под вопросом { $uncertain }, удалено { $deleted }
bc-status-queued = в очереди
bc-status-running = отправляется
bc-status-done = завершена
bc-status-cancelled = остановлена
bc-status-deleting = удаляется
bc-status-deleted = удалена
bc-btn-delete = 🗑 Удалить #{ $id } у всех
bc-delete-confirm = Удалить рассылку #{ $id } из чатов получателей ({ $count })? Отменить это нельзя.
bc-btn-delete-yes = 🗑 Да, удалить у всех
bc-deleting = 🗑 Рассылка #{ $id } удаляется у всех; по окончании придёт отчёт.
bc-delete-not-allowed = Эту рассылку удалить нельзя (она ещё идёт, уже удалена или старше 48 часов).
bc-deleted-report = 🗑 Рассылка #{ $id } удалена: убрано сообщений — { $deleted }, не удалось убрать — { $failed }.

bc-offer =
    🆕 <b>Новое в базе знаний.</b> Объявить подписчикам темы «{ $topic }» ({ $count })?

    { $preview }
bc-offer-confirm = ✅ Объявить
bc-offer-skip = ✖️ Пропустить
bc-offer-skipped = Пропущено: эта запись не будет объявлена.
bc-offer-decided = Другой сотрудник уже принял решение.
bc-offer-gone = Этой записи больше нет в базе знаний; ничего не отправлено.
bc-auto-event =
    📰 <b>{ $title }</b>
    🗓 { $date }

    { $text }
bc-auto-opening =
    🎓 <b>{ $title }</b>

    { $text }
bc-auto-opening-deadline =
    🎓 <b>{ $title }</b>
    ⏳ Срок подачи: { $deadline }

    { $text }
