"""The registration status on the built pages, under a frozen clock, the same everywhere."""

import pytest

from tests.support import BEFORE_REGISTRATION, REGISTRATION_OPEN


def registration_of(soup):
    block = soup.select_one("main .werkplaatsen-registration")
    assert block is not None, "no registration block on the page"
    return block


def state(soup) -> str:
    return registration_of(soup)["data-status"]


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2030-08-01 08:59", "binnenkort"),
        ("2030-08-01 09:00", "open"),
        ("2030-09-20 17:00", "open"),
        ("2030-09-20 17:01", "gesloten"),
        ("2030-10-08 16:59", "gesloten"),
        ("2030-10-08 17:00", "afgelopen"),
    ],
)
def test_session_status_changes_at_the_exact_minute(fixture_build, now, expected):
    assert state(fixture_build(now).page("/sessies/gewoon/")) == expected


@pytest.mark.parametrize(
    ("slug", "expected", "text"),
    [
        ("gewoon", "open", "Aanmelden"),
        ("bijna-vol", "bijna-vol", "Nog enkele plaatsen"),
        ("vol", "vol", "Aanmelden voor de wachtlijst"),
        ("geannuleerd", "geannuleerd", "Geannuleerd"),
        ("verplaatst", "verplaatst", "Verplaatst (was dinsdag 1 oktober 2030)"),
    ],
)
def test_every_state_is_shown_on_the_session_page(fixture_build, slug, expected, text):
    block = registration_of(fixture_build(REGISTRATION_OPEN).page(f"/sessies/{slug}/"))
    assert block["data-status"] == expected
    assert text in " ".join(block.get_text().split())  # as shown: dates are <time> elements inside the text


def test_open_button_links_out_and_says_so(fixture_build):
    link = registration_of(fixture_build(REGISTRATION_OPEN).page("/sessies/gewoon/")).select_one("a")
    assert link["href"] == "https://www.lpbagenda.nl/ronde-9"
    assert "external" in link["rel"]
    assert "(externe website)" in link.get_text()


@pytest.mark.parametrize("now", [BEFORE_REGISTRATION, "2030-09-20 17:01", "2030-10-08 17:00"])
def test_no_invitation_outside_the_registration_window(fixture_build, now):
    assert registration_of(fixture_build(now).page("/sessies/gewoon/")).select("a") == []


def test_status_is_the_same_on_every_page_that_shows_the_session(fixture_build):
    site = fixture_build(REGISTRATION_OPEN)
    for slug in ("gewoon", "vol", "geannuleerd", "verplaatst"):
        url = f"/sessies/{slug}/"
        expected = state(site.page(url))
        seen = 0
        for page in ("/", "/sessies/", "/programma/", "/programma/ronde-9/", "/themas/participatie/"):
            for card in site.page(page).select(".werkplaatsen-card"):
                if card.select_one(".werkplaatsen-card__title a")["href"] == url:
                    assert card.select_one(".werkplaatsen-registration")["data-status"] == expected, page
                    seen += 1
        assert seen >= 2, f"{url} appears in too few lists"


def test_round_status_follows_its_own_registration_and_period(fixture_build):
    assert state(fixture_build(REGISTRATION_OPEN).page("/programma/ronde-9/")) == "open"
    assert state(fixture_build("2030-12-15 23:59").page("/programma/ronde-9/")) == "gesloten"
    assert state(fixture_build("2030-12-16 00:00").page("/programma/ronde-9/")) == "afgelopen"


def test_page_carries_the_moments_for_the_freshness_script(fixture_build):
    block = registration_of(fixture_build(REGISTRATION_OPEN).page("/sessies/gewoon/"))
    assert block["data-closes"] == "2030-09-20T17:00+02:00"
    assert block["data-ends"] == "2030-10-08T17:00+02:00"


def test_after_the_session_the_page_looks_back(fixture_build):
    page = fixture_build("2030-10-09 10:00").page("/sessies/gewoon/")
    lookback = page.select_one(".werkplaatsen-lookback")
    assert lookback is not None
    text = lookback.get_text(" ", strip=True)
    assert "We leerden veel." in text
    assert lookback.select_one('a[href="/verslagen/verslag-sessie-1/"]')
    assert lookback.select_one('a[href="/bestanden/werkblad.pdf"]')
    assert "Voorbereiding" not in page.get_text()


@pytest.mark.parametrize(("now", "round_heading", "sessions_heading"), [
    (REGISTRATION_OPEN, "Huidige ronde", "Volgende sessies"),
    ("2040-01-01 10:00", "Laatste ronde", "Laatste sessies"),
])
def test_the_home_page_names_its_round_and_sessions_by_the_clock(fixture_build, now, round_heading, sessions_heading):
    home = fixture_build(now).page("/")
    assert home.select_one("#ronde-kop").get_text().startswith(f"{round_heading}: ")
    sessions = home.select_one("#sessies-kop")
    assert sessions.get_text() == sessions_heading
    cards = sessions.find_parent("section").select(".werkplaatsen-card")
    assert 0 < len(cards) <= 3
