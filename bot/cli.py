"""Shell commands: knowledge-base export/import, health check, backup."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.app import build_app
from bot.config import Settings
from bot.db.database import DatabaseOpenError
from bot.kb import KbValidationError, read_sources
from bot.kb.sources import write_sources


async def kb_export(settings: Settings, target: Path) -> int:
    app = await build_app(settings)
    try:
        written = write_sources(target, await app.kb.records_by_kind())
    finally:
        await app.close()
    print(f"exported {len(written)} files to {target}")
    return 0


async def kb_import(settings: Settings, source: Path, *, dry_run: bool = False) -> int:
    try:
        records = read_sources(source)
    except KbValidationError as error:
        print(error, file=sys.stderr)
        return 1
    app = await build_app(settings, seed=False)
    try:
        report = await app.kb.diff(records)
        for verb, items in (("add", report.added), ("change", report.changed), ("remove", report.removed)):
            for kind, record_id in items:
                print(f"{verb}: {kind} {record_id}")
        if dry_run:
            print(f"dry run: would {report.summary()}")
            return 0
        await app.kb.replace_all_from_files(records)
        print(f"imported: {report.summary()}")
    finally:
        await app.close()
    return 0


async def check(settings: Settings) -> int:
    from aiogram.exceptions import ClientDecodeError, TelegramAPIError, TelegramNetworkError

    from bot.reachable import describe_api_error

    from bot.app import create_bot

    try:
        app = await build_app(settings)
    except DatabaseOpenError:
        raise
    except Exception as error:  # noqa: BLE001 - one line for the operator
        print(f"knowledge base: {error}", file=sys.stderr)
        return 1
    try:
        counts = {k: len(v) for k, v in (await app.kb.records_by_kind()).items()}
        print(f"database ok: {settings.database_path}; knowledge base: {counts}")
    finally:
        await app.close()
    bot = create_bot(settings)
    try:
        me = await bot.get_me()
    except TelegramNetworkError as error:
        print(f"Bot API at {settings.telegram_api_base} unreachable: {type(error).__name__}", file=sys.stderr)
        return 1
    except (TelegramAPIError, ClientDecodeError) as error:
        print(describe_api_error(error, settings), file=sys.stderr)
        return 1
    finally:
        await bot.session.close()
    print(f"token ok: @{me.username} (id {me.id})")
    return 0


async def backup(settings: Settings, target: Path) -> int:
    from bot.db import Database

    target.parent.mkdir(parents=True, exist_ok=True)
    db = await Database.open(settings.database_path)
    try:
        await db.backup_to(target)
    finally:
        await db.close()
    print(f"backup written to {target}")
    return 0
