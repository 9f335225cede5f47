# Паёмҳои оммавии кормандон (масъалаи 6): тартиб додан, пешнамоиш, раванд, ҳисобот, /broadcasts, эълонҳо.

cmd-broadcast = Ба донишҷӯён паёми оммавӣ фиристодан
cmd-broadcasts = Паёмҳои оммавии охирин

bc-staff-only = Ин танҳо барои кормандони шӯъба дастрас аст.
bc-ask-message =
    📣 <b>Паёми оммавии нав</b>
    Паёмро барои донишҷӯён фиристед: матн (бо ороиш), акс, видео ё ҳуҷҷат бо тавзеҳ.
    Он ба онҳо айнан ҳамин тавр нусхабардорӣ мешавад. /cancel — бекор кардан.
bc-unsupported = Лутфан, матн, акс, видео ё ҳуҷҷат (мумкин бо тавзеҳ) фиристед.
bc-draft-title = 📣 <b>Паёми оммавии нав</b>
bc-draft-first = ✅ Нусхаи якум: ба ҳамаи забонҳое меравад, ки нусхаи худро надоранд.
bc-draft-version-own = { $language }: нусхаи худ ✅
bc-draft-version-first = { $language }: нусхаи якумро мегирад
bc-draft-hint = Нусхаро бо забони дигар илова кунед ё гирандагонро интихоб намоед (шумораи гирандагон дар ҳар тугма навишта шудааст):
bc-btn-version-add = ➕ Нусхаи { $language }
bc-btn-version-edit = ✏️ Нусхаи { $language }
bc-btn-aud-topic = { $topic } — обуначиён ({ $count })
bc-btn-aud-all = 👥 Ҳама ({ $count })
bc-btn-aud-lang = Танҳо { $language } ({ $count })
bc-btn-cancel = ✖️ Бекор кардан
bc-btn-back = ⬅️ Бозгашт
bc-btn-send = ✅ Фиристодан: { $count }
bc-ask-version = Нусхаро барои донишҷӯёне фиристед, ки забони { $language }-ро интихоб кардаанд.
bc-no-recipients = Ин паёмро ҳеҷ кас намегирад: гирандагони дигарро интихоб кунед.
bc-preview-head = 👀 <b>Пешнамоиш</b> — донишҷӯён маҳз ҳаминро мебинанд. Гирандагон: { $audience }. Ҳамагӣ: { $total }.
bc-preview-lang = { $language } — шумораи гирандагон: { $count }:
bc-confirm = Ин паёми оммавӣ фиристода шавад? Гирандагон: { $total } ({ $audience }).
bc-draft-cancelled = Паёми оммавӣ бекор шуд, ҳеҷ чиз фиристода нашуд.
bc-draft-expired = Ин пешнавис дигар кушода нест. Бо фармони /broadcast аз нав оғоз кунед.

bc-aud-topic = обуначиёни мавзӯи «{ $topic }»
bc-aud-all = ҳама
bc-aud-lang = забони { $language }

bc-unsubscribe = 🔕 Бекор кардани обуна: { $topic }
bc-manage-subscriptions = 🔔 Танзимоти обуна

bc-progress =
    📣 <b>Паёми оммавии #{ $id }</b> фиристода мешавад…
    Коркард шуд: { $done } / { $total } (расонида шуд { $sent })
    Суръат: { $rate } дар як сония
    Вақти боқимонда: тақрибан { $left }
bc-progress-queued = 🕓 <b>Паёми оммавии #{ $id }</b> (гирандагон: { $total }) дар навбат аст, пеш аз он: { $position }. Он худ оғоз мешавад.
bc-btn-cancel-job = ⛔ Қатъ кардани фиристодан
bc-btn-cancel-numbered = ⛔ Қатъ кардани #{ $id }
bc-report-done =
    ✅ <b>Паёми оммавии #{ $id } анҷом ёфт.</b>
    Расонида шуд: { $sent } аз { $total }
    Ботро масдуд карданд ё ҳисоби худро нест карданд: { $blocked }
    Пас аз кӯшишҳои такрорӣ нарасид: { $failed }
    Номуайян (ҳангоми бозоғозӣ дар роҳ буданд, бори дигар фиристода шуданд): { $uncertain }
bc-report-cancelled =
    ⛔ <b>Паёми оммавии #{ $id } қатъ карда шуд.</b>
    Расонида шуд: { $sent } аз { $total }; фиристода нашуд: { $notsent }
    Ботро масдуд карданд ё ҳисоби худро нест карданд: { $blocked }
    Пас аз кӯшишҳои такрорӣ нарасид: { $failed }
    Номуайян (ҳангоми бозоғозӣ дар роҳ буданд, бори дигар фиристода шуданд): { $uncertain }
bc-report-error = Сабаби қатъ: { $error }
bc-cancelling = Қатъ мекунам: паёмҳое, ки аллакай дар роҳанд, ба ҳар ҳол мерасанд.
bc-not-active = Ин паёми оммавӣ дигар фиристода намешавад.

bc-list-title = 📋 <b>Паёмҳои оммавии охирин</b>
bc-list-empty = Ҳоло паёми оммавӣ набуд. Бо фармони /broadcast оғоз кунед.
bc-list-item =
    <b>#{ $id }</b> · { $date } · { $audience } · { $status }
    расонида шуд { $sent } / { $total }, масдуд карданд { $blocked }, хатоҳо { $failed }, номуайян { $uncertain }, нест шуд { $deleted }
bc-status-queued = дар навбат
bc-status-running = фиристода мешавад
bc-status-done = анҷом ёфт
bc-status-cancelled = қатъ шуд
bc-status-deleting = нест карда мешавад
bc-status-deleted = нест шуд
bc-btn-delete = 🗑 Нест кардани #{ $id } аз ҳама
bc-delete-confirm = Паёми оммавии #{ $id } аз чатҳои гирандагон ({ $count }) нест карда шавад? Инро баргардонидан ғайриимкон аст.
bc-btn-delete-yes = 🗑 Ҳа, аз ҳама нест кунед
bc-deleting = 🗑 Паёми оммавии #{ $id } аз ҳама нест карда мешавад; дар охир ҳисобот меояд.
bc-delete-not-allowed = Ин паёми оммавиро нест кардан мумкин нест (он ҳоло фиристода мешавад, аллакай нест шудааст ё аз 48 соат кӯҳнатар аст).
bc-deleted-report = 🗑 Паёми оммавии #{ $id } нест карда шуд: паёмҳои нестшуда — { $deleted }, нест кардан муяссар нашуд — { $failed }.

bc-offer =
    🆕 <b>Дар пойгоҳи дониш чизи нав.</b> Ба обуначиёни мавзӯи «{ $topic }» ({ $count }) эълон карда шавад?

    { $preview }
bc-offer-confirm = ✅ Эълон кардан
bc-offer-skip = ✖️ Гузаштан
bc-offer-skipped = Сарфи назар шуд: ин сабт эълон карда намешавад.
bc-offer-decided = Корманди дигар аллакай қарор қабул кардааст.
bc-offer-gone = Ин сабт дигар дар пойгоҳи дониш нест; ҳеҷ чиз фиристода нашуд.
bc-auto-event =
    📰 <b>{ $title }</b>
    🗓 { $date }

    { $text }
bc-auto-opening =
    🎓 <b>{ $title }</b>

    { $text }
bc-auto-opening-deadline =
    🎓 <b>{ $title }</b>
    ⏳ Мӯҳлати пешниҳод: { $deadline }

    { $text }
