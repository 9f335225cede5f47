from bot.kb.sources import KbValidationError, read_sources
from bot.kb.store import KbSnapshot, KnowledgeBase, LoadReport

__all__ = ["KbSnapshot", "KbValidationError", "KnowledgeBase", "LoadReport", "read_sources"]
