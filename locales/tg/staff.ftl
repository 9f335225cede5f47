# Консоли кормандон (масъалаи 7): нақшҳо, муҳаррири пойгоҳи дониш, омор, нусхаи эҳтиётӣ, ёдраскуниҳо.

cmd-edit = Таҳрири хабарҳо, озмунҳо ва шарикон
cmd-stats = Омор
cmd-staff = Кормандон (маъмурон)
cmd-backup = Нусхаи эҳтиётии пойгоҳ (маъмурон)

staff-only = 🔒 Ин танҳо барои кормандони шӯъба аст.
staff-admin-only = 🔒 Инро танҳо маъмур карда метавонад.

# /staff
staff-title = 👥 <b>Кормандон</b>
staff-admins = Маъмурон (ADMIN_IDS): { $ids }
staff-list-empty = Ҳоло ягон корманд илова нашудааст.
staff-item = • { $name } — id <code>{ $id }</code>
staff-unnamed = корбар { $id }
staff-help = Кормандон метавонанд /edit, /stats, /broadcast-ро истифода баранд ва ба муроҷиатҳо ҷавоб диҳанд. Барои илова кардани шахс тугмаи «Илова кардани корманд»-ро пахш кунед; 🗑 кормандро хориҷ мекунад.
staff-btn-add = ➕ Илова кардани корманд
staff-btn-remove = 🗑 { $name }
staff-btn-cancel = ✖️ Бекор кардан
staff-add-prompt = Ягон паёми ин шахсро ба ман ирсол кунед ё id-и рақамии ӯро дар Telegram фиристед. /cancel — бекор кардан.
staff-add-hidden = ⚠️ Танзимоти махфияти ин шахс ҳисоби ӯро дар паёмҳои ирсолшуда пинҳон мекунад. Аз ӯ id-ашро пурсед (масалан, тавассути @userinfobot) ва ин ҷо фиристед.
staff-add-bad = ⚠️ Ин на паёми ирсолшудаи шахс аст ва на id. Боз кӯшиш кунед ё /cancel.
staff-add-bot = ⚠️ Бот корманд шуда наметавонад.
staff-add-admin = { $name } аллакай маъмур аст.
staff-added = ✅ { $name } акнун корманд аст.
staff-already = { $name } аллакай корманд аст.
staff-removed = 🗑 { $name } дигар корманд нест.
staff-not-found = Ин шахс дигар дар рӯйхати кормандон нест.
staff-cancelled = Бекор карда шуд.

# /backup
backup-caption =
    💾 Нусхаи эҳтиётии пойгоҳи додаҳо, { $date } ({ $size }).
    Барқарорсозӣ: ботро боздоред, ин файлро ба ҷои файли DATABASE_PATH гузоред (файлҳои кӯҳнаи -wal ва -shm-ро дар паҳлӯяш нест кунед), ботро оғоз кунед.
backup-too-big = ⚠️ Нусха { $size } ҳаҷм дорад — барои Telegram хеле калон аст. Дар сервер «python -m bot backup PATH»-ро иҷро кунед.
backup-failed = ⚠️ Нусха сохта нашуд: { $error }

