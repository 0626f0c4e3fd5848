"""static/js/status.js really corrects a stale page: the fixture site is built while
/sessies/gewoon/ is open (REGISTRATION_OPEN) and then viewed at later browser times."""

from __future__ import annotations

import pytest

from tests.browser.gates import Recorder, new_context
from tests.support import REGISTRATION_OPEN

pytestmark = pytest.mark.browser

PATH = "/sessies/gewoon/"
BLOCK = "main .werkplaatsen-registration"
BUTTON = "main .werkplaatsen-registration a"


def view(browser, server, now, javascript=True):
    """Open the session page with the browser clock at `now`; return (context, page, record)."""
    context = new_context(browser, now=now, java_script_enabled=javascript)
    recorder = Recorder(context.new_page())
    record = recorder.visit(server.url + PATH)
    return context, recorder.page, record


def script_problems(record):
    return [p for p in record.problems() if p.startswith(("uncaught error", "CSP violation"))]


@pytest.mark.parametrize(("now", "state", "badge"), [
    ("2030-09-20 17:01", "gesloten", "Aanmelding gesloten"),
    ("2030-10-08 16:59", "gesloten", "Aanmelding gesloten"),
    ("2030-10-08 17:00", "afgelopen", "Afgelopen"),
])
def test_a_stale_invitation_is_replaced(browser, served_fixture_site, now, state, badge):
    context, page, record = view(browser, served_fixture_site, now)
    try:
        assert page.locator(BUTTON).count() == 0, f"the button is still there at {now}"
        assert page.locator(".werkplaatsen-registration__deadline").count() == 0
        assert page.locator(BLOCK).get_attribute("data-status") == state
        assert page.locator(BLOCK).inner_text().strip() == badge
        # Every other registration block on the page is corrected too.
        assert page.locator(".werkplaatsen-registration a").count() == 0
        assert not script_problems(record)
    finally:
        context.close()


@pytest.mark.parametrize("now", [REGISTRATION_OPEN, "2030-09-20 17:00"])
def test_an_open_invitation_stays(browser, served_fixture_site, now):
    context, page, record = view(browser, served_fixture_site, now)
    try:
        assert page.locator(BUTTON).count() == 1
        assert page.locator(BUTTON).is_visible()
        assert page.locator(BLOCK).get_attribute("data-status") == "open"
        assert "Aanmelden kan tot vrijdag 20 september 2030" in page.locator(BLOCK).inner_text()
        assert not script_problems(record)
    finally:
        context.close()


def test_without_javascript_the_build_state_is_shown(browser, served_fixture_site, fixture_site):
    context, page, _ = view(browser, served_fixture_site, "2030-10-08 17:00", javascript=False)
    try:
        assert page.locator(BUTTON).count() == 1
        assert page.locator(BLOCK).get_attribute("data-status") == "open"
        assert "Afgelopen" not in page.locator(BLOCK).inner_text()
        built = fixture_site.page(PATH).select_one(BLOCK).get_text()  # both as text_content: dates are <time> inside text
        assert " ".join(page.locator(BLOCK).text_content().split()) == " ".join(built.split())
    finally:
        context.close()
