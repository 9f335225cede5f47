"""Logging that can never print the bot token.

The token is part of every Bot API URL, so any library error that quotes a URL would leak
it; a filter on the root handler replaces it wherever it appears.
"""

from __future__ import annotations

import logging
import sys
import warnings


class RedactFilter(logging.Filter):
    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def _clean(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "<redacted>")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets or record.name == "bot.updates":
            # The per-update line holds ids, type names and numbers only: scanning it for
            # the token on every update would cost more than writing it.
            return True
        message = record.getMessage()
        cleaned = self._clean(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._clean(record.exc_text)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        return True


def setup_logging(level: str, secrets: list[str]) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactFilter(secrets))
    # The format shows none of the caller's file and line, thread or process: not gathering
    # them (the logging HOWTO's "Optimization") saves a stack walk on every line, and one
    # line is written per update.
    logging._srcfile = None  # type: ignore[attr-defined]
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("aiogram.event").setLevel(logging.WARNING)
    # An update type newer than aiogram is skipped; aiogram's warning would print the whole
    # update (a student's data) to the journal for nothing.
    warnings.filterwarnings("ignore", message="Detected unknown update type", category=RuntimeWarning)
