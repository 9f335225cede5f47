"""Inquiries (issue 5): a student's question reaches the office's staff chat and the
answer comes back. ``setup(app)`` registers the service as ``app.extra["inquiries"]``
(handlers ask for it as the ``inquiries`` keyword) and the background delivery loop."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.inquiries.hours import OfficeHours, OfficeHoursError, parse_office_hours
from bot.inquiries.service import InquiryService, LimitReached

if TYPE_CHECKING:
    from bot.app import App

__all__ = ["InquiryService", "LimitReached", "OfficeHours", "OfficeHoursError", "parse_office_hours", "setup"]


def setup(app: App) -> InquiryService:
    service = InquiryService(app)  # raises OfficeHoursError for a bad OFFICE_HOURS
    app.extra["inquiries"] = service
    # The loop delivers the outbox (and is woken at once by a new inquiry) and sends the
    # daily reminder; it runs only in the real bot, tests call deliver_pending themselves.
    app.extra.setdefault("startup_hooks", []).append(service.start)
    app.extra.setdefault("shutdown_hooks", []).append(service.stop)
    return service
