"""Names the page may not know: a university it never names ("Tomsk Polytechnic", «МГУ
имени Ломоносова») gets the honest answer; a partner's name misspelt past the search's typo
limit («Авезов», «Гупкина») gets that partner's card.
"""

from __future__ import annotations

from bot.answers import vocab
from bot.answers.entities import Entities
from bot.answers.intents import _forms
from bot.answers.model import Answer
from bot.search import SearchResult
from bot.search.index import Lexicon
from bot.search.normalize import words


class Strangers:
    def __init__(self, lexicon: Lexicon, general: frozenset[str]) -> None:
        self.lexicon = lexicon
        self.general = general
        self.asks = _forms(lexicon.morph, vocab.PARTNER_WORDS + " " + vocab.PARTNERSHIP)

    def answer(self, query: str, text: str, present: set[str], result: SearchResult, entities: Entities) -> Answer | None:
        """For a partnership asked about with a name the index knows in no form."""
        if self.asks.isdisjoint(present):
            return None
        name = self.unknown_name(result, text)
        if not name:
            return None
        near = {i for w in name.split() for f in self.lexicon.morph.forms(w) for i in entities.near_name(f)}
        if len(near) == 1:  # a partner's name misspelt more than the search forgives («Авезов»)
            return Answer("card", query, payloads=(f"partner-{near.pop()}",))
        if near:
            return None
        # «МГУ имени Ломоносова»; "Tomsk Polytechnic" though "Polytechnic" is Porto's too.
        return Answer("unknown", query, topic="partner-other", word=name)

    def unknown_name(self, result: SearchResult, text: str) -> str:
        """The typed words the index knows in no form, not even one slip off, written as a
        name (capitalised inside the sentence, or in capitals) and no general words."""
        unknown = set(result.unknown)
        typed = [w for n, w in enumerate(words(text)) if len(w) >= 3 and (w.isupper() or (n and w[:1].isupper()))
                 and not self.general.intersection(self.lexicon.morph.forms(w))
                 and unknown.intersection(self.lexicon.morph.forms(w))]
        return " ".join(typed)

    def near_partner(self, text: str, entities: Entities) -> str:
        """The one partner a capitalised word names a slip off its name («Гупкина»), if any."""
        near = {i for w in words(text) if len(w) >= 4 and w[:1].isupper()
                if entities.country_of(self.lexicon.morph.forms(w)) is None
                for f in self.lexicon.morph.forms(w) if f not in entities.known and f not in self.general
                for i in entities.near_name(f)}
        return next(iter(near)) if len(near) == 1 else ""
