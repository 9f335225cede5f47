# Муроҷиатҳо (масъалаи 5): савол ба шӯъба, «Саволҳои ман», чати кормандон.

ask-choose-topic =
    ✉️ <b>Савол ба шӯъба</b>
    Мавзӯи саволатонро интихоб кунед:
ask-topic-admission = 🎓 Қабули донишҷӯёни хориҷӣ
ask-topic-exchange = 🔁 Мубодила ва Erasmus+
ask-topic-visa = 🛂 Раводид ва иқомат
ask-topic-documents = 📄 Ҳуҷҷатҳо
ask-topic-other = 💬 Дигар
ask-btn-cancel = ❌ Бекор кардан
ask-prefill =
    Мавзӯъ: <b>{ $topic }</b>

    Саволи шумо:
    <i>{ $text }</i>

    Ҳамин саволро ба шӯъба фиристем ё саволи дигар менависед?
ask-btn-prefill-use = ✅ Ҳамин саволро фиристодан
ask-btn-prefill-new = ✏️ Саволи дигар навиштан
ask-question-taken = ✅ Саволатон сабт шуд.
ask-write-question =
    Мавзӯъ: <b>{ $topic }</b>

    ✍️ Саволатонро дар як паём нависед. Метавонед акс ё ҳуҷҷат замима кунед — он гоҳ саволро дар тавзеҳи он нависед.
    /cancel — бекор кардан
ask-question-too-long = Саволатон хеле дароз аст ({ $length } аломат). Лутфан, онро то { $limit } аломат кӯтоҳ кунед.
ask-question-unsupported = Лутфан, саволро бо матн ё бо акс/ҳуҷҷат бо тавзеҳ фиристед.
ask-question-no-words = Лутфан, саволатонро бо калимаҳо нависед, то мутахассис ба он ҷавоб дода тавонад.
ask-phone-prompt = 📱 Агар хоҳед, ки шӯъба ба шумо занг занад, рақами телефонатонро бо тугмаи поён фиристед. Агар не, «Гузаштан»-ро пахш кунед.
ask-phone-placeholder = Рақами телефон ё «Гузаштан»
ask-btn-share-phone = 📱 Фиристодани рақами ман
ask-btn-skip-phone = ➡️ Гузаштан
ask-phone-saved = ✅ Рақами телефон сабт шуд.
ask-phone-skipped = Хуб, бе рақами телефон.
ask-phone-not-own = Лутфан, рақами худатонро бо тугмаи поён фиристед ё «Гузаштан»-ро пахш кунед.
ask-phone-invalid = Ин ба рақами телефон монанд нест. Онро бо рамзи кишвар (+992 …) нависед, бо тугмаи зерин фиристед ё «Гузаштан»-ро пахш кунед.
ask-summary =
    📝 <b>Саволатонро санҷед</b>

    Мавзӯъ: { $topic }
    Савол: { $question }
    Замима: { $attachment }
    Телефон: { $phone }

    Ба шӯъба фиристем?
ask-attachment-photo = акс
ask-attachment-document = ҳуҷҷат
ask-none = нест
ask-no-text = (бе матн)
ask-btn-send = ✅ Фиристодан
ask-received =
    ✅ Саволатон қабул шуд, рақами он <b>#{ $id }</b>.
    Ҷавоб ба ҳамин ҷо, дар ҳамин чат меояд.
ask-hours-open = 🕓 Шӯъба одатан дар соатҳои корӣ ҷавоб медиҳад: { $hours }.
ask-hours-closed = 🌙 Ҳоло шӯъба кор намекунад (соатҳои корӣ: { $hours }). Ҷавобро { $next } интизор шавед.
ask-next-today = имрӯз пас аз соати { $time }
ask-next-tomorrow = фардо пас аз соати { $time }
ask-next-day = { $day } пас аз соати { $time }
ask-day-mon = рӯзи душанбе
ask-day-tue = рӯзи сешанбе
ask-day-wed = рӯзи чоршанбе
ask-day-thu = рӯзи панҷшанбе
ask-day-fri = рӯзи ҷумъа
ask-day-sat = рӯзи шанбе
ask-day-sun = рӯзи якшанбе
ask-dshort-mon = Дш
ask-dshort-tue = Сш
ask-dshort-wed = Чш
ask-dshort-thu = Пш
ask-dshort-fri = Ҷм
ask-dshort-sat = Шб
ask-dshort-sun = Яш
ask-cancelled = ❌ Бекор карда шуд. Саволатон фиристода нашуд.
ask-keyboard-removed = ⌨️ Тугмаҳои телефон пинҳон карда шуданд.
ask-nothing-to-cancel = Чизе барои бекор кардан нест.
ask-use-buttons = 👆 Лутфан, тугмаҳои болоро истифода баред ё /cancel фиристед.
ask-limit-open = ⏳ Шумо аллакай { $count } саволи кушода доред — ин ҳадди ниҳоӣ аст. Лутфан, ҷавобҳоро интизор шавед (ниг. «Саволҳои ман»).
ask-limit-cooldown-seconds = ⏳ Лутфан, пеш аз саволи нав { $n ->
       *[other] { $count } сония
    } сабр кунед.
ask-limit-cooldown-minutes = ⏳ Лутфан, пеш аз саволи нав { $n ->
       *[other] { $count } дақиқа
    } сабр кунед.
