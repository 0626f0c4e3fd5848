"""URLs are read the way a browser reads them; anything a browser would repair or misread is refused."""

import pytest

from werkplaatsen.model import routes, urls

HOSTS = ("www.platform31.nl", "www.lpbagenda.nl")


@pytest.mark.parametrize(("url", "words"), [
    ("https://evil.example\\@www.platform31.nl/", "bevat een backslash"),
    ("https:\\\\evil.example/", "bevat een backslash"),
    ("https://evil.example@www.platform31.nl/", "gebruikersnaam of wachtwoord"),
    ("https://user:pw@www.platform31.nl/", "gebruikersnaam of wachtwoord"),
    ("https://www.platform31.nl /x", "spatie of onzichtbaar teken"),
    ("https://www.platform31.nl/\tx", "spatie of onzichtbaar teken"),
    ("https://www.platform31.nl/\x00", "spatie of onzichtbaar teken"),
    (" https://www.platform31.nl/", "spatie of onzichtbaar teken"),
    ("http://www.platform31.nl/", "niet beveiligd"),
    ("javascript:alert(1)", "niet toegestaan (javascript:)"),
    ("JaVaScRiPt:alert(1)", "niet toegestaan (javascript:)"),
    ("data:text/html,<b>", "niet toegestaan (data:)"),
    ("https://evil.example/", "gaat naar evil.example"),
    ("https://www.platform31.nl.evil.example/", "gaat naar www.platform31.nl.evil.example"),
    ("https://WWW.PLATFORM31.NL./", "gaat naar www.platform31.nl."),
    ("//evil.example/", "gaat naar evil.example"),
    ("https://[", "geen geldig webadres"),
    ("sessies/x/", "is onvolledig"),
    ("", "de link is leeg"),
])
def test_refused_links(url, words):
    with pytest.raises(urls.UrlProblem, match=words.replace("(", r"\(").replace(")", r"\)")):
        urls.link(url, HOSTS)


@pytest.mark.parametrize(("url", "internal", "path", "fragment", "host"), [
    ("/sessies/x/", True, "/sessies/x/", "", ""),
    ("/sessies/x/#agenda", True, "/sessies/x/", "agenda", ""),
    ("/sessies/../verslagen/", True, "/verslagen/", "", ""),
    ("#kop", True, "/", "kop", ""),
    ("https://WWW.Platform31.nl/over", False, "/over", "", "www.platform31.nl"),
])
def test_accepted_links_say_where_they_go(url, internal, path, fragment, host):
    target = urls.link(url, HOSTS)
    assert (target.internal, target.path, target.fragment, target.host) == (internal, path, fragment, host)


@pytest.mark.parametrize("url", ["mailto:info@platform31.nl", "tel:+31301234567"])
def test_mail_and_phone_links_are_fine(url):
    assert urls.link(url, HOSTS) is None


def test_a_url_field_must_be_external_on_its_list():
    assert urls.external("https://www.lpbagenda.nl/x", ("www.lpbagenda.nl",)) == "https://www.lpbagenda.nl/x"
    with pytest.raises(urls.UrlProblem, match="geen volledig webadres"):
        urls.external("/sessies/x/", HOSTS)
    with pytest.raises(urls.UrlProblem, match="gaat naar www.platform31.nl"):
        urls.external("https://www.platform31.nl/", ("www.lpbagenda.nl",))


@pytest.mark.parametrize(("page", "section", "expected"), [
    ("/sessies/", "/sessies/", True),
    ("/sessies/gewoon/", "/sessies/", True),
    ("/casussen/", "/sessies/", False),
    ("/", "/", True),
    ("/sessies/", "/", False),  # the home page's section holds only the home page
])
def test_a_page_is_within_its_menu_section(page, section, expected):
    assert routes.within(page, section) is expected
