# Ҷавоб ба саволҳои навишташуда (issue 14): суҳбат, «дар саҳифа нест», аввал далелҳо.

answer-hello = 👋 Ассалому алайкум! Ман ёрдамчии Шӯъбаи робитаҳои байналмилалии Донишкадаи кӯҳию металлургии Тоҷикистон ҳастам. Дар бораи донишгоҳҳои ҳамкор, мубодила, лоиҳаҳо, хабарҳо ё тамос бо шӯъба пурсед ё аз бахшҳои зер интихоб кунед.
answer-thanks = 🙂 Марҳамат! Агар боз савол дошта бошед, онро нависед ё аз бахшҳои зер интихоб кунед.
answer-bye = 👋 Хайр, барори кор! Ҳар вақт савол пайдо шавад, баргардед.
answer-how-are-you = 🙂 Ташаккур, хубам! Чӣ кӯмак карда метавонам? Дар бораи донишгоҳҳои ҳамкор, мубодила, лоиҳаҳо ё тамос бо шӯъба пурсед.
answer-who-are-you = 🤖 Ман бот, ёрдамчии Шӯъбаи робитаҳои байналмилалӣ ҳастам: аз рӯи маълумоти саҳифаи шӯъба ҷавоб медиҳам. Барои аз одам пурсидан «✉️ Савол ба шӯъба»-ро пахш кунед — мутахассиси шӯъба дар ҳамин ҷо ҷавоб медиҳад.
answer-yes-ask = ✉️ «Савол ба шӯъба»-ро дар зер пахш кунед: саволи шумо «{ $question }» аллакай навишта шудааст ва ҷавоби мутахассис ба ҳамин ҷо меояд.
answer-yes = 🙂 Хуб. Саволатонро нависед ё бахшеро дар зер интихоб кунед.
answer-no = 🙂 Хуб. Агар саволи дигар дошта бошед, онро нависед ё бахшеро дар зер интихоб кунед.
answer-unclear = 🙂 Дар ин паём савол наёфтам. Саволро бо калимаҳо нависед ё бахшеро дар поён интихоб кунед.

answer-unknown = 🤷 Дар саҳифаи шӯъба ин маълумот нест: { $what }.
answer-offer = Ман саволи шуморо ба мутахассис расонда метавонам: «✉️ Савол ба шӯъба»-ро пахш кунед — саволатон аллакай навишта мешавад ва ҷавоб ба ҳамин ҷо меояд.
answer-what-query = ҷавоби «{ $query }»
answer-what-fee = арзиши таҳсил, раводид ё сафар ва кӣ пардохт мекунад
answer-what-scholarship = стипендия ва грант
answer-what-email = суроғаи почтаи электронӣ
answer-what-website = сомона ё саҳифа дар шабакаҳои иҷтимоӣ
answer-what-hours = соатҳои кории шӯъба
answer-what-room = рақами ҳуҷра ё ошёнаи шӯъба
answer-what-dorm = хобгоҳ ё ҷои истиқомат
answer-what-documents = кадом ҳуҷҷатҳо ё талабот лозиманд
answer-what-exam = имтиҳонҳо ва санҷиши забон
answer-what-faculty = факултетҳо ё ихтисосҳои донишкада
answer-what-birthday = санаи таваллуд ё синну соли касе
answer-what-route = чӣ тавр ба он ҷо рафтан (нақлиёт, чипта, роҳ)
answer-what-deadline = мӯҳлатҳои пешниҳоди ариза
answer-what-salary = маош
answer-what-transfer = тартиби гузаштан ба донишгоҳи дигар
answer-what-future = санаҳои қабул, чорабинӣ ё курси навбатӣ
answer-what-grades = баҳоҳои донишҷӯён
answer-what-family = оё оиларо ба мубодила бо худ бурдан мумкин аст
answer-what-recognition = оё дипломҳои донишкада дар хориҷа эътироф мешаванд
answer-what-distance = таҳсили фосилавӣ ё онлайн
answer-what-credits = оё кредитҳо ва баҳоҳои давраи мубодила дар донишкада ба ҳисоб гирифта мешаванд
answer-what-calendar = тақвими таълимӣ (имтиҳонот, таътилҳо)
answer-what-job = кор ва ҷойҳои холии корӣ
answer-what-company = таҷрибаомӯзӣ ё кор дар корхонаҳо ва ширкатҳо
answer-what-budget = буҷаи лоиҳаҳо ва кӣ онҳоро маблағгузорӣ мекунад
answer-what-campus = ошхона, китобхона, Wi-Fi ва дигар хизматрасониҳои донишкада
answer-what-insurance = суғурта
answer-what-places = барномаи мубодила чанд ҷой дорад
answer-what-founded = шӯъба ё донишкада кай таъсис ёфтааст
answer-what-processing = омода шудани раводид чӣ қадар вақт мегирад
answer-what-former = пештар дар шӯъба кӣ чӣ вазифаро ишғол мекард
answer-what-tenure = аз кай кормандони шӯъба дар вазифаи худ ҳастанд
answer-what-language = забони таҳсил
answer-what-double-degree = барномаҳои дипломи дугона
answer-what-enrolment = шумораи донишҷӯёни донишкада, аз ҷумла донишҷӯёни хориҷӣ
answer-what-country = ҳамкори донишкада дар «{ $name }»
answer-what-partner-other = ҳамкорӣ бо «{ $name }» — он дар қатори шарикони номбаршуда нест
answer-what-year = воқеаҳои соли { $year }
answer-what-signed = санаи имзои созишнома бо «{ $name }»
answer-what-phone-other = телефони касе ғайр аз шӯъба
answer-phone-only = ☎️ Ягона телефоне, ки дар саҳифа ҳаст, телефони шӯъба аст: { $phone }.

