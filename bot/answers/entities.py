"""Countries and partner groups named in a question, looked up by word forms.

Built once per knowledge-base snapshot (and cached in the snapshot's own cache, so it dies
with it). Lookups are dictionary hits on exact forms: a country is named only by a form of
its name or synonyms, or, for a long word, by a one-letter slip in one of them ("kyrgystan",
«Казакстан»): a country's name is no common word, and a long name one letter off is still
that country. Institutions are matched exactly.
"""

from __future__ import annotations

import re

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bot.kb.store import KbSnapshot
from bot.search.index import Lexicon
from bot.search.normalize import years as years_in

# Words of official names that name no country by themselves.
GENERIC = """republic federation kingdom people's peoples the of state республика республики
    федерация федерации королевство народная ҷумҳурии ҷумҳурияти федератсияи мардумии халқии"""


TYPO_MIN = 6
# A name typed near a partner's (bot/answers/service.py) is compared from this length.
NEAR_MIN = 4
# The card that names the Institute's people and their posts (rector, vice-rectors ...).
PEOPLE_CARD = "institute-people"
POST_MARK = re.compile(r"\s(?:—|:)\s|:\s")
TITLES = frozenset("associate professor senior lecturer".split())


def _years_of(snap: KbSnapshot) -> frozenset[int]:
    """Every year the page tells of: events, mobility records, projects' spans, and the years
    the texts name (the 2018–2019 academic year)."""
    years: set[int] = set()
    for event in snap.events.values():
        years |= set(range(event.date.year, (event.date_end or event.date).year + 1))
    years |= {r.year for r in snap.mobility.values() if r.year}
    for project in snap.projects.values():
        if project.year_start:
            years |= set(range(project.year_start, (project.year_end or project.year_start) + 1))
    for faq in snap.faq.values():
        years |= {y for text in faq.answer.all() for y in years_in(text)}
    return frozenset(years)


def _names_after_posts(text: str) -> list[str]:
    """The words of each name that follows a post ("Rector — docent M. Fozilzoda", "Vice-Rector:
    Nasriddinov Z. Z."): a lower-case title is passed over, initials belong to the name,
    and the name ends at its sentence's end or after its closing initials."""
    names: list[str] = []
    for part in POST_MARK.split(text)[1:]:
        seen_word = closing = False
        for n, token in enumerate(part.split()):
            bare = token.strip(".,;:«»()")
            if not bare or not bare[0].isupper():
                if n == 0 or bare.lower() in TITLES:
                    continue  # «дотсент», "professor"
                break
            if bare.lower() in TITLES:
                continue
            initial = len(bare) <= 2 and token.endswith(".")
            if initial:
                closing = seen_word
                continue
            if closing:
                break
            names.append(bare)
            seen_word = True
            if token.endswith((".", ";", ",")):
                break
    return [n for n in names if len(n) >= 4]
# Russian case endings of surnames and given names («кроме Мухамадиева», «с Рахимзодой»):
# the dictionary does not know the office's names, so their cases are spelled out here.
AFTER_CONSONANT = ("а", "у", "ым", "ом", "е")
AFTER_A = ("ы", "е", "у", "ой", "ою")


def _name_cases(word: str) -> list[str]:
    if not word or not "а" <= word[-1].lower() <= "я":
        return []
    if word[-1].lower() == "а":
        return [word[:-1] + end for end in AFTER_A]
    if word[-1].lower() in "бвгджзклмнпрстфхцчшщ":
        return [word + end for end in AFTER_CONSONANT]
    return []


