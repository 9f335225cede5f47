"""What is searchable: one document per answer card, built from the knowledge base.

Every document carries its words in all three languages, so a query in any language
finds it. Two fields: ``names`` (names, short names, synonyms, cities, keywords — what a
student types) and ``body`` (descriptions and texts). Both are stored as keys (see
:mod:`bot.search.normalize`) in the FTS5 table ``search_fts``; the in-memory
:class:`Vocabulary` holds every indexed term with its document frequency for prefix
completion, typo correction and weighting.
"""

from __future__ import annotations

import bisect
import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.kb.models import LANGUAGES, LocalizedList, LocalizedText
from bot.kb.store import KbSnapshot
from bot.search.morph import Morphology
from bot.search.normalize import key, stem, words
from bot.search.synonyms import INTENT_WORDS, SECTION_KEYWORDS, SOFT_WORDS, STOP_WORDS, SYNONYM_GROUPS

INDEX_VERSION = "2"  # 2: lemmas, Snowball and Tajik forms

# Kind priors: a small nudge between otherwise equal matches (a country or a section
# page is the better answer to a bare name than a news item that mentions it).
PRIORS: dict[str, float] = {
    "section": 0.06,
    "country": 0.06,
    "partner": 0.04,
    "faq": 0.0,
    "project": 0.03,
    "opening": 0.02,
    "news": 0.0,
    "mobility": -0.02,  # the record of who went; the news item or the call tells more
}

# Section pages: the title is the main-menu label.
SECTION_TITLES: dict[str, str] = {
    "contacts": "menu-contacts",
    "about": "menu-about",
    "partners": "menu-partners",
    "erasmus": "menu-erasmus",
    "projects": "menu-projects",
    "news": "menu-news",
}


def _stop_keys() -> frozenset[str]:
    out: set[str] = set()
    for text in STOP_WORDS.values():
        for word in text.split():
            k = key(word)
            if k:
                out.add(k)
                out.add(stem(k))
    return frozenset(out)


STOP_KEYS = _stop_keys()


def is_stop(word: str) -> bool:
    k = key(word)
    return not k or k in STOP_KEYS


class Lexicon:
    """The search vocabulary of one :class:`Morphology`: the forms of a text's meaningful
    words, synonyms, general ("soft") words and question-word hints, all as index terms."""

    def __init__(self, morph: Morphology) -> None:
        self.morph = morph
        groups: dict[str, set[str]] = {}
        for group in SYNONYM_GROUPS:
            group_terms = {t for word in group for t in self.terms(word)}
            for term in group_terms:
                groups.setdefault(term, set()).update(group_terms)
        self.synonyms: dict[str, frozenset[str]] = {t: frozenset(o - {t}) for t, o in groups.items()}
        soft = {t for word in SOFT_WORDS.split() for t in self.terms(word)}
        self.soft_terms = frozenset(soft | {o for t in soft for o in self.synonyms.get(t, ())})
        # Key of a question word → the term it hints at.
        self.intents = {key(word): self.terms(target)[0] for word, target in INTENT_WORDS.items()}

    def word_forms(self, text: str) -> list[tuple[str, ...]]:
        """The forms of each meaningful word of ``text`` (stop words dropped), primary first."""
        out = []
        for word in words(text):
            k = key(word)
            if k and k not in STOP_KEYS:
                forms = self.morph.forms(word)
                if forms:
                    out.append(forms)
        return out

    def terms(self, text: str) -> list[str]:
        return [form for forms in self.word_forms(text) for form in forms]


@dataclass(slots=True)
class Doc:
    payload: str
    kind: str
    titles: dict[str, str]  # language → title shown on a result button
    title_key: str | None  # a locale key instead of titles (section pages)
    names: frozenset[str]
    terms: frozenset[str]  # names and body
    phrases: tuple[frozenset[str], ...]  # each name/synonym on its own
    prior: float
    names_text: str = ""
    body_text: str = ""

    def title(self, t) -> str:  # type: ignore[no-untyped-def]
        if self.title_key is not None:
            return t(self.title_key)
        return self.titles.get(t.lang) or next(iter(self.titles.values()), self.payload)


def _texts(*values: LocalizedText | LocalizedList | None) -> list[str]:
    out: list[str] = []
    for value in values:
        if value is not None:
            out.extend(value.all())
    return out


def _by_lang(value: LocalizedText) -> dict[str, str]:
    return {lang: value.get(lang) for lang in LANGUAGES}


@dataclass
class _Builder:
    lexicon: Lexicon
    docs: list[Doc] = field(default_factory=list)

    def add(
        self,
        payload: str,
        kind: str,
        *,
        names: Iterable[str],
        body: Iterable[str] = (),
        titles: dict[str, str] | None = None,
        title_key: str | None = None,
        prior: float | None = None,
    ) -> None:
        phrases = []
        name_terms: list[str] = []
        for name in names:
            forms = self.lexicon.word_forms(name)
            if forms:
                # A name is "said exactly" when each of its words is (in its primary form).
                phrases.append(frozenset(f[0] for f in forms))
                name_terms.extend(t for f in forms for t in f)
        body_terms = [t for text in body for t in self.lexicon.terms(text)]
        self.docs.append(
            Doc(
                payload=payload,
                kind=kind,
                titles=titles or {},
                title_key=title_key,
                names=frozenset(name_terms),
                terms=frozenset(name_terms) | frozenset(body_terms),
                phrases=tuple(dict.fromkeys(phrases)),
                prior=PRIORS[kind] if prior is None else prior,
                names_text=" ".join(name_terms),
                body_text=" ".join(body_terms),
            )
        )


