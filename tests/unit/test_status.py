"""The registration status rules of docs/registration-status.md, at the exact minute of every boundary."""

from datetime import datetime, timedelta, timezone

import pytest

from tests.support import validation_context
from werkplaatsen.model import dutch
from werkplaatsen.model.fields import parse_datetime
from werkplaatsen.model.schemas import Registration
from werkplaatsen.model.status import registration_status

URL = "https://www.lpbagenda.nl/werkplaatsen"
MINUTE = timedelta(minutes=1)
OPENS = "2019-08-01 09:00"
CLOSES = "2019-09-20 17:00"
ENDS = parse_datetime("2019-10-08 17:00")


def at(moment: str):
    return parse_datetime(moment)


def registration(**fields) -> Registration:
    """A registration; a field given as None is left out."""
    data = {key: value for key, value in {"url": URL, "opent": OPENS, "sluit": CLOSES, **fields}.items() if value}
    return Registration.model_validate(
        data,
        context=validation_context(),
    )


def status(now, ends=ENDS, **fields):
    return registration_status(registration(**fields), ends, now, format_date=dutch.when)


@pytest.mark.parametrize(
    ("now", "code"),
    [
        (at(OPENS) - MINUTE, "binnenkort"),
        (at(OPENS), "open"),
        (at(CLOSES), "open"),
        (at(CLOSES) + MINUTE, "gesloten"),
        (ENDS - MINUTE, "gesloten"),
        (ENDS, "afgelopen"),
    ],
)
def test_date_driven_states_change_at_the_exact_minute(now, code):
    assert status(now).code == code


def test_open_offers_the_external_form_and_says_until_when():
    result = status(at("2019-09-01 10:00"))
    assert (result.code, result.action_url, result.action_label) == ("open", URL, "Aanmelden")
    assert result.badge is None
    assert result.closes == at(CLOSES)


def test_before_opening_says_from_when():
    result = status(at("2019-07-01 10:00"))
    assert result.label == "Aanmelden kan vanaf donderdag 1 augustus 2019 om 09.00 uur"
    assert not result.can_register


@pytest.mark.parametrize(
    ("editor_state", "code", "label", "can_register"),
    [
        ("bijna-vol", "bijna-vol", "Nog enkele plaatsen", True),
        ("vol", "vol", "Vol: aanmelden voor de wachtlijst", True),
        ("geannuleerd", "geannuleerd", "Geannuleerd", False),
    ],
)
def test_editor_states_while_registration_is_open(editor_state, code, label, can_register):
    result = status(at("2019-09-01 10:00"), status=editor_state)
    assert (result.code, result.label, result.can_register) == (code, label, can_register)


def test_full_links_to_the_waiting_list_when_given():
    waitlist = "https://www.lpbagenda.nl/wachtlijst"
    result = status(at("2019-09-01 10:00"), status="vol", wachtlijst=waitlist)
    assert result.action_url == waitlist


def test_the_waiting_list_button_says_where_it_leads():
    """The button of a full session signs up for the waiting list, not for the session itself."""
    assert status(at("2019-09-01 10:00"), status="vol").action_label == "Aanmelden voor de wachtlijst"


def test_moved_shows_the_original_date_and_still_registers_while_open():
    result = status(at("2019-09-01 10:00"), status="verplaatst", oorspronkelijke_datum="2019-10-01")
    assert result.label == "Verplaatst (was dinsdag 1 oktober 2019)"
    assert result.can_register


def test_moved_after_the_deadline_no_longer_invites():
    result = status(at(CLOSES) + MINUTE, status="verplaatst", oorspronkelijke_datum="2019-10-01")
    assert result.code == "verplaatst" and not result.can_register


@pytest.mark.parametrize("editor_state", ["bijna-vol", "vol"])
def test_past_and_closed_win_over_full(editor_state):
    assert status(at(CLOSES) + MINUTE, status=editor_state).code == "gesloten"
    assert status(ENDS, status=editor_state).code == "afgelopen"


