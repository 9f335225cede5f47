# Free-text search and inline mode (issue 4).

search-several = 🔎 I found several answers to “{ $query }”. Choose one:
search-see-also = 🔎 Not what you meant? See also:
search-nothing =
    🤷 I could not find an answer to “{ $query }”.
    Try other words (for example “Kazan”, “Erasmus”, “contacts”), choose a section below, or press “Ask the office”: your question will be passed to a specialist.
search-nothing-empty =
    🤷 I could not find any words to search for in this message.
    Type a question or a name (for example “Kazan”, “Erasmus”, “contacts”), choose a section below, or press “Ask the office”.
search-card = 🔎 <b>{ $title }</b>
search-faq-text =
    ❓ <b>{ $question }</b>

    { $answer }
search-faq-more = ➡️ More on this
search-inline-open = 🤖 Open in the bot
search-inline-button = Open the International Relations Office bot
search-inline-partner =
    🏛 <b>{ $name }</b>
    { $place }

    A partner of the Mining-metallurgical Institute of Tajikistan.
search-inline-news =
    📰 <b>{ $title }</b>
    { $date }

    { $text }
search-inline-country = Partners in this country
