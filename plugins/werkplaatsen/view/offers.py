"""A session's offer in its event data (schema.org Offer): price, availability and when it opens.

The price comes from the round's ``kosten`` text: its first amount (€ 25, 12,50 euro, € 1.250) or, when it
says so first, free (gratis, kosteloos: 0 EUR); text that names neither gives no price. The
availability follows the one registration status (status.py), so the event data never says
InStock while the page says registration opens next week.
"""

from __future__ import annotations

import re

from ..model import dutch
from ..model.status import AFGELOPEN, BIJNA_VOL, BINNENKORT, GESLOTEN, OPEN, VOL, Status

SCHEMA = "https://schema.org/"
CURRENCY = "EUR"
AVAILABILITY = {BINNENKORT: "PreOrder", OPEN: "InStock", BIJNA_VOL: "LimitedAvailability", VOL: "SoldOut",
                GESLOTEN: "OutOfStock", AFGELOPEN: "OutOfStock"}
# An amount in Dutch notation (1.250,50), at most seven digits before the comma: a longer number is
# no price, and a float of hundreds of digits would be infinite, which JSON cannot hold.
_AMOUNT = r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3}){1,2}|\d{1,7})(?:,\d{1,2})?(?![.,]?\d)"
_PRICE = re.compile(rf"€\s*(?P<before>{_AMOUNT})|(?P<after>{_AMOUNT})\s*(?:euro|EUR)\b"
                    r"|\b(?P<free>gratis|kosteloos|geen kosten)\b", re.IGNORECASE)


def price(costs: str | None) -> int | float | None:
    """The first price the text names: an amount, or 0 for free; None when it names neither."""
    found = _PRICE.search(costs or "")
    if not found:
        return None
    if found.group("free"):
        return 0
    amount = float((found.group("before") or found.group("after")).replace(".", "").replace(",", "."))
    return int(amount) if amount.is_integer() else amount


def offer(status: Status, registration, costs: str | None) -> dict | None:
    """The Offer of a session or round with a registration; None when cancelled (nothing to offer)."""
    state = status.registration_state
    if registration is None or state not in AVAILABILITY:
        return None
    amount = price(costs)
    data = {"@type": "Offer", "url": status.action_url or registration.url,
            "availability": SCHEMA + AVAILABILITY[state],
            "validFrom": registration.opent and dutch.iso(registration.opent),
            "price": amount, "priceCurrency": CURRENCY if amount is not None else None}
    return {key: value for key, value in data.items() if value is not None}
