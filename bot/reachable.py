"""The first Bot API call at start-up, waiting out a network that is not up yet."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram.exceptions import (
    ClientDecodeError,
    TelegramAPIError,
    TelegramNetworkError,
    TelegramNotFound,
    TelegramServerError,
    TelegramUnauthorizedError,
)

from bot.config import Settings

log = logging.getLogger("bot.runner")


class StartupError(Exception):
    """Start-up cannot go on; ``str()`` is the one line the operator sees (never the token)."""


def describe_api_error(error: BaseException, settings: Settings) -> str:
    """One line for a Bot API call that failed for a reason other than the network."""
    if isinstance(error, TelegramUnauthorizedError):
        return "BOT_TOKEN was refused by the Bot API (401 Unauthorized): ask @BotFather for the current token"
    if isinstance(error, TelegramNotFound):
        return (f"TELEGRAM_API_BASE={settings.telegram_api_base} answered 404 Not Found: "
                "is it the Bot API's address (https://api.telegram.org or your local Bot API server)?")
    if isinstance(error, ClientDecodeError):
        return (f"TELEGRAM_API_BASE={settings.telegram_api_base} did not answer like a Bot API "
                "(not JSON): check the address")
    if isinstance(error, TelegramAPIError):
        return f"the Bot API at {settings.telegram_api_base} refused the call: {type(error).__name__}"
    return f"the Bot API at {settings.telegram_api_base} failed: {type(error).__name__}"


async def until_reachable(make_call: Callable[[], Awaitable[Any]], settings: Settings) -> Any:
    """Make a first Bot API call, waiting out a network that is not up yet (boot, outage)
    instead of dying with a traceback; polling itself retries the same way afterwards."""
    delay = 1.0
    while True:
        try:
            return await make_call()
        except (TelegramNetworkError, TelegramServerError) as error:
            log.warning("Bot API at %s unreachable (%s); retrying in %.0f s",
                        settings.telegram_api_base, type(error).__name__, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 60.0)
        except (TelegramAPIError, ClientDecodeError) as error:
            # A wrong token or a wrong address does not heal by waiting.
            raise StartupError(describe_api_error(error, settings)) from None
