"""What a question asks: small talk, something the page never says, a phone, an address, a
person, a list of partners; the rest is left to the search.

Detection compares the *forms* of the question's words (the search's morphology) with the
forms of the cue words in :mod:`bot.answers.vocab`, so inflection and the way a word was
typed do not matter. Matching is exact on forms: no fuzzy match turns a common word into
a cue.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers import unsaid, vocab
from bot.search.index import STOP_KEYS
from bot.search.morph import Morphology
from bot.search.normalize import key, words


def _forms(morph: Morphology, text: str) -> frozenset[str]:
    return frozenset(form for word in words(text) for form in morph.forms(word))


@dataclass(frozen=True, slots=True)
class Question:
    """The cues found in one question."""

    smalltalk: str | None  # "hello" | "thanks" | "bye" | "how-are-you" | "who-are-you" | "yes" | "no"
    missing: str | None  # a topic of unsaid.MISSING, or "country"
    other_country: str | None  # the word naming a country with no partner on the page
    phone: bool
    address: bool
    where: bool
    office: bool
    head: bool
    specialist: bool
    other_person: bool
    listing: bool
    region: str | None
    tasks: bool  # the office's tasks as such
    staff: bool  # the office's people as a whole
    post: bool  # someone's post ("what position does he hold"), not the office's tasks
    areas: bool  # the areas of cooperation as such


class Cues:
    """The cue words as forms, built once per process (with the one Morphology)."""

    def __init__(self, morph: Morphology) -> None:
        self.morph = morph
        self.not_cues = frozenset(vocab.NOT_CUES.split())
        self.smalltalk = {kind: _forms(morph, text) for kind, text in vocab.SMALLTALK.items()}
        self.filler = _forms(morph, vocab.FILLER) | frozenset().union(*self.smalltalk.values())
        self.help = _forms(morph, vocab.HELP)
        self.how = frozenset(key(w) for w in words(vocab.HOW))
        self.you = frozenset(key(w) for w in words(vocab.YOU))
        self.bots = frozenset(key(w) for w in words("bot бот робот robot chatbot чатбот"))
        self.beside = _forms(morph, vocab.BESIDE)
        self.combos = tuple((topic, tuple(_forms(morph, group) for group in groups))
                            for topic, groups in unsaid.COMBO_TOPICS)
        self.task_office = _forms(morph, vocab.TASK_OFFICE)
        self.past = _forms(morph, vocab.PAST)
        self.staff = _forms(morph, vocab.STAFF)
        self.who = frozenset(key(w) for w in words(vocab.WHO))
        self.works = _forms(morph, vocab.WORKS)
        self.task_phrases = tuple(tuple(frozenset(key(w) for w in words(group)) for group in phrase)
                                  for phrase in vocab.TASK_PHRASES)
        self.missing = {topic: _forms(morph, text) for topic, text in unsaid.MISSING.items()
                        if topic not in unsaid.EXACT_TOPICS}
        self.phrases = {topic: frozenset((key(a), key(b)) for a, b in phrases)
                        for topic, phrases in unsaid.PHRASE_TOPICS.items()}
        self.missing_exact = {topic: frozenset(key(w) for w in words(unsaid.MISSING[topic])) for topic in unsaid.EXACT_TOPICS}
        for topic, extra in unsaid.EXACT_EXTRA.items():
            self.missing_exact[topic] = self.missing_exact.get(topic, frozenset()) | frozenset(key(w) for w in words(extra))
        self.phone_exact = frozenset(key(w) for w in words(vocab.PHONE_EXACT))
        self.number = _forms(morph, vocab.NUMBER)
        self.contact = _forms(morph, vocab.CONTACT)
        self.not_tasks = _forms(morph, vocab.NOT_TASKS)
        self.countries = _forms(morph, vocab.OTHER_COUNTRIES)
        self.phone = _forms(morph, vocab.PHONE)
        self.address = _forms(morph, vocab.ADDRESS)
        self.address_exact = frozenset(key(w) for w in words(vocab.ADDRESS_EXACT))
        self.where = _forms(morph, vocab.WHERE)
        self.office = _forms(morph, vocab.OFFICE)
        self.head = _forms(morph, vocab.HEAD)
        self.specialist = _forms(morph, vocab.SPECIALIST)
        self.other_people = _forms(morph, vocab.OTHER_PEOPLE)
        self.listing = _forms(morph, vocab.LIST)
        self.tasks = _forms(morph, vocab.TASKS)
        self.areas = _forms(morph, vocab.AREAS)
        self.region_forms = _forms(morph, " ".join(p for phrases, _ in vocab.REGIONS.values() for p in phrases))
        self.regions = {
            name: [tuple(frozenset(morph.forms(w)) for w in words(phrase)) for phrase in phrases]
            for name, (phrases, _) in vocab.REGIONS.items()
        }

    def read(self, text: str) -> Question:
        # (Keys fold double letters, so "tell" is told apart from «тел» as typed.)
        per_word = [(key(w), self.morph.forms(w)) for w in words(text[:300]) if w.lower() not in self.not_cues]
        per_word = [(k, f) for k, f in per_word if k]
        present = frozenset(form for _, forms in per_word for form in forms)

        def has(group: frozenset[str]) -> bool:
            return not present.isdisjoint(group)

        smalltalk = None
        # Small talk is made of small-talk words (at least one: "tel?" is a stop word alone).
        if (all(k in STOP_KEYS or not self.filler.isdisjoint(f) or not self.beside.isdisjoint(f) for k, f in per_word)
                and any(not self.filler.isdisjoint(f) for _, f in per_word)):
            typed = {k for k, _ in per_word}
            how_are_you = not self.how.isdisjoint(typed) and not self.you.isdisjoint(typed)
            # "are you a bot?", «ты бот?»: a bot named beside "you" asks who answers.
            bot_you = not self.you.isdisjoint(typed) and not self.bots.isdisjoint(typed)
            for kind in ("bye", "who-are-you", "thanks", "how-are-you", "hello", "no", "yes"):  # «ты» is "ty"
                if kind == "thanks" and how_are_you:
                    continue  # "how are you": «ты», "you" are no "thank you"
                if has(self.smalltalk[kind]) or (kind == "how-are-you" and how_are_you) or (kind == "who-are-you" and bot_you):
                    smalltalk = kind
                    break
            else:
                # "ok", "понятно": an acknowledgement; "help": what the bot can do.
                smalltalk = "hello" if has(self.help) else "thanks"
        keys = frozenset(k for k, _ in per_word)
        pairs = {(a, b) for (a, _), (b, _) in zip(per_word, per_word[1:])}
        # A phrase is the more specific: «мӯҳлати супоридани ҳуҷҷатҳо» asks a deadline, not documents.
        phrased = next((topic for topic, phrases in self.phrases.items() if not pairs.isdisjoint(phrases)), None)
        missing = (phrased
                   or next((topic for topic, group in self.missing.items() if has(group)), None)
                   or next((topic for topic, group in self.missing_exact.items() if not keys.isdisjoint(group)), None)
                   or next((topic for topic, groups in self.combos if all(map(has, groups))), None))
        if missing == "future" and has(self.past) and phrased != "future":  # («баргузор мешаванд»: will be held)
            missing = None  # «ҷаласаи навбатӣ кай гузашт»: the "next meeting" that was held
        if missing == "future" and phrased == "future" and has(self.phone):
            missing = None  # «телефон бо 92 сар мешавад?»: what the number starts with, not when
        if missing in ("birthday", "tenure") and any(ch.isdigit() for ch in text):
            # "Confucius' 2570th birthday" is an anniversary the page tells of; "since 2019 the head
            # went to ..." asks what he did, not how long he has been head.
            missing = None
        other_country = next((w for w in words(text) if not self.countries.isdisjoint(self.morph.forms(w))), None)
        if other_country is not None:
            # Named as the dictionary has it: «партнёры в стране «Германия»», not «Германией».
            lemma = self.morph.russian_lemma(other_country.lower())
            # "USA", «США», «ОАЭ» keep their capitals («Сша» is no name).
            acronym = other_country.isupper() and len(other_country) <= 4
            other_country = other_country if acronym else (lemma or other_country).capitalize()
        region = None
        for name, phrases in self.regions.items():
            if any(all(not present.isdisjoint(forms) for forms in phrase) for phrase in phrases):
                region = name
                break
        return Question(
            smalltalk=smalltalk,
            missing=missing,
            other_country=other_country,
            phone=has(self.phone) or not keys.isdisjoint(self.phone_exact) or (
                has(self.number) and not has(self.address)
                and (has(self.office) or has(self.head) or has(self.specialist) or has(self.contact))),
            address=has(self.address) or not self.address_exact.isdisjoint(keys),
            where=has(self.where),
            office=has(self.office),
            head=has(self.head),
            specialist=has(self.specialist),
            other_person=has(self.other_people),
            listing=has(self.listing),
            region=region,
            tasks=not has(self.not_tasks) and (has(self.tasks) or (has(self.task_office) and any(
                all(not keys.isdisjoint(group) for group in phrase) for phrase in self.task_phrases))),
            areas=has(self.areas),
            staff=has(self.staff) or (not keys.isdisjoint(self.who) and has(self.works)),
            post=has(self.not_tasks),
        )
