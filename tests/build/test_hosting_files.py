"""What the build writes for hosts: fingerprinted theme files, _build.json, robots.txt and
security.txt, and no compressed copies (the deploy makes those)."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from tests.support import (BEFORE_REGISTRATION, FIXTURE_CONTENT, LOCAL, REGISTRATION_OPEN, build, copy_fixture_content,
                           settings_file, write)
from werkplaatsen.model.routes import ASSETS_URL
from werkplaatsen.system.places import ROOT


@pytest.fixture(scope="module")
def fixture_site(fixture_build):
    return fixture_build(REGISTRATION_OPEN)


def test_theme_files_carry_a_hash_of_their_content_and_every_page_links_the_current_one(fixture_site):
    theme = fixture_site.output / "theme"
    names = sorted(p.relative_to(theme).as_posix() for p in theme.rglob("*") if p.is_file() and p.suffix not in {".gz", ".br"})
    assert [re.sub(r"\.[0-9a-f]{10}\.", ".#.", name) for name in names] == [
        "favicon.#.svg", "img/delen/algemeen.#.png", "img/delen/casussen.#.png", "img/delen/instrumenten.#.png",
        "img/delen/nieuws.#.png", "img/delen/programma.#.png", "img/delen/verslagen.#.png", "img/logo.#.png",
        "js/beheer.#.js", "js/status.#.js", "js/zoeken.#.js", "site.#.css"]
    images = {ASSETS_URL + name for name in names if name.startswith("img/")}  # for shared links (test_share_images)
    search_script = {ASSETS_URL + name for name in names if name.startswith("js/zoeken.")}
    editor_script = {ASSETS_URL + name for name in names if name.startswith("js/beheer.")}  # for /beheer/ only
    for html_file in fixture_site.html_files():
        soup = fixture_site.page("/" + html_file.relative_to(fixture_site.output).as_posix())
        linked = {tag.get("href") or tag.get("src") for tag in soup.select(f"link[href^='{ASSETS_URL}'], script[src]")}
        # The search script only where it is used: on /zoeken/.
        expected = {ASSETS_URL + name for name in names} - images - editor_script - (
            set() if html_file.parent.name == "zoeken" else search_script)
        assert linked == expected, html_file


def test_a_changed_stylesheet_gets_a_new_name(tmp_path, fixture_site):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    (theme / "static" / "css" / "site.css").write_text((theme / "static" / "css" / "site.css").read_text()
                                                      + "\n.werkplaatsen-theme { outline-color: red; }\n")
    settings = settings_file(tmp_path / "ander.py", f"THEME = {str(theme)!r}",
                             f"WERKPLAATSEN_STYLESHEET = [*WERKPLAATSEN_STYLESHEET[:3], {str(theme / 'static/css/site.css')!r}]")
    changed = build(FIXTURE_CONTENT, tmp_path / "output", now=REGISTRATION_OPEN, settings=str(settings))
    assert changed.returncode == 0, changed.stderr
    old = next((fixture_site.output / "theme").glob("site.*.css")).name
    new = next((changed.output / "theme").glob("site.*.css")).name
    assert old != new and new in (changed.output / "index.html").read_text()


def test_the_build_writes_no_compressed_copies(fixture_site):
    """Hosts that compress on the fly ignore .gz and .br files: only a deploy to nginx makes them."""
    files = [path for path in fixture_site.output.rglob("*") if path.is_file()]
    assert len(files) > 20
    assert [path for path in files if path.suffix in {".gz", ".br"} or path.name == ".compressed.json"] == []


def test_build_info_names_commit_and_the_next_status_change(fixture_site):
    info = json.loads((fixture_site.output / "_build.json").read_text())
    assert info["built_at"] == "2030-09-01T10:00+02:00"
    assert info["production"] is False
    assert re.fullmatch(r"[0-9a-f]{40}", info["commit"])
    # At REGISTRATION_OPEN, /sessies/gewoon/ is open until 2030-09-20 17:00; the first change is its closing.
    assert info["next_change"] == "2030-09-20T17:01+02:00"


@pytest.mark.parametrize(("now", "expected"), [
    (BEFORE_REGISTRATION, "2030-08-01T09:00+02:00"),  # registration opens
    ("2030-09-20 17:01", "2030-10-08T17:00+02:00"),  # the first session ends
    ("2030-12-16 00:00", None),  # everything is over
])
def test_the_next_change_follows_the_registration_and_session_moments(fixture_build, now, expected):
    assert json.loads((fixture_build(now).output / "_build.json").read_text())["next_change"] == expected


def test_a_future_report_is_a_next_change_in_production(tmp_path):
    content = copy_fixture_content(tmp_path, write(
        "verslagen/vooruit.md", "---\ntitel: Vooruit\nstatus: gepubliceerd\nsoort: verslag\ndatum: 2030-09-05\n"
        "auteurs:\n  - anna-de-vries\norganisaties:\n  - platform31\nsamenvatting: Later.\n---\n"))
    result = build(content, tmp_path / "output", now=REGISTRATION_OPEN, settings="publishconf.py",
                   extra_env={"WERKPLAATSEN_VOORBEELDEN_TOESTAAN": "ja"})
    info = json.loads((result.output / "_build.json").read_text())
    assert info["production"] is True
    assert info["next_change"] == "2030-09-05T00:00+02:00"
    assert info["content_committed"] is False, "content outside git is never reported as committed"


def test_robots_and_security_txt(fixture_site, tmp_path):
    assert (fixture_site.output / "robots.txt").read_text() == ("User-agent: *\nDisallow: /beheer/\nAllow: /\n"
                                                               f"Sitemap: {LOCAL}/sitemap.xml\n")
    security = (fixture_site.output / ".well-known" / "security.txt").read_text().splitlines()
    assert security == ["Contact: mailto:security@platform31.nl", "Expires: 2031-02-28T09:00:00Z",
                        "Preferred-Languages: nl, en", f"Canonical: {LOCAL}/.well-known/security.txt"]
    production = build(FIXTURE_CONTENT, tmp_path / "output", now=REGISTRATION_OPEN, settings="publishconf.py",
                       extra_env={"WERKPLAATSEN_VOORBEELDEN_TOESTAAN": "ja", "WERKPLAATSEN_SITEURL": "https://werkplaatsen.example"})
    assert "Sitemap: https://werkplaatsen.example/sitemap.xml" in (production.output / "robots.txt").read_text()
    assert ("Canonical: https://werkplaatsen.example/.well-known/security.txt"
            in (production.output / ".well-known" / "security.txt").read_text())


def test_the_headers_file_is_published_at_the_root(fixture_site):
    from werkplaatsen.hosting.headers import HEADERS_FILE
    assert (fixture_site.output / "_headers").read_text() == HEADERS_FILE.read_text()
