"""The token never appears in any output: log lines, tracebacks, or a library error's text.

It is part of every Bot API URL, so any error that quotes a URL (an HTML 404 page saying
"Cannot POST /bot<TOKEN>/getMe", a connection error) would print it. ``install`` wraps
stdout and stderr and the last-resort ``sys.excepthook`` so that whatever reaches the
terminal or the journal has it replaced.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any, TextIO

MASK = "<redacted>"


def redact(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, MASK)
    return text


class RedactingStream:
    """A text stream that masks the secrets in everything written through it."""

    def __init__(self, stream: TextIO, secrets: list[str]) -> None:
        self._stream = stream
        self._secrets = [s for s in secrets if s]

    def write(self, text: str) -> int:
        self._stream.write(redact(text, self._secrets))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def install(secrets: list[str]) -> None:
    secrets = [s for s in secrets if s]
    if not secrets:
        return
    if not isinstance(sys.stdout, RedactingStream):
        sys.stdout = RedactingStream(sys.stdout, secrets)  # type: ignore[assignment]
    if not isinstance(sys.stderr, RedactingStream):
        sys.stderr = RedactingStream(sys.stderr, secrets)  # type: ignore[assignment]

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        import traceback

        sys.stderr.write(redact("".join(traceback.format_exception(kind, value, tb)), secrets))

    sys.excepthook = hook