def test_cancelled_stays_cancelled_after_the_date():
    assert status(ENDS + MINUTE, status="geannuleerd").code == "geannuleerd"


def test_no_registration_is_closed_until_the_end():
    assert registration_status(None, ENDS, ENDS - MINUTE, format_date=dutch.when).code == "gesloten"
    assert registration_status(None, ENDS, ENDS, format_date=dutch.when).code == "afgelopen"


def test_deadline_is_amsterdam_time_across_the_dst_change():
    # Summer time ends on 27 October 2019: 17:00 on the 26th is 15:00 UTC, on the 28th 16:00 UTC.
    utc = timezone.utc
    ends = at("2019-11-01 17:00")
    summer = registration(sluit="2019-10-26 17:00")
    winter = registration(sluit="2019-10-28 17:00")

    def code(closing, now):
        return registration_status(closing, ends, now, format_date=dutch.when).code

    assert code(summer, datetime(2019, 10, 26, 15, 0, tzinfo=utc)) == "open"
    assert code(summer, datetime(2019, 10, 26, 15, 1, tzinfo=utc)) == "gesloten"
    assert code(winter, datetime(2019, 10, 28, 16, 0, tzinfo=utc)) == "open"
    assert code(winter, datetime(2019, 10, 28, 16, 1, tzinfo=utc)) == "gesloten"
    assert dutch.iso(summer.sluit) == "2019-10-26T17:00+02:00"
    assert dutch.iso(winter.sluit) == "2019-10-28T17:00+01:00"


@pytest.mark.parametrize("editor_state", ["bijna-vol", "vol"])
def test_full_never_invites_before_registration_opens(editor_state):
    result = status(at(OPENS) - MINUTE, status=editor_state)
    assert (result.code, result.can_register) == ("binnenkort", False)


def test_without_an_opening_moment_registration_is_open_until_the_deadline():
    result = registration_status(registration(opent=None), ENDS, at("2019-01-01 00:00"), format_date=dutch.when)
    assert (result.code, result.action_url) == ("open", URL)
    result = registration_status(registration(opent=None), ENDS, at(CLOSES) + MINUTE, format_date=dutch.when)
    assert result.code == "gesloten"


@pytest.mark.parametrize(
    ("now", "fields", "label"),
    [
        (at("2019-09-01 10:00"), {"status": "geannuleerd"}, "Geannuleerd"),
        (ENDS, {}, "Afgelopen"),
        (at(CLOSES) + MINUTE, {}, "Aanmelding gesloten"),
        (at(OPENS) - MINUTE, {}, "Aanmelden kan vanaf donderdag 1 augustus 2019 om 09.00 uur"),
        (at("2019-09-01 10:00"), {"status": "vol"}, "Vol: aanmelden voor de wachtlijst"),
        (at("2019-09-01 10:00"), {"status": "bijna-vol"}, "Nog enkele plaatsen"),
        (at("2019-09-01 10:00"), {}, "Aanmelden"),
    ],
    ids=["geannuleerd", "afgelopen", "gesloten", "binnenkort", "vol", "bijna-vol", "open"],
)
def test_each_state_is_shown_as_the_documented_text(now, fields, label):
    """The "shown as" column of docs/registration-status.md: the words badges and lists show."""
    assert status(now, **fields).label == label


@pytest.mark.parametrize(("now", "label"), [(ENDS - MINUTE, "Aanmelding gesloten"), (ENDS, "Afgelopen")])
def test_without_registration_the_text_and_the_end_are_still_shown(now, label):
    """The page carries the end as data-ends, so status.js can still turn it to "Afgelopen"."""
    result = registration_status(None, ENDS, now, format_date=dutch.when)
    assert (result.label, result.ends, result.opens, result.closes) == (label, ENDS, None, None)


def test_the_registration_moments_are_carried_for_the_page():
    """The registration block writes opening, closing and end as data- attributes for status.js."""
    result = status(at(OPENS) - MINUTE)
    assert (result.opens, result.closes, result.ends) == (at(OPENS), at(CLOSES), ENDS)
