"""Mobility asked for as a whole: "which universities did MMIT students go to for a
semester in Russia", «кто ездил на летний курс». Each record of that kind (in the country
named, if one is) is an answer; the text names them all, host, year and people, instead of
one card chosen among equals. "Who studied in Ufa on exchange" names a partner: its own
records answer, whatever their kind.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.answers import vocab
from bot.answers.entities import Entities
from bot.answers.intents import _forms
from bot.answers.model import Answer
from bot.kb.models import Mobility
from bot.kb.store import KbSnapshot
from bot.search.morph import Morphology
from bot.search.normalize import key, words


class MobilityLists:
    def __init__(self, morph: Morphology) -> None:
        self.kinds = {kind: _forms(morph, text) for kind, text in vocab.MOBILITY_KINDS.items()}
        self.ask = _forms(morph, vocab.MOBILITY_ASK)
        self.names_typed = frozenset(key(w) for w in words(vocab.MOBILITY_NAMES))
        self.name_forms = _forms(morph, vocab.MOBILITY_NAMES)
        self.morph = morph
        self.allowed = frozenset().union(*self.kinds.values()) | self.ask | _forms(morph, vocab.MOBILITY_CONTEXT)
        self.came = _forms(morph, vocab.CAME)
        self.went = _forms(morph, vocab.MOBILITY_WENT) | self.came
        self.allowed |= self.went
        self.year_words = _forms(morph, vocab.SINCE_WHEN + " сол year")

    def answer(self, query: str, text: str, rest: list[tuple[str, ...]], countries: tuple[str, ...],
               named: bool, snap: KbSnapshot) -> Answer | None:
        """``rest``: the question's specific words (no general words, no countries);
        ``named``: it names an institution (then its own card answers); ``text`` as typed:
        "which", «кто» are stop words, gone from ``rest``."""
        present = {f for word in rest for f in word}
        if any(self.allowed.isdisjoint(word) for word in rest):
            return None
        kind = next((k for k, group in self.kinds.items() if not group.isdisjoint(present)), None)
        if kind is None or named or all(self.ask.isdisjoint(self.morph.forms(w)) for w in words(text)):
            return None
        records = [
            r for r in snap.mobility.values()
            if r.kind.value == kind and (not countries or (r.host in snap.institutions
                                                           and snap.institutions[r.host].country in countries))
        ]
        if len(records) < 2:
            return None
        records.sort(key=lambda r: (-(r.year or 0), r.id))
        return Answer("mobility", query, topic=kind, payloads=tuple(f"mobility-{r.id}" for r in records))

    def at_host(self, query: str, text: str, rest: list[tuple[str, ...]], hosts: frozenset[str],
                entities: Entities, snap: KbSnapshot) -> Answer | None:
        """Who went to (or came from) the partners ``hosts``, asked with nothing but the
        partner's name and words of mobility: every record of theirs, people named."""
        names = frozenset().union(*(entities.name_forms.get(h, frozenset()) for h in hosts))
        records = self._asked(text, rest, names, snap, lambda host: host in hosts)
        if not records or len({r.host for r in records}) > 1:
            return None
        return Answer("mobility", query, payloads=tuple(f"mobility-{r.id}" for r in records),
                      institutions=(records[0].host,))

    def in_country(self, query: str, text: str, rest: list[tuple[str, ...]], code: str,
                   snap: KbSnapshot) -> Answer | None:
        """'Did MMIT students ever go to Norway, who went there': the records hosted there."""
        def there(host: str) -> bool:
            return host in snap.institutions and snap.institutions[host].country == code

        present = {f for word in rest for f in word}
        if not self.going(text) or any(not group.isdisjoint(present) for group in self.kinds.values()):
            return None  # no verb of going, or a kind named: that kind's list answers

        records = self._asked(text, rest, frozenset(), snap, there)
        if not records:
            return None
        return Answer("mobility", query, payloads=tuple(f"mobility-{r.id}" for r in records), countries=(code,))

    def in_year(self, query: str, text: str, rest: list[tuple[str, ...]], snap: KbSnapshot) -> Answer | None:
        """'Who went in 2019', «кто ездил в 2019»: that year's records, wherever they went."""
        if not self.going(text) or not any(len(w) == 4 and w.isascii() and w.isdigit() for w in words(text)):
            return None
        rest = [word for word in rest if self.year_words.isdisjoint(word)]  # «дар соли 2019», "in the year"
        records = self._asked(text, rest, frozenset(), snap, lambda host: True)
        if len(records) < 2:
            return None
        return Answer("mobility", query, topic="year", word=str(records[0].year), payloads=tuple(f"mobility-{r.id}" for r in records))

    def going(self, text: str) -> bool:
        """A verb of going or coming: «кто ездил», 'who came from'."""
        return any(not self.went.isdisjoint(self.morph.forms(w)) for w in words(text))

    def _asked(self, text: str, rest: list[tuple[str, ...]], names: frozenset[str], snap: KbSnapshot,
               where: Callable[[str], bool]) -> list[Mobility]:
        """The records a who-went question asks for, newest first; a year named narrows them,
        and who came (a visit) or who went (the rest) is told by the verb."""
        years = {int(w) for w in words(text) if len(w) == 4 and w.isascii() and w.isdigit()}
        plural = not self.names_typed.isdisjoint(key(w) for w in words(text))
        if any(self.allowed.isdisjoint(w) and names.isdisjoint(w) and not (set(w) & {str(y) for y in years})
               and not (plural and not self.name_forms.isdisjoint(w)) for w in rest):
            return []
        typed = [frozenset(self.morph.forms(w)) for w in words(text)]
        if all(self.ask.isdisjoint(f) for f in typed) and not plural:
            return []
        records = [r for r in snap.mobility.values() if where(r.host) and r.participants
                   and (not years or r.year in years)]
        came = any(not self.came.isdisjoint(f) for f in typed)
        directed = [r for r in records if (r.kind.value == "visit") == came]
        return sorted(directed or records, key=lambda r: (-(r.year or 0), r.id))
