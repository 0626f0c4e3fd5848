"""The registration status: one rule, computed at build time, shown the same everywhere.

The rules are written down in docs/registration-status.md. In the visitor's browser,
``static/js/status.js`` re-checks the closing and end moments the page carries and removes a
stale invitation, so an old build never invites anyone to something that has closed or passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from .schemas import Registration

# Editor-set states, in order of precedence after geannuleerd and afgelopen.
BINNENKORT = "binnenkort"
OPEN = "open"
BIJNA_VOL = "bijna-vol"
VOL = "vol"
GESLOTEN = "gesloten"
AFGELOPEN = "afgelopen"
GEANNULEERD = "geannuleerd"
VERPLAATST = "verplaatst"

# The tone of each state's badge, as NL Design System status-badge modifiers.
TONES = {
    BINNENKORT: "neutral",
    OPEN: "success",
    BIJNA_VOL: "warning",
    VOL: "warning",
    GESLOTEN: "inactive",
    AFGELOPEN: "inactive",
    GEANNULEERD: "danger",
    VERPLAATST: "warning",
}


@dataclass(frozen=True)
class Status:
    """What a page shows about registering, and where the button (if any) goes."""

    code: str
    label: str
    action_url: str | None = None
    action_label: str | None = None
    opens: datetime | None = None
    closes: datetime | None = None
    ends: datetime | None = None
    window: str | None = None  # a moved session's registration: binnenkort, open or gesloten

    @property
    def registration_state(self) -> str:
        """Where registering stands: the state itself, or for a moved session its window's state."""
        return self.window or self.code

    @property
    def can_register(self) -> bool:
        return self.action_url is not None

    @property
    def ended(self) -> bool:
        """The session or round is over: its page looks back instead of inviting."""
        return self.code == AFGELOPEN

    @property
    def tone(self) -> str:
        return TONES[self.code]

    @property
    def changes(self) -> list[datetime]:
        """The moments this status changes by itself: registration opens, closes, the end."""
        if self.code == GEANNULEERD:
            return []
        closed = self.closes + timedelta(minutes=1) if self.closes else None  # open up to and including the minute
        return [moment for moment in (self.opens, closed, self.ends) if moment]

    @property
    def badge(self) -> str | None:
        """Badge text next to the button; open needs none, the button says it all."""
        return {OPEN: None, VOL: "Vol"}.get(self.code, self.label)


def registration_status(
    registration: Registration | None, ends: datetime, now: datetime, *, format_date
) -> Status:
    """Apply the rules of docs/registration-status.md: cancellation and the past win, then the rest.

    ``format_date`` turns a date into Dutch text; it is passed in so this module stays free of
    presentation settings.
    """
    moments = {"ends": ends}
    if registration is None:
        if now >= ends:
            return Status(AFGELOPEN, "Afgelopen", **moments)
        return Status(GESLOTEN, "Aanmelding gesloten", **moments)
    moments.update(opens=registration.opent, closes=registration.sluit)
    editor_state = registration.status
    if editor_state == GEANNULEERD:
        return Status(GEANNULEERD, "Geannuleerd", **moments)
    if now >= ends:
        return Status(AFGELOPEN, "Afgelopen", **moments)
    window_open = (registration.opent is None or registration.opent <= now) and now <= registration.sluit
    register = {"action_url": registration.url, "action_label": "Aanmelden"} if window_open else {}
    if editor_state == VERPLAATST:
        # Concatenated, not formatted: a date that carries its <time> markup (timetags.py) keeps it.
        label = "Verplaatst (was " + format_date(registration.oorspronkelijke_datum) + ")"
        window = OPEN if window_open else GESLOTEN if now > registration.sluit else BINNENKORT
        return Status(VERPLAATST, label, window=window,
                      **register, **moments)
    if now > registration.sluit:
        return Status(GESLOTEN, "Aanmelding gesloten", **moments)
    if not window_open:
        return Status(BINNENKORT, "Aanmelden kan vanaf " + format_date(registration.opent), **moments)
    if editor_state == VOL:
        waitlist = registration.wachtlijst or registration.url
        return Status(VOL, "Vol: aanmelden voor de wachtlijst", action_url=waitlist,
                      action_label="Aanmelden voor de wachtlijst", **moments)
    if editor_state == BIJNA_VOL:
        return Status(BIJNA_VOL, "Nog enkele plaatsen", **register, **moments)
    return Status(OPEN, "Aanmelden", **register, **moments)
