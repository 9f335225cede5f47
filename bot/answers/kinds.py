"""Partners of a kind: "oil and gas universities", «горные вузы», «донишгоҳҳои техникии
Россия», "partners in Siberia".

A kind is a concept a partner's name carries in some language ("Petroleum", «нефти и газа»,
«нафт»), so a partner is of a kind when any form of the kind's words is among its names'
forms, whichever language the student writes in. Words of one kind widen the list ("mining
universities or mining institutes"); words of two kinds narrow it (technical and Russian is
a country and a kind; "technical mining" both kinds), unless nothing has both.
"""

from __future__ import annotations

from bot.answers import vocab
from bot.answers.entities import Entities
from bot.answers.intents import _forms
from bot.answers.model import Answer
from bot.kb.store import KbSnapshot
from bot.search.morph import Morphology


class KindLists:
    def __init__(self, morph: Morphology) -> None:
        self.kinds = {name: _forms(morph, text) for name, text in vocab.PARTNER_KINDS.items()}
        self.beside = _forms(morph, vocab.KIND_BESIDE)

    def named(self, rest: list[tuple[str, ...]]) -> list[str] | None:
        """The kind each specific word of the question names, or None if a word names none."""
        out: list[str] = []
        for word in (w for w in rest if self.beside.isdisjoint(w)):
            kind = next((k for k, forms in self.kinds.items() if not forms.isdisjoint(word)), None)
            if kind is None:
                return None
            out.append(kind)
        return out or None

    def answer(self, query: str, rest: list[tuple[str, ...]], countries: tuple[str, ...],
               snap: KbSnapshot, entities: Entities) -> Answer | None:
        kinds = self.named(rest)
        if kinds is None:
            return None
        pool = [i for i, inst in snap.institutions.items() if not countries or inst.country in countries]
        of_kind = [{i for i in pool if self._is(k, i, snap, entities)} for k in dict.fromkeys(kinds)]
        ids = set.intersection(*of_kind) or set.union(*of_kind)
        if not ids:
            return None  # none of that kind here: the search (or the honest answer) says so
        order = tuple(sorted(ids, key=lambda i: (snap.institutions[i].country, snap.institutions[i].order)))
        if len(order) == 1:
            return Answer("card", query, payloads=(f"partner-{order[0]}",))
        return Answer("list", query, countries=countries if len(countries) == 1 else (), institutions=order)

    def _is(self, kind: str, inst: str, snap: KbSnapshot, entities: Entities) -> bool:
        if kind == "organisation":
            return snap.institutions[inst].kind.value == "organisation"
        return not self.kinds[kind].isdisjoint(entities.name_forms.get(inst, frozenset()))
