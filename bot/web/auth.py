"""Who is asking: Telegram Mini App ``initData``, signed with the bot's token.

Validated as Telegram documents it (core.telegram.org/bots/webapps, "Validating data received
via the Mini App"): every received field but ``hash``, as ``key=value`` with the value
URL-decoded, sorted by key and joined by line feeds, is the data-check string;
``hash`` must be hex(HMAC-SHA256(key=secret, data-check string)) where
secret = HMAC-SHA256(key="WebAppData", msg=bot token). initData signed for another bot
therefore fails like a forged one.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl

MAX_AGE = 24 * 3600  # the limit on auth_date
CLOCK_SKEW = 300  # an auth_date this far in the future is the phone's clock, not a replay
MAX_INIT_DATA = 4096  # Telegram's is well under 1 KB; anything longer is not from Telegram
_HEX = re.compile(r"[0-9a-f]{64}")


class InitDataError(Exception):
    """Missing, malformed, forged, other-bot or stale initData (``str()`` says which, for the log)."""


@dataclass(frozen=True)
class WebAppUser:
    id: int
    first_name: str
    last_name: str
    username: str | None
    language_code: str | None
    auth_date: int

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


def secret_key(bot_token: str) -> bytes:
    return hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()


def data_check_string(fields: dict[str, str]) -> str:
    return "\n".join(f"{key}={fields[key]}" for key in sorted(fields) if key != "hash")


def _fields(init_data: str) -> dict[str, str]:
    if not init_data or len(init_data) > MAX_INIT_DATA:
        raise InitDataError("missing or too long")
    try:
        pairs = parse_qsl(init_data, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        raise InitDataError("not a query string") from None
    fields: dict[str, str] = {}
    for key, value in pairs:
        if key in fields:
            # Two values for one key would make the signed string ambiguous.
            raise InitDataError(f"duplicate field {key!r}")
        fields[key] = value
    return fields


def validate_init_data(init_data: str, bot_token: str, now: float, *, max_age: int = MAX_AGE) -> WebAppUser:
    """The user ``init_data`` proves, or InitDataError."""
    fields = _fields(init_data)
    received = fields.get("hash", "")
    if not _HEX.fullmatch(received):
        raise InitDataError("no hash")
    expected = hmac.new(secret_key(bot_token), data_check_string(fields).encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, received):
        raise InitDataError("bad signature")
    try:
        auth_date = int(fields.get("auth_date", ""))
    except ValueError:
        raise InitDataError("no auth_date") from None
    if now - auth_date > max_age:
        raise InitDataError("expired")
    if auth_date - now > CLOCK_SKEW:
        raise InitDataError("auth_date in the future")
    try:
        user = json.loads(fields["user"])
        user_id = int(user["id"])
    except (KeyError, ValueError, TypeError):
        raise InitDataError("no user") from None
    if not isinstance(user, dict) or isinstance(user.get("id"), bool):
        raise InitDataError("no user")
    return WebAppUser(
        id=user_id,
        first_name=str(user.get("first_name") or ""),
        last_name=str(user.get("last_name") or ""),
        username=str(user["username"]) if user.get("username") else None,
        language_code=str(user["language_code"]) if user.get("language_code") else None,
        auth_date=auth_date,
    )
