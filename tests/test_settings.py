"""Settings: a missing or bad value stops start-up with one clear line naming it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import SettingsError, load_settings

ROOT = Path(__file__).resolve().parents[1]


def run_bot(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("BOT_TOKEN", "ADMIN_IDS", "DEFAULT_LANGUAGE")}
    clean.update(env)
    # Run from an empty folder so that no developer's .env is read.
    return subprocess.run(
        [sys.executable, "-m", "bot"], cwd=tmp_path, env={**clean, "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, timeout=60,
    )


def test_missing_token_exits_2_with_botfather_hint(tmp_path: Path) -> None:
    result = run_bot(tmp_path)
    assert result.returncode == 2
    assert "@BotFather" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_malformed_token_is_not_printed(tmp_path: Path) -> None:
    secret = "not a token but secret-ish 12345"
    result = run_bot(tmp_path, BOT_TOKEN=secret)
    assert result.returncode == 2
    assert secret not in result.stderr + result.stdout
    assert "@BotFather" in result.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [("ADMIN_IDS", "12,abc"), ("DEFAULT_LANGUAGE", "de"), ("STAFF_CHAT_ID", "staff"), ("BROADCAST_RATE", "99")],
)
def test_bad_values_name_the_setting(tmp_path: Path, name: str, value: str) -> None:
    result = run_bot(tmp_path, BOT_TOKEN="123:" + "A" * 35, **{name: value})
    assert result.returncode == 2
    assert name in result.stderr
    assert "A" * 35 not in result.stderr


def test_admin_ids_are_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_IDS", " 1, 22 ,333")
    monkeypatch.setenv("BOT_TOKEN", "123:" + "A" * 35)
    settings = load_settings(_env_file=None)
    assert settings.admin_ids == [1, 22, 333]


def test_load_settings_raises_without_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BOT_TOKEN", raising=False)
    with pytest.raises(SettingsError):
        load_settings(_env_file=None)
