"""The question being written: the ask flow's states and its draft in FSM data.

The draft lives in the FSM storage (SQLite, bot/fsm.py). It is flushed to disk when the
summary is shown and again, marked ``sending``, before the inquiry is stored, so a kill at
any moment after Send leaves either the stored inquiry or a draft the restarted bot can
offer to send (``bot.inquiries.recovery``).
"""

from __future__ import annotations

from typing import Any

from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup

DRAFT = "ask_draft"  # FSM data key of the question being written
PREFILL = "ask_prefill"  # set by the search feature: the text the student typed there
PREFILL_AT = "ask_prefill_at"  # ... and when (a question typed days ago is not carried over)
PREFILL_TTL = 30 * 60  # seconds


def fresh_prefill(data: dict[str, Any], now: float) -> str | None:
    """The question typed in the search to carry over, if it is the last one and recent."""
    prefill, at = data.get(PREFILL), data.get(PREFILL_AT)
    if not isinstance(prefill, str) or not prefill.strip():
        return None
    if not isinstance(at, (int, float)) or not 0 <= now - at <= PREFILL_TTL:
        return None
    return prefill.strip()


class AskFlow(StatesGroup):
    topic = State()
    prefill = State()
    question = State()
    phone = State()
    confirm = State()


async def get_draft(state: FSMContext) -> dict[str, Any]:
    return dict((await state.get_data()).get(DRAFT) or {})


async def put_draft(state: FSMContext, **values: Any) -> dict[str, Any]:
    draft = await get_draft(state)
    draft.update(values)
    await state.update_data({DRAFT: draft})
    return draft


async def persist(state: FSMContext) -> None:
    """Write the FSM storage through now (it writes behind otherwise)."""
    flush = getattr(state.storage, "flush", None)
    if flush is not None:
        await flush()


async def clear_flow(state: FSMContext) -> None:
    """Leave the flow; other features' data in the FSM stays."""
    data = await state.get_data()
    data.pop(DRAFT, None)
    data.pop(PREFILL, None)
    data.pop(PREFILL_AT, None)
    await state.set_data(data)
    await state.set_state(None)