def _one_slip(a: str, b: str) -> bool:
    """One letter dropped, added or changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


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
        forms_of: dict[str, set[str]] = {}
        for form, code in self.country_terms.items():
            forms_of.setdefault(code, set()).add(form)
        self.country_forms = {code: frozenset(forms) for code, forms in forms_of.items()}
        # Country names one letter off (dropped, added, changed or two swapped), as deletion
        # neighbourhoods: a dictionary hit per form, not a scan of every name.
        typos: dict[str, set[str]] = {}
        for form, code in self.country_terms.items():
            if len(form) >= TYPO_MIN:
                for variant in {form, *_deletions(form)}:
                    typos.setdefault(variant, set()).add(code)
        self.country_typos = {v: next(iter(codes)) for v, codes in typos.items() if len(codes) == 1}
        # Institutions by the specific words of their names (not "university", "state" ...):
        # "Siberian" → the three Siberian partners, "Kazan" → both Kazan universities.
        by_word: dict[str, set[str]] = {}
        short: set[str] = set()
        for inst in snap.institutions.values():
            texts = [*inst.name.all(), *(inst.short_name.all() if inst.short_name else []), *inst.synonyms.all()]
            if inst.city is not None:
                texts += inst.city.all()
            for text in texts:
                for forms in lexicon.word_forms(text):
                    for form in forms:
                        by_word.setdefault(form, set()).add(inst.id)
                # A three-letter proper name ("Ufa", "KFU") names a partner; a three-letter
                # stem of a common word («путь», «они») does not.
                short |= {f for token in text.split() if len(token) == 3 and token[0].isupper()
                          for forms in lexicon.word_forms(token) for f in forms}
        self.known = frozenset(by_word)
        self.known_long = sorted(w for w in by_word if len(w) >= NEAR_MIN and w not in generic)
        self.inst_by_form = {w: frozenset(ids) for w, ids in by_word.items()}
        # Every form of each institution's names: "except <a partner's name>" is matched whole.
        self.name_forms: dict[str, frozenset[str]] = {}
        for form, ids in by_word.items():
            for inst_id in ids:
                self.name_forms[inst_id] = self.name_forms.get(inst_id, frozenset()) | {form}
        # The office's people by the words of their names (surname, given name, patronymic).
        people: dict[str, set[str]] = {}
        for person in snap.contacts.people if snap.contacts is not None else []:
            for text in person.name.all():
                cases = " ".join(c for w in text.split() for c in _name_cases(w))
                for forms in lexicon.word_forms(f"{text} {cases}"):
                    for form in forms:
                        if len(form) >= 5 and form not in generic:
                            people.setdefault(form, set()).add(person.id)
        self.person_terms = {w: next(iter(ids)) for w, ids in people.items() if len(ids) == 1}
        self.page_people = self._page_people(snap, lexicon, generic)
        self.years = _years_of(snap)
        # Who went (or came), by surname: the records each name is on.
        on: dict[str, set[str]] = {}
        for record in snap.mobility.values():
            for person in record.participants:
                for text in person.all():
                    surname = text.split(" — ")[0].split()[0] if text.split() else ""
                    if len(surname) < 5:
                        continue
                    for forms in lexicon.word_forms(" ".join([surname, *_name_cases(surname)])):
                        for form in forms:
                            if form not in generic and len(form) >= 5:
                                on.setdefault(form, set()).add(record.id)
        self.participants = {form: frozenset(ids) for form, ids in on.items()}
        limit = max(4, len(snap.institutions) // 8)
        self.inst_terms = {
            w: frozenset(ids) for w, ids in by_word.items()
            if w not in generic and (len(w) >= 4 or (w in short and len(ids) == 1))
            and len(ids) <= limit and w not in self.country_terms
        }

    @staticmethod
    def _page_people(snap: KbSnapshot, lexicon: Lexicon, generic: set[str]) -> frozenset[str]:
        """The names on the card of the Institute's people ("Rector: Associate Professor M.
        Fozilzoda."), in every language."""
        card = snap.faq.get(PEOPLE_CARD)
        if card is None:
            return frozenset()
        out: set[str] = set()
        for text in card.answer.all():
            for token in _names_after_posts(text):
                cases = " ".join([token, *_name_cases(token)])  # «телефон Розикова»
                out |= {f for forms in lexicon.word_forms(cases) for f in forms if f not in generic and len(f) >= 4}
        return frozenset(out)

    def near_name(self, form: str) -> frozenset[str]:
        """The partners with a word of their names a slip (two in a long word) from a form."""
        if len(form) < NEAR_MIN:
            return frozenset()
        slips = 1 if len(form) < TYPO_MIN else 2
        found = process.extractOne(form, self.known_long, scorer=Levenshtein.distance, score_cutoff=slips)
        if found is None or (slips == 1 and (len(found[0]) != len(form) or found[0][0] != form[0])):
            return frozenset()  # a short word: one letter changed in place ('avez' for 'auez'), no more
        return self.inst_by_form[found[0]]

    def names_page_person(self, forms: list[tuple[str, ...]]) -> bool:
        """Whether a word names one of the Institute's people on their card."""
        return any(not self.page_people.isdisjoint(w) for w in forms)

    def records_of(self, forms: list[tuple[str, ...]]) -> frozenset[str]:
        """The mobility records of the people the question names by surname."""
        found: set[str] = set()
        for word in forms:
            for form in word:
                found |= self.participants.get(form, frozenset())
        return frozenset(found)

    def countries(self, forms: list[tuple[str, ...]]) -> list[str]:
        """Countries named by the question's words, in the order named."""
        out: list[str] = []
        for word in forms:
            code = self.country_of(word)
            if code is not None and code not in out:
                out.append(code)
        return out

    def people(self, forms: list[tuple[str, ...]]) -> list[str]:
        """The office's people named by the question's words, in the order named."""
        out: list[str] = []
        for word in forms:
            found = next((self.person_terms[f] for f in word if f in self.person_terms), None)
            if found is not None and found not in out:
                out.append(found)
        return out

    def mentions(self, terms: frozenset[str], code: str) -> bool:
        """Whether a card's terms name the country."""
        return not self.country_forms.get(code, frozenset()).isdisjoint(terms)

    def country_of(self, word: tuple[str, ...]) -> str | None:
        """The country one question word names (by its forms), if any."""
        code = next((self.country_terms[f] for f in word if f in self.country_terms), None)
        if code is None and word and self.known.isdisjoint(word):
            code = self._typo(word[0])  # "kazansk" is Kazan's, not a slip for "kazahsk"
        return code

    def _typo(self, form: str) -> str | None:
        if len(form) < TYPO_MIN:
            return None
        codes = {self.country_typos.get(v) for v in {form, *_deletions(form)}} - {None}
        if len(codes) != 1:
            return None
        code = codes.pop()
        # Deletion neighbourhoods also meet two letters changed («подруга», «Португалия»).
        return code if any(_one_slip(form, name) for name in self.country_forms[code]) else None

    def named_whole(self, forms: list[tuple[str, ...]], among: frozenset[str] | None = None) -> frozenset[str]:
        """The institutions whose names contain every word of ``forms``."""
        return frozenset(
            inst_id for inst_id, names in self.name_forms.items()
            if (among is None or inst_id in among) and forms and all(not names.isdisjoint(w) for w in forms)
        )

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
