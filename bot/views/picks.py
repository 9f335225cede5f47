"""A typed reply to the last answer: a number after a numbered list opens that item ("2"
after "Partners in Kazakhstan"); a yes after "I can pass your question on" takes the offer.

The best bots let a student answer a list with its number instead of finding the button.
The list is kept (in the user cache) only while the last answer was a numbered list whose
buttons are its items, in order, and for ``LAST_LIST_TTL``.
"""

from __future__ import annotations

import re

from bot.callbacks import Open
from bot.ui import Screen

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


ORDINALS = {word: n for n, words in enumerate((
    "first 1st первый первая первое первого первую якум якумӣ якуми yakum",
    "second 2nd второй вторая второе второго вторую дуюм дуюмӣ дуюми duyum",
    "third 3rd третий третья третье третьего третью сеюм сеюмӣ сеюми seyum",
    "fourth 4th четвёртый четвертый четвёртая четвертая чорум чоруми chorum",
    "fifth 5th пятый пятая пятое панҷум панчум панҷуми panjum",
    "sixth 6th шестой шестая шестое шашум shashum",
    "seventh 7th седьмой седьмая седьмое ҳафтум хафтум haftum",
    "eighth 8th восьмой восьмая восьмое ҳаштум хаштум hashtum",
    "ninth 9th девятый девятая девятое нӯҳум нухум nuhum",
    "tenth 10th десятый десятая десятое даҳум дахум dahum"), 1) for word in words.split()}
LAST = -1  # "the last one": the list's last item
ORDINALS.update(dict.fromkeys("last последний последняя последнее охирин охирон ohirin".split(), LAST))
ORDINAL_BESIDE = frozenset("the one number номер рақами рақам вариант пункт а and и ва ну".split())
NUMBERED_WORD = re.compile(r"(\d{1,2})(?:-?(?:й|ой|ий|ая|ое|я|ум|юм|st|nd|rd|th))?")


def _ordinal(word: str) -> int | None:
    word = word.removesuffix("аш").removesuffix("ash") if word not in ORDINALS else word  # «дуюмаш»: its second
    if word in ORDINALS:
        return ORDINALS[word]
    match = NUMBERED_WORD.fullmatch(word)
    return int(match.group(1)) if match else None


def lone_number(text: str) -> int | None:
    """1 for "1", "1.", "#1", "№ 1", "١", "the first one", «второй», «а дуюмаш?», "number 2",
    «2-й»; ``LAST`` for "the last"; None for anything else.

    Every typed question passes here, so the common case (a question) is rejected early."""
    if len(text) > 40:
        return None
    match = LONE.fullmatch(text.strip())
    if match:
        return int(match.group(1))  # int() reads another script's digits too
    typed = [w.strip(".,!?()#№") for w in text.lower().split()]
    typed = [w for w in typed if w]
    if not typed or len(typed) > 4:
        return None
    found = [n for w in typed if (n := _ordinal(w)) is not None]
    if len(found) == 1 and all(w in ORDINAL_BESIDE or _ordinal(w) is not None for w in typed):
        return found[0]
    return None


YES = frozenset("""yes yeah yep yup sure ok okay да конечно давай давайте ага ок окей ҳа ха бале бали ҳо ho ha
    please pls пожалуйста лутфан передайте передай отправьте отправь фиристед фиристонед расонед
    pass send it on go ahead вопрос саволро саволамро мой my question xa bale firisted firist firiston
    firistoned rasoned da davay peredayte otprav'te otpravte pozhaluysta lutfan""".split())
WORD = re.compile(r"[^\W\d_]+")


def says_yes(text: str) -> bool:
    """"Yes please", «да, передайте», «ҳа, фиристед»: a yes and words that only carry it."""
    typed = [w.lower() for w in WORD.findall(text[:80])]
    return bool(typed) and len(typed) <= 5 and typed[0] in YES and all(w in YES for w in typed)
