"""The moment a build computes statuses against (frozen for tests and rebuilds, else now), and the
moments of the day that statuses and embargoes change at."""

from __future__ import annotations

import os
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from .fields import TIMEZONE, parse_datetime

if TYPE_CHECKING:
    from .contenttypes import ContentType

NOW_VARIABLE = "WERKPLAATSEN_NU"


def build_time(settings: dict) -> datetime:
    """WERKPLAATSEN_NU from the environment or the settings ("2019-09-15 10:00"), else the clock."""
    frozen = os.environ.get(NOW_VARIABLE) or settings.get("WERKPLAATSEN_NU")
    return parse_datetime(frozen) if frozen else datetime.now(TIMEZONE).replace(second=0, microsecond=0)


def midnight(day: date) -> datetime:
    """The start of a day in Amsterdam; an item dated that day appears on the real site from then."""
    return datetime.combine(day, time(0, 0), tzinfo=TIMEZONE)


def embargo_ends(kind: ContentType, record) -> datetime | None:
    """When an item of a type with a publication date (a report, a news item) may appear: at midnight
    of that date, at the first build from then; None for other types."""
    day = getattr(record, kind.embargo) if kind.embargo else None
    return midnight(day) if day else None
