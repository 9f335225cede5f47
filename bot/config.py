"""Settings, read from the environment and ``.env`` (pydantic-settings)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent

TELEGRAM_API = "https://api.telegram.org"

# aiogram's own rule (bot id, colon, secret without spaces) kept a little stricter: a
# pasted token with quotes or a missing half is caught before the first request.
_TOKEN = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{1,100}$")

TOKEN_HELP = (
    "BOT_TOKEN is missing or malformed: open Telegram, talk to @BotFather, send /newbot "
    "(or /token for an existing bot) and put the token it gives you in .env as "
    "BOT_TOKEN=123456789:ABC..."
)


def _split_ids(value: object) -> object:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, int):
        return [value]
    return value


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=False,
    )

    bot_token: SecretStr = SecretStr("")
    telegram_api_base: str = TELEGRAM_API
    database_path: Path = ROOT / "data" / "bot.sqlite3"
    data_dir: Path = ROOT / "data"
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    staff_chat_id: int | None = None
    default_language: Literal["tg", "ru", "en"] = "tg"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # The office's time zone: "today", deadlines and every time shown to people.
    office_tz: str = "Asia/Dushanbe"

    # Inquiries (issue 5).
    # Empty: the page gives no working hours, so none are shown to students (issue 14).
    office_hours: str = ""
    inquiry_reminder_hours: int = Field(default=24, ge=1, le=24 * 30)
    inquiry_max_open: int = Field(default=3, ge=1, le=50)
    inquiry_cooldown_seconds: int = Field(default=60, ge=0, le=86400)

    # Broadcasts (issue 6): Telegram allows about 30 messages a second in all.
    broadcast_rate: float = Field(default=25.0, gt=0, le=30)

    # Production (issue 8).
    webhook_url: str | None = None
    webhook_host: str = "127.0.0.1"
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    webhook_path: str = "/telegram/webhook"
    webhook_secret: str = ""
    throttle_burst: int = Field(default=10, ge=1, le=1000)
    throttle_rate: float = Field(default=2.0, gt=0, le=100)

    # Staff dashboard, a Telegram Mini App (issue 13): served in polling and webhook mode.
    web_host: str = "127.0.0.1"
    web_port: int = Field(default=8081, ge=1, le=65535)
    # Public HTTPS URL at which Telegram opens /app/; empty: no "Dashboard" menu button.
    webapp_url: str | None = None

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _parse_admin_ids(cls, value: object) -> object:
        return _split_ids(value)

    @field_validator("staff_chat_id", "webhook_url", "webapp_url", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("webapp_url")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        # Telegram opens Mini Apps over HTTPS only; a typo here would be a dead button.
        if value is not None:
            value = value.strip()
            if not re.match(r"^https://[^\s/]+(/\S*)?$", value):
                raise ValueError("must be an https:// URL, e.g. https://bot.example.org/app/")
        return value

    @model_validator(mode="after")
    def _ports(self) -> Settings:
        if self.webhook_url and self.web_port == self.webhook_port:
            raise ValueError("WEB_PORT must differ from WEBHOOK_PORT (the dashboard has a server of its own)")
        return self

    @field_validator("office_tz")
    @classmethod
    def _zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}; use an IANA name such as Asia/Dushanbe") from None
        return value

    @field_validator("default_language", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("telegram_api_base", mode="before")
    @classmethod
    def _api_base(cls, value: object) -> object:
        if value is None or (isinstance(value, str) and not value.strip()):
            return TELEGRAM_API
        if isinstance(value, str):
            value = value.strip().rstrip("/")
            if not re.match(r"^https?://[^\s/]+", value):
                raise ValueError("must be an http(s) URL such as https://api.telegram.org")
        return value

    def token_is_valid(self) -> bool:
        return bool(_TOKEN.match(self.bot_token.get_secret_value()))

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.admin_ids


class SettingsError(Exception):
    """Start-up must stop; ``str()`` is one line for the operator, never the token."""


def describe_validation_error(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        name = ".".join(str(p) for p in item.get("loc", ())) or "settings"
        parts.append(f"{name.upper()}: {item.get('msg', 'invalid value')}")
    return "Invalid settings: " + "; ".join(parts)


def load_settings(*, require_token: bool = True, **overrides: object) -> Settings:
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        raise SettingsError(describe_validation_error(error)) from None
    if require_token and not settings.token_is_valid():
        raise SettingsError(TOKEN_HELP)
    return settings
