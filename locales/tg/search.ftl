# Ҷустуҷӯи озод ва реҷаи inline (issue 4).

search-several = 🔎 Ба «{ $query }» якчанд ҷавоб ёфт шуд. Интихоб кунед:
search-see-also = 🔎 Ин не? Инчунин нигаред:
search-nothing =
    🤷 Ба «{ $query }» ҷавоб ёфт нашуд.
    Калимаҳои дигарро санҷед (масалан, «Қазон», «Erasmus», «тамос»), қисмеро дар поён интихоб кунед ё тугмаи «Савол ба шӯъба»-ро пахш кунед: саволи шумо ба мутахассис фиристода мешавад.
search-nothing-empty =
    🤷 Дар ин паём калимае барои ҷустуҷӯ ёфт нашуд.
    Савол ё номеро нависед (масалан, «Қазон», «Erasmus», «тамос»), қисмеро дар поён интихоб кунед ё тугмаи «Савол ба шӯъба»-ро пахш кунед.
search-card = 🔎 <b>{ $title }</b>
search-faq-text =
    ❓ <b>{ $question }</b>

    { $answer }
search-faq-more = ➡️ Муфассалтар
search-inline-open = 🤖 Дар бот кушодан
search-inline-button = Кушодани боти шӯъбаи робитаҳои байналмилалӣ
search-inline-partner =
    🏛 <b>{ $name }</b>
    { $place }

    Ҳамкори Донишкадаи кӯҳию металлургии Тоҷикистон.
search-inline-news =
    📰 <b>{ $title }</b>
    { $date }

    { $text }
search-inline-country = Ҳамкорон дар ин кишвар
