"""The check over the built pages: every internal link and anchor resolves, deterministically."""

from werkplaatsen.build.sitecheck import broken_links, facts

PAGES = {
    "/": '<a href="/over/">Over</a> <a href="/sessies/#komend">Komend</a> <a href="#inhoud">Naar</a><main id="inhoud">',
    "/sessies/": '<h2 id="komend">Komend</h2><a href="/bestanden/a%20b.pdf">Pdf</a><a href="https://www.lpb.nl/">LPB</a>',
}


def messages(pages, files=frozenset({"/bestanden/a b.pdf"}), hidden=None, settings=None):
    built = {url: facts(html) for url, html in pages.items()}
    return [str(error) for error in broken_links(built, set(files), hidden or {}, settings or {})]


def test_a_complete_site_passes():
    pages = {**PAGES, "/over/": "<p>Over</p>"}
    assert messages(pages) == []


def test_a_missing_page_is_reported_once_with_the_reason_and_the_setting():
    pages = {**PAGES, "/sessies/": PAGES["/sessies/"] + '<a href="/over/">Over</a>'}
    assert messages(pages, hidden={"/over/": "content/paginas/over.md is nog een concept"},
                    settings={"/over/": "MENU"}) == [
        "pelicanconf.py (MENU): de link /over/ (op /, /sessies/) wijst naar een pagina die niet bestaat. "
        "content/paginas/over.md is nog een concept. Pas de link aan of publiceer de pagina."]


def test_missing_anchors_and_files_are_reported():
    pages = {"/": '<a href="/sessies/#weg">x</a><a href="#nergens">y</a><a href="/bestanden/c.pdf">z</a>',
             "/sessies/": '<h2 id="komend">Komend</h2>'}
    found = messages(pages)
    assert len(found) == 3
    assert any("/sessies/#weg" in line and "een plek die er niet is" in line for line in found)
    assert any("/#nergens" in line for line in found)
    assert any("/bestanden/c.pdf" in line and "een pagina die niet bestaat" in line for line in found)


def test_many_sources_are_summarised_each_page_once():
    pages = {f"/p{n}/": '<a href="/weg/">weg</a>' * 2 for n in range(5)}
    assert "(op 5 pagina's, zoals /p0/, /p1/, /p2/)" in messages(pages)[0]
