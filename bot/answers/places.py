"""Where the office is: a question is the address when it asks where the office (or the
Institute) is, in which city, where to send a letter, or when its last sentence asks only
that ("We arrive next week. Where exactly do we find the office?")."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.answers import vocab
from bot.answers.entities import Entities
from bot.answers.intents import Cues, Question, _forms
from bot.answers.reading import Reader
from bot.search.index import Lexicon
from bot.search.normalize import words

SENTENCES = re.compile(r"(?<=[.?!])\s+")
Word = tuple[str, ...]


class Places:
    def __init__(self, lexicon: Lexicon, cues: Cues, reader: Reader) -> None:
        morph = lexicon.morph
        self.lexicon = lexicon
        self.cues = cues
        self.reader = reader
        self.postcode = _forms(morph, vocab.POSTAL)
        self.send, self.letter = _forms(morph, vocab.SEND), _forms(morph, vocab.LETTER)
        self.office_or_find = cues.office | _forms(morph, vocab.FIND)
        self.city = _forms(morph, vocab.CITY)
        self.come = _forms(morph, vocab.COME) | _forms(morph, vocab.WANT)
        self.office_city = (self.city | cues.office | _forms(morph, vocab.SECTION_BESIDE)
                            | _forms(morph, vocab.OFFICE_NAME))

    def postal(self, present: set[str]) -> bool:
        """A postcode asked, or a letter to be sent ("I'd like to send a letter by post"; not
        "an invitation letter", not e-mail)."""
        return not present.isdisjoint(self.postcode) or (not present.isdisjoint(self.send)
                                                        and not present.isdisjoint(self.letter))

    def last_asks_where(self, text: str, general: Callable[[Word], bool]) -> bool:
        """The last of several sentences asks where the office is and nothing else: what
        comes before it (a visit next week, papers to bring) says why, and asks nothing."""
        sentences = [c for c in SENTENCES.split(text.strip()) if words(c)]
        if len(sentences) < 2 or any(c.rstrip().endswith("?") for c in sentences[:-1]):
            return False  # (two questions asked: not only where)
        q = self.cues.read(sentences[-1])
        forms = self.lexicon.word_forms(self.reader.plain(sentences[-1]))
        return q.where and q.office and not q.missing and all(
            general(w) or not self.office_or_find.isdisjoint(w) for w in forms)

    def asks_where(self, q: Question, query: str, forms: list[Word], rest: list[Word], present: set[str],
                   countries: list[str], entities: Entities) -> bool:
        if countries:
            return False
        if q.where and all(not self.office_or_find.isdisjoint(w) for w in rest):
            return True  # where the office (or the Institute) is
        if (q.office and any(not self.city.isdisjoint(w) for w in rest)
                and all(not self.office_city.isdisjoint(w) for w in rest)):
            return True  # «Отдел находится в Худжанде?»
        # "In which city is the Institute, I want to come in person."
        return (q.where and not entities.institutions(forms)
                and any(not self.city.isdisjoint(self.lexicon.morph.forms(w)) for w in words(query))
                and not self.reader.own_name.isdisjoint(present) and all(not self.come.isdisjoint(w) for w in rest))