answer-phone = ☎️ Телефони Шӯъбаи робитаҳои байналмилалӣ: <b>{ $phone }</b> (дар саҳифа он дар назди номи сардори шӯъба оварда шудааст: { $name }).
answer-address = 📍 Суроға: <b>{ $address }</b>
answer-person =
    👤 { $role }: <b>{ $name }</b>
    ☎️ Телефони шӯъба: { $phone }

answer-staff-line = 👤 { $role }: <b>{ $name }</b>
answer-staff-phone = ☎️ Телефони шӯъба: { $phone }

answer-list-country = { $flag } <b>Ҳамкорон дар { $name } ({ $count })</b>:
answer-list-several = 🌍 <b>Ҳамкорон ({ $count })</b>:
answer-list-none = Дар саҳифаи шӯъба дар ин ҷо ҳамкор ном бурда нашудааст.
answer-country-card = 🌍 Саҳифаи кишвар
answer-country-line = { $name }: { $count } ҳамкор
answer-people-count = { $count } нафар
answer-list-mobility = ✈️ <b>{ $kind } ({ $count })</b>:
answer-list-mobility-host = ✈️ <b>Кӣ ба куҷо рафт: { $name } ({ $count })</b>:
answer-mentioned = { $name } дар хабарҳои зерини саҳифа зикр шудааст:
answer-erasmus-others = Мубодилаҳо ва ташрифҳои дигар берун аз доираи Erasmus+ ({ $count }):
answer-list-mobility-year = ✈️ <b>Мубодилаҳо ва ташрифҳо дар соли { $year } ({ $count })</b>:
answer-list-mobility-people = ✈️ <b>Кӣ ба куҷо рафт ({ $count })</b>:
answer-list-year = 🗓 <b>Хабарҳои соли { $year } дар саҳифаи шӯъба ({ $count })</b>:
answer-compare-first = 🗓 Аввалтар: <b>{ $first }</b>.
answer-compare-both = 🗓 Ҳарду, бо санаҳояшон:
answer-choices = 🔎 Ба саволи «{ $query }» ин ҷавобҳо ба як андоза мувофиқанд:
answer-office-items = 📋 <b>Аз вазифаҳо ва самтҳои кори шӯъба:</b>
