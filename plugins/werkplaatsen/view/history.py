"""What happened to a session, from its own records, never from today's status.

A calendar program that saw SEQUENCE 1 ignores an update with 0 (RFC 5545, 3.8.7.4), and a search
engine that saw a session rescheduled should not see it "scheduled" again once it is over. So the
calendar's SEQUENCE and the event's status and previous date come from what the editor recorded:
the move or cancellation in the registration and the list of ``wijzigingen``. Time passing changes
none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model.status import GEANNULEERD, VERPLAATST
from ..reading.catalog import Item
from .indexes import Site

SCHEDULED, RESCHEDULED, CANCELLED = "EventScheduled", "EventRescheduled", "EventCancelled"


@dataclass(frozen=True)
class History:
    changes: int  # the editor's recorded changes (wijzigingen)
    previous_date: date | None = None  # set when the session was moved
    cancelled: bool = False

    @property
    def moved(self) -> bool:
        return self.previous_date is not None

    @property
    def sequence(self) -> int:
        """The recorded changes, at least 1 after a move, plus 1 for a cancellation: the cancellation
        is a revision of its own even when the editor records no change for it."""
        return max(self.changes, int(self.moved)) + int(self.cancelled)

    @property
    def event_status(self) -> str:
        """schema.org's eventStatus: cancelled wins, then moved."""
        return CANCELLED if self.cancelled else RESCHEDULED if self.moved else SCHEDULED


def history(session: Item) -> History:
    """The history of a session, from its registration (its own, else its round's) and its changes."""
    registration = Site.registration(session)
    state = registration.status if registration else None
    moved = registration.oorspronkelijke_datum if state == VERPLAATST else None
    return History(len(session.wijzigingen), moved, state == GEANNULEERD)
