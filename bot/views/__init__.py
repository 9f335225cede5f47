"""Renderers: pure functions from records (and a Translator) to ``Screen``s or text.

Handlers and background services import views; views import no handler and no service
that does I/O, so the same renderer serves a chat screen, a deep link, a broadcast and
the dashboard's preview.
"""
