"""A phone number, "skip" or "cancel" typed where the Ask flow offers buttons for them.

The keyboard's placeholder says "Phone number or Skip", and many students type the number
(or the word) rather than press a button; both are taken as the button would be.
"""

from __future__ import annotations

import re

from bot.numbers import ascii_digits

SEPARATORS = re.compile(r"[\s\-()]+")
PHONE = re.compile(r"\+?\d{7,15}")


def typed_phone(text: str) -> str | None:
    """The number in ``text`` ("+992 92 710-04-63", "(92) 710-04-63"), digits and a leading
    plus only; None for anything else (a word, a date, too few or too many digits)."""
    plain = SEPARATORS.sub("", ascii_digits(text.strip()))
    return plain if PHONE.fullmatch(plain) else None


# "No" to "share your phone number?" is a skip too (phrases as typed, punctuation dropped).
NO = frozenset(" ".join(phrase.split()) for phrase in """no | nope | no thanks | no thank you | skip | нет | не |
    неа | не надо | не хочу | нет спасибо | без номера | без телефона | нахейр | нахайр | не лозим | лозим нест |
    не ташаккур""".split("|"))


def says_skip(text: str, label: str) -> bool:
    """The Skip button's label, with or without its emoji, in any case; or a plain "no"."""
    def bare(s: str) -> str:
        return " ".join("".join(c for c in s.casefold() if c.isalnum() or c.isspace()).split())

    return bool(bare(text)) and (bare(text) == bare(label) or bare(text) in NO)


CANCEL = frozenset(" ".join(phrase.split()) for phrase in """cancel | stop | отмена | отменить | отмени | стоп |
    бекор | бекор кардан | бекор кунед | bekor | лағв | лагв""".split("|"))


def says_cancel(text: str) -> bool:
    """"cancel", «отмена», «бекор» typed instead of /cancel or the Cancel button."""
    return " ".join("".join(c for c in text.casefold() if c.isalnum() or c.isspace()).split()) in CANCEL
