"""A session falls in its round's period: the home page and /programma/ show it under its round.

Whole days in Amsterdam time, the round's last day included; both files are named, with the period.
"""

from __future__ import annotations

from datetime import datetime

import pytest

import pelicanconf
from werkplaatsen.model.fields import TIMEZONE
from werkplaatsen.model.vocabulary import vocabulary
from werkplaatsen.reading.catalog import LoadOptions, collect

OPTIONS = LoadOptions.from_settings(vars(pelicanconf), datetime(2030, 9, 1, tzinfo=TIMEZONE))
ROUND = "content/rondes/ronde-9.md"  # 1 September to 15 December 2030, "periode" on line 4
SESSION = "content/sessies/gewoon.md"  # start on line 5, end on line 6


def errors_with(content, start: str, end: str, round_change: tuple[str, str] | None = None) -> list[str]:
    session = content / "sessies" / "gewoon.md"
    text = session.read_text(encoding="utf-8")
    session.write_text(text.replace("start: 2030-10-08 13:30", f"start: {start}")
                       .replace("eind: 2030-10-08 17:00", f"eind: {end}"), encoding="utf-8")
    if round_change:
        path = content / "rondes" / "ronde-9.md"
        path.write_text(path.read_text(encoding="utf-8").replace(*round_change), encoding="utf-8")
    return [str(error) for error in collect(content, vocabulary(), OPTIONS)[1]]


@pytest.mark.parametrize(("start", "end"), [
    ("2030-09-01 00:00", "2030-09-01 02:00"),  # the first minutes of the first day
    ("2030-12-15 21:00", "2030-12-15 23:59"),  # the last day, to its last minute
])
def test_a_session_on_the_first_or_last_day_of_its_round_is_inside(content, start, end):
    assert errors_with(content, start, end) == []


@pytest.mark.parametrize(("start", "end", "field", "when"), [
    ("2030-08-31 23:30", "2030-09-01 01:00", "start", "zaterdag 31 augustus 2030 om 23.30 uur tot zondag 1 september "
                                                      "2030 om 01.00 uur"),
    ("2030-12-15 23:00", "2030-12-16 00:30", "eind", "zondag 15 december 2030 om 23.00 uur tot maandag 16 december "
                                                     "2030 om 00.30 uur"),
    ("2031-01-14 13:30", "2031-01-14 17:00", "start", "dinsdag 14 januari 2031, 13.30–17.00 uur"),
])
def test_a_session_outside_its_round_is_refused_naming_both_files_and_the_period(content, start, end, field, when):
    line = {"start": 5, "eind": 6}[field]
    assert errors_with(content, start, end) == [
        f'{SESSION}, regel {line}, veld "{field}": de sessie ({when}) valt buiten de periode van de ronde "ronde-9": '
        f'1 september – 15 december 2030 ({ROUND}, regel 4, veld "periode"). Kies bij ronde de ronde waarin de sessie '
        "valt, of pas de periode van de ronde aan. Maak een nieuwe ronde eerst, dan de sessies."]


def test_moving_the_round_s_start_checks_all_its_sessions_again(content):
    errors = errors_with(content, "2030-10-08 13:30", "2030-10-08 17:00", ("start: 2030-09-01", "start: 2030-10-30"))
    assert {error.split(",")[0] for error in errors} == {
        f"content/sessies/{name}.md" for name in ("gewoon", "bijna-vol", "vol", "geannuleerd")}
    assert all('veld "start"' in error and "30 oktober – 15 december 2030" in error for error in errors)


@pytest.mark.parametrize("round_change", [("nummer: 9", "nummer: negen"), ("titel: Ronde negen\n", "")])
def test_a_round_with_errors_of_its_own_is_not_blamed_again_through_its_sessions(content, round_change):
    errors = errors_with(content, "2031-01-14 13:30", "2031-01-14 17:00", round_change)
    assert errors and all(error.startswith(ROUND) for error in errors), errors
