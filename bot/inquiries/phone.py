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


def _bare(text: str) -> str:
    """Words only, in lower case, one space apart: "➡️ Skip" and "skip!" are both "skip"."""
    return " ".join("".join(c for c in text.casefold() if c.isalnum() or c.isspace()).split())


def _phrases(text: str) -> frozenset[str]:
    return frozenset(_bare(phrase) for phrase in text.split("|"))


# "No" to "share your phone number?" is a skip too.
NO = _phrases("""no | nope | no thanks | no thank you | skip | нет | не | неа | не надо | не хочу | нет спасибо |
    без номера | без телефона | нахейр | нахайр | не лозим | лозим нест | не ташаккур""")
CANCEL = _phrases("""cancel | stop | отмена | отменить | отмени | стоп | бекор | бекор кардан | бекор кунед |
    bekor | лағв | лагв""")


def says_skip(text: str, label: str) -> bool:
    """The Skip button's label, with or without its emoji, in any case; or a plain "no"."""
    typed = _bare(text)
    return bool(typed) and (typed == _bare(label) or typed in NO)


def says_cancel(text: str) -> bool:
    """"cancel", «отмена», «бекор» typed instead of /cancel or the Cancel button."""
    return _bare(text) in CANCEL
