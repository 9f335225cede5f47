# Свободный поиск и инлайн-режим (issue 4).

search-several = 🔎 Нашлось несколько ответов на «{ $query }». Выберите:
search-see-also = 🔎 Не то? Смотрите также:
search-nothing =
    🤷 Не удалось найти ответ на «{ $query }».
    Попробуйте другие слова (например, «Казань», «Erasmus», «контакты»), выберите раздел ниже или нажмите «Спросить отдел»: вопрос передадут специалисту.
search-nothing-empty =
    🤷 В этом сообщении не нашлось слов для поиска.
    Напишите вопрос или название (например, «Казань», «Erasmus», «контакты»), выберите раздел ниже или нажмите «Спросить отдел».
search-card = 🔎 <b>{ $title }</b>
search-faq-text =
    ❓ <b>{ $question }</b>

    { $answer }
search-faq-more = ➡️ Подробнее
search-inline-open = 🤖 Открыть в боте
search-inline-button = Открыть бота Отдела международных связей
search-inline-partner =
    🏛 <b>{ $name }</b>
    { $place }

    Партнёр Горно-металлургического института Таджикистана.
search-inline-news =
    📰 <b>{ $title }</b>
    { $date }

    { $text }
search-inline-country = Партнёры в этой стране
