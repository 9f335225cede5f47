"""A follow-up that only swaps one thing of the last question: "and 2017?", «а из Беларуси?».

Students ask in turns: after "what happened in 2018?" they type "and 2017?", after
«партнёры в Казахстане» they type «а в Узбекистане?». Alone such a message says little;
with the last question it is that question about another year or country. Only a message
made of an "and" word, one year or one country and stop words is read so, and only when
the last question named a year or a country to swap: anything else is a question of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.search.index import Lexicon, is_stop
from bot.search.normalize import words

FOLLOW_UP_TTL = 10 * 60  # seconds a follow-up may come after its question
AND = frozenset("and what about how а и ну ва боз дар бораи".split())
YEAR_WORDS = frozenset("year году год соли сол".split())
YEAR = re.compile(r"^(19|20)\d\d$")


class FollowUps:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def rewrite(self, previous: str, text: str, is_country: Callable[[tuple[str, ...]], bool]) -> str | None:
        """``previous`` with its year or country (a partner's, or one the page has none in)
        replaced by the one ``text`` names, or None."""
        typed = words(text)
        if not typed or len(typed) > 5 or typed[0].lower() not in AND:
            return None
        years = [w for w in typed if YEAR.match(w)]
        countries = [w for w in typed if is_country(tuple(self.lexicon.morph.forms(w)))]
        swap = years or countries
        if len(swap) != 1 or any(w not in swap and w.lower() not in AND | YEAR_WORDS and not is_stop(w) for w in typed):
            return None
        new = swap[0]
        old = [w for w in words(previous)
               if (YEAR.match(w) if years else is_country(tuple(self.lexicon.morph.forms(w))))]
        if len(old) != 1:
            return None
        return re.sub(rf"(?<!\w){re.escape(old[0])}(?!\w)", new, previous, count=1)
