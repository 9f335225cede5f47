"""Buttons of subscriptions and broadcasts (bot.views.broadcast builds the Unsubscribe button too)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class SubToggle(CallbackData, prefix="sb"):
    """Turn one topic on or off on the subscriptions screen."""

    topic: str


class Unsub(CallbackData, prefix="su"):
    """The Unsubscribe button under every broadcast message."""

    topic: str


class BcDraft(CallbackData, prefix="bd"):
    """Composer: ``ver`` (add a version in ``value``), ``aud`` (audience ``value``),
    ``back``, ``send``, ``cancel``."""

    action: str
    value: str = ""


class BcJob(CallbackData, prefix="bj"):
    """A persisted job: ``cancel``, ``del`` (ask), ``delok`` (confirmed), ``list``."""

    action: str
    job: int


class Announce(CallbackData, prefix="ba"):
    """Offer to announce a new knowledge-base record: ``ok`` or ``skip``."""

    action: str
    offer: int


# ":" separates CallbackData fields, so an audience ("topic:news") travels as "topic.news".
def audience_data(audience: str) -> str:
    return audience.replace(":", ".")


def audience_from_data(value: str) -> str:
    return value.replace(".", ":")
