"""The build puts the browser editor at /beheer/: from the pinned bundle, with the generated configuration,
under a policy of its own, and never as a page of the site."""

from __future__ import annotations

from xml.etree import ElementTree

import yaml
from bs4 import BeautifulSoup

from tests.support import FIXTURE_CONTENT, REGISTRATION_OPEN, build
from werkplaatsen.editor.generate import DECAP_CONFIG
from werkplaatsen.hosting.headers import HEADERS_FILE, headers_for, meta_policy, parse_headers_file
from werkplaatsen.model.routes import ADMIN_URL, ASSETS_URL, HOME_URL
from werkplaatsen.system.places import ROOT

BUNDLE = ROOT / "node_modules" / "decap-cms" / "dist"
# What Decap needs beyond the pages' own policy, each found in Chromium's console (see hosting/_headers).
EDITOR_POLICY = {
    "default-src": ["'none'"],
    "script-src": ["'self'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "blob:", "https://avatars.githubusercontent.com"],
    "connect-src": ["'self'", "blob:", "https://api.github.com"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def policy(value: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in value.split(";") if part.strip())}


def test_the_editor_is_built_from_the_pinned_bundle_with_the_generated_configuration(fixture_build):
    output = fixture_build(REGISTRATION_OPEN).output / "beheer"
    assert (output / "config.yml").read_text(encoding="utf-8") == DECAP_CONFIG.read_text(encoding="utf-8")
    assert (output / "decap-cms.js").read_bytes() == (BUNDLE / "decap-cms.js").read_bytes()
    chunks = {path.name for path in BUNDLE.glob("*.decap-cms.js")}
    assert chunks and chunks <= {path.name for path in output.iterdir()}
    assert not list(output.glob("*.map")), "no source maps"
    page = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
    scripts = [script["src"] for script in page.find_all("script")]
    assert scripts[0] == f"{ADMIN_URL}decap-cms.js" and scripts[1].startswith(f"{ASSETS_URL}js/beheer.")
    assert page.find_all("script")[1]["data-stylesheet"].startswith(f"{ASSETS_URL}site.")
    assert not [script for script in page.find_all("script") if script.string], "no inline script"


def test_the_login_page_shows_the_sites_name_as_the_logo(fixture_build):
    result = fixture_build(REGISTRATION_OPEN)
    logo = ElementTree.fromstring((result.output / "beheer" / "logo.svg").read_bytes())
    namespace = "{http://www.w3.org/2000/svg}"
    assert logo.findtext(f"{namespace}title") == "Werkplaatsen wijkgericht werken: beheer"
    assert [text.text for text in logo.iter(f"{namespace}text")] == ["Werkplaatsen wijkgericht werken", "Beheer"]
    config = yaml.safe_load((result.output / "beheer" / "config.yml").read_text(encoding="utf-8"))
    assert config["logo_url"] == f"{ADMIN_URL}logo.svg"
    page = BeautifulSoup((result.output / "beheer" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find_all("script")[1]["data-logo-text"] == "Werkplaatsen wijkgericht werken, beheer"


def test_the_editor_page_carries_its_own_policy_and_is_no_page_of_the_site(fixture_build):
    result = fixture_build(REGISTRATION_OPEN)
    rules = parse_headers_file(HEADERS_FILE)
    page = BeautifulSoup((result.output / "beheer" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"] == meta_policy(rules, ADMIN_URL)
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert ADMIN_URL not in (result.output / "sitemap.xml").read_text(encoding="utf-8")
    assert all(ADMIN_URL not in feed.read_text(encoding="utf-8") for feed in result.output.rglob("*.atom"))
    assert f"Disallow: {ADMIN_URL}" in (result.output / "robots.txt").read_text(encoding="utf-8")
    assert not [path for path in result.html_files() if "beheer" in path.parts]


def test_the_editor_has_exactly_the_policy_it_needs_and_every_other_path_keeps_the_strict_one():
    rules = parse_headers_file(HEADERS_FILE)
    for path in (ADMIN_URL, f"{ADMIN_URL}config.yml", f"{ADMIN_URL}decap-cms.js"):
        headers = dict(headers_for(rules, path))
        assert policy(headers["Content-Security-Policy"]) == EDITOR_POLICY, path
        assert headers["X-Robots-Tag"] == "noindex"
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin-allow-popups", "GitHub's sign-in popup reports back"
        assert headers["X-Content-Type-Options"] == "nosniff" and headers["X-Frame-Options"] == "DENY"
    for path in (HOME_URL, "/sessies/x/", "/beheerders/", f"{ASSETS_URL}js/beheer.0123456789.js"):
        headers = dict(headers_for(rules, path))
        script = policy(headers["Content-Security-Policy"])["script-src"]
        assert "'unsafe-eval'" not in script and "'unsafe-inline'" not in headers["Content-Security-Policy"], path
        assert "X-Robots-Tag" not in headers, path
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", path


def test_a_production_build_carries_the_github_configuration(tmp_path):
    result = build(FIXTURE_CONTENT, tmp_path / "output", now=REGISTRATION_OPEN, settings="publishconf.py",
                   extra_env={"WERKPLAATSEN_VOORBEELDEN_TOESTAAN": "ja"})
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load((result.output / "beheer" / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["name"] == "github" and config["publish_mode"] == "editorial_workflow"
    assert (result.output / "beheer" / "config.yml").read_text(encoding="utf-8") == DECAP_CONFIG.read_text(encoding="utf-8")
