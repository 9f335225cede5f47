"""Subscriptions and staff broadcasts (issue 6).

``models`` (jobs and their content), ``jobs`` (the queries), ``worker`` and ``deletion`` (the
one background worker: sending and "delete for everyone"), ``progress`` (the staff member's
progress message), ``announce`` (offers of new knowledge-base records), ``service`` (the
``BroadcastService`` handlers use), ``limiter`` and ``clock`` (the global rate limit and the
time it runs on). Texts and keyboards: ``bot.views.broadcast``.
"""
