"""The price in a session's offer, read from the round's costs text."""

import pytest

from werkplaatsen.view.offers import price
from werkplaatsen.view.structured import script


@pytest.mark.parametrize(("costs", "expected"), [
    ("Gratis", 0),
    ("Deelname is gratis. De reiskosten (tot 50 euro) betaalt uw gemeente.", 0),
    ("€ 25 per trio", 25),
    ("€25,50 per persoon; lunch gratis", 25.5),
    ("Deelname kost 12,50 euro.", 12.5),
    ("Deelname is kosteloos.", 0),
    ("Op aanvraag", None),
    ("€ 1.250 per trio.", 1250),
    ("Deelname kost € 25.", 25),
    ("€ " + "9" * 400, None),  # no price, and never an infinite one
    ("€ 12345678", None),
    ("12345678 euro", None),  # not its last seven digits
    ("1.2345 euro", None),
    ("€ 1" + ".000" * 110, None),  # dots do not lift the limit of seven digits
    ("€ 1.000.000", 1000000),
    (None, None),
])
def test_the_first_price_the_text_names(costs, expected):
    assert price(costs) == expected


def test_event_data_with_an_infinite_number_stops_rather_than_writing_invalid_json():
    with pytest.raises(ValueError):
        script({"@type": "Offer", "price": float("inf")})
    assert script({"name": "</script>"}) == '<script type="application/ld+json">{"name":"\\u003c/script\\u003e"}</script>'
