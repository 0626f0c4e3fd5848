"""A shown date survives the trip from a render process to the preview (pickle) with its <time> markup."""

from __future__ import annotations

import pickle
from datetime import date

from markupsafe import escape

from werkplaatsen.view import timetags


def test_a_shown_date_keeps_its_text_and_markup_through_pickle():
    shown = timetags.day(date(2019, 10, 8)) + " (verplaatst)"
    back = pickle.loads(pickle.dumps(shown))
    assert isinstance(back, timetags.Shown) and back == "dinsdag 8 oktober 2019 (verplaatst)"
    assert escape(back) == '<time datetime="2019-10-08">dinsdag 8 oktober 2019</time> (verplaatst)'
