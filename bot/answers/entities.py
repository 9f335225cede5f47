"""Countries and partner groups named in a question, looked up by word forms.

Built once per knowledge-base snapshot (and cached in the snapshot's own cache, so it dies
with it). Lookups are dictionary hits on exact forms: a country is named only by a form of
its name or synonyms, never by a fuzzy neighbour.
"""

from __future__ import annotations

from bot.kb.store import KbSnapshot
from bot.search.index import Lexicon

# Words of official names that name no country by themselves.
GENERIC = """republic federation kingdom people's peoples the of state республика республики
    федерация федерации королевство народная ҷумҳурии ҷумҳурияти федератсияи мардумии халқии"""


class Entities:
    def __init__(self, snap: KbSnapshot, lexicon: Lexicon) -> None:
        generic = set(lexicon.terms(GENERIC)) | set(lexicon.soft_terms)
        self.country_terms: dict[str, str] = {}
        for country in snap.countries.values():
            if not snap.by_country.get(country.code):
                continue
            names = [*country.name.all(), *country.synonyms.all()]
            for name in names:
                for forms in lexicon.word_forms(name):
                    for form in forms:
                        if form not in generic and len(form) >= 2:
                            self.country_terms.setdefault(form, country.code)
        # Institutions by the specific words of their names (not "university", "state" ...):
        # "Siberian" → the three Siberian partners, "Kazan" → both Kazan universities.
        by_word: dict[str, set[str]] = {}
        for inst in snap.institutions.values():
            texts = [*inst.name.all(), *(inst.short_name.all() if inst.short_name else []), *inst.synonyms.all()]
            if inst.city is not None:
                texts += inst.city.all()
            for text in texts:
                for forms in lexicon.word_forms(text):
                    for form in forms:
                        by_word.setdefault(form, set()).add(inst.id)
        limit = max(4, len(snap.institutions) // 8)
        self.inst_terms = {
            w: frozenset(ids) for w, ids in by_word.items()
            if w not in generic and len(w) >= 4 and len(ids) <= limit and w not in self.country_terms
        }

    def countries(self, forms: list[tuple[str, ...]]) -> list[str]:
        """Countries named by the question's words, in the order named."""
        out: list[str] = []
        for word in forms:
            for form in word:
                code = self.country_terms.get(form)
                if code is not None:
                    if code not in out:
                        out.append(code)
                    break
        return out

    def institutions(self, forms: list[tuple[str, ...]]) -> list[frozenset[str]]:
        """For each question word that names institutions, the institutions it names."""
        out = []
        for word in forms:
            for form in word:
                ids = self.inst_terms.get(form)
                if ids:
                    out.append(ids)
                    break
        return out
