"""The preview's plain-language panel: on item pages in the preview only, updated for the saved item only."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.build.preview_support import PANEL, language_preview
from tests.support import FIXTURE_CONTENT, REGISTRATION_OPEN, build
from werkplaatsen.plainlanguage import Checker


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    with language_preview(tmp_path_factory.mktemp("panel")) as updater:
        yield updater


def page(preview, url: str) -> BeautifulSoup:
    return BeautifulSoup((preview.output / url.strip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_an_item_page_lists_each_finding_marked_in_its_sentence(preview):
    panel = page(preview, "/nieuws/taal/").find(class_=PANEL)
    summary = panel.find("details").find("summary")
    assert summary.get_text() == ("Taaladvies (B1): 1 zin langer dan 20 woorden, 1 lijdende vorm, 1 ambtelijk woord, "
                                  "1 weinig gebruikt woord, 1 lang woord, 1 je-vorm")
    items = panel.find("ol").find_all("li", recursive=False)
    marks = [item.find("mark").get_text() for item in items]
    assert marks[:2] + marks[3:] == ["middels", "wordt besproken", "huurdersvereniging", "zwenkbrulaap", "je"]
    assert items[1].find_all("p")[1].get_text() == "Het plan wordt besproken met de bewoners."
    assert items[0].find("strong").get_text() == "Samenvatting, ambtelijk woord."
    assert items[5].find("strong").get_text() == "Tekst, je-vorm."
    assert items[5].find_all("p")[1].get_text() == "Neem je laarzen mee."
    assert items[5].find_all("p")[0].get_text() == ("Tekst, je-vorm. 'je' is de je-vorm. Deze site spreekt de lezer "
                                                     "aan met u. Schrijf liever: u of uw.")
    assert marks[2].startswith("Voorbeeldstad nodigt") and marks[2].endswith("praten.")  # the long sentence


def test_an_item_without_findings_says_so_and_other_pages_have_no_panel(preview):
    assert page(preview, "/casussen/plein/").find(class_=PANEL).get_text(strip=True) == \
        "Taaladvies (B1): geen opmerkingen over de taal."
    assert page(preview, "/nieuws/").find(class_=PANEL) is None
    assert page(preview, "/").find(class_=PANEL) is None


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_builds_never_carry_it(tmp_path, settings):
    """make html and make publish (with the example content let through, so every fixture page is built)."""
    built = build(FIXTURE_CONTENT, tmp_path / "output", now=REGISTRATION_OPEN, settings=settings,
                  extra_env={"WERKPLAATSEN_VOORBEELDEN_TOESTAAN": "ja"})
    assert built.returncode == 0, built.stderr
    pages = built.html_files()
    assert len(pages) > 40
    assert [path for path in pages if PANEL in path.read_text(encoding="utf-8")] == []
    assert built.page("/casussen/plein/").find("h1").get_text() == "Een plein dat water bergt"


@pytest.fixture
def saved(preview):
    """Save content files in the module's preview for one test; afterwards they are as before, updated."""
    content = preview.output.parent / "content"
    before: dict = {}

    def save(file: str, text: str) -> None:
        path = content / file
        before.setdefault(path, path.read_text(encoding="utf-8") if path.exists() else None)
        path.write_text(text, encoding="utf-8")

    yield save
    for path, text in before.items():
        if text is None:
            path.unlink()
        else:
            path.write_text(text, encoding="utf-8")
    preview.update()


def test_a_save_checks_only_the_saved_item_again(preview, saved, monkeypatch):
    checked = []
    original = Checker.check
    monkeypatch.setattr(Checker, "check", lambda self, blocks, field: checked.append(field) or original(self, blocks, field))
    item = preview.output.parent / "content" / "berichten" / "taal.md"
    saved("berichten/taal.md", item.read_text(encoding="utf-8").replace("Het plan wordt besproken met de bewoners.",
                                                                         "De bewoners bespreken het plan."))
    assert preview.update() > 0
    assert sorted(checked) == ["samenvatting", "tekst", "titel"]  # the three texts of this one item
    summary = page(preview, "/nieuws/taal/").find(class_=PANEL).find("summary").get_text()
    assert "lijdende vorm" not in summary
    checked.clear()
    assert preview.update() == 0
    assert checked == []


def test_a_new_name_updates_the_panels_that_use_it(preview, saved):
    saved("personen/zwenkbrulaap.md", "---\ntitel: Zwenkbrulaap\nstatus: gepubliceerd\n---\n")
    preview.update()
    summary = page(preview, "/nieuws/taal/").find(class_=PANEL).find("summary").get_text()
    assert "weinig gebruikt woord" not in summary