ask-followup-added = ✅ Ба саволи #{ $id } илова шуд. Шӯъба дар ҳамин ҷо ҷавоб медиҳад.
ask-followup-unsupported = Лутфан, матн, акс ё ҳуҷҷат фиристед.
ask-closed-notice = ✅ Саволи шумо #{ $id } аз ҷониби шӯъба баста шуд. Агар боз савол дошта бошед, тугмаи «Савол ба шӯъба»-ро истифода баред.
ask-answer-header =
    💬 <b>Ҷавоб аз Шӯъбаи робитаҳои байналмилалӣ, муроҷиати #{ $id }</b>
    Барои илова кардан ба ин паём ҷавоб диҳед (reply).

myq-title = 🗂 <b>Саволҳои ман</b> ({ $count })
myq-empty = Шумо ҳанӯз ба шӯъба савол надодаед.
myq-item =
    <b>#{ $id }</b> · { $status } · { $date }
    { $topic }: { $text }
myq-status-received = 🕓 қабул шуд
myq-status-answered = 💬 ҷавоб дода шуд
myq-status-closed = ✅ баста шуд
myq-page = Саҳифаи { $page } аз { $pages }
myq-btn-prev = ⬅️ Навтар
myq-btn-next = Кӯҳнатар ➡️

# Чати кормандон (STAFF_CHAT_ID) бо забони DEFAULT_LANGUAGE.
inq-card =
    📨 <b>Муроҷиати #{ $id }</b> · { $topic }
    👤 <a href="tg://user?id={ $uid }">{ $name }</a> { $username }
    🌐 Забон: { $language }
    📱 Телефон: { $phone }
    📎 Замима: { $attachment }
    🕓 { $date }

    { $question }

    ↩️ Барои ҷавоб додан ба донишҷӯ ба ҳамин паём ҷавоб диҳед (reply).
inq-not-given = нишон дода нашудааст
inq-attachment-caption = 📎 Замимаи муроҷиати #{ $id }
inq-followup =
    ↩️ <b>Муроҷиати #{ $id }</b> — { $name } менависад:

    { $text }
inq-btn-close = ✅ Бастан
inq-btn-reopen = ↩️ Аз нав кушодан
inq-btn-card = 📄 #{ $id }
inq-btn-redo = 🔁 Боз фиристодан
inq-closed = ✅ Муроҷиати #{ $id } баста шуд ({ $name }).
inq-reopened = ↩️ Муроҷиати #{ $id } аз нав кушода шуд ({ $name }).
inq-already-closed = Муроҷиати #{ $id } аллакай баста шудааст.
inq-not-closed = Муроҷиати #{ $id } баста нашудааст.
inq-which = Ин фармонро ҳамчун ҷавоб ба корти муроҷиат фиристед ё рақамашро илова кунед: /{ $command } 12
inq-bad-number = «{ $text }» рақами муроҷиат нест. Рақамро бо рақамҳо нависед: /{ $command } 12, ё фармонро ҳамчун ҷавоб ба корт фиристед.
inq-not-found = Муроҷиати #{ $id } вуҷуд надорад.
inq-open-title = 📋 <b>Муроҷиатҳои беҷавоб</b>, аввал кӯҳнатаринҳо: { $count }
inq-open-empty = 🎉 Муроҷиати беҷавоб нест.
inq-open-item =
    <b>#{ $id }</b> · { $date } · { $topic } · { $name }
    { $text }
inq-open-more = …ва боз { $count } муроҷиат.
inq-reminder-title = ⏰ <b>Зиёда аз { $hours } соат беҷавоб</b>: { $count }
inq-blocked = ⚠️ Ҷавоб ба муроҷиати #{ $id } нарасид: донишҷӯ ботро масдуд кардааст.
inq-send-failed = ⚠️ Ҷавоб ба муроҷиати #{ $id } нарасид ({ $error }). Лутфан, баъдтар боз кӯшиш кунед.
inq-not-allowed = Инро танҳо кормандони шӯъба карда метавонанд.
inq-notice-unconfirmed = ⚠️ Муроҷиати #{ $id }: бот ҳангоми фиристодан ({ $what }) қатъ шуд, бинобар ин он шояд дар боло набошад. Агар набинед, тугмаро пахш кунед. Барои ҷавоб додан ба донишҷӯ метавонед ба ҳамин паём ҷавоб диҳед.
inq-what-card = корти муроҷиат
inq-what-attachment = замима
inq-what-followup = паёми иловагии донишҷӯ
inq-what-notice = огоҳинома
inq-redo-queued = Ба навбат гузошта шуд, ҳозир пайдо мешавад.
inq-redo-done = Ин аллакай фиристода шудааст.
inq-chat-id = 🆔 Рақами ин чат: <code>{ $id }</code>. Барои он ки ин чати кормандон шавад, STAFF_CHAT_ID={ $id }-ро ба файли .env-и бот нависед ва ботро аз нав оғоз кунед.

cmd-open = Муроҷиатҳои беҷавоб
cmd-close = Бастани муроҷиат (ҷавоб ба корти он)
cmd-reopen = Аз нав кушодани муроҷиат (ҷавоб ба корти он)
ask-not-sent = ⚠️ Саволи шумо фиристода нашуд: ҳангоми фиристодан бот аз нав оғоз ёфт. Савол дар поён нигоҳ дошта шудааст — барои фиристодан тугмаи «Фиристодан»-ро пахш кунед.