def build_docs(snap: KbSnapshot, lexicon: Lexicon) -> list[Doc]:
    """Every searchable card of the snapshot, in a stable order."""
    b = _Builder(lexicon)

    def section(payload: str, names: list[str], body: Iterable[str] = ()) -> None:
        keywords = SECTION_KEYWORDS.get(payload, "")
        b.add(
            payload,
            "section",
            names=[*names, *[phrase for phrase in keywords.split(",") if phrase.strip()]],
            body=body,
            title_key=SECTION_TITLES[payload],
        )

    contacts = snap.contacts
    if contacts is not None:
        people = [p for person in contacts.people for p in _texts(person.name)]
        roles = [r for person in contacts.people for r in _texts(person.role)]
        address = _texts(contacts.address)
        section("contacts", [*people, *address], [*roles, contacts.phone or "", contacts.phone_display or ""])
    office = snap.office
    if office is not None:
        section(
            "about",
            _texts(office.name),
            [
                *_texts(office.description, office.aim),
                *[x for item in (*office.tasks, *office.areas) for x in _texts(item)],
            ],
        )
    section("partners", [], [c for country in snap.countries.values() for c in _texts(country.name)])
    erasmus = snap.projects.get("erasmus")
    section("erasmus", _texts(erasmus.title) if erasmus else [], _texts(erasmus.text) if erasmus else [])
    section("projects", [], [t for p in snap.projects.values() for t in _texts(p.title)])
    section("news", [], [])

    for country in snap.countries.values():
        b.add(
            f"country-{country.code}",
            "country",
            names=[*_texts(country.name, country.synonyms)],
            titles=_by_lang(country.name),
        )

    for inst in snap.institutions.values():
        country = snap.countries.get(inst.country)
        short = _by_lang(inst.short_name or inst.name)
        b.add(
            f"partner-{inst.id}",
            "partner",
            names=[*_texts(inst.name, inst.short_name, inst.synonyms, inst.city)],
            body=[*_texts(inst.cooperation), *(_texts(country.name) if country else [])],
            # Long official names do not fit a button: the short name then.
            titles={lang: inst.name.get(lang) if len(inst.name.get(lang)) <= 60 else short[lang] for lang in LANGUAGES},
        )

    for project in snap.projects.values():
        if project.id == "erasmus":
            continue  # the Erasmus+ section is its card
        b.add(
            f"project-{project.id}",
            "project",
            names=_texts(project.title),
            body=_texts(project.text),
            titles=_by_lang(project.title),
        )

    def about_partners(ids: Iterable[str]) -> list[str]:
        # A card about a partner also answers to the partner's names ("BNTU visit").
        out: list[str] = []
        for inst_id in ids:
            inst = snap.institutions.get(inst_id)
            if inst is not None:
                out += _texts(inst.name, inst.short_name, inst.synonyms)
        return out

    for opening in snap.openings.values():
        b.add(
            f"opening-{opening.id}",
            "opening",
            names=_texts(opening.title),
            body=[*_texts(opening.description, opening.eligibility), *about_partners([opening.host or ""])],
            titles=_by_lang(opening.title),
        )

    for event in snap.events_newest:
        b.add(
            f"news-{event.id}",
            "news",
            names=_texts(event.title),
            body=[
                *_texts(event.text),
                *about_partners(event.institutions),
                *[x for p in event.projects if p in snap.projects for x in _texts(snap.projects[p].title)],
            ],
            titles=_by_lang(event.title),
        )

    for record in snap.mobility.values():
        # Who went where: the participants' names find their record ("Ashurova", «Умарова»).
        b.add(
            f"mobility-{record.id}",
            "mobility",
            names=[*_texts(record.title), *[x for p in record.participants for x in _texts(p)]],
            body=[*_texts(record.text), *about_partners([record.host])],
            titles=_by_lang(record.title),
        )

    for faq in snap.faq.values():
        b.add(
            f"faq-{faq.id}",
            "faq",
            names=[*_texts(faq.question, faq.keywords)],
            body=_texts(faq.answer),
            titles=_by_lang(faq.question),
        )
    return b.docs


def docs_digest(docs: list[Doc]) -> str:
    digest = hashlib.sha256(INDEX_VERSION.encode())
    for doc in docs:
        digest.update(f"\0{doc.payload}\0{doc.names_text}\0{doc.body_text}".encode())
    return digest.hexdigest()


class Vocabulary:
    """Every indexed term with its document frequency, for completion, typos and weights."""

    def __init__(self, docs: list[Doc]) -> None:
        df: dict[str, int] = {}
        name_df: dict[str, int] = {}
        for doc in docs:
            for term in doc.terms:
                df[term] = df.get(term, 0) + 1
            for term in doc.names:
                name_df[term] = name_df.get(term, 0) + 1
        self.n_docs = max(1, len(docs))
        self.df = df
        self.name_df = name_df
        self.sorted = sorted(df)
        # Typo candidates by length: only words of length ±2 are compared.
        self.by_length: dict[int, list[str]] = {}
        for term in self.sorted:
            if len(term) >= 4 and not term.isdigit():
                self.by_length.setdefault(len(term), []).append(term)

    def __contains__(self, term: str) -> bool:
        return term in self.df

    def completions(self, prefix: str, limit: int = 8) -> list[str]:
        """Indexed terms that start with ``prefix`` (the shortest first), itself excluded."""
        start = bisect.bisect_right(self.sorted, prefix)
        out = []
        for i in range(start, min(start + 64, len(self.sorted))):
            term = self.sorted[i]
            if not term.startswith(prefix):
                break
            out.append(term)
        out.sort(key=len)
        return out[:limit]

    def idf(self, term: str) -> float:
        df = self.name_df.get(term) or self.df.get(term, 0)
        return math.log(1.0 + self.n_docs / (1 + df))
