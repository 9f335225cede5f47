"""The answer layer (issue 14): what a typed question asks (``intents``), the countries and
partner groups it names (``entities``), the decision (``service``) as plain data (``model``);
rendered by :mod:`bot.views.answers`."""

from bot.answers.model import Answer
from bot.answers.service import AnswerService

__all__ = ["Answer", "AnswerService"]
