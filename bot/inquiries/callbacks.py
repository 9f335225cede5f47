"""Buttons of the inquiries feature (student side and staff chat)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class AskCB(CallbackData, prefix="ak"):
    """The ask flow: ``topic`` (value = topic key), ``use``/``new`` (carried-over question),
    ``send``, ``cancel``."""

    action: str
    value: str = ""


class MyQ(CallbackData, prefix="mq"):
    page: int = 0


class StaffCB(CallbackData, prefix="iq"):
    """Staff chat: ``close``/``reopen`` an inquiry, post its ``card`` again, ``redo`` an
    outbox row whose delivery was interrupted."""

    action: str
    inquiry: int
    row: int = 0
