"""What the answer layer decided, as plain data for the views to render.

An :class:`Answer` is hashable: rendered answers are cached per snapshot by it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "smalltalk",  # topic: hello | thanks | bye | how-are-you | unclear (no words at all)
    "unknown",  # the page doesn't say (topic: what; None = nothing matched the question)
    "phone",  # the office's phone
    "address",  # the office's address
    "person",  # topic: a person's id (head, specialist ...) or "staff" (all of them)
    "list",  # institutions: a country's, a region's or a group's partners
    "card",  # payloads[0]: the card that answers; payloads[1:]: see also
    "choices",  # payloads: two or more equally good answers, each with a line of facts
    "mobility",  # payloads: the mobility records of one kind (topic), each with its people
    "compare",  # payloads: two dated cards, earlier first; topic "first" (ordered) or "both"
    "year",  # payloads: the news of one year (word), earliest first
]


@dataclass(frozen=True, slots=True)
class Answer:
    kind: Kind
    query: str  # the question as logged (normalised)
    topic: str | None = None
    payloads: tuple[str, ...] = ()
    # list: the country codes (one country, a region) and the institutions listed
    countries: tuple[str, ...] = ()
    institutions: tuple[str, ...] = ()
    # card "about": the office's tasks / areas the question is about ("tasks:3", "areas:0")
    items: tuple[str, ...] = ()
    # unknown: the word the student typed for it (a country the page has no partner in)
    word: str = ""

    @property
    def found(self) -> bool:
        """Answered from the page (staff statistics count the rest as unanswered)."""
        return self.kind not in ("unknown", "smalltalk")
