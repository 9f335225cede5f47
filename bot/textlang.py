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