# /stats
stats-title = 📊 <b>Омор</b> — { $date }
stats-users = 👥 <b>Корбарон</b>: { $total } (ботро масдуд кардаанд: { $blocked })
stats-languages = 🇹🇯 Тоҷикӣ: { $tg } · 🇷🇺 Русский: { $ru } · 🇬🇧 English: { $en } · забон интихоб нашудааст: { $none }
stats-new = 🆕 Навҳо: { $week } дар 7 рӯз, { $month } дар 30 рӯз
stats-active = 🟢 Фаъолон: { $week } дар 7 рӯз, { $month } дар 30 рӯз
stats-subscribers = 🔔 <b>Обуначиён</b>
stats-subscriber = • { $topic }: { $count }
stats-inquiries = ✉️ <b>Муроҷиатҳо</b>: гирифта шуд { $received }, ҷавоб дода шуд { $answered }, кушода { $open }
stats-median = ⏱ Медианаи вақт то ҷавоби аввал: { $time }
stats-median-none = ⏱ Медианаи вақт то ҷавоби аввал: ҳоло ҷавоб набуд
stats-minutes = { $minutes } дақ
stats-hours = { $hours } соат { $minutes } дақ
stats-days = { $days } рӯз { $hours } соат
stats-top = 🔎 <b>Ҷустуҷӯҳои маъмултарин</b> (30 рӯз)
stats-missing = 🚫 <b>Ҷустуҷӯҳои бенатиҷа</b> (30 рӯз)
stats-query = • { $query } — { $count }
stats-none = • нест
stats-chart-caption = 📈 30 рӯзи охир: 🟦 корбарони нав, 🟧 муроҷиатҳо дар як рӯз.
# The chart itself (bot/charts.py): plain text, no HTML.
stats-chart-title = Корбарони нав ва муроҷиатҳо дар як рӯз, { $days } рӯзи охир
stats-chart-x = Сана
stats-chart-y = Шумора дар як рӯз
stats-chart-new-users = Корбарони нав
stats-chart-inquiries = Муроҷиатҳо

# /edit
ed-title =
    ✏️ <b>Муҳаррири пойгоҳи дониш</b>
    Чӣ илова кардан, тағйир додан ё нест кардан мехоҳед? /cancel — баромадан аз муҳаррир.
ed-section-news = 📰 Хабарҳо ва чорабиниҳо
ed-section-opening = 📣 Озмунҳо ва барномаҳои мубодила
ed-section-partner = 🏛 Муассисаҳои шарик
ed-btn-close = ✖️ Пӯшидани муҳаррир
ed-btn-back = ⬅️ Бозгашт
ed-btn-add = ➕ Илова кардан
ed-list-title = { $section }: { $count } сабт. Сабтро барои тағйир ё нест кардан интихоб кунед ё сабти нав илова кунед.
ed-record-title = ✏️ <b>{ $title }</b> (id <code>{ $id }</code>)
ed-record-new = ✏️ <b>Сабти нав</b> — { $section }
ed-unsaved = ⚠️ Тағйироти захиранашуда ҳаст: «Пешнамоиш ва захира»-ро пахш кунед.
ed-field-line = <b>{ $field }</b>: { $value }
ed-empty = —
ed-missing = ⚠️ тарҷума нест: { $langs }
ed-btn-field = ✏️ { $field }
ed-btn-preview = 👁 Пешнамоиш ва захира
ed-btn-remove = 🗑 Нест кардан
ed-field-title = Сарлавҳа
ed-field-text = Матн
ed-field-date = Сана
ed-field-date_end = Санаи анҷом
ed-field-deadline = Мӯҳлати пешниҳод
ed-field-description = Тавсиф
ed-field-eligibility = Кӣ метавонад ариза диҳад
ed-field-how_to_apply = Тарзи пешниҳоди ариза
ed-field-host = Муассисаи қабулкунанда
ed-field-kind = Намуд
ed-field-link = Пайванд
ed-field-name = Ном
ed-field-country = Кишвар
ed-field-short_name = Номи кӯтоҳ
ed-field-city = Шаҳр
ed-field-cooperation = Ҳамкорӣ
ed-ask-text =
    ✏️ <b>{ $field }</b> — { $language } ({ $step }/3)
    Матнро бо ҳамин забон фиристед.
ed-current = Ҳозир: { $value }
ed-skip-hint = «Гузаштан» ин забонро холӣ мегузорад: донишҷӯён матнро бо забони дигар мебинанд ва муҳаррир онро ҳамчун тарҷуманашуда қайд мекунад.
ed-btn-skip = ⏭ Гузаштан (холӣ гузоштан)
ed-btn-keep = ↩️ Бе тағйир гузоштан
ed-btn-cancel = ✖️ Бекор кардан
ed-ask-date =
    🗓 <b>{ $field }</b>
    Санаро нависед, масалан 2027-03-05, 05.03.2027, 05/03/2027 ё 5 марти 2027.
