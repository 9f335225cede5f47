"""``python -m bot [run | kb export DIR | kb import DIR | check | backup PATH | migrate]``."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from bot.config import Settings, SettingsError, load_settings
from bot.db.database import DatabaseOpenError, preflight
from bot.reachable import StartupError
from bot.instance import AlreadyRunning
from bot.logging_setup import setup_logging
from bot.redact import install as install_redaction

log = logging.getLogger("bot")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="MMIT International Office bot")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="start the bot (the default)")
    sub.add_parser("migrate", help="create or upgrade the database and load data/, then exit")
    kb = sub.add_parser("kb", help="knowledge-base files")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True)
    export = kb_sub.add_parser("export", help="write the knowledge base as data/-style files")
    export.add_argument("dir", type=Path)
    imp = kb_sub.add_parser("import", help="validate and load data/-style files")
    imp.add_argument("dir", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="only report what would change")
    sub.add_parser("check", help="validate settings, database and the token (getMe)")
    backup = sub.add_parser("backup", help="write a consistent copy of the database")
    backup.add_argument("path", type=Path)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = args.command or "run"
    needs_token = command in ("run", "check")
    try:
        settings = load_settings(require_token=needs_token)
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 2
    secrets = [settings.bot_token.get_secret_value()]
    install_redaction(secrets)
    setup_logging(settings.log_level, secrets)
    try:
        # Every verb opens the database: a bad one is told at once, before the imports of
        # the whole bot (and, for run, before the instance lock is tried).
        preflight(settings.database_path)
        if command == "run":
            from bot.instance import InstanceLock
            from bot.runner import run

            with InstanceLock(settings.database_path):
                asyncio.run(run(settings))
            return 0
        if command == "migrate":
            return asyncio.run(_migrate(settings))
        if command == "kb":
            from bot.cli import kb_export, kb_import

            if args.kb_command == "export":
                return asyncio.run(kb_export(settings, args.dir))
            return asyncio.run(kb_import(settings, args.dir, dry_run=args.dry_run))
        if command == "check":
            from bot.cli import check

            return asyncio.run(check(settings))
        if command == "backup":
            from bot.cli import backup

            return asyncio.run(backup(settings, args.path))
    except KeyboardInterrupt:
        return 130
    except (AlreadyRunning, DatabaseOpenError, StartupError) as error:
        print(error, file=sys.stderr)
        return 1
    return 2


async def _migrate(settings: Settings) -> int:
    from bot.app import build_app

    app = await build_app(settings)
    await app.close()
    print(f"database ready: {settings.database_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
