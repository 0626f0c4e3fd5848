"""The moment a build computes statuses against: frozen for tests and rebuilds, else now."""

from __future__ import annotations

import os
from datetime import datetime

from .fields import TIMEZONE, parse_datetime

NOW_VARIABLE = "WERKPLAATSEN_NU"


def build_time(settings: dict) -> datetime:
    """WERKPLAATSEN_NU from the environment or the settings ("2019-09-15 10:00"), else the clock."""
    frozen = os.environ.get(NOW_VARIABLE) or settings.get("WERKPLAATSEN_NU")
    return parse_datetime(frozen) if frozen else datetime.now(TIMEZONE).replace(second=0, microsecond=0)
