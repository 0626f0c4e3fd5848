"""The browser editor as an editor uses it: `make beheer` on a scratch checkout, clicked through in Chromium.

Every save must be one commit by the editor that passes the build's own checks; what the model
refuses must never be committed.
"""

from __future__ import annotations

import re
import urllib.request

import pytest
from bs4 import BeautifulSoup

from tests.browser.editor import (EDITOR, check, commits, field_named, fill_session, git, new_item, page_text, read,
                                  save, sign_in, wait_for_commit)
from tests.browser.gates import Recorder
from tests.support import build
from werkplaatsen.hosting.headers import HEADERS_FILE, headers_for, meta_policy, parse_headers_file
from werkplaatsen.model.routes import ADMIN_URL, ASSETS_URL

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("beheer")]

NEW_SESSION = "content/sessies/sessie-5-wonen-zorg-in-een-wijk.md"


def test_a_new_session_through_the_form_is_one_commit_by_the_editor_that_passes_the_checks(beheer, editor_tab,
                                                                                             tmp_path):
    page, repo = editor_tab, beheer.repo
    before = commits(repo)
    new_item(page, beheer.url, "Sessies", "Sessie")
    fill_session(page, "Sessie 5: wonen & zorg in één wijk", "2019-12-03", "Fysiek",
                 "Een werkplaats over wonen en zorg: wat werkt in de wijk?")
    field_named(page, "Naam").fill("Wijkcentrum De Schakel")
    field_named(page, "Plaats").fill("Deventer")
    save(page)
    page.get_by_text("Item opgeslagen").wait_for()

    after = wait_for_commit(repo, before)
    assert after[1:] == before, "exactly one new commit"
    author = git(repo, "log", "-1", "--format=%an <%ae>|%cn <%ce>").strip()
    assert author == f"{EDITOR[0]} <{EDITOR[1]}>|{EDITOR[0]} <{EDITOR[1]}>", "the editor's own identity"
    assert git(repo, "show", "--name-status", "--format=", "HEAD").split() == ["A", NEW_SESSION]
    assert read(repo, NEW_SESSION).data == {
        "titel": "Sessie 5: wonen & zorg in één wijk", "status": "concept", "voorbeeld": "nee",
        "ronde": "ronde-2-najaar-2019", "start": "2019-12-03 13:30", "eind": "2019-12-03 17:00", "vorm": "fysiek",
        "locatie": {"naam": "Wijkcentrum De Schakel", "plaats": "Deventer"},
        "samenvatting": "Een werkplaats over wonen en zorg: wat werkt in de wijk?",
    }
    result = check(repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert git(repo, "status", "--porcelain") == "", "make check and the preview leave the checkout clean"
    built = build(repo / "content", tmp_path / "output")
    assert built.returncode == 0, built.stderr
    html = page_text(f"{beheer.url}/sessies/sessie-5-wonen-zorg-in-een-wijk/", "Sessie 5: wonen &amp; zorg in één wijk")
    preview = " ".join(BeautifulSoup(html, "html.parser").get_text().split())  # dates sit in <time> elements
    for shown in ("dinsdag 3 december 2019, 13.30–17.00 uur", "Wijkcentrum De Schakel", "Deventer",
                  "Een werkplaats over wonen en zorg: wat werkt in de wijk?", "Werkplaatsen wijkgericht werken, ronde 2"):
        assert shown in preview, shown


def test_editing_a_casus_changes_that_field_and_keeps_every_other_value(beheer, editor_tab):
    page, repo = editor_tab, beheer.repo
    path = "content/casussen/wonen-en-zorg-in-het-beekveld.md"
    original = read(repo, path)
    before = commits(repo)
    sign_in(page, beheer.url)
    page.get_by_role("link", name="Casussen").first.click()
    page.get_by_role("link", name="Wonen en zorg in Het Beekveld").click()
    field_named(page, "Wijk").fill("Beekveld-Noord")
    save(page)
    page.get_by_text("Item opgeslagen").wait_for()

    after = wait_for_commit(repo, before)
    assert after[1:] == before
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == [path]
    edited = read(repo, path)
    assert edited.data == {**original.data, "wijk": "Beekveld-Noord"}
    assert list(edited.data) == list(original.data), "every key, in the same order"
    assert edited.body.strip() == original.body.strip()
    assert check(repo).returncode == 0


def refused(page, saves: list[str], messages: tuple[str, ...]) -> None:
    """Save, and see the form refuse with the Dutch `messages` under the fields; nothing is sent to be saved."""
    save(page)
    for message in messages:
        page.get_by_text(message, exact=True).wait_for()
    assert saves == [], "nothing was sent to be saved"


def record_saves(page) -> list[str]:
    saves = []
    page.on("request", lambda request: "persistEntry" in (request.post_data or "") and saves.append(request.url))
    return saves


def test_the_form_refuses_a_missing_field_and_an_http_address_in_dutch(beheer, editor_tab):
    page, repo = editor_tab, beheer.repo
    saves, before = record_saves(page), commits(repo)
    sign_in(page, beheer.url)
    page.get_by_role("link", name="Sessies").first.click()
    page.get_by_role("link", name="Item van type Sessie maken").click()
    field_named(page, "Titel").fill("Sessie 6: zonder samenvatting")
    field_named(page, "Aanmeldformulier").fill("http://www.lpbagenda.nl/sessie-6")
    refused(page, saves, ("Samenvatting is verplicht.", "Ronde is verplicht.",
                          "Vul een webadres in dat begint met https:// en op een van deze websites staat: "
                          "www.lpbagenda.nl."))
    assert commits(repo) == before


def test_a_hand_written_wrong_date_and_unknown_term_are_refused_in_dutch(beheer, editor_tab):
    """The form's pickers cannot make these; a file written by hand can, and the form catches it."""
    page, repo = editor_tab, beheer.repo
    saves, before = record_saves(page), commits(repo)
    hand_written = repo / "content" / "casussen" / "met-de-hand.md"
    text = (repo / "content" / "casussen" / "wonen-en-zorg-in-het-beekveld.md").read_text(encoding="utf-8")
    hand_written.write_text(text.replace("titel: Wonen en zorg in Het Beekveld", "titel: Met de hand geschreven")
                            .replace("bijgewerkt: 2019-12-10", "bijgewerkt: 10-12-2019")
                            .replace("fase: uitvoering", "fase: klaar"), encoding="utf-8")
    try:
        sign_in(page, beheer.url)
        page.get_by_role("link", name="Casussen").first.click()
        page.get_by_role("link", name="Met de hand geschreven").click()
        field_named(page, "Wijk").fill("Ergens")
        refused(page, saves, ("Schrijf het zo: datum: jjjj-mm-dd, zoals 2019-10-08.",
                              "Kies een van: Verkenning, Uitvoering, Afgerond."))
    finally:
        hand_written.unlink()
    assert commits(repo) == before


def test_the_editor_runs_under_its_own_policy_and_pages_keep_the_strict_one(beheer, editor_tab):
    rules = parse_headers_file(HEADERS_FILE)
    recorder = Recorder(editor_tab)
    record = recorder.visit(beheer.url + ADMIN_URL)
    editor_tab.get_by_role("button", name="Inloggen").click()
    editor_tab.get_by_role("link", name="Sessies").first.click()
    editor_tab.get_by_role("link", name="Pleinen en water").click()
    preview = editor_tab.frame_locator("iframe").first
    assert preview.locator("h1.utrecht-heading-1").inner_text() == "Pleinen en water"
    sheets = preview.locator("link[rel=stylesheet]").evaluate_all("links => links.map(l => l.href)")
    assert any(re.search(rf"{ASSETS_URL}site\.[0-9a-f]{{10}}\.css$", href) for href in sheets), sheets
    assert preview.get_by_role("heading", name="Voorbereiding").count() == 1, "Markdown fields are in the preview"
    assert record.problems() == [], record.problems()
    assert len(record.requests) > 10, "the recorder saw the editor load"

    with urllib.request.urlopen(beheer.url + ADMIN_URL) as response:  # noqa: S310 - loopback only
        editor_policy = response.headers["Content-Security-Policy"]
        assert f'content="{meta_policy(rules, ADMIN_URL)}"'.replace("'", "&#39;") in response.read().decode()
    with urllib.request.urlopen(beheer.url + "/") as response:  # noqa: S310 - loopback only
        page_policy = response.headers["Content-Security-Policy"]
        assert f'content="{meta_policy(rules)}"'.replace("'", "&#39;") in response.read().decode()
    assert editor_policy == dict(headers_for(rules, ADMIN_URL))["Content-Security-Policy"]
    assert page_policy == dict(headers_for(rules, "/"))["Content-Security-Policy"]
    assert "'unsafe-eval'" in editor_policy and "'unsafe-eval'" not in page_policy


def test_the_deployed_editor_offers_the_github_sign_in_without_policy_problems(tab, served_site):
    """Every build carries the production configuration: GitHub, under the /beheer/ policy."""
    record = tab.visit(served_site.url + ADMIN_URL)
    tab.page.get_by_role("button", name="Inloggen met GitHub").wait_for()
    assert record.problems() == [], record.problems()
