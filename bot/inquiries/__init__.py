"""Inquiries (issue 5): a student's question reaches the office's staff chat and the
answer comes back. The service is ``bot.inquiries.service.InquiryService``; it is not
imported here, so that ``bot.views.inquiries`` can use this package's callbacks and
constants without an import circle (the service imports the views)."""

from __future__ import annotations

from bot.inquiries.hours import OfficeHours, OfficeHoursError, parse_office_hours
from bot.inquiries.store import LimitReached

__all__ = ["LimitReached", "OfficeHours", "OfficeHoursError", "parse_office_hours"]
