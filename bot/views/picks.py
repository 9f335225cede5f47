"""A typed reply to the last answer: a number after a numbered list opens that item ("2"
after "Partners in Kazakhstan"); a yes after "I can pass your question on" takes the offer.

The best bots let a student answer a list with its number instead of finding the button.
The list is kept in the student's FSM data (``LAST_LIST``) only while the last answer was a
numbered list whose buttons are its items, in order, and for ``LAST_LIST_TTL``.
"""

from __future__ import annotations

import re

from bot.callbacks import Open
from bot.numbers import ascii_digits
from bot.ui import Screen

LAST_LIST = "last_list"  # the cards the last answer's items open, in order
LAST_LIST_AT = "last_list_at"
LAST_LIST_TTL = 30 * 60  # seconds: a number typed an hour later is a new question
NUMBERED = re.compile(r"^(\d+)\. ", re.M)
LONE = re.compile(r"[#№]?\s*(\d{1,2})\s*[.)]?")
OPEN = f"{Open.__prefix__}{Open.__separator__}"


def numbered_links(screen: Screen) -> tuple[str, ...]:
    """The links of a numbered list's item buttons, or () when the screen is not one.

    Items and buttons must match one to one; a country list's "The country's page" after
    them is no item."""
    count = len(NUMBERED.findall(screen.text))
    if count < 2 or screen.markup is None:
        return ()
    links = [b.callback_data.removeprefix(OPEN) for row in screen.markup.inline_keyboard for b in row
             if b.callback_data and b.callback_data.startswith(OPEN)]
    items = [link for link in links if not link.startswith("country-")]
    return tuple(items) if len(items) == count else ()


def lone_number(text: str) -> int | None:
    """1 for "1", "1.", "#1", "№ 1", "١"; None for anything else."""
    match = LONE.fullmatch(ascii_digits(text.strip()))
    return int(match.group(1)) if match else None


YES = frozenset("""yes yeah yep yup sure ok okay да конечно давай давайте ага ок окей ҳа ха бале бали ҳо ho ha
    please pls пожалуйста лутфан передайте передай отправьте отправь фиристед фиристонед расонед
    pass send it on go ahead вопрос саволро саволамро мой my question""".split())
WORD = re.compile(r"[^\W\d_]+")


def says_yes(text: str) -> bool:
    """"Yes please", «да, передайте», «ҳа, фиристед»: a yes and words that only carry it."""
    typed = [w.lower() for w in WORD.findall(text[:80])]
    return bool(typed) and len(typed) <= 5 and typed[0] in YES and all(w in YES for w in typed)
