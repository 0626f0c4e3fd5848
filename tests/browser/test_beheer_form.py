"""The browser editor's words and looks, as an editor meets them in Chromium on `make beheer`.

Dutch and from the model: the site's name on the login page, no capitals for errors, no "saved" on
an empty form, labels, hints, pickers and folded lists that say what the model says, and a preview
in the site's own stylesheet.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.editor import ROUND_2, field_named, new_item, open_entry, save, sign_in
from werkplaatsen.editor.generate import production_settings
from werkplaatsen.model.routes import ADMIN_URL

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("beheer")]

SITE_NAME = production_settings()["SITENAME"]


def test_the_login_page_shows_the_sites_name(beheer, editor_tab):
    editor_tab.goto(beheer.url + ADMIN_URL)
    logo = editor_tab.get_by_role("img", name=f"{SITE_NAME}, beheer")
    logo.wait_for()
    assert logo.evaluate("image => image.complete && image.naturalWidth > 0"), "the logo loads under the policy"
    assert logo.get_attribute("src") == f"{ADMIN_URL}logo.svg"
    assert editor_tab.get_by_role("button", name="Inloggen").is_visible()


def test_an_empty_new_form_claims_nothing_was_saved_and_errors_come_in_ordinary_letters(beheer, editor_tab):
    page = editor_tab
    new_item(page, beheer.url, "Sessies", "Sessie")
    status = page.locator("[class*='-BackStatusUnchanged']")
    assert status.inner_text() == "Geen nieuwe wijzigingen".upper(), "Decap shows it in capitals"
    assert not page.get_by_text(re.compile("wijzigingen opgeslagen", re.I)).filter(visible=True).count()
    field_named(page, "Titel").fill("Sessie zonder samenvatting")
    assert page.locator("[class*='-BackStatusChanged']").inner_text() == "Nog niet opgeslagen".upper()
    save(page)
    error = page.get_by_text("Samenvatting is verplicht.", exact=True)
    error.wait_for()
    assert error.evaluate("item => getComputedStyle(item).textTransform") == "none"
    assert error.evaluate("item => item.innerText") == "Samenvatting is verplicht."


def test_labels_hints_and_pickers_say_what_the_model_says(beheer, editor_tab):
    page = editor_tab
    new_item(page, beheer.url, "Sessies", "Sessie")
    assert page.get_by_role("spinbutton", name="Nummer in de ronde (niet verplicht)", exact=True).count() == 1
    assert not [label for label in page.locator("label").all_inner_texts() if "optioneel" in label.lower()], \
        "Decap's own (optioneel) is never shown"
    assert page.get_by_role("textbox", name="Naam", exact=True).count() == 1, "needed when Locatie is filled in"
    assert page.get_by_text("Vul dit in als u iets invult bij Locatie.").first.is_visible()
    assert page.get_by_text("Toegestane websites: www.lpbagenda.nl.").first.is_visible()
    assert not page.get_by_text(re.compile("korte naam", re.I)).filter(visible=True).count()
    field_named(page, "Ronde").click()
    page.keyboard.type("ronde")
    page.get_by_role("option", name=ROUND_2, exact=True).wait_for()
    options = page.get_by_role("option").all_inner_texts()
    assert [option for option in options if not re.search(r"\(\d{4}-\d\d-\d\d tot ", option)] == []


def test_a_folded_list_shows_each_item_by_what_tells_it_apart_and_counts_in_dutch(beheer, editor_tab):
    page, repo = editor_tab, beheer.repo
    sign_in(page, beheer.url)
    open_entry(page, "Casussen", "Wonen en zorg in Het Beekveld")
    assert page.get_by_text("5 betrokkenen", exact=True).is_visible()
    for name in ("Woningcorporatie", "Wijkteam", "Welzijnswerk en buurthuis"):
        assert page.get_by_text(name, exact=True).is_visible(), name
    labels = page.get_by_text(re.compile(r"^Betrokkenen( \(optioneel\))?$")).filter(visible=True)
    assert labels.count() == 1, "the field's label once, no item is called Betrokkenen"
    assert page.get_by_role("button", name="Voeg betrokkene toe").is_visible()
    assert page.get_by_text("beleidsmedewerker-wonen", exact=True).is_visible(), "a trio member by its role"


def test_the_preview_pane_shows_the_item_in_the_sites_own_stylesheet(beheer, editor_tab):
    page = editor_tab
    sign_in(page, beheer.url)
    open_entry(page, "Sessies", "Pleinen en water")
    preview = page.frame_locator("iframe").first
    heading = preview.locator("h1.utrecht-heading-1")
    heading.wait_for()
    rules = heading.evaluate("""h1 => [...h1.ownerDocument.styleSheets]
        .filter(sheet => /\\/theme\\/site\\.[0-9a-f]{10}\\.css$/.test(sheet.href)).map(sheet => sheet.cssRules.length)""")
    assert len(rules) == 1 and rules[0] > 100, "the site's stylesheet loaded and was applied"
    looks = "h1 => { const style = getComputedStyle(h1); return [style.fontFamily, style.color, style.fontWeight]; }"
    in_preview = heading.evaluate(looks)
    site = page.context.new_page()
    site.goto(beheer.url + "/sessies/ronde-2-sessie-3-pleinen-en-water/")
    assert site.locator("h1.utrecht-heading-1").evaluate(looks) == in_preview
    site.close()