ed-bad-date = ⚠️ «{ $text }» ба сана монанд нест. Онро чунин нависед: 2027-03-05, 05.03.2027, 05/03/2027, 5 марти 2027 ё 5 March 2027.
ed-btn-clear = 🧹 Тоза кардан
ed-ask-institution =
    🏛 <b>{ $field }</b>
    Id-и муассисаи шарикро фиристед (он дар экрани муҳаррири ҳамон муассиса нишон дода шудааст), масалан { $example }.
ed-ask-country =
    🌍 <b>{ $field }</b>
    Рамзи дуҳарфаи кишварро фиристед: { $codes }.
ed-bad-ref = ⚠️ «{ $text }» ёфт нашуд. Боз кӯшиш кунед.
ed-ask-choice = <b>{ $field }</b>: яке аз инҳоро интихоб кунед.
ed-ask-url =
    🔗 <b>{ $field }</b>
    Пайвандеро фиристед, ки бо https:// оғоз мешавад
ed-bad-url = ⚠️ Пайванд бояд бо http:// ё https:// оғоз шавад ва фосила надошта бошад.
ed-need-text = ⚠️ Лутфан матн фиристед.
ed-too-long = ⚠️ Хеле дароз: { $length } аломат, на зиёда аз { $max }. Лутфан кӯтоҳ кунед.
ed-required = ⚠️ Майдони «{ $field }» ҳатмист: онро ақаллан бо як забон пур кунед.
ed-preview-head = 👁 <b>Пешнамоиш</b> ({ $language }) — корт айнан ҳамон тавре, ки донишҷӯён мебинанд:
ed-preview-missing = ⚠️ Тарҷума нашудааст (донишҷӯён матнро бо забони дигар мебинанд): { $fields }
ed-confirm-add = Ин сабт илова шавад?
ed-confirm-change = Тағйирот захира шавад?
ed-btn-confirm = ✅ Тасдиқ
ed-btn-edit-more = ✏️ Боз тағйир додан
ed-invalid =
    ⚠️ Ҳоло захира кардан мумкин нест:
    { $problems }
ed-saved-add = ✅ Илова шуд: { $title }. Донишҷӯён онро аллакай мебинанд.
ed-saved-change = ✅ Захира шуд: { $title }. Донишҷӯён тағйиротро аллакай мебинанд.
ed-removed = 🗑 Нест карда шуд: { $title }.
ed-remove-confirm = 🗑 <b>{ $title }</b> нест карда шавад? Донишҷӯён дигар онро намебинанд.
ed-btn-remove-yes = 🗑 Ҳа, нест кунед
ed-conflict = ⚠️ Ҳангоми таҳрири шумо каси дигар ин сабтро тағйир дод. Ҳеҷ чиз захира нашуд: онро аз нав кушоед.
ed-expired = Ин экрани муҳаррир кӯҳна шудааст. Барои аз нав оғоз кардан /edit фиристед.
ed-not-found = Ин сабт дигар вуҷуд надорад.
ed-cancelled = Муҳаррир пӯшида шуд. Тағйироти захиранашуда партофта шуданд.

# Ёдраскунии мӯҳлатҳо (ба обуначиёни «Мӯҳлатҳо») ва бойгонии озмунҳои баста
dl-reminder =
    ⏰ <b>Ёдраскунии мӯҳлат</b>
    { $title }
    Мӯҳлати пешниҳод: { $date } ({ $left }).
dl-reminder-link = Муфассал: { $link }
dl-archive-button = 🗄 Бойгонии озмунҳои баста
dl-archive-title = 🗄 <b>Озмунҳои баста</b> ({ $count })
dl-archive-empty = Ҳоло ягон озмун баста нашудааст.
