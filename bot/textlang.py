"""The language a message is written in, for a student who has not chosen one yet.

Many students in Tajikistan run Telegram in English (or with no language at all) and write
in Russian or Tajik; answering their first question in the interface's language would
answer in a language they did not use. Only a clear sign counts: the script, letters one
language has and the other lacks, or a common word of one language. Anything else (a
name, a number, translit) leaves the guess from Telegram's ``language_code`` alone.
"""

from __future__ import annotations

import re

from bot.search.synonyms import STOP_WORDS

TAJIK_LETTERS = frozenset("ғӣқӯҳҷҒӢҚӮҲҶ")
# Russian letters the Tajik alphabet dropped in 1998; they still turn up in Russian loans,
# so they tip the balance only when no Tajik word is there.
RUSSIAN_LETTERS = frozenset("ыщцьЫЩЦЬ")
PLAIN = str.maketrans("ғӣқӯҳҷ", "гикухч")
WORD = re.compile(r"[^\W\d_]+")

# Common Tajik words as typed without Tajik letters, and not Russian words.
_RUSSIAN = set(STOP_WORDS["ru"].split()) | {"то", "он", "низ", "чист", "кисть"}
TAJIK_WORDS = frozenset(
    w.translate(PLAIN) for w in STOP_WORDS["tg"].split() + """
        салом ассалом ассалому алейкум рахмат хайр донишгох донишгоҳ донишчу донишҷӯ шартнома шуъба
        мудир сардор рохбар роҳбар хамкори ҳамкорӣ мубодила тахсил таҳсил барнома лоиха лоиҳа
        шарикон шарик хоричи хориҷӣ суроға кучост куҷост мехохам
    """.split()
) - {w.translate(PLAIN) for w in _RUSSIAN}
RUSSIAN_WORDS = frozenset(_RUSSIAN) - TAJIK_WORDS
ENGLISH_WORDS = frozenset(STOP_WORDS["en"].split()) | {"hello", "hi", "thanks", "thank", "partners", "office"}


def language_of(text: str, guess: str) -> str:
    """The language to answer ``text`` in; ``guess`` (from ``language_code``) unless the text shows another."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return guess
    if any(c in TAJIK_LETTERS for c in letters):
        return "tg"
    words = [w.lower() for w in WORD.findall(text)]
    if sum("\u0400" <= c <= "\u04ff" for c in letters) * 2 >= len(letters):
        if any(w.translate(PLAIN) in TAJIK_WORDS for w in words):
            return "tg"
        if any(c in RUSSIAN_LETTERS for c in letters) or any(w in RUSSIAN_WORDS for w in words):
            return "ru"
        return guess if guess in ("ru", "tg") else "ru"
    if any(w in ENGLISH_WORDS for w in words):
        return "en"
    return guess


# A typed request for another language: "по-русски пожалуйста", "in English", «бо забони тоҷикӣ».
LANGUAGE_NAMES = {
    "ru": "русский русском русски по-русски russian russkiy russkom po-russki ruscha русӣ руси русча rus",
    "tg": "тоҷикӣ тоҷики точики таджикский таджикском по-таджикски tajik tojiki tojik tajiki тоҷикиро",
    "en": "english английский английском по-английски англисӣ англиси inglisi eng англ",
}
LANGUAGE_WORDS = "language lang язык языке языком забон забони забонро tili zabon zaboni zabonro yazyk yazyke"
REQUEST_WORDS = """please пожалуйста лутфан можно на in бо speak write answer reply switch change to let's
    говорите пишите отвечайте ответьте давайте давай хочу мехоҳам мехохам i want сменить поменять
    переключить иваз интихоб кунед кунам нависед гапзанед ҷавоб чавоб диҳед дихед in bo na pozhaluysta
    pozhalujsta lutfan iltimos"""
_NAME = {w: lang for lang, names in LANGUAGE_NAMES.items() for w in names.split()}
_LANGUAGE = frozenset(LANGUAGE_WORDS.split())
_REQUEST = frozenset(REQUEST_WORDS.split())
LANG_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
_MAYBE = re.compile("|".join(re.escape(w) for w in sorted({*_NAME, *_LANGUAGE}, key=len, reverse=True)), re.IGNORECASE)


def asked_language(text: str) -> str | None:
    """"ru"/"tg"/"en" for a message that only asks to be answered in that language,
    "choose" for one that only asks to change the language, None for anything else."""
    if len(text) > 80 or not _MAYBE.search(text):  # every typed question passes here
        return None
    typed = [w.lower() for w in LANG_WORD.findall(text)]
    if not typed or len(typed) > 6:
        return None
    named = {_NAME[w] for w in typed if w in _NAME}
    if not all(w in _NAME or w in _LANGUAGE or w in _REQUEST for w in typed):
        return None
    if len(named) == 1:
        return named.pop()
    if not named and not _LANGUAGE.isdisjoint(typed):
        return "choose"
    return None
